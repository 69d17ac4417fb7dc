/**
 * One end of the RPC channel, independent of the transport: it turns calls into frames,
 * frames into handler invocations, and keeps the table of calls waiting for an answer.
 * The extension host uses one per WebSocket connection; the renderer's supervisor makes a
 * fresh one for every (re)connection and wraps it in Effect.
 */
import { Result } from "effect";
import {
  encodeFailure,
  encodeNotification,
  encodeRequest,
  encodeSuccess,
  decodeFrame,
  malformed,
  splitBatch,
  decodeBatch,
  type Decoded,
  type Notification,
  type Request,
  type WireError,
} from "./envelope.js";
import {
  CallCancelled,
  CallTimeout,
  Disconnected,
  EncodeFailed,
  PayloadTooLarge,
  RemoteError,
  unknownMethod,
  type CallError,
  type MalformedFrame,
} from "./errors.js";
import { CANCEL_METHOD } from "./methods.js";
import { decodeBinaryFrame, encodeBinaryFrame, type PayloadKey } from "./binary-frame.js";
import { decodeSegmentFrame, encodeSegmentFrame, MIN_SEGMENT_CHARS, SEGMENT_FORMAT_V1 } from "./segment-frame.js";

export interface HandlerContext {
  /** Aborted when the caller cancels (`$cancel`) or the connection drops. */
  readonly signal: AbortSignal;
  /** The peer the request came in on, to call back the other side. */
  readonly peer: RpcPeer;
}

export type Handler = (params: ReadonlyArray<unknown>, ctx: HandlerContext) => unknown;

export interface CallOptions {
  readonly signal?: AbortSignal;
  /** Milliseconds; 0 or undefined = no limit (the caller's own signal still applies). */
  readonly timeoutMs?: number;
}

export interface PeerLogger {
  warn(message: string): void;
}

export interface PeerOptions {
  /** Writes one frame. May throw if the transport is gone; that fails the call. */
  readonly send: (frame: string) => void;
  /** Largest frame this peer will send; bigger calls fail locally with PayloadTooLarge. */
  readonly maxFrameBytes?: number;
  readonly logger?: PeerLogger;
  /** Observes every frame, for the traffic meter and debug logging. */
  readonly onTraffic?: (direction: "in" | "out", bytes: number) => void;
  /**
   * Writes one binary frame. When set, payloads holding bytes (Uint8Array) or whose JSON
   * exceeds `binaryThreshold` travel as binary frames (see binary-frame.ts).
   */
  readonly sendBinary?: (frame: Uint8Array) => void;
  /**
   * JSON text length above which a frame goes binary; default Infinity (never). Measured at
   * 1 MiB of text: msgpack-encoding it after JSON.stringify doubled the encoder's work
   * (~3.8 ms on top of ~3 ms), more than the receiver saves; only bytes go binary by default.
   */
  readonly binaryThreshold?: number;
  /**
   * Size of the incoming requests whose handlers are running at once (frame length: UTF-16
   * units for text, bytes for binary). A request that would exceed it is refused with a
   * failure; its handler never runs. A lone request is always admitted. Default: no limit.
   */
  readonly maxInFlightRequestBytes?: number;
  /**
   * Batch frames were negotiated (see handshake.ts): the text frames produced in one turn go
   * out as one frame holding a JSON array of envelopes, and incoming arrays are accepted.
   * Off by default: a client that did not ask for batches gets one envelope per frame.
   */
  readonly batching?: boolean;
  /**
   * String segments were negotiated (see handshake.ts, segment-frame.ts): large strings travel
   * as raw UTF-8 in binary frames (needs `sendBinary`), and such frames are accepted.
   */
  readonly stringSegments?: boolean;
  /**
   * Runs the batch flush; default queueMicrotask: after the code that is running now and the
   * promise reactions already queued (every caller woken by one incoming batch writes before it).
   */
  readonly scheduleFlush?: (flush: () => void) => void;
}

