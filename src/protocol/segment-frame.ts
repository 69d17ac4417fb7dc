/**
 * String-segment frames (negotiated, see handshake.ts): large string values travel as raw
 * UTF-8 next to a small JSON envelope instead of inside it. JSON.stringify of a 1 MiB string
 * scans it for escapes and JSON.parse scans it again; here each side only copies bytes.
 *
 *   byte 0          0xB2
 *   bytes 1..4      E, uint32 big-endian: byte length of the envelope
 *   next E bytes    the envelope as UTF-8 JSON, with `null` where each segment belongs
 *   next 4 bytes    T, uint32 big-endian: byte length of the segment table
 *   next T bytes    the table, UTF-8 JSON: `[[path, bytes], …]`, a path being the keys from the
 *                   envelope down to the value, starting at "params" or "result"
 *                   (e.g. `[["params",0],1048574]`)
 *   rest            the segments' UTF-8 bytes, in table order, exactly filling the frame
 *
 * The envelope goes through every rule of a text frame (depth, forbidden keys, id rules,
 * shape); a path may only lead through existing own keys to a `null`, so a segment can neither
 * add a key nor replace anything but its own placeholder.
 */
import { Result } from "effect";
import { decodeFilledFrame, jsonDepth, malformed, MAX_DEPTH, type Decoded } from "./envelope.js";
import type { MalformedFrame } from "./errors.js";

export const SEGMENT_FORMAT_V1 = 0xb2;
/** Strings shorter than this stay in the JSON: below it the table costs more than it saves. */
export const MIN_SEGMENT_CHARS = 16 * 1024;

type Path = Array<string | number>;

const encoder = new TextEncoder();
const strictDecoder = new TextDecoder("utf-8", { fatal: true });
const decoder = new TextDecoder("utf-8");

/** A lone surrogate has no UTF-8 form (it would arrive as U+FFFD): such strings stay JSON. */
const isWellFormed = (s: string): boolean => (s as string & { isWellFormed?: () => boolean }).isWellFormed?.() ?? false;

const isPlainObject = (v: object): boolean => {
  const proto: unknown = Object.getPrototypeOf(v);
  return (proto === Object.prototype || proto === null) && typeof (v as { toJSON?: unknown }).toJSON !== "function";
};

/**
 * A copy of `value` with every large, well-formed string in plain arrays and objects replaced by
 * null, the strings' paths and bytes pushed to `out`. Anything else (class instances, toJSON,
 * a `__proto__` own key) is kept as it is, for JSON.stringify to treat as usual.
 */
const cut = (value: unknown, path: Path, out: { paths: Array<[Path, number]>; chunks: Uint8Array[] }): unknown => {
  if (typeof value === "string") {
    if (value.length < MIN_SEGMENT_CHARS || !isWellFormed(value)) return value;
    const bytes = encoder.encode(value);
    out.paths.push([path.slice(), bytes.length]);
    out.chunks.push(bytes);
    return null;
  }
  if (typeof value !== "object" || value === null || path.length > MAX_DEPTH) return value;
  if (Array.isArray(value)) {
    const copy: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      copy[i] = cut(value[i], path, out);
      path.pop();
    }
    return copy;
  }
  if (!isPlainObject(value) || Object.prototype.hasOwnProperty.call(value, "__proto__")) return value;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    path.push(key);
    copy[key] = cut((value as Record<string, unknown>)[key], path, out);
    path.pop();
  }
  return copy;
};

/**
 * The segment frame of an envelope, or undefined when `payload` holds no string worth cutting
 * out. `envelope` writes the JSON text of the envelope around the payload copy.
 */
export const encodeSegmentFrame = (
  key: "params" | "result",
  payload: unknown,
  envelope: (payload: unknown) => string,
): Uint8Array | undefined => {
  const out = { paths: [] as Array<[Path, number]>, chunks: [] as Uint8Array[] };
  const copy = cut(payload, [key], out);
  if (out.chunks.length === 0) return undefined;
  const head = encoder.encode(envelope(copy));
  const table = encoder.encode(JSON.stringify(out.paths));
  let size = 1 + 4 + head.length + 4 + table.length;
  for (const c of out.chunks) size += c.length;
  const frame = new Uint8Array(size);
  const view = new DataView(frame.buffer);
  frame[0] = SEGMENT_FORMAT_V1;
  view.setUint32(1, head.length);
  frame.set(head, 5);
  let at = 5 + head.length;
  view.setUint32(at, table.length);
  frame.set(table, at + 4);
  at += 4 + table.length;
  for (const c of out.chunks) {
    frame.set(c, at);
    at += c.length;
  }
  return frame;
};

