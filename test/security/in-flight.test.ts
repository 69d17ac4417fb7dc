/**
 * Requests whose handlers are still running, per connection (real built host): their bytes are
 * capped, so a client holding the secret cannot park 40 × 16 MiB requests (each waiting on a
 * callback it never answers) and pin the host's memory; duplicate ids are refused.
 */
import { decode } from "@msgpack/msgpack";
import { afterEach, describe, expect, it } from "vitest";
import type WebSocket from "ws";
import { ChannelContract, ClientContract } from "../../src/protocol/contracts/channel.js";
import { TestHooksContract } from "../../src/protocol/contracts/test-hooks.js";
import { openNative, opened, rssBytes, sleep, startLoggedHost, waitUntil, type LoggedHost } from "./support.js";

const MiB = 2 ** 20;

interface Seen {
  /** `renderer.hello` requests from the host: a handler is waiting on each. */
  readonly callbacks: number[];
  readonly replies: Map<number, { error?: unknown; result?: unknown }>;
  /** `demo.callRenderer` handlers waiting now (callbacks seen minus their calls' answers). */
  parked: number;
  maxParked: number;
}

const QUOTA_REFUSAL = /Too much in flight: 'demo.callRenderer' \(\d+ bytes\) would exceed the 67108864-byte limit/;
const isRefusal = (reply: { error?: unknown }): boolean =>
  typeof reply.error === "string" && QUOTA_REFUSAL.test(reply.error);

/** Parses what the host sends (text or binary v1 header); callbacks are never answered here. */
const watch = (ws: WebSocket): Seen => {
  const seen: Seen = { callbacks: [], replies: new Map(), parked: 0, maxParked: 0 };
  ws.on("message", (data, isBinary) => {
    const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
    let m: { id?: unknown; method?: unknown; error?: unknown; result?: unknown; p?: unknown };
    if (isBinary) {
      const headLength = bytes.readUInt32BE(1);
      m = JSON.parse(bytes.subarray(5, 5 + headLength).toString()) as typeof m;
      if (m.p === "result") m.result = decode(bytes.subarray(5 + headLength));
    } else m = JSON.parse(bytes.toString()) as typeof m;
    if (typeof m.id !== "number") return;
    if (m.method === ClientContract.hello.method) {
      seen.callbacks.push(m.id);
      seen.maxParked = Math.max(seen.maxParked, ++seen.parked);
    } else if (m.method === undefined) {
      seen.replies.set(m.id, m);
      // A handler that ran has finished (its callback answered or timed out after 10 s).
      if (!isRefusal(m)) seen.parked--;
    }
  });
  return seen;
};

/** A text frame `demo.callRenderer(greeting)` of about 16 MiB, built as bytes. */
const bigCallBack = (id: number, greeting: Buffer): Buffer =>
  Buffer.concat([
    Buffer.from(`{"id":${id},"method":"${ChannelContract.callBack.method}","params":["`),
    greeting,
    Buffer.from('"]}'),
  ]);

const send = (ws: WebSocket, frame: Buffer | string): Promise<void> =>
  new Promise((resolve, reject) => ws.send(frame, { binary: false }, (e) => (e ? reject(e) : resolve())));

describe("requests in flight per connection (real host)", () => {
  let host: LoggedHost | undefined;
  let ws: WebSocket | undefined;
  afterEach(async () => {
    ws?.terminate();
    await host?.stop();
    host = ws = undefined;
  });

  it("caps the bytes of requests being handled at once (40 × 16 MiB parked callbacks), and frees them when handlers finish", async () => {
    host = await startLoggedHost();
    const pid = host.starter.pid!;
    ws = openNative(await host.info());
    await opened(ws);
    const seen = watch(ws);
    const greeting = Buffer.alloc(16 * MiB - 100, "g");
    const rssBefore = rssBytes(pid);
    let rssPeak = rssBefore;
    const COUNT = 40;
    for (let id = 1; id <= COUNT; id++) {
      await send(ws, bigCallBack(id, greeting));
      rssPeak = Math.max(rssPeak, rssBytes(pid));
    }
    const refusals = (): number => [...seen.replies.values()].filter(isRefusal).length;
    // Every request is either admitted (its callback reached us) or refused.
    await waitUntil(() => seen.callbacks.length + refusals() >= COUNT, "all 40 requests to be handled", 60_000);
    await sleep(200);
    rssPeak = Math.max(rssPeak, rssBytes(pid));
    const growthMiB = (rssPeak - rssBefore) / MiB;
    console.log(
      `[in-flight] ${seen.callbacks.length} admitted (at most ${seen.maxParked} at once), ${refusals()} refused; ` +
        `host RSS +${growthMiB.toFixed(1)} MiB (peak ${(rssPeak / MiB).toFixed(1)} MiB)`,
    );
    // 64 MiB default quota: at most four 16 MiB requests are handled at once, the others are
    // refused with the reason. A parked handler times out after 10 s and frees its share, so
    // on a slow machine a few more are admitted over the whole run.
    expect(seen.maxParked).toBe(4);
    expect(seen.callbacks.length + refusals()).toBe(COUNT);
    expect(refusals()).toBeGreaterThanOrEqual(COUNT / 2);
    // Unbounded, 40 parked requests pin 571+ MiB; the refused ones leave garbage until GC runs.
    expect(growthMiB).toBeLessThan(400);

    // Answer the parked callbacks: the handlers finish, the quota is free again.
    for (const id of seen.callbacks.splice(0)) ws.send(JSON.stringify({ id, result: "hi" }));
    await waitUntil(() => seen.parked === 0, "the parked calls to finish");
    seen.replies.clear();
    await send(ws, bigCallBack(100, greeting));
    await waitUntil(() => seen.callbacks.length === 1 || seen.replies.has(100), "the next big request");
    expect(seen.replies.get(100)).toBeUndefined();
    expect(seen.callbacks).toHaveLength(1);
  }, 120_000);

  it("refuses a duplicate id while the first request runs; $cancel still reaches the first", async () => {
    host = await startLoggedHost({ env: { EXTHOST_TEST_HOOKS: "1" } });
    ws = openNative(await host.info());
    await opened(ws);
    const seen = watch(ws);
    await send(ws, JSON.stringify({ id: 9, method: TestHooksContract.sleep.method, params: [60_000] }));
    await send(ws, JSON.stringify({ id: 9, method: TestHooksContract.sleep.method, params: [60_000] }));
    await waitUntil(() => seen.replies.has(9), "the duplicate to be refused");
    expect(seen.replies.get(9)?.error).toMatch(/Request id 9 is already in progress/);
    seen.replies.clear();
    await send(ws, JSON.stringify({ id: null, method: "$cancel", params: [9] }));
    await waitUntil(() => seen.replies.has(9), "the cancelled call to answer");
    expect(seen.replies.get(9)?.error).toBe("test.sleep cancelled");
    await sleep(200);
    // Nothing else is left running under id 9.
    expect(seen.replies.size).toBe(1);
  }, 30_000);
});