export interface PeerStats {
  malformedFrames: number;
  strayResponses: number;
  requestsIn: number;
  requestsOut: number;
  notificationsIn: number;
  notificationsOut: number;
}

/**
 * A call waiting for its answer. A plain call (no signal, no timeout) allocates nothing else:
 * the abort listener and the timer exist only when asked for.
 */
interface PendingCall {
  readonly method: string;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: CallError) => void;
  timer?: ReturnType<typeof setTimeout>;
  signal?: AbortSignal;
  onAbort?: () => void;
}

const cleanup = (call: PendingCall): void => {
  if (call.timer !== undefined) clearTimeout(call.timer);
  if (call.onAbort) call.signal?.removeEventListener("abort", call.onAbort);
};

const DEFAULT_MAX_FRAME_BYTES = 16 * 1024 * 1024;
const DEFAULT_BINARY_THRESHOLD = Infinity;
/**
 * Largest batch frame, in UTF-16 units. The receiver splits a batch with a character scan, so
 * big envelopes travel alone (where only bracket-heavy text pays for a scan).
 */
export const MAX_BATCH_CHARS = 64 * 1024;

type Frame = string | Uint8Array;

/** Thrown from the JSON replacer to switch a frame to binary; never escapes the peer. */
const NEEDS_BINARY = Symbol("needs binary frame");
function detectBytes(this: unknown, key: string, value: unknown): unknown {
  // `this[key]` is the value before toJSON (a Node Buffer would otherwise look like an object).
  if (ArrayBuffer.isView((this as Record<string, unknown>)[key])) throw NEEDS_BINARY;
  return value;
}

/** How many nodes the byte search visits before leaving the rest to the JSON replacer. */
const BYTES_SEARCH_BUDGET = 4096;

/**
 * What `value` holds where JSON.stringify would look (arrays and own enumerable properties,
 * before toJSON, like the replacer): "bytes" (a typed array), "big-string" (a string of at
 * least MIN_SEGMENT_CHARS, no bytes seen), "plain", or undefined when it is too big to tell
 * cheaply (or cyclic); the caller then stringifies with the replacer.
 */
const scanPayload = (value: unknown): "bytes" | "big-string" | "plain" | undefined => {
  let budget = BYTES_SEARCH_BUDGET;
  let bigString = false;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === "string") {
      if (v.length >= MIN_SEGMENT_CHARS) bigString = true;
      continue;
    }
    if (typeof v !== "object" || v === null) continue;
    if (ArrayBuffer.isView(v)) return "bytes";
    if (--budget < 0) return undefined;
    if (Array.isArray(v)) for (let i = 0; i < v.length; i++) stack.push(v[i]);
    else
      for (const k in v) if (Object.prototype.hasOwnProperty.call(v, k)) stack.push((v as Record<string, unknown>)[k]);
  }
  return bigString ? "big-string" : "plain";
};

/**
 * A request being handled. Its AbortController is made only if the handler reads `signal`
 * (most never do; one costs ~2.5 µs), but a cancel that came first is still seen.
 */
class RunningRequest implements HandlerContext {
  private controller: AbortController | undefined;
  private abortedWith: { reason: unknown } | undefined;
  constructor(readonly peer: RpcPeer) {}
  get signal(): AbortSignal {
    if (!this.controller) {
      this.controller = new AbortController();
      if (this.abortedWith) this.controller.abort(this.abortedWith.reason);
    }
    return this.controller.signal;
  }
  abort(reason?: unknown): void {
    if (this.abortedWith) return;
    this.abortedWith = { reason };
    this.controller?.abort(reason);
  }
}

const isPromiseLike = (v: unknown): v is PromiseLike<unknown> =>
  (typeof v === "object" || typeof v === "function") &&
  v !== null &&
  typeof (v as { then?: unknown }).then === "function";

