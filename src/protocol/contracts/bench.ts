/** Methods the IPC profiler and `npm run bench` drive. Cheap on purpose: they measure the channel. */
import { Schema } from "effect";
import { NoPayload, notification, request } from "../rpc-contract.js";

export const BenchContract = {
  /** Returns its payload. */
  echo: request("bench.echo", { payload: Schema.Unknown, success: Schema.Unknown }),
  /** Counted, never answered. */
  sink: notification("bench.sink", { payload: Schema.Unknown }),
  /** The sink count since the last call, then resets it. */
  takeCount: request("bench.takeCount", { payload: NoPayload, success: Schema.Int }),
} as const;
