/**
 * One declaration per RPC method, used to build both ends — the idea of VS Code's
 * `extHost.protocol.ts` + `proxyIdentifier.ts` and of Effect's `RpcGroup`, on our hardened wire
 * format and `RpcPeer`.
 *
 *   const Files = { readFile: request("extHost.fs.readFile", { payload: Uri, success: Schema.String }) }
 *   serve(peer, Files, { readFile: (uri, { signal }) => … })   // params decoded, result type-checked
 *   const files = proxy(peer, Files); await files.readFile(uri, { signal })   // result decoded
 *
 * Every method takes one payload and travels as `"params":[payload]` (`[]` when it has none), so
 * call sites name their fields instead of counting positions. Failures declared in `error` come
 * back as instances of their own class; other remote failures are `RemoteError` (with the tag).
 */
import { Schema } from "effect";
import type { CallOptions, HandlerContext } from "./peer.js";
import { RemoteError } from "./errors.js";

/** Schemas that need no services to decode or encode: every wire shape. */
export type WireSchema = Schema.Codec<unknown, unknown, never, never>;

export interface RequestSpec<P extends WireSchema, S extends WireSchema, E extends WireSchema> {
  readonly kind: "request";
  readonly method: string;
  readonly payload: P;
  readonly success: S;
  /** Tagged errors (Schema.TaggedError classes) the method may fail with. */
  readonly error: E;
}

export interface NotificationSpec<P extends WireSchema> {
  readonly kind: "notification";
  readonly method: string;
  readonly payload: P;
}

export type AnyRequest = RequestSpec<WireSchema, WireSchema, WireSchema>;
export type AnyNotification = NotificationSpec<WireSchema>;
export type Contract = Readonly<Record<string, AnyRequest | AnyNotification>>;

/** A payload-less method: `Schema.Void` (no params on the wire). */
export const NoPayload = Schema.Void;

export const request = <P extends WireSchema, S extends WireSchema, E extends WireSchema = typeof Schema.Never>(
  method: string,
  spec: { readonly payload: P; readonly success: S; readonly error?: E },
): RequestSpec<P, S, E> => ({
  kind: "request",
  method,
  payload: spec.payload,
  success: spec.success,
  error: (spec.error ?? Schema.Never) as E,
});

export const notification = <P extends WireSchema>(
  method: string,
  spec: { readonly payload: P },
): NotificationSpec<P> => ({
  kind: "notification",
  method,
  payload: spec.payload,
});

/** The caller passed params that do not match the method's declared payload. */
export class InvalidParams extends Schema.TaggedError<InvalidParams>()("InvalidParams", {
  method: Schema.String,
  message: Schema.String,
}) {}

/** The other side answered with a value that does not match the method's declared result. */
export class InvalidResult extends Schema.TaggedError<InvalidResult>()("InvalidResult", {
  method: Schema.String,
  message: Schema.String,
}) {}

// ── the serving end ──────────────────────────────────────────────────────────────────────────

type Awaitable<T> = T | Promise<T>;

/** What an implementation must provide: one function per method, typed by its declaration. */
export type Implementation<C extends Contract> = {
  readonly [K in keyof C]: C[K] extends RequestSpec<infer P, infer S, infer _E>
    ? (payload: P["Type"], ctx: HandlerContext) => Awaitable<S["Type"]>
    : C[K] extends NotificationSpec<infer P>
      ? (payload: P["Type"], ctx: HandlerContext) => Awaitable<void>
      : never;
};

/** Anything methods can be registered on: an RpcPeer, the renderer's channel client… */
export interface Registrar {
  register(
    method: string,
    handler: (params: ReadonlyArray<unknown>, ctx: HandlerContext) => unknown,
  ): (() => void) | Promise<() => void>;
}

const isVoid = (schema: WireSchema): boolean => schema.ast._tag === "Void";

/** `Schema.Unknown` / `Schema.Any` with no checks: decoding and encoding are the identity. */
const isIdentity = (schema: WireSchema): boolean => {
  const ast = schema.ast;
  return (ast._tag === "Unknown" || ast._tag === "Any") && ast.checks === undefined && ast.encoding === undefined;
};
const identity = (u: unknown): unknown => u;

/**
 * A schema's sync decoder or encoder, built once per method (not per call); the identity for
 * schemas that accept anything as it is.
 */
const syncCodec = (schema: WireSchema, direction: "decode" | "encode"): ((u: unknown) => unknown) =>
  isIdentity(schema) ? identity : direction === "decode" ? Schema.decodeUnknownSync(schema) : Schema.encodeSync(schema);

const describeIssue = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Decodes a method's params; a mismatch is the caller's fault, reported as InvalidParams. */
const payloadDecoder = (spec: {
  readonly method: string;
  readonly payload: WireSchema;
}): ((params: ReadonlyArray<unknown>) => unknown) => {
  if (isVoid(spec.payload)) return () => undefined;
  const decode = syncCodec(spec.payload, "decode");
  return (params) => {
    if (params.length !== 1) {
      throw new InvalidParams({
        method: spec.method,
        message: `'${spec.method}' takes 1 parameter, got ${params.length}`,
      });
    }
    try {
      return decode(params[0]);
    } catch (e) {
      throw new InvalidParams({
        method: spec.method,
        message: `invalid params for '${spec.method}': ${describeIssue(e)}`,
      });
    }
  };
};

