/** Decoding edge cases of the wire envelope (src/protocol/envelope.ts). */
import fc from "fast-check";
import { Result } from "effect";
import { describe, expect, it } from "vitest";
import {
  decodeFrame,
  encodeFailure,
  encodeNotification,
  encodeRequest,
  encodeSuccess,
  jsonDepth,
  MAX_DEPTH,
  type Decoded,
} from "../../src/protocol/envelope.js";
import type { MalformedFrame } from "../../src/protocol/errors.js";

const ok = (text: string): Decoded => {
  const r = decodeFrame(text);
  if (Result.isFailure(r)) throw new Error(`expected success, got ${r.failure.message}`);
  return r.success;
};
const bad = (text: string): MalformedFrame => {
  const r = decodeFrame(text);
  if (Result.isSuccess(r)) throw new Error(`expected MalformedFrame, got ${JSON.stringify(r.success)}`);
  return r.failure;
};
const nest = (depth: number): string => `${"[".repeat(depth)}${"]".repeat(depth)}`;

describe("decodeFrame", () => {
  it("recognises the four message kinds", () => {
    expect(ok('{"id":1,"method":"m","params":[1]}')).toEqual({
      kind: "request",
      message: { id: 1, method: "m", params: [1] },
    });
    expect(ok('{"id":null,"method":"m","params":[]}').kind).toBe("notification");
    expect(ok('{"id":2,"result":{"a":1}}')).toEqual({ kind: "success", message: { id: 2, result: { a: 1 } } });
    expect(ok('{"id":2}')).toEqual({ kind: "success", message: { id: 2 } });
    expect(ok('{"id":3,"error":"boom"}')).toEqual({ kind: "failure", message: { id: 3, error: "boom" } });
  });

  it("accepts ids from 0 to MAX_SAFE_INTEGER and refuses the rest without answering", () => {
    expect(ok('{"id":0,"method":"m","params":[]}').kind).toBe("request");
    expect(ok(`{"id":${Number.MAX_SAFE_INTEGER},"method":"m","params":[]}`).kind).toBe("request");
    for (const id of ["-1", "1.5", "9007199254740992", "1e400", '"1"', "true", "[1]"]) {
      const e = bad(`{"id":${id},"method":"m","params":[]}`);
      expect(e._tag).toBe("MalformedFrame");
      expect(e.id, `id ${id}`).toBeUndefined();
    }
  });

  it("keeps the id of a bad request so it can be answered", () => {
    expect(bad('{"id":5,"method":"","params":[]}').id).toBe(5);
    expect(bad(`{"id":5,"method":"${"m".repeat(257)}","params":[]}`).id).toBe(5);
    expect(ok(`{"id":5,"method":"${"m".repeat(256)}","params":[]}`).kind).toBe("request");
    expect(bad('{"id":5,"method":"m","params":{}}').id).toBe(5);
    expect(bad('{"id":5,"method":"m"}').id).toBe(5);
    expect(bad('{"id":5,"method":7,"params":[]}').message).toMatch(/^Malformed frame: bad request/);
  });

  it("never gives a malformed response or notification an id to answer", () => {
    expect(bad('{"id":5,"error":7}').id).toBeUndefined();
    expect(bad('{"id":null,"method":"m","params":7}').id).toBeUndefined();
    expect(bad('{"id":5,"result":{"__proto__":{"x":1}}}').id).toBeUndefined();
    expect(bad(`{"id":5,"result":${nest(MAX_DEPTH + 1)}}`).id).toBeUndefined();
  });

  it("refuses text that is not a JSON object", () => {
    for (const t of ["", " ", "nul", "{", "[]", "1", '"s"', "null", "{'id':1}", "\u0000"]) {
      const e = bad(t);
      expect(e.id).toBeUndefined();
      expect(e.message).toMatch(/^Malformed frame: (invalid JSON|expected a JSON object)/);
    }
  });

  it("caps nesting at MAX_DEPTH, and still answers a too-deep request", () => {
    const at = (depth: number) => `{"id":9,"method":"m","params":[${nest(depth - 2)}]}`;
    expect(jsonDepth(at(MAX_DEPTH))).toBe(MAX_DEPTH);
    expect(ok(at(MAX_DEPTH)).kind).toBe("request");
    const e = bad(at(MAX_DEPTH + 1));
    expect(e.message).toContain(`nesting deeper than ${MAX_DEPTH} levels`);
    expect(e.id).toBe(9);
    // A million levels: refused without a stack overflow.
    expect(bad(nest(1_000_000)).message).toContain("nesting deeper");
  });

  it("reads a too-deep request's id without building the value (bounded memory)", () => {
    const n = 8 * 1024 * 1024; // a 16 MiB frame: JSON.parse would build 8 M arrays (~0.5 GB)
    const text = `{"id":7,"method":"m","params":[${"[".repeat(n)}${"]".repeat(n)}]}`;
    const before = process.memoryUsage().heapUsed;
    const e = bad(text);
    const grownMiB = (process.memoryUsage().heapUsed - before) / 2 ** 20;
    expect(e.id).toBe(7);
    expect(grownMiB).toBeLessThan(64);
    // Only the leading `{"id":n,"method"` form is read; anything else goes unanswered.
    expect(bad(`{"method":"m","id":7,"params":[${nest(MAX_DEPTH + 1)}]}`).id).toBeUndefined();
  });

  it("never answers a too-deep frame whose last top-level id makes it a notification or response", () => {
    const deep = `[${nest(MAX_DEPTH + 1)}]`;
    // JSON.parse keeps the last of duplicate keys: these are notifications, not requests.
    for (const second of ['"id":null', '"\\u0069d":null', '"i\\u0064" : "x"', '"id":8']) {
      const text = `{"id":7,"method":"m","params":${deep},${second}}`;
      expect(bad(text).id).toBeUndefined();
    }
    // An "id" that is only a value, or a nested key, does not count.
    expect(bad(`{"id":7,"method":"m","params":["id",{"id":null}, ${deep}]}`).id).toBe(7);
    expect(bad(`{"id":7,"method":"m","params":${deep},"x":"id"}`).id).toBe(7);
  });

  it("does not count brackets inside strings as nesting", () => {
    expect(jsonDepth(`{"a":"${"[{".repeat(1000)}\\"]"}`)).toBe(1);
    expect(ok(`{"id":1,"method":"m","params":["${"[".repeat(5000)}"]}`).kind).toBe("request");
  });

  it("refuses prototype-pollution keys anywhere, and leaves Object.prototype alone", () => {
    for (const params of [
      '[{"__proto__":{"polluted":1}}]',
      '[{"a":[{"constructor":{"prototype":{"polluted":1}}}]}]',
      // JSON escapes spell the same keys without showing them in the raw text.
      '[{"\\u005f_proto__":{"polluted":1}}]',
      '[{"\\u0063onstructor":{"pr\\u006Ftotype":{"polluted":1}}}]',
    ]) {
      const e = bad(`{"id":4,"method":"m","params":${params}}`);
      expect(e.message).toContain("forbidden key");
      expect(e.id).toBe(4);
    }
    expect(bad('{"__proto__":{"polluted":1},"id":4,"method":"m","params":[]}').id).toBe(4);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    // The words themselves are fine as values or as an ordinary `constructor` key.
    expect(ok('{"id":1,"method":"m","params":["__proto__",{"constructor":1}]}').kind).toBe("request");
  });

  it("never throws, whatever the text (property)", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.array(fc.integer({ min: 0, max: 0xffff })).map((a) => String.fromCharCode(...a)),
        ),
        (text) => {
          const r = decodeFrame(text);
          expect(Result.isSuccess(r) || r.failure._tag === "MalformedFrame").toBe(true);
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it("round-trips every encodable request, notification and response (property)", () => {
    const id = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER });
    const method = fc.string({ minLength: 1, maxLength: 256 });
    const params = fc.array(fc.jsonValue({ maxDepth: 5 }));
    fc.assert(
      fc.property(id, method, params, fc.jsonValue(), fc.string(), (id, method, params, result, error) => {
        const clean = (v: unknown): unknown => JSON.parse(JSON.stringify(v));
        // Values that contain the forbidden keys are refused by design; skip them here.
        fc.pre(!/"(__proto__|constructor)"/.test(JSON.stringify([params, result])));
        expect(ok(encodeRequest(id, method, params))).toEqual({
          kind: "request",
          message: { id, method, params: clean(params) },
        });
        expect(ok(encodeNotification(method, params)).kind).toBe("notification");
        expect(ok(encodeSuccess(id, result))).toEqual({ kind: "success", message: { id, result: clean(result) } });
        expect(ok(encodeFailure(id, error))).toEqual({ kind: "failure", message: { id, error } });
      }),
      { numRuns: 500 },
    );
  });

  it("keeps failure messages short whatever the frame size (no echo, no log amplification)", () => {
    const big = "x".repeat(1_000_000);
    for (const text of [
      JSON.stringify({ id: 1, method: "m", params: { big } }),
      JSON.stringify({ id: 1, method: { big }, params: [] }),
      JSON.stringify({ id: 1, error: { big } }),
      JSON.stringify({ id: null, method: "m", params: { big } }),
      big,
      `{${big}`,
    ]) {
      expect(bad(text).message.length).toBeLessThan(300);
    }
  });

  it("maps an undefined result to null so the wire always carries `result`", () => {
    expect(encodeSuccess(1, undefined)).toBe('{"id":1,"result":null}');
  });
});
