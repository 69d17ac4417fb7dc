/**
 * The hand-written decode of the hot envelope shapes (envelope.ts, decodeHotShape) against the
 * full Schema decode: on every input both must give the same message, or the same refusal with
 * the same answerable id. fast-check builds frames near the rules' edges (ids, method lengths,
 * missing or wrong fields, extra and forbidden keys, escaped key spellings, deep nesting).
 */
import fc from "fast-check";
import { Result } from "effect";
import { describe, expect, it } from "vitest";
import {
  decodeBatch,
  decodeFrame,
  decodeFrameWithSchema,
  MAX_DEPTH,
  mayNestDeeperThan,
  splitBatch,
} from "../../src/protocol/envelope.js";

/** JSON text of a value token; `undefined` leaves the key out. */
const idToken = fc.constantFrom(
  undefined,
  "0",
  "-0",
  "1",
  "42",
  String(Number.MAX_SAFE_INTEGER),
  "9007199254740992",
  "-1",
  "1.5",
  "1e400",
  "1e2",
  "null",
  '"1"',
  "true",
  "[1]",
  "{}",
);
const methodToken = fc.oneof(
  fc.constantFrom(undefined, '""', '"m"', "7", "null", `"${"m".repeat(256)}"`, `"${"m".repeat(257)}"`),
  fc.constantFrom(`"${"😀".repeat(128)}"`, `"${"😀".repeat(129)}"`, '"\\u006d"'),
  fc.string({ maxLength: 20 }).map((s) => JSON.stringify(s)),
);
const jsonToken = fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v));
const paramsToken = fc.oneof(
  fc.constantFrom(undefined, "[]", "{}", "null", '"x"', '[{"__proto__":{"x":1}}]', '[{"constructor":{"prototype":1}}]'),
  fc.constantFrom('[{"\\u005f_proto__":1}]', '[{"constructor":{"\\u0070rototype":1}}]'),
  fc.array(jsonToken, { maxLength: 3 }).map((a) => `[${a.join(",")}]`),
);
const errorToken = fc.constantFrom(
  undefined,
  '"boom"',
  '""',
  '{"_tag":"E","message":"m"}',
  '{"_tag":"E","message":"m","data":{"x":1}}',
  '{"_tag":"E"}',
  "5",
  "null",
);
/** Extra top-level keys, including forbidden and escaped spellings of real keys. */
const extraToken = fc.constantFrom<ReadonlyArray<readonly [string, string]>>(
  [],
  [['"x"', "1"]],
  [['"__proto__"', "{}"]],
  [['"\\u005f_proto__"', '{"a":1}']],
  [['"\\u0069d"', "null"]],
  [['"id"', "7"]],
  [['"method"', '"other"']],
  [['"constructor"', '{"prototype":{}}']],
);

const frame = fc
  .record({
    id: idToken,
    method: methodToken,
    params: paramsToken,
    result: fc.option(jsonToken, { nil: undefined }),
    error: errorToken,
    extra: extraToken,
    order: fc.boolean(),
  })
  .map(({ id, method, params, result, error, extra, order }) => {
    const entries: Array<readonly [string, string]> = [];
    if (id !== undefined) entries.push(['"id"', id]);
    if (method !== undefined) entries.push(['"method"', method]);
    if (params !== undefined) entries.push(['"params"', params]);
    if (result !== undefined) entries.push(['"result"', result]);
    if (error !== undefined) entries.push(['"error"', error]);
    entries.push(...extra);
    if (order) entries.reverse();
    return `{${entries.map(([k, v]) => `${k}:${v}`).join(",")}}`;
  });

const deep = fc
  .record({ depth: fc.integer({ min: MAX_DEPTH - 2, max: MAX_DEPTH + 2 }), id: fc.constantFrom("1", "null") })
  .map(({ depth, id }) => `{"id":${id},"method":"m","params":${"[".repeat(depth - 1)}${"]".repeat(depth - 1)}}`);

const anything = fc.oneof(
  { weight: 6, arbitrary: frame },
  { weight: 1, arbitrary: deep },
  { weight: 1, arbitrary: fc.json() },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
);

const outcome = (text: string, decode: typeof decodeFrame): unknown => {
  const r = decode(text);
  return Result.isSuccess(r) ? { ok: r.success } : { failed: { message: r.failure.message, id: r.failure.id } };
};

