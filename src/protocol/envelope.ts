/**
 * The wire format: one JSON object per text frame (or, when negotiated, a JSON array of them).
 *
 *   request       {"id": n,    "method": "m", "params": [...]}
 *   notification  {"id": null, "method": "m", "params": [...]}   never answered
 *   success       {"id": n, "result": v}
 *   failure       {"id": n, "error": "msg"}
 *
 * Both peers speak all four. Ids are per-sender, so each side keeps its own counter.
 */
import { Result, Schema } from "effect";
import secureJson from "secure-json-parse";
import { MalformedFrame } from "./errors.js";

/** Ids are non-negative safe integers: they must round-trip through JSON exactly. */
const Id = Schema.Int.check(Schema.isBetween({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER }));
/** Method names are short identifiers like `workspace.openTextDocument` or `$cancel`. */
const Method = Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(256));
const Params = Schema.Array(Schema.Unknown);

export const Request = Schema.Struct({ id: Id, method: Method, params: Params });
export const Notification = Schema.Struct({ id: Schema.Null, method: Method, params: Params });
export const Success = Schema.Struct({ id: Id, result: Schema.optionalKey(Schema.Unknown) });
/**
 * A typed failure: the error's `_tag` and message, plus its own fields in `data`, so the caller
 * can rebuild the same tagged error (see rpc-contract.ts). A plain string is still accepted.
 */
export const WireError = Schema.Struct({
  _tag: Schema.String,
  message: Schema.String,
  data: Schema.optionalKey(Schema.Unknown),
});
export type WireError = typeof WireError.Type;
export const Failure = Schema.Struct({ id: Id, error: Schema.Union([Schema.String, WireError]) });

export type Request = typeof Request.Type;
export type Notification = typeof Notification.Type;
export type Success = typeof Success.Type;
export type Failure = typeof Failure.Type;
export type Message = Request | Notification | Success | Failure;

export type Decoded =
  | { readonly kind: "request"; readonly message: Request }
  | { readonly kind: "notification"; readonly message: Notification }
  | { readonly kind: "success"; readonly message: Success }
  | { readonly kind: "failure"; readonly message: Failure };

const decodeRequest = Schema.decodeUnknownResult(Request);
const decodeNotification = Schema.decodeUnknownResult(Notification);
const decodeSuccess = Schema.decodeUnknownResult(Success);
const decodeFailure = Schema.decodeUnknownResult(Failure);

/** Deeper JSON than this is refused: nothing we send needs it and it invites stack exhaustion. */
export const MAX_DEPTH = 256;

/** secure-json-parse's refusal (the same message for `__proto__` and `constructor.prototype`). */
const FORBIDDEN_PARSE_MESSAGE = "Object contains forbidden prototype property";
const FORBIDDEN_KEY_MESSAGE = "forbidden key '__proto__' or 'constructor.prototype'";

const isRecord = (u: unknown): u is Record<string, unknown> => typeof u === "object" && u !== null && !Array.isArray(u);

export const malformed = (message: string, id?: number): MalformedFrame =>
  new MalformedFrame({ id, message: `Malformed frame: ${message}` });

/** Longest run of nested `[`/`{` outside strings; cheap enough to run on every large frame. */
export const jsonDepth = (text: string): number => {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > max) max = depth;
    } else if (c === 93 || c === 125) depth--;
  }
  return max;
};

/** The id of something that is recognisably a request, so it can still be answered. */
const requestId = (obj: Record<string, unknown>): number | undefined => {
  const id = obj["id"];
  return "method" in obj && typeof id === "number" && Number.isSafeInteger(id) && id >= 0 ? id : undefined;
};

/**
 * The id of a too-deep request, read without parsing the frame (parsing a 16 MiB `[[[…` takes
 * ~0.5 GB and seconds): only when it starts the way encodeRequest writes a request, and its
 * top-level object has no second "id" key (JSON.parse keeps the last one, so
 * `{"id":1,"method":…,"id":null}` is a notification and must not be answered).
 */
