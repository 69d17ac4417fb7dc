/**
 * 10 000 random and malformed frames from an authenticated client, pipelined on one connection
 * to the real host. The property: every frame that is a request (an object with `method` and a
 * readable id) gets exactly one answer with its id; nothing else is answered; the connection
 * stays open; and good calls interleaved with the garbage keep succeeding.
 */
import { encode } from "@msgpack/msgpack";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type WebSocket from "ws";
import { ChannelContract } from "../../src/protocol/contracts/channel.js";
import { TestHooksContract } from "../../src/protocol/contracts/test-hooks.js";
import { openNative, opened, rssBytes, sleep, startLoggedHost, type LoggedHost } from "./support.js";

const RUNS = 10;
const FRAMES_PER_RUN = 1_000;
/** One good call after every this many fuzz frames. */
const GOOD_EVERY = 25;
/** Good calls use ids far from the fuzz ids, so a reply can always be attributed. */
const GOOD_ID_BASE = 8_000_000_000_000;

type Frame = { readonly text: string } | { readonly binary: Uint8Array };
/**
 * Plain data so fast-check can print a failing batch. `{{ID}}` is replaced by a fresh id at
 * send time (ids must be unique across the whole run to attribute replies); `edit` damages
 * the text after that.
 */
type Spec =
  | { readonly text: string; readonly edit?: { op: "cut" | "insert" | "delete"; at: number; c: string } }
  | { readonly binary: Uint8Array }
  /** A binary frame in format v1: 0xB1, header length, JSON header, msgpack body; maybe cut. */
  | { readonly v1: { readonly header: string; readonly body: Uint8Array; readonly cut?: number } };

const ID = "{{ID}}";
const KNOWN = [
  ChannelContract.ping.method,
  ChannelContract.echo.method,
  ChannelContract.hostInfo.method,
  ChannelContract.callBack.method,
  "$cancel",
];
const method = fc.oneof(
  fc.constantFrom(...KNOWN),
  fc.string({ maxLength: 40 }),
  fc.string({ minLength: 257, maxLength: 300 }),
);
const json = fc.jsonValue({ maxDepth: 4 });
const params = fc.array(json, { maxLength: 4 });
const withId = (rest: object): string => {
  const body = JSON.stringify(rest);
  return body === "{}" ? `{"id":${ID}}` : `{"id":${ID},${body.slice(1)}`;
};

/** Ids that must not be read as request ids: out of range, fractional, or not numbers. */
const badIdToken = fc.constantFrom(
  "-1",
  "1.5",
  "1e400",
  "-1e400",
  "9007199254740992",
  "9007199254740993",
  "123456789012345678901234567890",
  '"7"',
  "true",
  "[1]",
  '{"n":1}',
  "1e-7",
);