const describe = (e: unknown): string =>
  e instanceof Error ? e.message || e.name : typeof e === "string" ? e : String(e);

/** Fields of a tagged error that travel in `data`: its own, JSON-safe, minus what Error has. */
const OWN_ERROR_KEYS = new Set(["_tag", "message", "stack", "name", "cause"]);

/**
 * What a handler's failure becomes on the wire: a tagged error (`Data.TaggedError`,
 * `Schema.TaggedError`) keeps its tag and fields; anything else is its message, as before.
 */
export const wireError = (e: unknown): string | WireError => {
  const tag = typeof e === "object" && e !== null ? (e as { _tag?: unknown })._tag : undefined;
  if (typeof tag !== "string") return describe(e);
  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(e as object)) {
    if (!OWN_ERROR_KEYS.has(key) && value !== undefined && typeof value !== "function") data[key] = value;
  }
  let json: unknown;
  try {
    json = Object.keys(data).length > 0 ? JSON.parse(JSON.stringify(data)) : undefined;
  } catch {
    json = undefined;
  }
  return { _tag: tag, message: describe(e), ...(json !== undefined ? { data: json } : {}) };
};

/** Byte length of a UTF-16 string once UTF-8 encoded, without allocating the encoding. */
export const utf8Length = (s: string): number => {
  // Fast path: ASCII-only frames (the common case) are one byte per char.
  let bytes = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) {
      bytes += 1;
      continue;
    }
    // A surrogate pair is 4 bytes; a lone surrogate goes out as U+FFFD, 3 bytes like any
    // other BMP character (JSON.stringify escapes them, but the function takes any string).
    const next = s.charCodeAt(i + 1);
    if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      bytes += 2;
      i++;
      continue;
    }
    bytes += 2;
  }
  return bytes;
};

/** A batch frame starts with `[` (after optional JSON whitespace); an envelope with `{`. */
const isBatch = (text: string): boolean => {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 91) return true;
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return false;
  }
  return false;
};

/** The JSON text of a request (method and id), notification (id null) or success (no method). */
const encodeText = (id: number | null, method: string | undefined, payload: unknown): string =>
  method === undefined
    ? encodeSuccess(id!, payload)
    : id === null
      ? encodeNotification(method, payload as ReadonlyArray<unknown>)
      : encodeRequest(id, method, payload as ReadonlyArray<unknown>);

export class RpcPeer {
  readonly stats: PeerStats = {
    malformedFrames: 0,
    strayResponses: 0,
    requestsIn: 0,
    requestsOut: 0,
    notificationsIn: 0,
    notificationsOut: 0,
  };
  private nextId = 1;
  private readonly pending = new Map<number, PendingCall>();
  /** Ids we cancelled: their late answers are expected, not stray. */
  private readonly cancelled = new Set<number>();
  private readonly handlers = new Map<string, Handler>();
  private readonly running = new Map<number, RunningRequest>();
  private notificationContext: RunningRequest | undefined;
  /** Text frames waiting for the batch flush, and their total length. */
  private queue: string[] = [];
  private queuedChars = 0;
  /** A flush is scheduled: frames written until it runs join the batch. */
  private flushScheduled = false;
  /** >0 while dispatching incoming frames: replies queue up and leave as one batch. */
  private corked = 0;
  private readonly batchLimit: number;
  /** Bytes of the requests in `running` (their params stay reachable until they finish). */
  private inFlightRequestBytes = 0;
  private closedWith: Disconnected | undefined;
  private readonly maxFrameBytes: number;

  constructor(private readonly options: PeerOptions) {
    this.maxFrameBytes = options.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES;
    // A UTF-16 unit is at most 3 UTF-8 bytes: a batch within this never passes the frame cap.
    this.batchLimit = Math.min(MAX_BATCH_CHARS, Math.floor(this.maxFrameBytes / 3));
  }

  get pendingCount(): number {
    return this.pending.size;
  }

