/**
 * Where the supervisor learns `{port, secret}`: from main through the preload bridge in
 * Electron, from a test harness elsewhere. Asked afresh on every attempt, because a
 * restarted extension host has a new port and a new secret.
 */
import { Context, Data, Effect } from "effect";
import type { ConnectionInfo } from "../../../protocol/handshake.js";

export class HostUnavailable extends Data.TaggedError("HostUnavailable")<{ readonly message: string }> {}

export class ConnectionSource extends Context.Service<
  ConnectionSource,
  { readonly get: Effect.Effect<ConnectionInfo, HostUnavailable> }
>()("renderer/ConnectionSource") {}

export const connectionSourceFromPromise = (get: () => Promise<ConnectionInfo>): ConnectionSource["Service"] => ({
  get: Effect.tryPromise({
    try: get,
    catch: (e) => new HostUnavailable({ message: e instanceof Error ? e.message : String(e) }),
  }),
});
