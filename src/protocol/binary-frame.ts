/**
 * Binary frames ("phase 2" of the wire format) for payloads JSON handles badly: raw bytes
 * (Uint8Array travels as msgpack `bin`, not as a JSON object of numbered keys) and large
 * values. Chosen automatically by RpcPeer; the envelope semantics are unchanged.
 *
 *   byte 0       0xB1 (format version 1)
 *   bytes 1..4   header length H, uint32 big-endian
 *   next H bytes header: UTF-8 JSON envelope without its payload, plus "p": "params"|"result"
 *   rest         the payload (params array or result value), msgpack-encoded
 */
import { decode, encode } from "@msgpack/msgpack";
import { Result } from "effect";
import { decodeParsed, hasForbiddenKey, jsonDepth, malformed, MAX_DEPTH, type Decoded } from "./envelope.js";
import type { MalformedFrame } from "./errors.js";
import { msgpackDepthExceeds } from "./msgpack-depth.js";

export const BINARY_FORMAT_V1 = 0xb1;
const PREFIX = 5;

export type PayloadKey = "params" | "result";

export const encodeBinaryFrame = (
  header: { readonly id: number | null; readonly method?: string },
  payloadKey: PayloadKey,
  payload: unknown,
): Uint8Array => {
  const head = new TextEncoder().encode(JSON.stringify({ ...header, p: payloadKey }));
  const body = encode(payload === undefined ? null : payload);
  const frame = new Uint8Array(PREFIX + head.length + body.length);
  frame[0] = BINARY_FORMAT_V1;
  new DataView(frame.buffer).setUint32(1, head.length);
  frame.set(head, PREFIX);
  frame.set(body, PREFIX + head.length);
  return frame;
};

/** Depth of nested arrays/objects, stopping early past `limit` (iterative: no stack risk). */
const depthExceeds = (value: unknown, limit: number): boolean => {
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (typeof v !== "object" || v === null || ArrayBuffer.isView(v)) continue;
    if (d > limit) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, d + 1]);
  }
  return false;
};

export const decodeBinaryFrame = (bytes: Uint8Array): Result.Result<Decoded, MalformedFrame> => {
  if (bytes.length < PREFIX) return Result.fail(malformed("binary frame shorter than its 5-byte prefix"));
  if (bytes[0] !== BINARY_FORMAT_V1) {
    return Result.fail(malformed(`unknown binary frame format 0x${bytes[0]!.toString(16)}`));
  }
  const headLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(1);
  if (headLength > bytes.length - PREFIX) return Result.fail(malformed("binary frame header runs past the frame"));
  let header: unknown;
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(PREFIX, PREFIX + headLength));
    // The header may be as large as the frame: cap its depth before JSON.parse, as for text.
    if (jsonDepth(text) > MAX_DEPTH) return Result.fail(malformed(`header nested deeper than ${MAX_DEPTH} levels`));
    header = JSON.parse(text);
  } catch (e) {
    return Result.fail(malformed(`binary frame header is not JSON (${(e as Error).message})`));
  }
  if (typeof header !== "object" || header === null || Array.isArray(header)) {
    return Result.fail(malformed("binary frame header must be an object"));
  }
  const { p, ...envelope } = header as Record<string, unknown>;
  // Answerable under the text rules only: a request with a non-negative safe-integer id.
  const rawId = envelope["id"];
  const id =
    "method" in envelope && typeof rawId === "number" && Number.isSafeInteger(rawId) && rawId >= 0 ? rawId : undefined;
  if (p !== "params" && p !== "result") return Result.fail(malformed("binary frame header lacks 'p'", id));
  const body = bytes.subarray(PREFIX + headLength);
  // Before decoding: decode-then-check would build every level first (a 16 MiB frame of
  // nested one-element arrays is ~16 M arrays, ~2.5 GB).
  if (msgpackDepthExceeds(body, MAX_DEPTH)) {
    return Result.fail(malformed(`nesting deeper than ${MAX_DEPTH} levels`, id));
  }
  let payload: unknown;
  try {
    payload = decode(body);
  } catch (e) {
    return Result.fail(malformed(`binary frame body is not msgpack (${(e as Error).message})`, id));
  }
  if (depthExceeds(payload, MAX_DEPTH)) return Result.fail(malformed(`nesting deeper than ${MAX_DEPTH} levels`, id));
  if (hasForbiddenKey(payload)) {
    return Result.fail(malformed("forbidden key '__proto__' or 'constructor.prototype'", id));
  }
  return decodeParsed({ ...envelope, [p]: payload }, hasForbiddenKey(envelope));
};
