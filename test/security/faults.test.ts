/**
 * Faults of the extension host as the renderer's supervisor sees them: a SIGKILL with 100
 * calls in flight, and an event loop blocked by a busy loop (test hooks, EXTHOST_TEST_HOOKS=1).
 */
import { afterEach, describe, expect, it } from "vitest";
import { TestHooksContract } from "../../src/protocol/contracts/test-hooks.js";
import { ChannelContract } from "../../src/protocol/contracts/channel.js";
import type { ChannelClient } from "../../src/renderer/src/channel/channel-client.js";
import type { ChannelState } from "../../src/renderer/src/channel/channel-state.js";
import { isConnected, nodeChannelClient, waitForState } from "../support/node-client.js";
import { isAlive, sleep, startLoggedHost, waitUntil, type LoggedHost } from "./support.js";

const HOOKS = { EXTHOST_TEST_HOOKS: "1" };

const connectedState = (s: ChannelState): Extract<ChannelState, { _tag: "Connected" }> => {
  if (s._tag !== "Connected") throw new Error(`expected Connected, got ${JSON.stringify(s)}`);
  return s;
};

describe("extension host faults (real host, supervisor under Node)", () => {
  let host: LoggedHost | undefined;
  let client: ChannelClient | undefined;
  afterEach(async () => {
    await client?.dispose();
    await host?.stop();
    client = host = undefined;
  });

  it("SIGKILL during 100 in-flight calls: all fail fast with Disconnected, the host restarts, later calls succeed", async () => {
    host = await startLoggedHost({ env: HOOKS });
    const h = host;
    client = await nodeChannelClient(() => h.starter.connectionInfo());
    const first = connectedState(await waitForState(client, isConnected));
    const oldPid = h.starter.pid!;

    const settledAt: number[] = [];
    const inFlight = Array.from({ length: 100 }, () =>
      client!.call(TestHooksContract.sleep.method, [60_000]).finally(() => settledAt.push(Date.now())),
    );
    // Every call has reached the host: a ping queued behind them is answered.
    expect(await client.call(ChannelContract.ping.method, [])).toBe("pong");
    expect((await client.stats()).pending).toBe(100);

    const killedAt = Date.now();
    process.kill(oldPid, "SIGKILL");
    const results = await Promise.allSettled(inFlight);
    for (const r of results) {
      expect(r.status).toBe("rejected");
      expect((r as PromiseRejectedResult).reason).toMatchObject({ _tag: "Disconnected" });
    }
    // A call made while the host is down fails at once too (or succeeds if the restart won).
    const during = await Promise.race([
      client.call(ChannelContract.ping.method, []).then(
        () => "pong",
        (e: { _tag?: string }) => e._tag ?? "?",
      ),
      sleep(5_000).then(() => "hung"),
    ]);
    expect(["Disconnected", "pong"]).toContain(during);
    const slowest = Math.max(...settledAt) - killedAt;
    console.log(`[faults] 100 in-flight calls failed within ${slowest} ms of SIGKILL`);
    // "Fast" = on the socket close, not on a call timeout (60 s) — generous for a loaded CI box.
    expect(slowest).toBeLessThan(5_000);

    const second = connectedState(
      await waitForState(client, (s) => s._tag === "Connected" && s.generation > first.generation, 20_000),
    );
    expect(second.port).not.toBe(0);
    expect(isAlive(oldPid)).toBe(false);
    expect(h.starter.pid).not.toBe(oldPid);
    expect(await client.call(ChannelContract.ping.method, [])).toBe("pong");
    const results2 = await Promise.all(
      Array.from({ length: 100 }, (_, i) => client!.call(ChannelContract.echo.method, [i], { timeoutMs: 10_000 })),
    );
    expect(results2).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(h.logs.some((l) => l.includes("exited unexpectedly"))).toBe(true);
  }, 60_000);

  it("a busy loop in the host: marked unresponsive, a timed call fails with CallTimeout, then recovers on the same connection", async () => {
    // A short server heartbeat too: the host must not drop the renderer for pongs it could
    // not read while its own event loop was blocked.
    host = await startLoggedHost({ env: { ...HOOKS, EXTHOST_HEARTBEAT_MS: "1000" } });
    const h = host;
    client = await nodeChannelClient(() => h.starter.connectionInfo(), {
      keepAliveMs: 300,
      unresponsiveAfterMs: 1_000,
    });
    const before = connectedState(await waitForState(client, isConnected));
    expect(before.responsive).toBe(true);

    const spin = client.call(TestHooksContract.spin.method, [4_000], { timeoutMs: 30_000 });
    await sleep(300);
    const started = Date.now();
    await expect(client.call(ChannelContract.echo.method, ["x"], { timeoutMs: 1_500 })).rejects.toMatchObject({
      _tag: "CallTimeout",
      message: "'demo.echo' did not answer within 1500 ms",
    });
    // Bounded: the timeout fires although the host is stuck (generous for a loaded box).
    expect(Date.now() - started).toBeLessThan(10_000);
    const stuck = connectedState(await waitForState(client, (s) => s._tag === "Connected" && !s.responsive, 10_000));
    expect(stuck.generation).toBe(before.generation);

    expect(await spin).toBeGreaterThanOrEqual(4_000);
    const recovered = connectedState(await waitForState(client, (s) => s._tag === "Connected" && s.responsive, 10_000));
    // Same connection throughout: no drop, no reconnect.
    expect(recovered.since).toBe(before.since);
    expect(recovered.generation).toBe(before.generation);
    expect(await client.call(ChannelContract.ping.method, [], { timeoutMs: 5_000 })).toBe("pong");
    expect(h.logs.some((l) => l.includes("missed a heartbeat"))).toBe(false);
  }, 60_000);

  it("a method that throws or rejects fails only its own call", async () => {
    host = await startLoggedHost({ env: HOOKS });
    const h = host;
    client = await nodeChannelClient(() => h.starter.connectionInfo());
    await waitForState(client, isConnected);
    const calls = [
      client.call(TestHooksContract.throw.method, ["boom"]),
      client.call(ChannelContract.echo.method, [1]),
      client.call(TestHooksContract.reject.method, ["nope"]),
      client.call(ChannelContract.echo.method, [2]),
    ];
    const [thrown, one, rejected, two] = await Promise.allSettled(calls);
    expect(thrown).toMatchObject({ status: "rejected", reason: { _tag: "RemoteError", message: "boom" } });
    expect(rejected).toMatchObject({ status: "rejected", reason: { _tag: "RemoteError", message: "nope" } });
    expect(one).toEqual({ status: "fulfilled", value: 1 });
    expect(two).toEqual({ status: "fulfilled", value: 2 });
    await waitUntil(() => h.starter.currentState.kind === "running", "host still running");
  });

  it("the test hooks are absent unless EXTHOST_TEST_HOOKS=1 is passed by the starter's caller", async () => {
    // Inherited from the environment that launched "main" is not enough.
    process.env["EXTHOST_TEST_HOOKS"] = "1";
    try {
      host = await startLoggedHost();
    } finally {
      delete process.env["EXTHOST_TEST_HOOKS"];
    }
    const h = host;
    client = await nodeChannelClient(() => h.starter.connectionInfo());
    await waitForState(client, isConnected);
    await expect(client.call(TestHooksContract.spin.method, [10_000])).rejects.toMatchObject({
      _tag: "RemoteError",
      message: "Unknown method 'test.spin'",
    });
  });
});
