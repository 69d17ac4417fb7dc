/**
 * The built renderer in headless Chromium connects straight to the real extension host:
 * the browser's own WebSocket, secret in a subprotocol, Origin checked by the host.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchChromium, openRenderer, type RendererHarness } from "../support/browser.js";

type ChannelHandle = {
  call(method: string, params: unknown[], options?: { timeoutMs?: number }): Promise<unknown>;
  state(): { _tag: string; generation?: number };
};

describe("renderer in Chromium ⇄ extension host (direct WebSocket)", () => {
  let browser: Browser;
  let harness: RendererHarness | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });

  const channelState = (h: RendererHarness) =>
    h.page.evaluate(
      () => (window as unknown as { directChannel?: ChannelHandle }).directChannel?.state()._tag ?? "none",
    );

  const waitConnected = (h: RendererHarness, generation?: number) =>
    h.page.waitForFunction(
      (g) => {
        const s = (window as unknown as { directChannel?: ChannelHandle }).directChannel?.state();
        return s?._tag === "Connected" && (g === undefined || s.generation === g);
      },
      generation,
      { timeout: 20_000 },
    );

  it("connects, performs calls in both directions, and never puts the secret in a URL", async () => {
    harness = await openRenderer({ browser });
    const urls: string[] = [];
    harness.page.on("websocket", (ws) => urls.push(ws.url()));
    await harness.page.reload();
    await waitConnected(harness);
    expect(await channelState(harness)).toBe("Connected");

    await harness.page.getByTestId("panel-tab-developer").click();
    await harness.page.getByTestId("echo-text").fill("from chromium");
    await harness.page.getByTestId("echo").click();
    await expect.poll(() => harness!.page.getByTestId("sample-outcome").first().textContent()).toBe('"from chromium"');

    // Host → renderer: the host calls `renderer.hello`, served by the page.
    await harness.page.getByTestId("call-back").click();
    await expect
      .poll(() => harness!.page.getByTestId("sample-outcome").first().textContent())
      .toBe(JSON.stringify({ rendererSaid: "renderer got 'from chromium'" }));

    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) {
      expect(url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/$/);
      expect(url).not.toContain(harness.host.info.secret);
    }
  });

  it("shows an unknown method as a RemoteError", async () => {
    harness = await openRenderer({ browser });
    await waitConnected(harness);
    const outcome = await harness.page.evaluate(() =>
      (window as unknown as { directChannel: ChannelHandle }).directChannel.call("no.such.method", []).then(
        () => "resolved",
        (e: { _tag: string; message: string }) => `${e._tag}: ${e.message}`,
      ),
    );
    expect(outcome).toBe("RemoteError: Unknown method 'no.such.method'");
  });

  it("reconnects without a reload after the extension host is killed and restarted", async () => {
    harness = await openRenderer({ browser });
    await waitConnected(harness, harness.host.info.generation);
    const oldPid = harness.host.starter.pid!;
    process.kill(oldPid, "SIGKILL");
    const info = await new Promise<{ generation: number }>((resolve) => {
      const off = harness!.host.starter.onDidChangeState((s) => {
        if (s.kind === "running") {
          off();
          resolve(s.info);
        }
      });
    });
    await waitConnected(harness, info.generation);
    await harness.page.getByTestId("panel-tab-developer").click();
    await harness.page.getByTestId("ping").click();
    await expect.poll(() => harness!.page.getByTestId("sample-outcome").first().textContent()).toBe('"pong"');
  });
});
