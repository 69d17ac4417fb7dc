/**
 * Nesting depth of a msgpack value, measured on the bytes without decoding them.
 *
 * Decoding first and checking depth afterwards lets one 16 MiB frame of nested one-element
 * arrays (0x91 0x91 …) build ~16 M arrays (~2.5 GB, seconds of CPU) before it is refused.
 * This walks the item headers with a stack of counters and allocates nothing per item.
 */

/** Bytes after the type byte that encode a length, for str/bin/ext/array/map headers. */
const LENGTH_BYTES: Readonly<Record<number, number>> = {
  0xc4: 1, // bin 8
  0xc5: 2, // bin 16
  0xc6: 4, // bin 32
  0xc7: 1, // ext 8
  0xc8: 2, // ext 16
  0xc9: 4, // ext 32
  0xd9: 1, // str 8
  0xda: 2, // str 16
  0xdb: 4, // str 32
  0xdc: 2, // array 16
  0xdd: 4, // array 32
  0xde: 2, // map 16
  0xdf: 4, // map 32
};

/** Fixed-size scalars: payload bytes after the type byte. */
const FIXED_BYTES: Readonly<Record<number, number>> = {
  0xca: 4, // float 32
  0xcb: 8, // float 64
  0xcc: 1,
  0xcd: 2,
  0xce: 4,
  0xcf: 8, // uint 8..64
  0xd0: 1,
  0xd1: 2,
  0xd2: 4,
  0xd3: 8, // int 8..64
  0xd4: 2,
  0xd5: 3,
  0xd6: 5,
  0xd7: 9,
  0xd8: 17, // fixext 1..16 (type byte + data)
};

/**
 * True when some array or map sits deeper than `limit` (the top-level value is depth 1, as
 * in the JSON depth cap). Malformed or truncated input returns false: the decoder that runs
 * next reports it with a proper message.
 */
export const msgpackDepthExceeds = (bytes: Uint8Array, limit: number): boolean => {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  /** Items still to read in each open container, innermost last. */
  const remaining: number[] = [];
  let i = 0;
  do {
    if (i >= bytes.length) return false;
    const b = bytes[i++]!;
    /** Items in the container this header opens, or -1 for a scalar. */
    let items = -1;
    let skip = 0;
    if (b <= 0x7f || b >= 0xe0 || b === 0xc0 || b === 0xc2 || b === 0xc3) {
      skip = 0; // fixint, nil, booleans
    } else if (b <= 0x8f) {
      items = (b & 0x0f) * 2; // fixmap: keys and values
    } else if (b <= 0x9f) {
      items = b & 0x0f; // fixarray
    } else if (b <= 0xbf) {
      skip = b & 0x1f; // fixstr
    } else if (FIXED_BYTES[b] !== undefined) {
      skip = FIXED_BYTES[b]!;
    } else if (LENGTH_BYTES[b] !== undefined) {
      const width = LENGTH_BYTES[b]!;
      if (i + width > bytes.length) return false;
      const n = width === 1 ? view.getUint8(i) : width === 2 ? view.getUint16(i) : view.getUint32(i);
      i += width;
      if (b >= 0xdc && b <= 0xdd) items = n;
      else if (b >= 0xde) items = n * 2;
      else skip = n + (b >= 0xc7 && b <= 0xc9 ? 1 : 0); // ext carries a type byte
    } else {
      return false; // 0xc1 is never used
    }
    if (items >= 0) {
      if (remaining.length + 1 > limit) return true;
      if (items > 0) {
        remaining.push(items);
        continue;
      }
    }
    i += skip;
    // One item is complete: close every container it completes.
    while (remaining.length > 0) {
      const left = remaining[remaining.length - 1]! - 1;
      if (left > 0) {
        remaining[remaining.length - 1] = left;
        break;
      }
      remaining.pop();
    }
  } while (remaining.length > 0);
  return false;
};