const specs: fc.Arbitrary<Spec> = fc.oneof(
  // Well-formed requests: known and unknown methods, random params.
  fc.record({ method, params }).map((r) => ({ text: withId(r) })),
  // Requests whose fields have the wrong types or are missing.
  fc
    .record({ method: fc.oneof(method, json), params: fc.oneof(json, params) }, { requiredKeys: [] })
    .map((r) => ({ text: withId(r) })),
  // Unreadable ids, huge ids, and a missing id.
  fc.record({ id: badIdToken, method, params }).map((r) => ({
    text: `{"id":${r.id},"method":${JSON.stringify(r.method)},"params":${JSON.stringify(r.params)}}`,
  })),
  fc.record({ method, params }).map((r) => ({ text: JSON.stringify(r) })),
  // Readable ids at the edges (shared across frames: replies are counted per id).
  fc.record({ id: fc.constantFrom("0", "-0", "9007199254740991", "1e3"), method, params }).map((r) => ({
    text: `{"id":${r.id},"method":${JSON.stringify(r.method)},"params":${JSON.stringify(r.params)}}`,
  })),
  // Notifications (never answered), including $cancel with junk.
  fc.record({ method, params }).map((r) => ({ text: JSON.stringify({ id: null, ...r }) })),
  // Responses nobody asked for.
  json.map((result) => ({ text: withId({ result }) })),
  fc.oneof(fc.string(), json).map((error) => ({ text: withId({ error }) })),
  // Deep nesting, in params and at the top level; a second, last top-level "id" (plain or
  // escaped) turns a request-looking frame into a notification or a response.
  fc
    .record({
      depth: fc.integer({ min: 200, max: 5_000 }),
      open: fc.constantFrom("[", '{"a":'),
      request: fc.boolean(),
      lastId: fc.constantFrom("", ',"id":null', ',"\\u0069d":null', ',"i\\u0064":"x"'),
    })
    .map((r) => {
      const close = r.open === "[" ? "]" : "}";
      const nested = `${r.open.repeat(r.depth)}1${close.repeat(r.depth)}`;
      return {
        text: r.request
          ? `{"id":${ID},"method":"${ChannelContract.echo.method}","params":[${nested}]${r.lastId}}`
          : nested,
      };
    }),
  // Prototype-pollution attempts in a request, and in a response.
  fc
    .record({
      poison: fc.constantFrom('{"__proto__":{"p":1}}', '{"constructor":{"prototype":{"p":1}}}'),
      response: fc.boolean(),
    })
    .map((r) => ({
      text: r.response
        ? `{"id":${ID},"result":${r.poison}}`
        : `{"id":${ID},"method":"${ChannelContract.echo.method}","params":[${r.poison}]}`,
    })),
  // A good request cut, spliced or with a character dropped.
  fc
    .record({
      method,
      params,
      edit: fc.record({
        op: fc.constantFrom("cut", "insert", "delete"),
        at: fc.nat(),
        c: fc.string({ minLength: 1, maxLength: 3 }),
      }),
    })
    .map((r) => ({ text: withId({ method: r.method, params: r.params }), edit: r.edit })),
  // Arbitrary text, and JSON that is not an object.
  fc.string({ maxLength: 200 }).map((t) => ({ text: t })),
  json.map((v) => ({ text: JSON.stringify(v) })),
  fc.constantFrom("", " ", "null", "[]", "0", '""').map((t) => ({ text: t })),
  // Binary garbage: not part of the protocol.
  fc.uint8Array({ maxLength: 512 }).map((b) => ({ binary: b })),
  // Binary frames (format v1): good ones with bytes in them, and damaged ones.
  fc
    .record({
      method,
      id: fc.oneof({ arbitrary: fc.constant(ID), weight: 4 }, badIdToken, fc.constant("null")),
      p: fc.oneof(fc.constantFrom("params", "result"), fc.string({ maxLength: 5 })),
      body: fc.oneof(
        fc.array(fc.oneof(json, fc.uint8Array({ maxLength: 64 })), { maxLength: 4 }).map((v) => encode(v)),
        fc.uint8Array({ maxLength: 200 }),
        fc
          .integer({ min: 200, max: 3_000 })
          .map((depth) => new Uint8Array(depth + 1).fill(0x91, 0, depth).fill(0xc0, depth)),
      ),
      cut: fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, fc.nat()),
    })
    .map((r) => ({
      v1: {
        header: `{"id":${r.id},"method":${JSON.stringify(r.method)},"p":${JSON.stringify(r.p)}}`,
        body: r.body,
        ...(r.cut === undefined ? {} : { cut: r.cut }),
      },
    })),
);

const render = (spec: Spec, freshId: () => number): Frame => {
  if ("binary" in spec) return spec;
  if ("v1" in spec) {
    const head = Buffer.from(spec.v1.header.split(ID).join(String(freshId())));
    const prefix = Buffer.alloc(5);
    prefix[0] = 0xb1;
    prefix.writeUInt32BE(head.length, 1);
    const whole = Buffer.concat([prefix, head, spec.v1.body]);
    return { binary: spec.v1.cut === undefined ? whole : whole.subarray(0, spec.v1.cut % (whole.length + 1)) };
  }
  const text = spec.text.includes(ID) ? spec.text.split(ID).join(String(freshId())) : spec.text;
  const e = spec.edit;
  if (!e) return { text };
  const at = e.at % (text.length + 1);
  if (e.op === "cut") return { text: text.slice(0, at) };
  if (e.op === "insert") return { text: text.slice(0, at) + e.c + text.slice(at) };
  return { text: text.slice(0, at) + text.slice(at + 1) };
};

/** The JSON header text of a v1 binary frame; throws when the frame is not one. */
const binaryHeader = (b: Uint8Array): string => {
  if (b.length < 5 || b[0] !== 0xb1) throw new Error("not a v1 binary frame");
  const length = Buffer.from(b.buffer, b.byteOffset, b.byteLength).readUInt32BE(1);
  if (length > b.length - 5) throw new Error("header runs past the frame");
  return new TextDecoder("utf-8", { fatal: true }).decode(b.subarray(5, 5 + length));
};

