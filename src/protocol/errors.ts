import { Data } from "effect";

/**
 * Every failure a call can end in. They are `Data.TaggedError`s so Effect code can
 * `catchTag` them, and plain `Error`s so Promise code can `instanceof` them.
 */

/** The channel dropped (or was never up) while the call was outstanding. */
export class Disconnected extends Data.TaggedError("Disconnected")<{
  readonly message: string;
}> {}

/**
 * The other side ran the method and it failed; `message` is the remote text. When the remote
 * error was tagged, `remoteTag` and `data` carry it; a contract proxy turns declared ones back
 * into their own classes (see rpc-contract.ts).
 */
export class RemoteError extends Data.TaggedError("RemoteError")<{
  readonly method: string;
  readonly message: string;
  readonly remoteTag?: string;
  readonly data?: unknown;
}> {}

/** No answer within the call's time limit; the remote side was sent `$cancel`. */
export class CallTimeout extends Data.TaggedError("CallTimeout")<{
  readonly method: string;
  readonly timeoutMs: number;
  readonly message: string;
}> {}

/** The caller gave up (AbortSignal / fiber interruption); the remote side was sent `$cancel`. */
export class CallCancelled extends Data.TaggedError("CallCancelled")<{
  readonly method: string;
  readonly message: string;
}> {}

/** The supervisor stopped reconnecting: nothing can be sent until it is restarted. */
export class ChannelDead extends Data.TaggedError("ChannelDead")<{
  readonly message: string;
}> {}

/** An outgoing frame would exceed the peer's frame cap, so it was never sent. */
export class PayloadTooLarge extends Data.TaggedError("PayloadTooLarge")<{
  readonly method: string;
  readonly bytes: number;
  readonly limit: number;
  readonly message: string;
}> {}

/** A value could not be encoded as JSON (cycles, BigInt, nesting too deep). */
export class EncodeFailed extends Data.TaggedError("EncodeFailed")<{
  readonly method: string;
  readonly message: string;
}> {}

/** An incoming frame that does not follow the wire format. */
export class MalformedFrame extends Data.TaggedError("MalformedFrame")<{
  /** The request id, when one could be read, so the sender can be answered. */
  readonly id: number | undefined;
  readonly message: string;
}> {}

/** Handler-side: the method is not registered. Travels as a plain error string. */
export class UnknownMethod extends Data.TaggedError("UnknownMethod")<{
  readonly method: string;
  readonly message: string;
}> {}

export type CallError =
  Disconnected | RemoteError | CallTimeout | CallCancelled | ChannelDead | PayloadTooLarge | EncodeFailed;

export const unknownMethod = (method: string): UnknownMethod =>
  new UnknownMethod({ method, message: `Unknown method '${method}'` });