const LEADING_REQUEST_ID = /^\s*\{\s*"id"\s*:\s*(\d{1,16})\s*,\s*"method"\s*:/;
const requestIdOfText = (text: string): number | undefined => {
  const m = LEADING_REQUEST_ID.exec(text);
  const id = m ? Number(m[1]) : undefined;
  return id !== undefined && Number.isSafeInteger(id) && topLevelIdKeys(text) === 1 ? id : undefined;
};

const isJsonSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;
/** `"\u0069\u0064"` is the longest spelling of the key "id". */
const MAX_ID_KEY_LITERAL = 14;

/**
 * How many keys of the top-level object decode to "id" (escaped spellings included), found
 * with one pass over the text that builds nothing: only refused, too-deep frames pay for it.
 */
export const topLevelIdKeys = (text: string): number => {
  let depth = 0;
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      const start = i;
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 92 /* \ */) i++;
        else if (d === 34) break;
      }
      if (depth !== 1 || i - start + 1 > MAX_ID_KEY_LITERAL) continue;
      let j = i + 1;
      while (j < text.length && isJsonSpace(text.charCodeAt(j))) j++;
      if (text.charCodeAt(j) === 58 /* : */ && decodesToId(text.slice(start, i + 1))) count++;
    } else if (c === 91 || c === 123) depth++;
    else if (c === 93 || c === 125) depth--;
  }
  return count;
};

const decodesToId = (literal: string): boolean => {
  try {
    return JSON.parse(literal) === "id";
  } catch {
    return false;
  }
};

/**
 * False when the text holds at most `limit` opening brackets (inside strings or not), so it
 * cannot nest deeper than `limit`. Native `indexOf` skips a 1 MiB string payload in ~50 µs,
 * where the character-by-character depth scan takes milliseconds; only bracket-heavy frames
 * pay for that scan.
 */
export const mayNestDeeperThan = (text: string, limit: number): boolean => {
  let count = 0;
  for (let i = text.indexOf("["); i !== -1; i = text.indexOf("[", i + 1)) if (++count > limit) return true;
  for (let i = text.indexOf("{"); i !== -1; i = text.indexOf("{", i + 1)) if (++count > limit) return true;
  return false;
};

/**
 * Turns one text frame into a typed message, or a MalformedFrame that carries the request id
 * when the frame was recognisably a request (so the sender still gets an answer).
 */
export const decodeFrame = (text: string): Result.Result<Decoded, MalformedFrame> => decodeText(text, true);

/** decodeFrame without the fast path: every frame through the Schema decoders (for tests). */
export const decodeFrameWithSchema = (text: string): Result.Result<Decoded, MalformedFrame> => decodeText(text, false);

const decodeText = (text: string, fast: boolean): Result.Result<Decoded, MalformedFrame> => {
  const parsed = parseText(text);
  if (Result.isFailure(parsed)) return Result.fail(parsed.failure);
  return fast ? decodeValue(parsed.success) : decodeParsed(parsed.success, false);
};

/** JSON.parse under the text rules: depth cap first, then forbidden keys (escaped spellings too). */
const parseText = (text: string): Result.Result<unknown, MalformedFrame> => {
  // Only frames long enough to nest deeply, with enough brackets to, pay for the depth scan.
  if (text.length > 2 * MAX_DEPTH && mayNestDeeperThan(text, MAX_DEPTH) && jsonDepth(text) > MAX_DEPTH) {
    // Still answer a request, or its caller would wait for its timeout.
    return Result.fail(malformed(`nesting deeper than ${MAX_DEPTH} levels`, requestIdOfText(text)));
  }
  try {
    // Prototype-pollution guard on the *decoded* keys: secure-json-parse looks for every
    // spelling of __proto__ / constructor, escaped ones included (`"\u005f_proto__"`), and
    // walks the parsed value only when the text contains one, so common frames cost one regex.
    return Result.succeed(secureJson.parse(text, null, { protoAction: "error", constructorAction: "error" }));
  } catch (e) {
    const message = (e as Error).message;
    if (message === FORBIDDEN_PARSE_MESSAGE) return Result.fail(malformed(FORBIDDEN_KEY_MESSAGE, idOfRefused(text)));
    return Result.fail(malformed(`invalid JSON (${message})`));
  }
};

/**
 * Decodes an envelope whose text had some values cut out (string segments, see
 * segment-frame.ts): the text goes through every rule of decodeFrame, then `fill` puts the
 * values back into the parsed object (returning why it could not), then the shape is checked.
 */
