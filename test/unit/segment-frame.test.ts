/**
 * String-segment frames (negotiated exthost.segments.v1, src/protocol/segment-frame.ts): large
 * strings travel as raw UTF-8 next to a JSON envelope. They must decode to exactly what the
 * JSON text would have, and a crafted frame must never reach past its placeholders.
 */
import fc from "fast-check";
import { Result } from "effect";
import { describe, expect, it } from "vitest";
import { decodeFrame, encodeRequest, encodeSuccess } from "../../src/protocol/envelope.js";
import { RpcPeer } from "../../src/protocol/peer.js";
import {
  decodeSegmentFrame,
  encodeSegmentFrame,
  MIN_SEGMENT_CHARS,
  SEGMENT_FORMAT_V1,
} from "../../src/protocol/segment-frame.js";

const big = (seed: string, chars = MIN_SEGMENT_CHARS): string => seed.repeat(Math.ceil(chars / seed.length));

/** Two peers wired back to back; every frame is recorded. */
const pair = (segments: { a: boolean; b: boolean } = { a: true, b: true }) => {
  const frames: Array<string | Uint8Array> = [];
  const warnings: string[] = [];
  const peers: { a?: RpcPeer; b?: RpcPeer } = {};
  const link = (to: () => RpcPeer | undefined) => ({
    send: (f: string) => {
      frames.push(f);
      queueMicrotask(() => to()?.receive(f));
    },
    sendBinary: (f: Uint8Array) => {
      frames.push(f);
      queueMicrotask(() => to()?.receiveBinary(f));
    },
    logger: { warn: (m: string) => warnings.push(m) },
  });
  const a = (peers.a = new RpcPeer({ batching: true, stringSegments: segments.a, ...link(() => peers.b) }));
  const b = (peers.b = new RpcPeer({ batching: true, stringSegments: segments.b, ...link(() => peers.a) }));
  b.register("echo", (params) => params[0]);
  return { a, b, frames, warnings };
};

/** The segment frame of a request, built like the peer does. */
const requestFrame = (id: number, params: unknown[]): Uint8Array =>
  encodeSegmentFrame("params", params, (copy) => encodeRequest(id, "echo", copy as unknown[]))!;

const frame = (envelope: string, table: unknown, segments: string[]): Uint8Array => {
  const enc = new TextEncoder();
  const head = enc.encode(envelope);
  const tab = enc.encode(JSON.stringify(table));
  const body = enc.encode(segments.join(""));
  const out = new Uint8Array(9 + head.length + tab.length + body.length);
  const view = new DataView(out.buffer);
  out[0] = SEGMENT_FORMAT_V1;
  view.setUint32(1, head.length);
  out.set(head, 5);
  view.setUint32(5 + head.length, tab.length);
  out.set(tab, 9 + head.length);
  out.set(body, 9 + head.length + tab.length);
  return out;
};

const failure = (bytes: Uint8Array): { message: string; id: number | undefined } => {
  const r = decodeSegmentFrame(bytes);
  if (Result.isSuccess(r)) throw new Error(`decoded: ${JSON.stringify(r.success)}`);
  return { message: r.failure.message, id: r.failure.id };
};