/**
 * The protocol, restated independently of src/protocol (for a binary frame, of its header): an object with a `method` key and an
 * id that is a non-negative safe integer is a request and gets exactly one answer.
 */
const expectedReplyId = (frame: Frame): number | undefined => {
  let v: unknown;
  try {
    v = JSON.parse("text" in frame ? frame.text : binaryHeader(frame.binary));
  } catch {
    return undefined;
  }
  if (typeof v !== "object" || v === null || Array.isArray(v) || !("method" in v)) return undefined;
  const id = (v as { id?: unknown }).id;
  return typeof id === "number" && Number.isSafeInteger(id) && id >= 0 ? id + 0 : undefined;
};

describe("fuzzing the wire protocol (real host, one authenticated connection)", () => {
  let host: LoggedHost;
  let ws: WebSocket;
  const replies = new Map<number, unknown[]>();
  let unattributable = 0;
  let closedWith: string | undefined;

  beforeAll(async () => {
    host = await startLoggedHost();
    ws = openNative(await host.info());
    await opened(ws);
    ws.on("close", (code, reason) => (closedWith = `${code} ${reason.toString()}`));
    ws.on("message", (data, isBinary) => {
      const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
      let msg: unknown;
      try {
        msg = isBinary
          ? { ...(JSON.parse(binaryHeader(bytes)) as object), binary: true }
          : JSON.parse(bytes.toString());
      } catch {
        msg = undefined;
      }
      if (typeof msg !== "object" || msg === null) return void unattributable++;
      const m = msg as { id?: unknown; method?: unknown };
      if (typeof m.method === "string") {
        // The host calling us back (demo.callRenderer): answer like a renderer would.
        if (typeof m.id === "number") ws.send(JSON.stringify({ id: m.id, result: "ok" }));
        return;
      }
      if (typeof m.id !== "number") return void unattributable++;
      const list = replies.get(m.id) ?? [];
      list.push(msg);
      replies.set(m.id, list);
    });
  });
  afterAll(async () => {
    ws?.terminate();
    await host?.stop();
  });

  it(`answers every request among ${RUNS * FRAMES_PER_RUN} random frames exactly once, and keeps serving good calls`, async () => {
    let nextId = 1_000_000;
    let goodId = GOOD_ID_BASE;
    let frames = 0;
    /** Binary frames that are requests: proves the v1 path is exercised, not just garbage. */
    let binaryRequests = 0;
    const started = Date.now();
    const rssBefore = rssBytes(host.starter.pid!);

    // fc.check, not fc.assert: a failing batch is 1000 frames, too much to print; report the
    // seed and the first offending frames (in the assertion message) instead.
    const outcome = await fc.check(
      fc.asyncProperty(fc.array(specs, { minLength: FRAMES_PER_RUN, maxLength: FRAMES_PER_RUN }), async (batch) => {
        const expected = new Map<number, number>();
        const good = new Map<number, string>();
        const sentText = new Map<number, string>();
        const allTexts: string[] = [];
        let sentinel = 0;
        batch.forEach((spec, i) => {
          const frame = render(spec, () => nextId++);
          if ("text" in frame) allTexts.push(frame.text);
          const id = expectedReplyId(frame);
          if (id !== undefined) {
            expected.set(id, (expected.get(id) ?? 0) + 1);
            if ("binary" in frame) binaryRequests++;
            if ("text" in frame) sentText.set(id, frame.text);
          }
          if ("text" in frame) ws.send(frame.text);
          else ws.send(frame.binary, { binary: true });
          frames++;
          if (i % GOOD_EVERY === 0 || i === batch.length - 1) {
            const token = `good-${goodId}`;
            good.set(goodId, token);
            sentinel = goodId;
            ws.send(JSON.stringify({ id: goodId++, method: ChannelContract.echo.method, params: [token] }));
          }
        });
        const answered = (): boolean =>
          replies.has(sentinel) && [...expected].every(([id, n]) => (replies.get(id)?.length ?? 0) >= n);
        const deadline = Date.now() + 30_000;
        while (!answered() && closedWith === undefined && Date.now() < deadline) await sleep(20);
        // Late extras would arrive right behind the sentinel; give them a moment.
        await sleep(50);
        const problems: string[] = [];
        const frameOf = (id: number): string =>
          (sentText.get(id) ?? allTexts.find((t) => t.includes(String(id))) ?? "?").slice(0, 300);
        if (closedWith !== undefined) problems.push(`connection closed during fuzzing: ${closedWith}`);
        for (const [id, token] of good) {
          const got = JSON.stringify(replies.get(id));
          if (got !== JSON.stringify([{ id, result: token }])) problems.push(`good call ${id} got ${got}`);
        }
        for (const [id, n] of expected) {
          const got = replies.get(id)?.length ?? 0;
          if (got !== n) problems.push(`request ${id} answered ${got}× (expected ${n}): ${frameOf(id)}`);
        }
        for (const [id, list] of replies) {
          if (good.has(id)) continue;
          if (!expected.has(id)) problems.push(`unexpected answer ${JSON.stringify(list)} to: ${frameOf(id)}`);
          for (const r of list) {
            // A binary reply carries its result in the msgpack body.
            const ok =
              "result" in (r as object) ||
              typeof (r as { error?: unknown }).error === "string" ||
              // A typed failure: its tag and message (see envelope.ts WireError).
              typeof (r as { error?: { _tag?: unknown } }).error?._tag === "string" ||
              (r as { binary?: boolean; p?: unknown }).p === "result";
            if (!ok) problems.push(`answer ${JSON.stringify(r)} is neither a success nor a failure`);
          }
        }
        if (unattributable > 0) problems.push(`${unattributable} frames from the host had no id`);
        if (problems.length > 0) throw new Error(`${problems.length} problems:\n${problems.slice(0, 8).join("\n")}`);
        replies.clear();
      }),
      {
        numRuns: RUNS,
        endOnFailure: true,
        ...(process.env["FUZZ_SEED"] ? { seed: Number(process.env["FUZZ_SEED"]) } : {}),
      },
    );
    if (outcome.failed) {
      const cause =
        outcome.errorInstance instanceof Error ? outcome.errorInstance.message : String(outcome.errorInstance);
      throw new Error(`fuzz run failed (reproduce with FUZZ_SEED=${outcome.seed}): ${cause.slice(0, 4_000)}`);
    }

    const seconds = (Date.now() - started) / 1000;
    const growthMiB = (rssBytes(host.starter.pid!) - rssBefore) / 2 ** 20;
    console.log(
      `[fuzz] ${frames} frames in ${seconds.toFixed(1)} s (${Math.round(frames / seconds)} frames/s), ` +
        `host RSS +${growthMiB.toFixed(1)} MiB, ${binaryRequests} binary requests answered`,
    );
    // Generous: nothing the fuzzer sends may be retained per frame.
    expect(growthMiB).toBeLessThan(200);
    expect(frames).toBe(RUNS * FRAMES_PER_RUN);
    expect(binaryRequests).toBeGreaterThan(100); // ~300 per run
    expect(host.logs.some((l) => /uncaught|unhandled/i.test(l))).toBe(false);
    expect(host.starter.currentState.kind).toBe("running");
  }, 180_000);
});