export const decodeFilledFrame = (
  text: string,
  fill: (parsed: Record<string, unknown>) => string | undefined,
): Result.Result<Decoded, MalformedFrame> => {
  const parsed = parseText(text);
  if (Result.isFailure(parsed)) return Result.fail(parsed.failure);
  const value = parsed.success;
  if (!isRecord(value)) return Result.fail(malformed("expected a JSON object"));
  const refused = fill(value);
  if (refused !== undefined) return Result.fail(malformed(refused, requestId(value)));
  return decodeValue(value);
};

const isId = (u: unknown): u is number => typeof u === "number" && Number.isSafeInteger(u) && u >= 0;
const isMethod = (u: unknown): u is string => typeof u === "string" && u.length >= 1 && u.length <= 256;

/**
 * The four shapes every well-behaved peer sends, checked by hand: the same rules as the Schema
 * decoders (a differential property test holds them equal), at a fraction of the cost.
 * Anything else (a WireError failure, a bad field) returns undefined and goes through Schema,
 * which also writes the error message. Like Schema, the result keeps only the declared keys.
 */
const decodeHotShape = (parsed: unknown): Decoded | undefined => {
  if (!isRecord(parsed)) return undefined;
  const id = parsed["id"];
  if ("method" in parsed) {
    const { method, params } = parsed;
    if (!isMethod(method) || !Array.isArray(params)) return undefined;
    if (id === null) return { kind: "notification", message: { id, method, params: params as unknown[] } };
    return isId(id) ? { kind: "request", message: { id, method, params: params as unknown[] } } : undefined;
  }
  if (!isId(id)) return undefined;
  if ("error" in parsed) {
    const error = parsed["error"];
    return typeof error === "string" ? { kind: "failure", message: { id, error } } : undefined;
  }
  return { kind: "success", message: "result" in parsed ? { id, result: parsed["result"] } : { id } };
};

/** A parsed value whose keys were already checked: the hot shapes by hand, the rest through Schema. */
const decodeValue = (value: unknown): Result.Result<Decoded, MalformedFrame> => {
  const hot = decodeHotShape(value);
  return hot ? Result.succeed(hot) : decodeParsed(value, false);
};

/**
 * A batch frame (negotiated, see handshake.ts): a JSON array of envelopes in one text frame.
 * It is split into the envelopes' own texts, and each goes through decodeFrame exactly as if
 * it had arrived alone: depth, forbidden keys, id rules, and its own length for the in-flight
 * quota. Returns undefined when the text is not a well-formed array of JSON values.
 */
