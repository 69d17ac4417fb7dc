import { afterEach, describe, expect, it } from "vitest";
import { ChannelContract, ClientContract } from "../../src/protocol/contracts/channel.js";
import { TestHooksContract } from "../../src/protocol/contracts/test-hooks.js";
import { serve } from "../../src/protocol/rpc-contract.js";
import type { ChannelClient } from "../../src/renderer/src/channel/channel-client.js";
import { startTestHost, type TestHost } from "../support/host.js";
import { isConnected, nodeChannelClient, waitForState } from "../support/node-client.js";

describe("renderer supervisor ⇄ real extension host bundle", () => {
  let host: TestHost | undefined;
  let client: ChannelClient | undefined;
  afterEach(async () => {
    await client?.dispose();
    await host?.stop();
    client = host = undefined;
  });

  it("calls the host, and the host calls the renderer back on the same socket", async () => {
    host = await startTestHost();
    const h = host;
    client = await nodeChannelClient(() => h.starter.connectionInfo());
    await waitForState(client, isConnected);
    expect(await client.call(ChannelContract.ping.method, [])).toBe("pong");
    expect(await client.call(ChannelContract.echo.method, [{ a: [1, "two", null] }])).toEqual({ a: [1, "two", null] });
    await serve(client, ClientContract, { hello: (greeting) => `renderer saw ${greeting}`, log: () => undefined })
      .ready;
    expect(await client.call(ChannelContract.callBack.method, ["hi"])).toEqual({ rendererSaid: "renderer saw hi" });
  });

  it("reports an unknown method as a RemoteError naming it", async () => {
    host = await startTestHost();
    const h = host;
    client = await nodeChannelClient(() => h.starter.connectionInfo());
    await waitForState(client, isConnected);
    await expect(client.call("no.such.method", [])).rejects.toMatchObject({
      _tag: "RemoteError",
      message: "Unknown method 'no.such.method'",
    });
  });

  it("refuses to send a frame over the cap, with PayloadTooLarge, and stays connected", async () => {
    host = await startTestHost({ env: { EXTHOST_MAX_PAYLOAD: String(64 * 1024) } });
    const h = host;
    client = await nodeChannelClient(() => h.starter.connectionInfo(), { maxFrameBytes: 64 * 1024 });
    await waitForState(client, isConnected);
    await expect(client.call(ChannelContract.echo.method, ["x".repeat(100_000)])).rejects.toMatchObject({
      _tag: "PayloadTooLarge",
    });
    expect(await client.call(ChannelContract.echo.method, ["small"])).toBe("small");
  });

  it("fails in-flight calls with Disconnected when the host dies, then reconnects to the restarted host", async () => {
    host = await startTestHost();
    const h = host;
    client = await nodeChannelClient(() => h.starter.connectionInfo());
    const first = await waitForState(client, isConnected);
    const oldPid = h.starter.pid;
    await client.register(ClientContract.hello.method, () => new Promise(() => undefined));
    // Host → renderer call that never completes keeps `demo.callRenderer` in flight on the host.
    const inFlight = Array.from({ length: 20 }, () => client!.call(ChannelContract.callBack.method, ["x"]));
    await new Promise((r) => setTimeout(r, 100));
    process.kill(oldPid!, "SIGKILL");
    const results = await Promise.allSettled(inFlight);
    for (const r of results) {
      expect(r.status).toBe("rejected");
      expect((r as PromiseRejectedResult).reason).toMatchObject({ _tag: "Disconnected" });
    }
    const second = await waitForState(
      client,
      (s) => s._tag === "Connected" && first._tag === "Connected" && s.generation > first.generation,
    );
    expect(second._tag).toBe("Connected");
    expect(h.starter.pid).not.toBe(oldPid);
    expect(await client.call(ChannelContract.ping.method, [])).toBe("pong");
  });

  it("cancels a call whose AbortSignal fires (how Monaco's cancelled completions reach the wire)", async () => {
    host = await startTestHost({ env: { EXTHOST_TEST_HOOKS: "1" } });
    const h = host;
    client = await nodeChannelClient(() => h.starter.connectionInfo());
    await waitForState(client, isConnected);
    const controller = new AbortController();
    const started = Date.now();
    const call = client.call(TestHooksContract.sleep.method, [60_000], { signal: controller.signal, timeoutMs: 0 });
    await expect.poll(async () => (await client!.stats()).pending).toBe(1);
    controller.abort();
    await expect(call).rejects.toBeDefined();
    expect(Date.now() - started).toBeLessThan(30_000);
    expect((await client.stats()).pending).toBe(0);
    // The channel is still fine for the next call.
    expect(await client.call(ChannelContract.ping.method, [])).toBe("pong");
  });
});
