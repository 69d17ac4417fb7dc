import fc from "fast-check";
import { Result } from "effect";
import { describe, expect, it } from "vitest";
import { BINARY_FORMAT_V1, decodeBinaryFrame, encodeBinaryFrame } from "../../src/protocol/binary-frame.js";
import { hasForbiddenKey } from "../../src/protocol/envelope.js";
import { RpcPeer } from "../../src/protocol/peer.js";

const ok = (bytes: Uint8Array) => {
  const r = decodeBinaryFrame(bytes);
  if (Result.isFailure(r)) throw new Error(r.failure.message);
  return r.success;
};
const failure = (bytes: Uint8Array) => {
  const r = decodeBinaryFrame(bytes);
  if (Result.isSuccess(r)) throw new Error("expected a malformed frame");
  return r.failure;
};

describe("binary frames", () => {
  it("round-trips requests, notifications and results, bytes included", () => {
    const bytes = new Uint8Array([0, 1, 2, 255]);
    expect(ok(encodeBinaryFrame({ id: 7, method: "fs.write" }, "params", ["a", bytes]))).toEqual({
      kind: "request",
      message: { id: 7, method: "fs.write", params: ["a", bytes] },
    });
    expect(ok(encodeBinaryFrame({ id: null, method: "n" }, "params", [1]))).toMatchObject({ kind: "notification" });
    expect(ok(encodeBinaryFrame({ id: 3 }, "result", { big: "x".repeat(100_000) }))).toMatchObject({
      kind: "success",
      message: { id: 3, result: { big: "x".repeat(100_000) } },
    });
  });

  it("round-trips arbitrary JSON-like params", () => {
    fc.assert(
      // fast-check sometimes generates a `__proto__` key (~3 in 20 000 values): refused by design.
      fc.property(
        fc.array(fc.jsonValue({ maxDepth: 5 })).filter((p) => !hasForbiddenKey(p)),
        (params) => {
          const decoded = ok(encodeBinaryFrame({ id: 1, method: "m" }, "params", params));
          expect(decoded).toMatchObject({ kind: "request" });
          // msgpack keeps -0 and JSON does not; compare through JSON like the text path would.
          expect(JSON.stringify((decoded.message as { params: unknown }).params)).toBe(JSON.stringify(params));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("refuses truncated, foreign, garbage and hostile frames with a clear reason", () => {
    const good = encodeBinaryFrame({ id: 9, method: "m" }, "params", [1, 2, 3]);
    expect(failure(good.subarray(0, 3)).message).toMatch(/shorter than its 5-byte prefix/);
    expect(failure(Uint8Array.of(0x42, 0, 0, 0, 0)).message).toMatch(/unknown binary frame format 0x42/);
    const lying = good.slice();
    new DataView(lying.buffer).setUint32(1, 10_000);
    expect(failure(lying).message).toMatch(/header runs past the frame/);
    // Header readable, body garbage: the request is still answered (id recovered).
    const head = good.subarray(0, good.length - 4);
    const garbage = new Uint8Array([...head, 0xc1, 0xc1, 0xc1, 0xc1]);
    expect(failure(garbage)).toMatchObject({ id: 9 });
    const proto = encodeBinaryFrame({ id: 4, method: "m" }, "params", [{ constructor: { prototype: { x: 1 } } }]);
    expect(failure(proto)).toMatchObject({ id: 4, message: expect.stringMatching(/forbidden key/) });
    // Our encoder refuses such depth, so craft it: 0x91 is a one-element msgpack array.
    const header = new TextEncoder().encode(JSON.stringify({ id: 5, method: "m", p: "params" }));
    const deep = new Uint8Array([BINARY_FORMAT_V1, 0, 0, 0, header.length, ...header, ...new Array(300).fill(0x91), 1]);
    expect(failure(deep)).toMatchObject({ id: 5, message: expect.stringMatching(/nesting deeper/) });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (junk) => {
        const frame = Uint8Array.of(BINARY_FORMAT_V1, ...junk);
        expect(() => decodeBinaryFrame(frame)).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });

  it("peers switch to binary for bytes and large payloads, and stay on JSON text otherwise", async () => {
    const frames: Array<string | Uint8Array> = [];
    const link: { a?: RpcPeer; b?: RpcPeer } = {};
    const a = new RpcPeer({
      send: (f) => (frames.push(f), link.b!.receive(f)),
      sendBinary: (f) => (frames.push(f), link.b!.receiveBinary(f)),
      binaryThreshold: 64 * 1024,
    });
    const b = new RpcPeer({ send: (f) => a.receive(f), sendBinary: (f) => a.receiveBinary(f) });
    link.b = b;
    b.register("echo", (params) => params[0]);
    expect(await a.call("echo", ["small"])).toBe("small");
    expect(typeof frames.at(-1)).toBe("string");
    const bytes = new Uint8Array(1000).fill(7);
    expect(await a.call("echo", [bytes])).toEqual(bytes);
    expect(frames.at(-1)).toBeInstanceOf(Uint8Array);
    const large = "y".repeat(200_000);
    expect(await a.call("echo", [large])).toBe(large);
    expect(frames.at(-1)).toBeInstanceOf(Uint8Array);
  });

  it("by default only bytes go binary: a large value stays JSON text (no second encoding)", async () => {
    const frames: Array<string | Uint8Array> = [];
    const link: { b?: RpcPeer } = {};
    const a = new RpcPeer({
      send: (f) => (frames.push(f), link.b!.receive(f)),
      sendBinary: (f) => (frames.push(f), link.b!.receiveBinary(f)),
    });
    const b = new RpcPeer({ send: (f) => a.receive(f), sendBinary: (f) => a.receiveBinary(f) });
    link.b = b;
    b.register("echo", (params) => params[0]);
    const large = "y".repeat(200_000);
    expect(await a.call("echo", [large])).toBe(large);
    expect(typeof frames.at(-1)).toBe("string");
    // Bytes found anywhere in the payload still switch the frame to binary.
    expect(await a.call("echo", [{ nested: [1, { data: new Uint8Array([1, 2]) }] }])).toEqual({
      nested: [1, { data: new Uint8Array([1, 2]) }],
    });
    expect(frames.at(-1)).toBeInstanceOf(Uint8Array);
  });
});
