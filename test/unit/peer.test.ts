/** RpcPeer (src/protocol/peer.ts) driven frame by frame, without a transport. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CANCEL_METHOD } from "../../src/protocol/methods.js";
import { RpcPeer, utf8Length, type Handler } from "../../src/protocol/peer.js";

interface Harness {
  readonly peer: RpcPeer;
  readonly sent: unknown[];
  readonly warnings: string[];
}

const harness = (
  options: { maxFrameBytes?: number; failSend?: () => boolean; maxInFlightRequestBytes?: number } = {},
): Harness => {
  const sent: unknown[] = [];
  const warnings: string[] = [];
  const peer = new RpcPeer({
    ...(options.maxFrameBytes ? { maxFrameBytes: options.maxFrameBytes } : {}),
    ...(options.maxInFlightRequestBytes ? { maxInFlightRequestBytes: options.maxInFlightRequestBytes } : {}),
    logger: { warn: (m) => warnings.push(m) },
    send: (frame) => {
      if (options.failSend?.()) throw new Error("socket gone");
      sent.push(JSON.parse(frame));
    },
  });
  return { peer, sent, warnings };
};

const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

/** A handler that waits until its test releases it (or it is aborted). */
const parked = (): { handler: Handler; release: () => void; aborted: number[] } => {
  const releases: Array<() => void> = [];
  const aborted: number[] = [];
  const handler: Handler = (params, { signal }) =>
    new Promise((resolve, reject) => {
      releases.push(() => resolve(params[0]));
      signal.addEventListener("abort", () => {
        aborted.push(params[0] as number);
        reject(new Error("stopped"));
      });
    });
  return { handler, release: () => releases.splice(0).forEach((r) => r()), aborted };
};