/**
 * Prototype pollution through spellings the raw text does not show: JSON escapes
 * (`"\u005f_proto__"`, `"\u0063onstructor"`) in text frames and binary headers, and plain
 * `__proto__` / `constructor.prototype` map keys in msgpack bodies. The host runs a careless
 * deep merge (`test.merge`), so a key that slips through really pollutes its Object.prototype.
 */
describe("prototype-pollution keys in every spelling (real host, careless merge)", () => {
  const POISON_RUNS = 20;
  const POISON_FRAMES = 50;
  let host: LoggedHost;
  let ws: WebSocket;
  const waiting = new Map<number, (reply: { error?: unknown; result?: unknown }) => void>();
  let nextId = 1;

  const request = (frame: (id: number) => string | Uint8Array): Promise<{ error?: unknown; result?: unknown }> =>
    new Promise((resolve) => {
      const id = nextId++;
      waiting.set(id, resolve);
      const data = frame(id);
      ws.send(data, { binary: typeof data !== "string" });
    });

  beforeAll(async () => {
    host = await startLoggedHost({ env: { EXTHOST_TEST_HOOKS: "1" } });
    ws = openNative(await host.info());
    await opened(ws);
    ws.on("message", (data, isBinary) => {
      if (isBinary) return; // every reply here is small JSON
      const m = JSON.parse(String(data)) as { id: number; error?: unknown; result?: unknown };
      waiting.get(m.id)?.(m);
      waiting.delete(m.id);
    });
  });
  afterAll(async () => {
    ws?.terminate();
    await host?.stop();
  });

  /** `key` with each character either literal or a `\uXXXX` escape (hex digits in either case). */
  const spelled = (key: string): fc.Arbitrary<string> =>
    fc
      .array(fc.constantFrom("literal", "lower", "upper"), { minLength: key.length, maxLength: key.length })
      .map((how) =>
        [...key]
          .map((ch, i) => {
            const hex = ch.charCodeAt(0).toString(16).padStart(4, "0");
            return how[i] === "literal" ? ch : `\\u${how[i] === "upper" ? hex.toUpperCase() : hex}`;
          })
          .join(""),
      );
  /** A poisoned object as JSON text, spelled with escapes, nested 0–3 levels inside params[0]. */
  const poison = fc
    .record({
      proto: spelled("__proto__"),
      ctor: spelled("constructor"),
      prototype: spelled("prototype"),
      viaConstructor: fc.boolean(),
      wrap: fc.array(fc.constantFrom("array", "object"), { maxLength: 3 }),
    })
    .map((r) => {
      const payload = '{"polluted":"yes"}';
      let text = r.viaConstructor ? `{"${r.ctor}":{"${r.prototype}":${payload}}}` : `{"${r.proto}":${payload}}`;
      for (const w of r.wrap) text = w === "array" ? `[${text}]` : `{"a":${text}}`;
      return text;
    });
  const frameKind = fc.constantFrom("text", "binary body", "binary header");

  const binaryFrame = (header: string, body: Uint8Array): Uint8Array => {
    const head = Buffer.from(header);
    const prefix = Buffer.alloc(5);
    prefix[0] = 0xb1;
    prefix.writeUInt32BE(head.length, 1);
    return Buffer.concat([prefix, head, body]);
  };

  it("refuses escaped __proto__ / constructor.prototype keys in text and binary frames; Object.prototype stays clean", async () => {
    const cleanPrototype = Object.getOwnPropertyNames(Object.prototype).sort();
    const outcome = await fc.check(
      fc.asyncProperty(
        fc.array(fc.tuple(poison, frameKind), { minLength: POISON_FRAMES, maxLength: POISON_FRAMES }),
        async (batch) => {
          const replies = await Promise.all(
            batch.map(([text, kind]) =>
              request((id) => {
                if (kind === "text")
                  return `{"id":${id},"method":"${TestHooksContract.merge.method}","params":[${text}]}`;
                // msgpack has no escapes: the decoded object's own keys travel as map keys.
                if (kind === "binary body") {
                  return binaryFrame(
                    `{"id":${id},"method":"${TestHooksContract.merge.method}","p":"params"}`,
                    encode([JSON.parse(text) as unknown]),
                  );
                }
                return binaryFrame(
                  `{"id":${id},"method":"${TestHooksContract.merge.method}","p":"params","x":${text}}`,
                  encode([{ harmless: 1 }]),
                );
              }),
            ),
          );
          const accepted = replies
            .map((r, i) => ({ r, frame: batch[i]! }))
            .filter(({ r }) => typeof r.error !== "string" || !/forbidden key|__proto__/.test(r.error));
          const keys = (
            await request((id) => JSON.stringify({ id, method: TestHooksContract.prototypeKeys.method, params: [] }))
          ).result as string[];
          if (accepted.length > 0) {
            const shown = accepted.slice(0, 5).map(({ frame, r }) => `${frame[1]} ${frame[0]} → ${JSON.stringify(r)}`);
            throw new Error(`${accepted.length} poisoned frames accepted, e.g.:\n${shown.join("\n")}`);
          }
          expect([...keys].sort()).toEqual(cleanPrototype);
        },
      ),
      { numRuns: POISON_RUNS, endOnFailure: true },
    );
    if (outcome.failed) {
      const cause =
        outcome.errorInstance instanceof Error ? outcome.errorInstance.message : String(outcome.errorInstance);
      throw new Error(`poison run failed (seed ${outcome.seed}): ${cause.slice(0, 3_000)}`);
    }
    // Positive control: the same merge of a clean object succeeds.
    const clean = await request((id) =>
      JSON.stringify({ id, method: TestHooksContract.merge.method, params: [{ a: { b: 1 } }] }),
    );
    expect(clean).toEqual({ id: nextId - 1, result: ["a"] });
  }, 120_000);
});