describe("decode fast path", () => {
  it("agrees with the full Schema decode on every frame (differential property)", () => {
    fc.assert(
      fc.property(anything, (text) => {
        expect(outcome(text, decodeFrame)).toEqual(outcome(text, decodeFrameWithSchema));
      }),
      { numRuns: 5_000 },
    );
  });

  it("agrees on the hand-picked edges too", () => {
    const edges = [
      '{"id":-0,"method":"m","params":[]}',
      '{"id":1,"method":"m","params":[],"x":1}',
      '{"id":1,"result":null,"extra":[1]}',
      '{"id":1}',
      '{"id":null,"result":1}',
      '{"id":1,"error":{"_tag":"E","message":"m"}}',
      '{"\\u0069d":1,"method":"m","params":[]}',
      '{"id":1,"method":"m","params":[{"\\u005f_proto__":{}}]}',
    ];
    for (const text of edges) expect(outcome(text, decodeFrame), text).toEqual(outcome(text, decodeFrameWithSchema));
  });

  it("mayNestDeeperThan never clears text that the depth scan would refuse (property)", () => {
    const brackety = fc.array(fc.constantFrom("[", "]", "{", "}", '"', "\\", "a", ","), { maxLength: 80 });
    fc.assert(
      fc.property(brackety, fc.integer({ min: 0, max: 10 }), (chars, limit) => {
        const text = chars.join("");
        let depth = 0;
        let max = 0;
        for (const c of text) {
          if (c === "[" || c === "{") max = Math.max(max, ++depth);
          else if (c === "]" || c === "}") depth--;
        }
        // Brackets inside strings only make the count larger, so max (strings ignored) is a bound too.
        if (max > limit) expect(mayNestDeeperThan(text, limit)).toBe(true);
      }),
    );
  });

  it("a batch parsed once decodes exactly as its envelopes one by one, sizes of requests included (differential property)", () => {
    let parsedOnce = 0;
    const envelope = fc.oneof({ weight: 8, arbitrary: frame }, { weight: 1, arbitrary: deep });
    fc.assert(
      fc.property(fc.array(envelope, { maxLength: 6 }), fc.constantFrom(",", " , ", ",\n"), (frames, comma) => {
        const text = `[${frames.join(comma)}]`;
        const fast = decodeBatch(text);
        const parts = splitBatch(text);
        if (fast === undefined) return; // the peer then takes exactly the one-by-one path
        parsedOnce++;
        expect(parts).toBeDefined();
        expect(fast.length).toBe(parts!.length);
        fast.forEach((envelope, i) => {
          const alone = decodeFrame(parts![i]!);
          const outcomeOf = (r: typeof alone) =>
            Result.isSuccess(r) ? { ok: r.success } : { failed: { message: r.failure.message, id: r.failure.id } };
          expect(outcomeOf(envelope.decoded)).toEqual(outcomeOf(alone));
          if (Result.isSuccess(alone) && alone.success.kind === "request")
            expect(envelope.bytes).toBe(parts![i]!.length);
        });
      }),
      { numRuns: 3_000 },
    );
    // The fast path must actually carry the ordinary batches, not fall back on everything.
    expect(parsedOnce).toBeGreaterThan(300);
  });

  it("falls back to the one-by-one path for a forbidden key or nesting past the cap in any envelope", () => {
    const ok = '{"id":null,"method":"m","params":[1]}';
    expect(decodeBatch(`[${ok},${ok}]`)).toHaveLength(2);
    expect(decodeBatch(`[${ok},{"id":1,"method":"m","params":[{"\\u005f_proto__":{}}]}]`)).toBeUndefined();
    expect(decodeBatch(`[${ok},{"id":1,"method":"m","params":[{"constructor":{"prototype":1}}]}]`)).toBeUndefined();
    const deepParams = `${"[".repeat(MAX_DEPTH)}${"]".repeat(MAX_DEPTH)}`;
    expect(decodeBatch(`[{"id":1,"method":"m","params":${deepParams}}]`)).toBeUndefined();
    expect(decodeBatch(`[${ok},{"id":1,]`)).toBeUndefined();
  });

  it("splitBatch cuts a JSON array into its elements' texts, whatever the strings hold (property, JSON.parse as oracle)", () => {
    const tricky = fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      fc.constantFrom("\\", '\\"', '"\\', "a\\\\", '\\\\"]', "},{", "],["),
    );
    fc.assert(
      fc.property(fc.array(tricky, { maxLength: 5 }), (values) => {
        const text = JSON.stringify(values);
        const parts = splitBatch(text);
        expect(parts?.map((p) => JSON.parse(p) as unknown)).toEqual(JSON.parse(text));
      }),
      { numRuns: 2_000 },
    );
    expect(splitBatch('["a\\",1')).toBeUndefined();
    expect(splitBatch('["a\\"]')).toBeUndefined();
  });
});
