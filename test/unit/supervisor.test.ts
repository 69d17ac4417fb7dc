/**
 * The supervisor's lifecycle on a virtual clock: fake sockets, real Effect schedule.
 */
import { Clock, Effect, Fiber, Layer, SubscriptionRef } from "effect";
import { TestClock } from "effect/testing";
import { describe, expect, it } from "vitest";
import type { ConnectionInfo } from "../../src/protocol/handshake.js";
import type { ChannelState } from "../../src/renderer/src/channel/channel-state.js";
import { ConnectionSource } from "../../src/renderer/src/channel/connection-source.js";
import { SocketFactory, type WebSocketLike } from "../../src/renderer/src/channel/socket.js";
import { ChannelSupervisor, layer } from "../../src/renderer/src/channel/supervisor.js";

const info: ConnectionInfo = { port: 1, secret: "s", generation: 1 };

/** A socket the test drives by hand: `open()`, `drop()`, and what the client sent. */
class FakeSocket implements WebSocketLike {
  readyState = 0;
  bufferedAmount = 0;
  binaryType = "blob";
  sent: string[] = [];
  onopen: ((ev: unknown) => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  onclose: ((ev: { code: number; reason: string }) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;
  send(data: string): void {
    if (this.readyState !== 1) throw new Error("not open");
    this.sent.push(data);
  }
  close(): void {
    this.drop();
  }
  open(): void {
    this.readyState = 1;
    this.onopen?.({});
  }
  drop(code = 1006): void {
    if (this.readyState === 3) return;
    this.readyState = 3;
    this.onclose?.({ code, reason: "" });
  }
  reply(frame: object): void {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }
}

interface World {
  attempts: number[];
  sockets: FakeSocket[];
  /** Decides per attempt whether the fake server accepts. */
  accept: (attempt: number) => boolean;
}

const run = <A, E>(world: World, body: Effect.Effect<A, E, ChannelSupervisor>): Promise<A> => {
  const source = Layer.succeed(ConnectionSource, {
    get: Effect.gen(function* () {
      world.attempts.push(yield* Clock.currentTimeMillis);
      return info;
    }),
  });
  const sockets = Layer.succeed(SocketFactory, {
    open: () => {
      const n = world.attempts.length;
      if (!world.accept(n)) throw new Error("ECONNREFUSED");
      const s = new FakeSocket();
      world.sockets.push(s);
      queueMicrotask(() => s.open());
      return s;
    },
  });
  const supervisor = layer().pipe(Layer.provide(source), Layer.provide(sockets));
  return Effect.runPromise(
    body.pipe(Effect.provide(supervisor), Effect.scoped, Effect.provide(TestClock.layer())) as Effect.Effect<A, E>,
  );
};

/** Advances virtual time in small steps so every woken fiber runs at its own instant. */
const advance = (ms: number, step = 10) =>
  Effect.gen(function* () {
    for (let t = 0; t < ms; t += step) {
      yield* TestClock.adjust(step);
      yield* Effect.yieldNow;
    }
  });

const state = Effect.gen(function* () {
  const s = yield* ChannelSupervisor;
  return yield* SubscriptionRef.get(s.state);
});

const settle = Effect.promise(() => new Promise((r) => setTimeout(r, 5)));

describe("ChannelSupervisor", () => {
  it("retries the first connection at 0, 100, 300, 700, 1700, 3700 ms, then every 5 s, and is Dead at 30 s", async () => {
    const world: World = { attempts: [], sockets: [], accept: () => false };
    const result = await run(
      world,
      Effect.gen(function* () {
        yield* advance(29_990);
        const before = yield* state;
        yield* advance(30);
        return { before, after: yield* state };
      }),
    );
    expect(world.attempts).toEqual([0, 100, 300, 700, 1_700, 3_700, 8_700, 13_700, 18_700, 23_700, 28_700]);
    expect(result.before._tag).toBe("Connecting");
    expect(result.after).toMatchObject({ _tag: "Dead", reason: "extension host unreachable for 30 s" });
  });

  it("after a drop, reconnects after 100, 200, 400 ms, 1 s, 2 s, then every 5 s, and gives up 30 s after the drop", async () => {
    const world: World = { attempts: [], sockets: [], accept: (n) => n === 1 };
    const result = await run(
      world,
      Effect.gen(function* () {
        yield* settle;
        const connected = yield* state;
        world.sockets[0]!.drop();
        yield* settle;
        const dropped = yield* state;
        yield* advance(30_010);
        return { connected, dropped, end: yield* state };
      }),
    );
    expect(result.connected._tag).toBe("Connected");
    expect(result.dropped._tag).toBe("Reconnecting");
    // Attempt 1 at t=0 succeeded; the drop happened at t=0 too.
    expect(world.attempts).toEqual([0, 100, 300, 700, 1_700, 3_700, 8_700, 13_700, 18_700, 23_700, 28_700]);
    expect(result.end._tag).toBe("Dead");
  });

  it("comes back from Dead on reconnect()", async () => {
    const world: World = { attempts: [], sockets: [], accept: (n) => n > 11 };
    const end = await run(
      world,
      Effect.gen(function* () {
        yield* advance(30_010);
        expect((yield* state)._tag).toBe("Dead");
        const s = yield* ChannelSupervisor;
        yield* s.reconnect;
        yield* settle;
        yield* advance(20);
        return yield* state;
      }),
    );
    expect(end._tag).toBe("Connected");
  });

  it("skips the rest of the backoff when nudged with reconnect() (main restarted the host)", async () => {
    const world: World = { attempts: [], sockets: [], accept: (n) => n === 1 || n >= 8 };
    const result = await run(
      world,
      Effect.gen(function* () {
        yield* settle;
        world.sockets[0]!.drop();
        yield* advance(10_000); // attempts at 100, 300, 700, 1700, 3700, 8700 all refused
        const s = yield* ChannelSupervisor;
        yield* s.reconnect;
        yield* settle;
        return yield* state;
      }),
    );
    expect(world.attempts).toEqual([0, 100, 300, 700, 1_700, 3_700, 8_700, 10_000]);
    expect(result._tag).toBe("Connected");
  });

  it("fails calls at once while disconnected, and drains pending calls with Disconnected on a drop", async () => {
    const world: World = { attempts: [], sockets: [], accept: (n) => n === 1 };
    const outcome = await run(
      world,
      Effect.gen(function* () {
        const s = yield* ChannelSupervisor;
        yield* settle;
        const pending = yield* Effect.forkChild(Effect.result(s.call("slow", [])));
        yield* settle;
        expect((yield* s.stats).pending).toBe(1);
        world.sockets[0]!.drop();
        const drained = yield* Fiber.join(pending);
        const whileDown = yield* Effect.result(s.call("x", []));
        return { drained, whileDown, pendingAfter: (yield* s.stats).pending };
      }),
    );
    expect(outcome.drained).toMatchObject({ _tag: "Failure", failure: { _tag: "Disconnected" } });
    expect(outcome.whileDown).toMatchObject({ _tag: "Failure", failure: { _tag: "Disconnected" } });
    expect(outcome.pendingAfter).toBe(0);
  });

  it("sends $cancel when a call's fiber is interrupted, and resolves calls from replies", async () => {
    const world: World = { attempts: [], sockets: [], accept: () => true };
    const sent = await run(
      world,
      Effect.gen(function* () {
        const s = yield* ChannelSupervisor;
        yield* settle;
        const socket = world.sockets[0]!;
        const answered = yield* Effect.forkChild(s.call("fast", [1]));
        yield* settle;
        socket.reply({ id: JSON.parse(socket.sent[0]!).id, result: 42 });
        expect(yield* Fiber.join(answered)).toBe(42);
        const slow = yield* Effect.forkChild(s.call("slow", []));
        yield* settle;
        yield* Fiber.interrupt(slow);
        return socket.sent.map((f) => JSON.parse(f));
      }),
    );
    expect(sent[1]).toMatchObject({ method: "slow", params: [] });
    expect(sent[2]).toEqual({ id: null, method: "$cancel", params: [sent[1].id] });
  });

  it("fails a call with CallTimeout after its limit and tells the host to cancel", async () => {
    const world: World = { attempts: [], sockets: [], accept: () => true };
    const outcome = await run(
      world,
      Effect.gen(function* () {
        const s = yield* ChannelSupervisor;
        yield* settle;
        return yield* Effect.result(s.call("slow", [], { timeoutMs: 20 }));
      }),
    );
    expect(outcome).toMatchObject({ _tag: "Failure", failure: { _tag: "CallTimeout", method: "slow" } });
    expect(world.sockets[0]!.sent.map((f) => JSON.parse(f).method)).toEqual(["slow", "$cancel"]);
  });
});

export type { ChannelState };
