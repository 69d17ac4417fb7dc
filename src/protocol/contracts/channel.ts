/**
 * Methods every connection has, whatever it is for: liveness, echo for latency measurements,
 * host facts, and a call back into the client to show the channel is two-way.
 */
import { Schema } from "effect";
import { NoPayload, notification, request } from "../rpc-contract.js";

export const HostInfo = Schema.Struct({
  pid: Schema.Int,
  node: Schema.String,
  electron: Schema.NullOr(Schema.String),
  uptimeMs: Schema.Number,
});
export type HostInfo = typeof HostInfo.Type;

/** Served by the extension host on every connection. */
export const ChannelContract = {
  ping: request("$ping", { payload: NoPayload, success: Schema.Literal("pong") }),
  echo: request("demo.echo", { payload: Schema.Unknown, success: Schema.Unknown }),
  hostInfo: request("host.info", { payload: NoPayload, success: HostInfo }),
  /** Asks the host to call back the client (`renderer.hello`) — proves both directions. */
  callBack: request("demo.callRenderer", {
    payload: Schema.String,
    success: Schema.Struct({ rendererSaid: Schema.Unknown }),
  }),
} as const;

/** Served by a client that wants to be called back (the renderer). */
export const ClientContract = {
  hello: request("renderer.hello", { payload: Schema.String, success: Schema.String }),
  /** A line for the client's log. */
  log: notification("renderer.log", { payload: Schema.String }),
} as const;
