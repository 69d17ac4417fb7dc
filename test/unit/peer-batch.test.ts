/**
 * Batch frames (negotiated exthost.batch.v1), synchronous replies and the lazy abort signal of
 * RpcPeer (src/protocol/peer.ts), driven frame by frame without a transport.
 */
import { describe, expect, it } from "vitest";
import { encodeRequest, MAX_DEPTH } from "../../src/protocol/envelope.js";
import { CANCEL_METHOD } from "../../src/protocol/methods.js";
import { RpcPeer, utf8Length } from "../../src/protocol/peer.js";

interface Wire {
  readonly peer: RpcPeer;
  /** Frames as sent, text. */
  readonly frames: string[];
  /** Runs the scheduled flush (the end of the turn), as the event loop would. */
  readonly endTurn: () => void;
  readonly warnings: string[];
}

const wire = (options: { batching?: boolean; maxFrameBytes?: number; maxInFlightRequestBytes?: number } = {}): Wire => {
  const frames: string[] = [];
  const warnings: string[] = [];
  const scheduled: Array<() => void> = [];
  const peer = new RpcPeer({
    batching: options.batching ?? true,
    ...(options.maxFrameBytes ? { maxFrameBytes: options.maxFrameBytes } : {}),
    ...(options.maxInFlightRequestBytes ? { maxInFlightRequestBytes: options.maxInFlightRequestBytes } : {}),
    scheduleFlush: (flush) => scheduled.push(flush),
    logger: { warn: (m) => warnings.push(m) },
    send: (frame) => frames.push(frame),
  });
  return { peer, frames, warnings, endTurn: () => scheduled.splice(0).forEach((f) => f()) };
};

/** Every envelope sent, batches opened up, in order. */
const envelopes = (frames: ReadonlyArray<string>): unknown[] =>
  frames.flatMap((f) => {
    const v: unknown = JSON.parse(f);
    return Array.isArray(v) ? v : [v];
  });

const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