export const splitBatch = (text: string): string[] | undefined => {
  const parts: string[] = [];
  let i = 0;
  const n = text.length;
  while (i < n && isJsonSpace(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) !== 91 /* [ */) return undefined;
  let depth = 0;
  let start = i + 1;
  for (i++; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      // Skip the string with native indexOf (payload strings are most of a frame): its end is
      // the next quote preceded by an even run of backslashes.
      let end = i;
      for (;;) {
        end = text.indexOf('"', end + 1);
        if (end === -1) return undefined;
        let k = end - 1;
        while (text.charCodeAt(k) === 92 /* \ */) k--;
        if ((end - 1 - k) % 2 === 0) break;
      }
      i = end;
    } else if (c === 91 || c === 123) depth++;
    else if (c === 93 /* ] */ || c === 125 /* } */) {
      if (depth === 0) {
        if (c !== 93) return undefined;
        const last = text.slice(start, i);
        if (last.trim() !== "") parts.push(last);
        else if (parts.length > 0) return undefined; // trailing comma
        for (i++; i < n; i++) if (!isJsonSpace(text.charCodeAt(i))) return undefined;
        return parts;
      }
      depth--;
    } else if (c === 44 /* , */ && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  return undefined;
};

/** One envelope of a batch: its decoded message, and its own text length (a request's quota). */
export interface BatchEnvelope {
  readonly decoded: Result.Result<Decoded, MalformedFrame>;
  readonly bytes: number;
}

/**
 * A batch decoded with one JSON.parse for the whole frame instead of one per envelope: the same
 * results as `splitBatch` + `decodeFrame` on each part (a differential property test holds them
 * equal). Undefined when any envelope needs the careful path (invalid JSON, nesting past the
 * cap, a `__proto__` or `constructor` key anywhere): the caller then decodes part by part, so
 * only the bad envelope is refused, with its request id. Envelope texts are measured (a second,
 * cheap scan) only when a request needs its size for the in-flight quota.
 */
export const decodeBatch = (text: string): BatchEnvelope[] | undefined => {
  let values: unknown;
  try {
    values = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!Array.isArray(values)) return undefined;
  for (const value of values) if (!plainWithin(value, MAX_DEPTH)) return undefined;
  const decoded = values.map(decodeValue);
  if (!decoded.some((d) => Result.isSuccess(d) && d.success.kind === "request")) {
    return decoded.map((d) => ({ decoded: d, bytes: 0 }));
  }
  const parts = splitBatch(text);
  if (parts === undefined || parts.length !== decoded.length) return undefined;
  return decoded.map((d, i) => ({ decoded: d, bytes: parts[i]!.length }));
};

/**
 * False when the value nests deeper than `limit` containers, or has a key that the text path
 * refuses or looks at twice (`__proto__`, `constructor`): a superset of its refusals, so
 * whatever passes here decodes exactly as it would alone.
 */
const plainWithin = (value: unknown, limit: number): boolean => {
  if (typeof value !== "object" || value === null) return true;
  if (limit === 0) return false;
  if (Array.isArray(value)) {
    for (const item of value) if (!plainWithin(item, limit - 1)) return false;
    return true;
  }
  for (const key of Object.keys(value)) {
    if (key === "__proto__" || key === "constructor") return false;
    if (!plainWithin((value as Record<string, unknown>)[key], limit - 1)) return false;
  }
  return true;
};

/** The request id of a frame refused for a forbidden key; parses again (attack path only). */
const idOfRefused = (text: string): number | undefined => {
  const parsed: unknown = JSON.parse(text);
  return isRecord(parsed) ? requestId(parsed) : undefined;
};

/**
 * The checks after parsing, shared by text and binary frames. `checkKeys` lets the text path
 * skip the walk: secure-json-parse already refused forbidden keys.
 */
export const decodeParsed = (parsed: unknown, checkKeys = true): Result.Result<Decoded, MalformedFrame> => {
  if (!isRecord(parsed)) return Result.fail(malformed("expected a JSON object"));
  // Only a request is answered: a failure carrying the id of a *response* would settle the
  // receiver's own, unrelated call with that id.
  const id = requestId(parsed);
  // Prototype-pollution guard: handlers may merge params into objects, so refuse the keys
  // that would reach Object.prototype instead of trusting every handler to be careful.
  if (checkKeys && hasForbiddenKey(parsed)) {
    return Result.fail(malformed(FORBIDDEN_KEY_MESSAGE, id));
  }
  if ("method" in parsed) {
    if (parsed["id"] === null) {
      const r = decodeNotification(parsed);
      return Result.isSuccess(r)
        ? Result.succeed({ kind: "notification", message: r.success })
        : Result.fail(malformed(`bad notification: ${r.failure.message}`));
    }
    const r = decodeRequest(parsed);
    return Result.isSuccess(r)
      ? Result.succeed({ kind: "request", message: r.success })
      : Result.fail(malformed(`bad request: ${r.failure.message}`, id));
  }
  if ("error" in parsed) {
    const r = decodeFailure(parsed);
    return Result.isSuccess(r)
      ? Result.succeed({ kind: "failure", message: r.success })
      : Result.fail(malformed(`bad error response: ${r.failure.message}`));
  }
  const r = decodeSuccess(parsed);
  return Result.isSuccess(r)
    ? Result.succeed({ kind: "success", message: r.success })
    : Result.fail(malformed(`unrecognised message: ${r.failure.message}`));
};

export const hasForbiddenKey = (value: unknown, parentKey?: string): boolean => {
  if (typeof value !== "object" || value === null) return false;
  if (Array.isArray(value)) return value.some((v) => hasForbiddenKey(v));
  for (const key of Object.keys(value)) {
    if (key === "__proto__" || (parentKey === "constructor" && key === "prototype")) return true;
    if (hasForbiddenKey((value as Record<string, unknown>)[key], key)) return true;
  }
  return false;
};

/** JSON.stringify drops `undefined`; the wire always carries `result`, so map it to null. */
export const encodeRequest = (id: number, method: string, params: ReadonlyArray<unknown>): string =>
  JSON.stringify({ id, method, params });
export const encodeNotification = (method: string, params: ReadonlyArray<unknown>): string =>
  JSON.stringify({ id: null, method, params });
export const encodeSuccess = (id: number, result: unknown): string =>
  JSON.stringify({ id, result: result === undefined ? null : result });
export const encodeFailure = (id: number, error: string | WireError): string => JSON.stringify({ id, error });