  get isClosed(): boolean {
    return this.closedWith !== undefined;
  }

  /** Registers `method`; returns a function that unregisters it. */
  register(method: string, handler: Handler): () => void {
    this.handlers.set(method, handler);
    return () => {
      if (this.handlers.get(method) === handler) this.handlers.delete(method);
    };
  }

  call(method: string, params: ReadonlyArray<unknown>, options?: CallOptions): Promise<unknown> {
    return new Promise<unknown>((resolve, reject) => {
      if (this.closedWith) return reject(this.closedWith);
      const signal = options?.signal;
      if (signal?.aborted) {
        return reject(new CallCancelled({ method, message: `Call to '${method}' was cancelled` }));
      }
      const id = this.nextId++;
      let frame: Frame;
      try {
        frame = this.encode(id, method, "params", params);
      } catch (e) {
        return reject(new EncodeFailed({ method, message: `Cannot encode arguments of '${method}': ${describe(e)}` }));
      }
      const tooLarge = this.checkSize(method, frame);
      if (tooLarge) return reject(tooLarge);

      const call: PendingCall = { method, resolve, reject };
      this.pending.set(id, call);
      if (signal) this.watchSignal(id, call, signal);
      const timeoutMs = options?.timeoutMs;
      if (timeoutMs && timeoutMs > 0) call.timer = this.startTimer(id, method, timeoutMs);
      this.stats.requestsOut++;
      try {
        this.write(frame);
      } catch (e) {
        this.settle(id)?.reject(new Disconnected({ message: `Could not send '${method}': ${describe(e)}` }));
      }
    });
  }

  private watchSignal(id: number, call: PendingCall, signal: AbortSignal): void {
    call.signal = signal;
    call.onAbort = () =>
      this.abandon(id, new CallCancelled({ method: call.method, message: `Call to '${call.method}' was cancelled` }));
    signal.addEventListener("abort", call.onAbort, { once: true });
  }

  private startTimer(id: number, method: string, timeoutMs: number): ReturnType<typeof setTimeout> {
    return setTimeout(
      () =>
        this.abandon(
          id,
          new CallTimeout({ method, timeoutMs, message: `'${method}' did not answer within ${timeoutMs} ms` }),
        ),
      timeoutMs,
    );
  }

  /** Fire-and-forget; failures to encode or send are reported, never thrown. */
  notify(method: string, params: ReadonlyArray<unknown>): void {
    if (this.closedWith) return;
    let frame: Frame;
    try {
      frame = this.encode(null, method, "params", params);
    } catch (e) {
      this.options.logger?.warn(`dropped notification '${method}': ${describe(e)}`);
      return;
    }
    if (this.checkSize(method, frame)) {
      this.options.logger?.warn(`dropped notification '${method}': frame over ${this.maxFrameBytes} bytes`);
      return;
    }
    this.stats.notificationsOut++;
    try {
      this.write(frame);
    } catch (e) {
      this.options.logger?.warn(`dropped notification '${method}': ${describe(e)}`);
    }
  }

  /** Feeds one incoming text frame (a batch when negotiated). Never throws. */
  receive(text: string): void {
    this.options.onTraffic?.("in", text.length);
    this.corked++;
    try {
      if (this.options.batching && isBatch(text)) {
        const envelopes = decodeBatch(text);
        if (envelopes !== undefined) {
          for (const envelope of envelopes) this.dispatch(envelope.decoded, envelope.bytes);
        } else {
          // The careful path: each envelope alone, so only a bad one is refused.
          const parts = splitBatch(text);
          if (parts === undefined)
            this.dispatch(Result.fail(malformed("batch frame is not a JSON array")), text.length);
          else for (const part of parts) this.dispatch(decodeFrame(part), part.length);
        }
      } else {
        this.dispatch(decodeFrame(text), text.length);
      }
    } finally {
      this.corked--;
    }
    if (this.corked === 0) this.flushQuietly();
  }