describe("RpcPeer batch frames", () => {
  it("sends a lone frame at once, and the rest of the turn as one batch frame", () => {
    const { peer, frames, endTurn } = wire();
    peer.notify("a", [1]);
    expect(frames).toEqual(['{"id":null,"method":"a","params":[1]}']);
    peer.notify("b", [2]);
    peer.notify("c", [3]);
    expect(frames).toHaveLength(1);
    endTurn();
    expect(frames).toHaveLength(2);
    expect(JSON.parse(frames[1]!)).toEqual([
      { id: null, method: "b", params: [2] },
      { id: null, method: "c", params: [3] },
    ]);
    // The next turn starts fresh: its first frame leaves at once again.
    peer.notify("d", []);
    expect(frames).toHaveLength(3);
  });

  it("without negotiation, sends one envelope per frame and refuses an incoming array as before", () => {
    const { peer, frames, endTurn, warnings } = wire({ batching: false });
    for (let i = 0; i < 5; i++) peer.notify("n", [i]);
    endTurn();
    expect(frames).toHaveLength(5);
    peer.receive(`[${encodeRequest(1, "m", [])}]`);
    expect(peer.stats.malformedFrames).toBe(1);
    expect(warnings.at(-1)).toMatch(/expected a JSON object/);
  });

  it("answers every request of an incoming batch in one reply frame when handlers are synchronous", () => {
    const { peer, frames } = wire();
    peer.register("echo", (params) => params[0]);
    peer.receive(`[${[1, 2, 3].map((id) => encodeRequest(id, "echo", [id * 10])).join(",")}]`);
    // Replies left before receive() returned: no await, no microtask, no flush to wait for.
    expect(frames).toHaveLength(1);
    expect(JSON.parse(frames[0]!)).toEqual([
      { id: 1, result: 10 },
      { id: 2, result: 20 },
      { id: 3, result: 30 },
    ]);
  });

  it("answers an asynchronous handler after it settles", async () => {
    const { peer, frames, endTurn } = wire();
    peer.register("later", async (params) => params[0]);
    peer.receive(encodeRequest(1, "later", ["x"]));
    expect(frames).toHaveLength(0);
    await tick();
    endTurn();
    expect(envelopes(frames)).toEqual([{ id: 1, result: "x" }]);
  });

  it("validates each envelope of a batch exactly as if it had arrived alone", () => {
    const hostile = [
      encodeRequest(1, "echo", ["fine"]),
      '{"id":2,"method":"echo","params":[{"\\u005f_proto__":{"polluted":true}}]}',
      `{"id":3,"method":"echo","params":${"[".repeat(MAX_DEPTH)}${"]".repeat(MAX_DEPTH)}}`,
      '{"id":-4,"method":"echo","params":[]}',
      '{"id":5,"method":"","params":[]}',
      '{"id":6,"method":"echo","params":{}}',
      '"not an object"',
      '{"id":7,"result":1}',
      '{"id":8,"method":"nope","params":[]}',
      '{"id":null,"method":"echo","params":["note"]}',
      encodeRequest(9, "echo", ["last"]),
    ];
    const alone = wire();
    const batched = wire();
    for (const w of [alone, batched]) w.peer.register("echo", (params) => params[0]);
    for (const f of hostile) alone.peer.receive(f);
    batched.peer.receive(`[${hostile.join(",")}]`);
    alone.endTurn();
    batched.endTurn();
    expect(envelopes(batched.frames)).toEqual(envelopes(alone.frames));
    expect(batched.peer.stats).toEqual(alone.peer.stats);
    expect(batched.warnings).toEqual(alone.warnings);
    // And the outcome is the refusals, not a silent pass: only 1 and 9 were answered with results.
    const results = envelopes(batched.frames).filter((e) => "result" in (e as object));
    expect(results).toEqual([
      { id: 1, result: "fine" },
      { id: 9, result: "last" },
    ]);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("counts each envelope's own length against the in-flight quota", async () => {
    const release: Array<() => void> = [];
    const { peer, frames, endTurn } = wire({ maxInFlightRequestBytes: 200 });
    peer.register("park", () => new Promise<string>((r) => release.push(() => r("done"))));
    const req = (id: number): string => encodeRequest(id, "park", ["p".repeat(60)]);
    // Each request is ~90 units: two fit in 200, the third does not, whether batched or not.
    peer.receive(`[${[1, 2, 3].map(req).join(",")}]`);
    endTurn();
    const refused = envelopes(frames) as Array<{ id: number; error?: string }>;
    expect(refused.map((e) => e.id)).toEqual([3]);
    expect(refused[0]!.error).toMatch(/Too much in flight/);
    release.splice(0).forEach((r) => r());
    await tick();
    endTurn();
    expect((envelopes(frames) as Array<{ id: number }>).map((e) => e.id)).toEqual([3, 1, 2]);
  });

  it("refuses a batch that is not a JSON array without answering, and keeps serving", () => {
    const { peer, frames } = wire();
    peer.register("echo", (params) => params[0]);
    for (const text of ["[", '[{"id":1,"method":"echo","params":[]},]', "[1] x", "[{]"]) peer.receive(text);
    expect(peer.stats.malformedFrames).toBe(4);
    expect(frames).toEqual([]);
    peer.receive(encodeRequest(2, "echo", ["ok"]));
    expect(envelopes(frames)).toEqual([{ id: 2, result: "ok" }]);
  });

  it("never sends a batch over the frame cap, and keeps the order of every frame", () => {
    const cap = 3_000;
    const { peer, frames, endTurn } = wire({ maxFrameBytes: cap });
    peer.notify("first", []);
    for (let i = 0; i < 200; i++) peer.notify("n", [i, "é".repeat(i % 7)]);
    endTurn();
    expect(frames.length).toBeGreaterThan(2);
    for (const f of frames) expect(utf8Length(f)).toBeLessThanOrEqual(cap);
    const sent = envelopes(frames) as Array<{ params: unknown[] }>;
    expect(sent.slice(1).map((e) => e.params[0])).toEqual(Array.from({ length: 200 }, (_, i) => i));
  });

  it("keeps text and binary frames in order: a binary frame flushes the batch before it", () => {
    const order: string[] = [];
    const scheduled: Array<() => void> = [];
    const peer = new RpcPeer({
      batching: true,
      scheduleFlush: (f) => scheduled.push(f),
      send: (f) => {
        const v: unknown = JSON.parse(f);
        order.push(Array.isArray(v) ? `batch of ${v.length}` : "single");
      },
      sendBinary: () => order.push("binary"),
    });
    peer.notify("a", []);
    peer.notify("b", []);
    peer.notify("c", []);
    peer.notify("bytes", [new Uint8Array([1])]);
    expect(order).toEqual(["single", "batch of 2", "binary"]);
  });
});

describe("RpcPeer handler context", () => {
  it("creates no AbortController unless the handler reads its signal", () => {
    const { peer } = wire();
    let made = 0;
    const Original = globalThis.AbortController;
    globalThis.AbortController = class extends Original {
      constructor() {
        super();
        made++;
      }
    };
    try {
      peer.register("plain", () => 1);
      peer.register("watchful", (_params, { signal }) => signal.aborted);
      peer.receive(encodeRequest(1, "plain", []));
      peer.receive('{"id":null,"method":"plain","params":[]}');
      expect(made).toBe(0);
      peer.receive(encodeRequest(2, "watchful", []));
      expect(made).toBe(1);
    } finally {
      globalThis.AbortController = Original;
    }
  });

  it("shows a cancel that arrived before the handler first read its signal", async () => {
    const { peer } = wire();
    let resume: (() => void) | undefined;
    let seen: boolean | undefined;
    peer.register("slow", async (_params, ctx) => {
      await new Promise<void>((r) => (resume = r));
      seen = ctx.signal.aborted;
    });
    peer.receive(encodeRequest(1, "slow", []));
    peer.receive(`{"id":null,"method":"${CANCEL_METHOD}","params":[1]}`);
    resume!();
    await tick();
    expect(seen).toBe(true);
  });
});