/** Decodes a method's params; a mismatch is the caller's fault, reported as InvalidParams. */
export const decodePayload = <P extends WireSchema>(
  spec: { readonly method: string; readonly payload: P },
  params: ReadonlyArray<unknown>,
): P["Type"] => payloadDecoder(spec)(params);

/** Unregisters what `serve` registered; `ready` settles once an asynchronous registrar took them all. */
export type Served = (() => void) & { readonly ready: Promise<void> };

/** Registers every method of `contract`; returns a function that unregisters them all. */
export const serve = <C extends Contract>(registrar: Registrar, contract: C, impl: Implementation<C>): Served => {
  const disposers = Object.keys(contract).map((key) => {
    const spec = contract[key]!;
    const fn = impl[key] as (payload: unknown, ctx: HandlerContext) => unknown;
    const decode = payloadDecoder(spec);
    if (spec.kind === "notification") {
      return registrar.register(spec.method, (params, ctx) => fn(decode(params), ctx));
    }
    const encodeSuccess = syncCodec(spec.success, "encode");
    const encodeResult = isVoid(spec.success) ? () => null : encodeSuccess;
    // A synchronous implementation is answered synchronously (RpcPeer then replies without a
    // microtask hop); only a promise is awaited.
    return registrar.register(spec.method, (params, ctx) => {
      const result = fn(decode(params), ctx);
      return result instanceof Promise ? result.then(encodeResult) : encodeResult(result);
    });
  });
  const dispose = (): void => {
    for (const d of disposers) {
      if (typeof d === "function") d();
      else void d.then((undo) => undo());
    }
  };
  return Object.assign(dispose, { ready: Promise.all(disposers).then(() => undefined) });
};

// ── the calling end ──────────────────────────────────────────────────────────────────────────

/** Anything that can send: an RpcPeer, the renderer's channel client, a test client. */
export interface Caller {
  call(method: string, params: ReadonlyArray<unknown>, options?: CallOptions): Promise<unknown>;
  notify(method: string, params: ReadonlyArray<unknown>): unknown;
}

type Args<P extends WireSchema> = P extends typeof Schema.Void ? [] : [payload: P["Type"]];

/** Typed methods for every declaration: requests return their decoded result, notifications void. */
export type Proxy<C extends Contract> = {
  readonly [K in keyof C]: C[K] extends RequestSpec<infer P, infer S, infer _E>
    ? (...args: [...Args<P>, options?: CallOptions]) => Promise<S["Type"]>
    : C[K] extends NotificationSpec<infer P>
      ? (...args: Args<P>) => void
      : never;
};

/** Turns a RemoteError back into the declared tagged error it was, when it was one. */
const reviveError = (spec: AnyRequest, e: unknown): unknown => {
  if (!(e instanceof RemoteError) || e.remoteTag === undefined) return e;
  const encoded = {
    _tag: e.remoteTag,
    message: e.message,
    ...(typeof e.data === "object" && e.data !== null ? e.data : {}),
  };
  for (const schema of [spec.error, InvalidParams as unknown as WireSchema]) {
    try {
      return Schema.decodeUnknownSync(schema)(encoded);
    } catch {
      // not this one
    }
  }
  return e;
};

/** The params encoder of one method, built once: `[]` for no payload, else `[encoded]`. */
const paramsEncoder = (spec: AnyRequest | AnyNotification): ((args: ReadonlyArray<unknown>) => unknown[]) => {
  if (isVoid(spec.payload)) return () => [];
  const encode = syncCodec(spec.payload, "encode");
  return (args) => {
    try {
      return [encode(args[0])];
    } catch (e) {
      throw new InvalidParams({ method: spec.method, message: `cannot send '${spec.method}': ${describeIssue(e)}` });
    }
  };
};

export const proxy = <C extends Contract>(caller: Caller, contract: C): Proxy<C> => {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(contract)) {
    const spec = contract[key]!;
    const hasPayload = !isVoid(spec.payload);
    const encodeParams = paramsEncoder(spec);
    if (spec.kind === "notification") {
      out[key] = (...args: unknown[]) => {
        // Fire and forget: a notification that cannot be sent (disconnected) is dropped.
        const sent = caller.notify(spec.method, encodeParams(args));
        if (sent instanceof Promise) sent.catch(() => undefined);
      };
      continue;
    }
    const decode = syncCodec(spec.success, "decode");
    const voidResult = isVoid(spec.success);
    const decodeResult = (raw: unknown): unknown => {
      try {
        return decode(voidResult ? undefined : raw);
      } catch (e) {
        throw new InvalidResult({
          method: spec.method,
          message: `bad result from '${spec.method}': ${describeIssue(e)}`,
        });
      }
    };
    const revive = (e: unknown): never => {
      throw reviveError(spec, e);
    };
    // One promise per call (the caller's): no async function, no extra await hop.
    out[key] = (...args: unknown[]): Promise<unknown> => {
      const options = (hasPayload ? args[1] : args[0]) as CallOptions | undefined;
      let sent: Promise<unknown>;
      try {
        sent = caller.call(spec.method, encodeParams(args), options);
      } catch (e) {
        return Promise.reject(e instanceof InvalidParams ? e : reviveError(spec, e));
      }
      return sent.then(decodeResult, revive);
    };
  }
  return out as Proxy<C>;
};