  /** Feeds one incoming binary frame. Never throws. */
  receiveBinary(bytes: Uint8Array): void {
    this.options.onTraffic?.("in", bytes.byteLength);
    this.corked++;
    try {
      this.dispatch(
        bytes[0] === SEGMENT_FORMAT_V1
          ? this.options.stringSegments
            ? decodeSegmentFrame(bytes)
            : Result.fail(malformed("string-segment frame on a connection that did not negotiate it"))
          : decodeBinaryFrame(bytes),
        bytes.byteLength,
      );
    } finally {
      this.corked--;
    }
    if (this.corked === 0) this.flushQuietly();
  }

  private dispatch(decoded: Result.Result<Decoded, MalformedFrame>, frameBytes: number): void {
    if (Result.isFailure(decoded)) {
      const error = decoded.failure;
      this.stats.malformedFrames++;
      this.options.logger?.warn(error.message);
      if (error.id !== undefined) this.trySend(encodeFailure(error.id, error.message));
      return;
    }
    const { kind, message } = decoded.success;
    switch (kind) {
      case "request":
        this.stats.requestsIn++;
        this.handleRequest(message, frameBytes);
        return;
      case "notification":
        this.stats.notificationsIn++;
        this.handleNotification(message);
        return;
      case "success":
        this.settleResponse(message.id)?.resolve(message.result);
        return;
      case "failure": {
        const call = this.settleResponse(message.id);
        if (!call) return;
        const error = message.error;
        call.reject(
          typeof error === "string"
            ? new RemoteError({ method: call.method, message: error })
            : new RemoteError({
                method: call.method,
                message: error.message,
                remoteTag: error._tag,
                ...(error.data !== undefined ? { data: error.data } : {}),
              }),
        );
        return;
      }
    }
  }

  /** Counts and logs a frame that cannot be a text frame at all (e.g. unexpected binary). */
  rejectFrame(reason: string): void {
    this.stats.malformedFrames++;
    this.options.logger?.warn(`Malformed frame: ${reason}`);
  }

  /**
   * The transport is gone: fail every waiting call with Disconnected, abort running handlers,
   * and refuse new calls. Idempotent.
   */
  close(reason: string): void {
    if (this.closedWith) return;
    this.closedWith = new Disconnected({ message: reason });
    const calls = [...this.pending.values()];
    this.pending.clear();
    this.cancelled.clear();
    for (const call of calls) {
      cleanup(call);
      call.reject(this.closedWith);
    }
    for (const request of this.running.values()) request.abort(this.closedWith);
    this.running.clear();
    this.queue = [];
    this.queuedChars = 0;
  }

  private handleRequest(request: Request, frameBytes: number): void {
    const { id, method, params } = request;
    const handler = this.handlers.get(method);
    if (!handler) {
      this.trySend(encodeFailure(id, unknownMethod(method).message));
      return;
    }
    // `$cancel` names a request by id, so two running requests must never share one.
    if (this.running.has(id)) {
      this.trySend(
        encodeFailure(id, `Request id ${id} is already in progress: ids must be unique among running calls`),
      );
      return;
    }
    const quota = this.options.maxInFlightRequestBytes ?? Infinity;
    if (this.running.size > 0 && this.inFlightRequestBytes + frameBytes > quota) {
      this.trySend(
        encodeFailure(
          id,
          `Too much in flight: '${method}' (${frameBytes} bytes) would exceed the ${quota}-byte limit ` +
            `on requests being handled at once on this connection (${this.inFlightRequestBytes} in use); ` +
            "retry when earlier calls finish",
        ),
      );
      return;
    }
    const running = new RunningRequest(this);
    this.running.set(id, running);
    this.inFlightRequestBytes += frameBytes;
    let result: unknown;
    try {
      result = handler(params, running);
    } catch (e) {
      this.finishRequest(id, running, frameBytes, encodeFailure(id, wireError(e)));
      return;
    }
    // A plain value is answered now, without a microtask hop per request.
    if (!isPromiseLike(result)) {
      this.finishRequest(id, running, frameBytes, this.encodeResult(id, method, result));
      return;
    }
    Promise.resolve(result).then(
      (value) => this.finishRequest(id, running, frameBytes, this.encodeResult(id, method, value)),
      (e: unknown) => this.finishRequest(id, running, frameBytes, encodeFailure(id, wireError(e))),
    );
  }