const isStep = (u: unknown): u is string | number =>
  typeof u === "string" || (typeof u === "number" && Number.isSafeInteger(u) && u >= 0);

/** The table as `[path, bytes]` pairs, or why it is not one. */
const readTable = (u: unknown, bodyBytes: number): Array<[Path, number]> | string => {
  if (!Array.isArray(u)) return "segment table is not an array";
  let total = 0;
  for (const entry of u as unknown[]) {
    if (!Array.isArray(entry) || entry.length !== 2) return "segment table entry is not [path, bytes]";
    const [path, bytes] = entry as [unknown, unknown];
    if (!Array.isArray(path) || path.length < 1 || path.length > MAX_DEPTH + 1 || !path.every(isStep)) {
      return "segment path must be 1 to 257 keys or indexes";
    }
    if (path[0] !== "params" && path[0] !== "result") return "segment path must start at 'params' or 'result'";
    if (typeof bytes !== "number" || !Number.isSafeInteger(bytes) || bytes < 0) return "segment length is not a count";
    total += bytes;
  }
  if (total !== bodyBytes) return `segments hold ${bodyBytes} bytes, the table says ${total}`;
  return u as Array<[Path, number]>;
};

/** Puts each segment at its path: only through existing own keys, only over a null. */
const fillSegments = (
  parsed: Record<string, unknown>,
  table: Array<[Path, number]>,
  body: Uint8Array,
): string | undefined => {
  let at = 0;
  for (const [path, bytes] of table) {
    let holder: unknown = parsed;
    for (let i = 0; i < path.length - 1; i++) {
      holder = stepInto(holder, path[i]!);
      if (holder === undefined) return "segment path leads nowhere";
    }
    const last = path[path.length - 1]!;
    if (!ownSlot(holder, last) || (holder as Record<string | number, unknown>)[last] !== null) {
      return "segment path does not end at a null placeholder";
    }
    (holder as Record<string | number, unknown>)[last] = decoder.decode(body.subarray(at, at + bytes));
    at += bytes;
  }
  return undefined;
};

/** Arrays are entered by index, objects by key; never through an inherited key. */
const ownSlot = (holder: unknown, step: string | number): boolean =>
  typeof holder === "object" &&
  holder !== null &&
  (Array.isArray(holder) ? typeof step === "number" : typeof step === "string") &&
  Object.prototype.hasOwnProperty.call(holder, step);

const stepInto = (holder: unknown, step: string | number): unknown => {
  if (!ownSlot(holder, step)) return undefined;
  const next = (holder as Record<string | number, unknown>)[step];
  return typeof next === "object" && next !== null ? next : undefined;
};

export const decodeSegmentFrame = (bytes: Uint8Array): Result.Result<Decoded, MalformedFrame> => {
  if (bytes.length < 9) return Result.fail(malformed("segment frame shorter than its prefixes"));
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headLength = view.getUint32(1);
  if (headLength > bytes.length - 9) return Result.fail(malformed("segment frame envelope runs past the frame"));
  const tableAt = 5 + headLength;
  const tableLength = view.getUint32(tableAt);
  if (tableLength > bytes.length - tableAt - 4) return Result.fail(malformed("segment table runs past the frame"));
  const bodyAt = tableAt + 4 + tableLength;
  let head: string;
  let table: Array<[Path, number]> | string;
  try {
    head = strictDecoder.decode(bytes.subarray(5, tableAt));
    const tableText = strictDecoder.decode(bytes.subarray(tableAt + 4, bodyAt));
    // Paths are at most 257 keys deep; the table adds two levels.
    if (tableText.length > 2 * MAX_DEPTH && jsonDepth(tableText) > MAX_DEPTH + 3) {
      return Result.fail(malformed("segment table nested too deep"));
    }
    table = readTable(JSON.parse(tableText), bytes.length - bodyAt);
  } catch (e) {
    return Result.fail(malformed(`segment frame is not UTF-8 JSON (${(e as Error).message})`));
  }
  if (typeof table === "string") return Result.fail(malformed(table));
  const body = bytes.subarray(bodyAt);
  const segments = table;
  return decodeFilledFrame(head, (parsed) => fillSegments(parsed, segments, body));
};