describe("RpcPeer", () => {
  it("refuses a second request with the id of a running one, so $cancel always reaches the first", async () => {
    const { peer, sent } = harness();
    const slow = parked();
    peer.register("slow", slow.handler);
    peer.receive('{"id":5,"method":"slow","params":[1]}');
    peer.receive('{"id":5,"method":"slow","params":[2]}');
    await tick();
    expect(sent).toEqual([{ id: 5, error: expect.stringContaining("Request id 5 is already in progress") }]);
    peer.receive(`{"id":null,"method":"${CANCEL_METHOD}","params":[5]}`);
    await tick();
    expect(slow.aborted).toEqual([1]);
    // Once it has finished, the id may be used again.
    peer.receive('{"id":5,"method":"slow","params":[3]}');
    await tick();
    slow.release();
    await tick();
    expect(sent.at(-1)).toEqual({ id: 5, result: 3 });
  });

  it("refuses requests over the in-flight byte quota, admits them again once handlers finish", async () => {
    const frame = (id: number): string => `{"id":${id},"method":"slow","params":[${id},"${"x".repeat(900)}"]}`;
    const size = frame(10).length;
    const { peer, sent } = harness({ maxInFlightRequestBytes: 3 * size });
    const slow = parked();
    peer.register("slow", slow.handler);
    peer.register("fast", () => "ok");
    for (let id = 10; id < 15; id++) peer.receive(frame(id));
    await tick();
    // Three fit; the fourth and fifth are refused at once with the reason.
    expect(sent).toHaveLength(2);
    expect(sent).toEqual([
      {
        id: 13,
        error: expect.stringMatching(/Too much in flight: 'slow' \(\d+ bytes\) would exceed the \d+-byte limit/),
      },
      { id: 14, error: expect.stringContaining("retry when earlier calls finish") },
    ]);
    slow.release();
    await tick();
    expect(sent.slice(2)).toEqual([10, 11, 12].map((id) => ({ id, result: id })));
    peer.receive(frame(15));
    await tick();
    slow.release();
    await tick();
    expect(sent.at(-1)).toEqual({ id: 15, result: 15 });
    // A lone request larger than the whole quota is still served.
    peer.receive(`{"id":16,"method":"fast","params":["${"y".repeat(5 * size)}"]}`);
    await tick();
    expect(sent.at(-1)).toEqual({ id: 16, result: "ok" });
  });

  it("drains every pending call with Disconnected on close, and refuses new ones", async () => {
    const { peer, sent } = harness();
    const calls = [peer.call("a", []), peer.call("b", [], { timeoutMs: 60_000 }), peer.call("c", [])];
    expect(peer.pendingCount).toBe(3);
    peer.close("socket dropped");
    for (const r of await Promise.allSettled(calls)) {
      expect(r).toMatchObject({ status: "rejected", reason: { _tag: "Disconnected", message: "socket dropped" } });
    }
    expect(peer.pendingCount).toBe(0);
    expect(peer.isClosed).toBe(true);
    await expect(peer.call("d", [])).rejects.toMatchObject({ _tag: "Disconnected" });
    const before = sent.length;
    peer.notify("n", []);
    expect(sent.length).toBe(before);
    // A late answer after close is harmless.
    peer.receive('{"id":1,"result":1}');
  });

  it("aborts the handler's signal on $cancel, and answers the cancelled request with a failure", async () => {
    const { peer, sent } = harness();
    let seen: AbortSignal | undefined;
    const handler: Handler = (_params, { signal }) =>
      new Promise((_resolve, reject) => {
        seen = signal;
        signal.addEventListener("abort", () => reject(new Error("stopped")));
      });
    peer.register("slow", handler);
    peer.receive('{"id":7,"method":"slow","params":[]}');
    await tick();
    expect(seen?.aborted).toBe(false);
    peer.receive(`{"id":null,"method":"${CANCEL_METHOD}","params":[7]}`);
    expect(seen?.aborted).toBe(true);
    await tick();
    expect(sent).toEqual([{ id: 7, error: "stopped" }]);
  });

  it("aborts running handlers when the connection closes, and sends nothing afterwards", async () => {
    const { peer, sent } = harness();
    let seen: AbortSignal | undefined;
    peer.register("slow", (_p, { signal }) => {
      seen = signal;
      return new Promise((resolve) => signal.addEventListener("abort", () => resolve("late")));
    });
    peer.receive('{"id":1,"method":"slow","params":[]}');
    await tick();
    peer.close("gone");
    expect(seen?.aborted).toBe(true);
    await tick();
    expect(sent).toEqual([]);
  });

  it("counts stray responses, but not late answers to calls it gave up on", async () => {
    const { peer, sent, warnings } = harness();
    peer.receive('{"id":99,"result":1}');
    peer.receive('{"id":98,"error":"x"}');
    expect(peer.stats.strayResponses).toBe(2);
    expect(warnings.filter((w) => w.includes("unknown call id"))).toHaveLength(2);

    const call = peer.call("slow", [], { timeoutMs: 10 });
    await expect(call).rejects.toMatchObject({ _tag: "CallTimeout", message: "'slow' did not answer within 10 ms" });
    expect(sent.at(-1)).toEqual({ id: null, method: CANCEL_METHOD, params: [1] });
    peer.receive('{"id":1,"result":"too late"}');
    expect(peer.stats.strayResponses).toBe(2);
  });

  it("cancels through an AbortSignal with CallCancelled and a $cancel", async () => {
    const { peer, sent } = harness();
    const controller = new AbortController();
    const call = peer.call("slow", [], { signal: controller.signal });
    controller.abort();
    await expect(call).rejects.toMatchObject({ _tag: "CallCancelled" });
    expect(sent.at(-1)).toEqual({ id: null, method: CANCEL_METHOD, params: [1] });
    await expect(peer.call("x", [], { signal: controller.signal })).rejects.toMatchObject({ _tag: "CallCancelled" });
  });

  it("refuses an oversize call locally with PayloadTooLarge, counting UTF-8 bytes", async () => {
    const { peer, sent, warnings } = harness({ maxFrameBytes: 100 });
    await expect(peer.call("m", ["x".repeat(200)])).rejects.toMatchObject({
      _tag: "PayloadTooLarge",
      limit: 100,
    });
    // 40 chars but 120 bytes: the cap is in bytes.
    await expect(peer.call("m", ["€".repeat(40)])).rejects.toMatchObject({ _tag: "PayloadTooLarge" });
    peer.notify("n", ["y".repeat(200)]);
    expect(sent).toEqual([]);
    expect(warnings.some((w) => w.includes("dropped notification 'n'"))).toBe(true);
    expect(peer.pendingCount).toBe(0);
  });

  it("answers with a failure instead of a result over the cap", async () => {
    const { peer, sent } = harness({ maxFrameBytes: 100 });
    peer.register("big", () => "z".repeat(500));
    peer.receive('{"id":3,"method":"big","params":[]}');
    await tick();
    expect(sent).toHaveLength(1);
    expect((sent[0] as { error: string }).error).toMatch(/over the 100-byte frame limit/);
  });

  it("fails calls it cannot encode or send, without leaving them pending", async () => {
    const { peer } = harness();
    await expect(peer.call("m", [10n])).rejects.toMatchObject({ _tag: "EncodeFailed" });
    const cyclic: Record<string, unknown> = {};
    cyclic["self"] = cyclic;
    await expect(peer.call("m", [cyclic])).rejects.toMatchObject({ _tag: "EncodeFailed" });
    const broken = harness({ failSend: () => true }).peer;
    await expect(broken.call("m", [])).rejects.toMatchObject({ _tag: "Disconnected" });
    expect(broken.pendingCount).toBe(0);
  });

  it("answers malformed requests it can attribute, and only counts the rest", async () => {
    const { peer, sent } = harness();
    peer.receive('{"id":4,"method":"","params":[]}');
    peer.receive("not json");
    peer.receive('{"id":5,"result":{"__proto__":1}}');
    peer.rejectFrame("binary frames are not accepted");
    expect(peer.stats.malformedFrames).toBe(4);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ id: 4, error: expect.stringMatching(/^Malformed frame: bad request/) });
  });

  it("answers unknown methods and failing handlers, and survives a throwing notification handler", async () => {
    const { peer, sent, warnings } = harness();
    peer.register("throwsString", () => {
      throw "plain string";
    });
    peer.register("rejects", () => Promise.reject(new Error("rejected")));
    peer.register("note", () => {
      throw new Error("note failed");
    });
    peer.receive('{"id":1,"method":"nope","params":[]}');
    peer.receive('{"id":2,"method":"throwsString","params":[]}');
    peer.receive('{"id":3,"method":"rejects","params":[]}');
    peer.receive('{"id":null,"method":"note","params":[]}');
    peer.receive('{"id":null,"method":"unknownNote","params":[]}');
    await tick();
    expect(sent).toEqual([
      { id: 1, error: "Unknown method 'nope'" },
      { id: 2, error: "plain string" },
      { id: 3, error: "rejected" },
    ]);
    expect(warnings.some((w) => w.includes("notification 'note' failed: note failed"))).toBe(true);
    expect(warnings.some((w) => w.includes("ignored notification: Unknown method 'unknownNote'"))).toBe(true);
  });

  it("utf8Length equals the bytes actually sent, lone surrogates included (property)", () => {
    const units = fc
      .array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 64 })
      .map((a) => String.fromCharCode(...a));
    fc.assert(
      fc.property(fc.oneof(units, fc.string({ unit: "binary" })), (s) => {
        expect(utf8Length(s)).toBe(Buffer.byteLength(s, "utf8"));
      }),
      { numRuns: 2_000 },
    );
  });
});