  private finishRequest(id: number, running: RunningRequest, frameBytes: number, reply: Frame): void {
    // close() may have cleared the table already (and a new request may reuse the id).
    if (this.running.get(id) === running) {
      this.running.delete(id);
      this.inFlightRequestBytes -= frameBytes;
    }
    if (this.closedWith) return;
    this.trySend(reply);
  }

  private encodeResult(id: number, method: string, result: unknown): Frame {
    let frame: Frame;
    try {
      frame = this.encode(id, undefined, "result", result);
    } catch (e) {
      return encodeFailure(id, `Cannot encode result of '${method}': ${describe(e)}`);
    }
    // frame.length is a lower bound of the UTF-8 size (and a third of an upper one): most
    // replies need no byte count at all.
    if (typeof frame === "string" && frame.length * 3 <= this.maxFrameBytes) return frame;
    const bytes = typeof frame === "string" ? utf8Length(frame) : frame.byteLength;
    return bytes > this.maxFrameBytes
      ? encodeFailure(id, `Result of '${method}' is ${bytes} bytes, over the ${this.maxFrameBytes}-byte frame limit`)
      : frame;
  }

  private handleNotification(notification: Notification): void {
    const { method, params } = notification;
    if (method === CANCEL_METHOD) {
      const id = params[0];
      if (typeof id === "number") this.running.get(id)?.abort();
      return;
    }
    const handler = this.handlers.get(method);
    if (!handler) {
      // Notifications are never answered, so an unknown one can only be logged.
      this.options.logger?.warn(`ignored notification: ${unknownMethod(method).message}`);
      return;
    }
    try {
      // Nothing cancels a notification, so one never-aborted context serves them all (its
      // signal exists only if a handler asks): no allocation per notification.
      const r = handler(params, (this.notificationContext ??= new RunningRequest(this)));
      if (r instanceof Promise) {
        r.catch((e: unknown) => this.options.logger?.warn(`notification '${method}' failed: ${describe(e)}`));
      }
    } catch (e) {
      this.options.logger?.warn(`notification '${method}' failed: ${describe(e)}`);
    }
  }

  /** Gives up on a call locally and tells the other side to stop working on it. */
  private abandon(id: number, error: CallError): void {
    const call = this.settle(id);
    if (!call) return;
    this.cancelled.add(id);
    this.notify(CANCEL_METHOD, [id]);
    call.reject(error);
  }

  private settle(id: number): PendingCall | undefined {
    const call = this.pending.get(id);
    if (!call) return undefined;
    this.pending.delete(id);
    cleanup(call);
    return call;
  }

  private settleResponse(id: number): PendingCall | undefined {
    const call = this.settle(id);
    if (call) return call;
    if (!this.cancelled.delete(id)) {
      this.stats.strayResponses++;
      this.options.logger?.warn(`response for unknown call id ${id}`);
    }
    return undefined;
  }