describe("string-segment frames", () => {
  it("carries a 1 MiB string both ways as a binary frame, and small calls stay JSON text", async () => {
    const { a, frames } = pair();
    const payload = big("é✓😀x", 1024 * 1024);
    await expect(a.call("echo", [payload])).resolves.toBe(payload);
    expect(frames).toHaveLength(2);
    for (const f of frames) expect(f instanceof Uint8Array && f[0] === SEGMENT_FORMAT_V1).toBe(true);
    frames.length = 0;
    await expect(a.call("echo", ["small"])).resolves.toBe("small");
    expect(frames.every((f) => typeof f === "string")).toBe(true);
  });

  it("cuts nested strings out of plain objects and arrays and puts them back where they were", async () => {
    const { a, frames } = pair();
    const value = { text: big("a"), list: [1, big("b"), { deep: big("c"), small: "s" }], n: null };
    await expect(a.call("echo", [value])).resolves.toEqual(value);
    const sent = frames[0] as Uint8Array;
    const decoded = decodeSegmentFrame(sent);
    expect(Result.isSuccess(decoded) && decoded.success.kind).toBe("request");
  });

  it("keeps a string with a lone surrogate in the JSON text (UTF-8 has no form for it)", async () => {
    const { a, frames } = pair();
    const odd = `${big("z")}\ud800`;
    await expect(a.call("echo", [odd])).resolves.toBe(odd);
    expect(typeof frames[0]).toBe("string");
  });

  it("is never sent by, and refused by, a peer that did not negotiate it", () => {
    const { a, b, frames, warnings } = pair({ a: false, b: true });
    a.notify("echo", [big("q")]);
    expect(typeof frames[0]).toBe("string");
    const answered: Array<string | Uint8Array> = [];
    const plain = new RpcPeer({
      send: (f) => answered.push(f),
      sendBinary: (f) => answered.push(f),
      logger: { warn: (m) => warnings.push(m) },
    });
    plain.register("echo", (params) => params[0]);
    plain.receiveBinary(requestFrame(1, [big("q")]));
    expect(warnings.join("\n")).toContain("did not negotiate");
    expect(plain.stats.malformedFrames).toBe(1);
    expect(b.stats.malformedFrames).toBe(0);
  });

  it("decodes to exactly what the JSON text decodes to (differential, generated values)", () => {
    const bigString = fc.string({ unit: "grapheme", minLength: 1, maxLength: 4 }).map((s) => big(s));
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: "small" },
        fc.jsonValue({ maxDepth: 2 }),
        bigString,
        fc.array(tie("node"), { maxLength: 4 }),
        fc.dictionary(fc.string({ maxLength: 6 }), tie("node"), { maxKeys: 4 }),
      ),
    })).node;
    fc.assert(
      fc.property(fc.array(value, { maxLength: 3 }), fc.nat({ max: 1000 }), (params, id) => {
        const viaText = decodeFrame(encodeRequest(id, "echo", params));
        const bytes = requestFrame(id, params);
        if (bytes === undefined) return; // no big string: the peer sends text
        const viaSegments = decodeSegmentFrame(bytes);
        expect(Result.isSuccess(viaSegments)).toBe(Result.isSuccess(viaText));
        if (Result.isSuccess(viaText) && Result.isSuccess(viaSegments)) {
          expect(viaSegments.success).toEqual(viaText.success);
        } else if (Result.isFailure(viaText) && Result.isFailure(viaSegments)) {
          expect(viaSegments.failure.id).toBe(viaText.failure.id);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("refuses crafted frames with a reason, answering the request id when it is readable", () => {
    const env = '{"id":7,"method":"echo","params":[null,{"k":null}]}';
    const ok = frame(env, [[["params", 0], 2]], ["hi"]);
    expect(Result.isSuccess(decodeSegmentFrame(ok))).toBe(true);
    // A path that does not end at a null placeholder, or leads through a missing key.
    expect(failure(frame(env, [[["params", 1], 2]], ["hi"]))).toEqual({
      message: "Malformed frame: segment path does not end at a null placeholder",
      id: 7,
    });
    expect(failure(frame(env, [[["params", 1, "nope"], 2]], ["hi"])).message).toContain("null placeholder");
    expect(failure(frame(env, [[["params", 5, "k"], 2]], ["hi"])).message).toContain("leads nowhere");
    // Never through inherited keys: no way to reach Object.prototype.
    for (const path of [
      ["params", 1, "__proto__", "x"],
      ["params", 1, "constructor", "prototype"],
      ["params", "length"],
    ]) {
      expect(failure(frame(env, [[path, 2]], ["hi"])).id).toBe(7);
    }
    expect(({} as Record<string, unknown>)["x"]).toBeUndefined();
    // Only the payload may be filled; ids and methods stay what the envelope says.
    expect(failure(frame('{"id":7,"method":null,"params":[]}', [[["method"], 2]], ["hi"])).message).toContain(
      "'params' or 'result'",
    );
    // The same placeholder twice, lengths that do not add up, a table that is no table.
    expect(
      failure(
        frame(
          env,
          [
            [["params", 0], 1],
            [["params", 0], 1],
          ],
          ["hi"],
        ),
      ).message,
    ).toContain("placeholder");
    expect(failure(frame(env, [[["params", 0], 3]], ["hi"])).message).toContain("the table says 3");
    expect(failure(frame(env, { a: 1 }, [])).message).toContain("not an array");
    expect(failure(frame(env, [[[], 0]], [])).message).toContain("1 to 257");
    // The envelope keeps every text-frame rule: forbidden keys, depth, JSON, shape.
    expect(failure(frame('{"id":3,"method":"echo","params":[{"__proto__":null}]}', [], [])).message).toContain(
      "forbidden key",
    );
    expect(
      failure(frame(`{"id":3,"method":"echo","params":[${"[".repeat(300)}${"]".repeat(300)}]}`, [], [])).message,
    ).toContain("nesting deeper");
    expect(failure(frame("{", [], [])).message).toContain("invalid JSON");
    expect(failure(frame("[1]", [], [])).message).toContain("expected a JSON object");
    // Truncated frames and prefixes that run past the end.
    expect(failure(ok.subarray(0, 6)).message).toContain("shorter");
    expect(failure(ok.subarray(0, ok.length - 1)).message).toContain("table says 2");
    const lying = ok.slice();
    new DataView(lying.buffer).setUint32(1, 1 << 30);
    expect(failure(lying).message).toContain("runs past the frame");
    expect(failure(frame("\uFFFD", [], [])).message).toContain("invalid JSON");
    const badUtf8 = ok.slice();
    badUtf8[5] = 0xff;
    expect(failure(badUtf8).message).toContain("not UTF-8");
  });

  it("a reply carries its segments in 'result'", () => {
    const s = big("r");
    const bytes = encodeSegmentFrame("result", s, (copy) => encodeSuccess(4, copy))!;
    const r = decodeSegmentFrame(bytes);
    expect(Result.isSuccess(r) && r.success).toEqual({ kind: "success", message: { id: 4, result: s } });
  });
});
