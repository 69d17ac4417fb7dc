/**
 * Developer: IPC Profiler in the built renderer: a live comparison of the direct WebSocket
 * and the relayed path (through the harness standing in for main), drawn as CDFs.
 * Checks that it measures and draws; never asserts timings.
 */
import { afterEach, describe, expect, it } from "vitest";
import { openRenderer, type RendererHarness } from "../support/browser.js";

describe("Developer: IPC Profiler", () => {
  let harness: RendererHarness | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });

  it("runs the comparison over both paths and draws their distributions", async () => {
    harness = await openRenderer();
    const { page } = harness;
    await page.waitForFunction(
      () =>
        (window as unknown as { directChannel?: { state(): { _tag: string } } }).directChannel?.state()._tag ===
        "Connected",
      undefined,
      { timeout: 20_000 },
    );
    await page.getByTestId("panel-tab-developer").click();
    await page.getByTestId("open-profiler").click();
    await page.getByTestId("profiler-calls").selectOption("100");
    await page.getByTestId("profiler-run").click();
    await expect.poll(() => page.getByTestId("profiler-progress").textContent(), { timeout: 60_000 }).toBe("done");
    const rows = page.getByTestId("profiler-row");
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).locator("td").nth(0).textContent()).toBe("direct (WebSocket)");
    expect(await rows.nth(1).locator("td").nth(0).textContent()).toBe("double hop (IPC → main → host)");
    for (let i = 0; i < 2; i++) expect(await rows.nth(i).locator("td").nth(1).textContent()).toBe("100");
    expect(await page.getByTestId("profiler-series").count()).toBe(2);
    // The comparison's own direct calls are real traffic: the live meter saw them.
    await expect
      .poll(() => page.getByTestId("profiler-live").textContent())
      .not.toMatch(/^Live \(last 5 s\): 0\.0 calls/);
  });
});