  /**
   * JSON text unless the payload holds bytes or is large, and the transport takes binary.
   * Without `sendBinary` this is exactly the text encoder, at no extra cost.
   */
  private encode(id: number | null, method: string | undefined, key: PayloadKey, payload: unknown): Frame {
    if (!this.options.sendBinary) return encodeText(id, method, payload);
    const header = method === undefined ? { id } : { id, method };
    const holds = scanPayload(payload);
    if (holds === "bytes") return encodeBinaryFrame(header, key, payload);
    if (holds === "big-string" && this.options.stringSegments) {
      const frame = encodeSegmentFrame(key, payload, (copy) => encodeText(id, method, copy));
      if (frame) return frame;
    }
    let text: string;
    if (holds !== undefined) {
      // Plain JSON.stringify: a replacer costs ~2 µs per small frame.
      text = encodeText(id, method, payload);
    } else {
      try {
        text = JSON.stringify({ ...header, [key]: payload === undefined ? null : payload }, detectBytes);
      } catch (e) {
        if (e === NEEDS_BINARY) return encodeBinaryFrame(header, key, payload);
        throw e;
      }
    }
    return text.length > (this.options.binaryThreshold ?? DEFAULT_BINARY_THRESHOLD)
      ? encodeBinaryFrame(header, key, payload)
      : text;
  }

  private checkSize(method: string, frame: Frame): PayloadTooLarge | undefined {
    if (typeof frame !== "string") {
      return frame.byteLength <= this.maxFrameBytes
        ? undefined
        : new PayloadTooLarge({
            method,
            bytes: frame.byteLength,
            limit: this.maxFrameBytes,
            message: `'${method}' is ${frame.byteLength} bytes, over the ${this.maxFrameBytes}-byte frame limit`,
          });
    }
    // frame.length is a lower bound of the UTF-8 size; only count bytes when it matters.
    if (frame.length * 3 <= this.maxFrameBytes) return undefined;
    const bytes = utf8Length(frame);
    if (bytes <= this.maxFrameBytes) return undefined;
    return new PayloadTooLarge({
      method,
      bytes,
      limit: this.maxFrameBytes,
      message: `'${method}' is ${bytes} bytes, over the ${this.maxFrameBytes}-byte frame limit`,
    });
  }

  /**
   * Sends or queues one frame. With batching, the first text frame leaves at once (a lone call
   * pays no delay); frames written after it before the microtask checkpoint, or while incoming
   * frames are dispatched, leave together as one batch. Order is always kept.
   */
  private write(frame: Frame): void {
    if (typeof frame !== "string") {
      this.flush();
      this.options.sendBinary!(frame);
      this.options.onTraffic?.("out", frame.byteLength);
      return;
    }
    if (!this.options.batching || frame.length > this.batchLimit) {
      this.flush();
      this.sendText(frame);
      return;
    }
    if (this.corked === 0 && !this.flushScheduled && this.queue.length === 0) {
      this.sendText(frame);
      this.scheduleFlush();
      return;
    }
    if (this.queuedChars + frame.length + this.queue.length + 1 > this.batchLimit) this.flush();
    this.queue.push(frame);
    this.queuedChars += frame.length;
    if (this.corked === 0) this.scheduleFlush();
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    (this.options.scheduleFlush ?? queueMicrotask)(this.runScheduledFlush);
  }

  /** One function for every scheduled flush: no closure per frame. */
  private readonly runScheduledFlush = (): void => {
    this.flushScheduled = false;
    this.flushQuietly();
  };

  /** A failed send means the transport is going away; its close event fails the waiting calls. */
  private flushQuietly(): void {
    try {
      this.flush();
    } catch (e) {
      this.options.logger?.warn(`could not send queued frames: ${describe(e)}`);
    }
  }

  /** Sends the queued frames: one as itself, several as one batch frame. */
  private flush(): void {
    if (this.queue.length === 0) return;
    const frames = this.queue;
    this.queue = [];
    this.queuedChars = 0;
    this.sendText(frames.length === 1 ? frames[0]! : `[${frames.join(",")}]`);
  }

  private sendText(text: string): void {
    this.options.send(text);
    this.options.onTraffic?.("out", text.length);
  }

  private trySend(frame: Frame): void {
    try {
      this.write(frame);
    } catch (e) {
      this.options.logger?.warn(`could not send reply: ${describe(e)}`);
    }
  }
}
