/** msgpackDepthExceeds (src/protocol/msgpack-depth.ts) against the real decoder. */
import { decode, encode } from "@msgpack/msgpack";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { msgpackDepthExceeds } from "../../src/protocol/msgpack-depth.js";

/** Depth as the decoded value shows it: arrays and maps count; bytes and timestamps are scalars. */
const depthOf = (v: unknown): number => {
  if (typeof v !== "object" || v === null || ArrayBuffer.isView(v) || v instanceof Date) return 0;
  const children = Array.isArray(v) ? v : Object.values(v as Record<string, unknown>);
  return 1 + children.reduce<number>((m, c) => Math.max(m, depthOf(c)), 0);
};

const value: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.oneof(
      fc.integer(),
      fc.double(),
      fc.bigInt({ min: -(2n ** 63n), max: 2n ** 64n - 1n }),
      fc.boolean(),
      fc.constant(null),
      fc.string({ maxLength: 300 }),
      fc.uint8Array({ maxLength: 300 }),
      fc.date({ noInvalidDate: true }),
    ),
    fc.array(tie("v"), { maxLength: 20 }),
    fc.dictionary(fc.string({ maxLength: 5 }), tie("v"), { maxKeys: 20 }),
  ),
})).v;

describe("msgpackDepthExceeds", () => {
  it("agrees with the decoded value's depth for every limit (property)", () => {
    fc.assert(
      fc.property(value, fc.integer({ min: 0, max: 8 }), (v, limit) => {
        const bytes = encode(v, { useBigInt64: true });
        expect(msgpackDepthExceeds(bytes, limit)).toBe(depthOf(decode(bytes, { useBigInt64: true })) > limit);
      }),
      { numRuns: 2_000 },
    );
  });

  it("handles 16/32-bit lengths and wide containers", () => {
    const wide = Array.from({ length: 70_000 }, (_, i) => (i % 2 ? "x".repeat(i % 300) : [i]));
    const bytes = encode({ wide, s: "y".repeat(70_000), b: new Uint8Array(70_000) });
    expect(msgpackDepthExceeds(bytes, 3)).toBe(false);
    expect(msgpackDepthExceeds(bytes, 2)).toBe(true);
  });

  it("refuses 16 M nested arrays without building them", () => {
    const n = 16 * 1024 * 1024;
    const bytes = new Uint8Array(n).fill(0x91);
    bytes[n - 1] = 0xc0;
    const before = process.memoryUsage().heapUsed;
    expect(msgpackDepthExceeds(bytes, 256)).toBe(true);
    expect((process.memoryUsage().heapUsed - before) / 2 ** 20).toBeLessThan(16);
  });

  it("leaves truncated or invalid input to the decoder (false), and never throws", () => {
    expect(msgpackDepthExceeds(new Uint8Array([0xdd, 0xff, 0xff]), 1)).toBe(false);
    expect(msgpackDepthExceeds(new Uint8Array([0xc1]), 1)).toBe(false);
    expect(msgpackDepthExceeds(new Uint8Array([]), 1)).toBe(false);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.integer({ min: 0, max: 10 }), (bytes, limit) => {
        expect(typeof msgpackDepthExceeds(bytes, limit)).toBe("boolean");
      }),
      { numRuns: 2_000 },
    );
  });
});
