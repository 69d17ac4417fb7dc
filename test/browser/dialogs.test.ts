/**
 * window.showSaveDialog / showOpenDialog from an extension in a browser window (no OS dialog):
 * the window asks for a path in its own input box, prefilled with the extension's default;
 * a relative answer is taken from the workspace, Escape is a cancel (undefined).
 * (The Electron side, the OS dialog through main, is test/main/app-lifecycle.test.ts.)
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, openWorkbench, type RendererHarness } from "../support/browser.js";
import { repoRoot } from "../support/paths.js";

describe("open and save dialogs in a browser window", () => {
  let browser: Browser;
  let harness: RendererHarness | undefined;
  let page: Page;
  const workspace = mkdtempSync(join(tmpdir(), "dialogs-ws-"));
  const dataDir = mkdtempSync(join(tmpdir(), "dialogs-data-"));

  beforeAll(async () => {
    writeFileSync(join(workspace, "notes.txt"), "hello notes\n");
    browser = await launchChromium();
    harness = await openWorkbench({
      browser,
      dataDir,
      workspaceUri: pathToFileURL(workspace).toString(),
      devExtensions: [join(repoRoot, "test", "fixtures", "extensions", "dialogs-probe")],
    });
    page = harness.page;
  }, 60_000);
  afterAll(async () => {
    await harness?.close();
    await browser?.close();
    rmSync(workspace, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  const run = async (title: string) => {
    await page.keyboard.press("Control+Shift+P");
    await page.getByTestId("palette-input").fill(title);
    await page.locator('[data-testid="palette-item"]', { hasText: title }).first().click();
  };
  const notification = (text: string) => page.locator('[data-testid="notification"]', { hasText: text }).first();

  it("save: the path input starts at the extension's defaultUri; the file is written where the user said", async () => {
    await run("Dialogs Probe: Export Report");
    const input = page.getByTestId("quick-input").locator("input");
    await input.waitFor();
    await expect.poll(() => input.inputValue()).toBe(join(workspace, "report.txt"));
    await expect(page.getByTestId("quick-input").textContent()).resolves.toContain("Text: *.txt");
    await input.fill("out/final.txt");
    await input.press("Enter");
    await notification("Exported to out/final.txt").waitFor({ timeout: 15_000 });
    expect(readFileSync(join(workspace, "out", "final.txt"), "utf8")).toBe("exported\n");
  });

  it("open: the picked file reaches the extension as a Uri; Escape cancels (undefined)", async () => {
    await run("Dialogs Probe: Open Files");
    const input = page.getByTestId("quick-input").locator("input");
    await input.waitFor();
    // No defaultUri: it starts at the workspace folder.
    await expect.poll(() => input.inputValue()).toBe(`${workspace}/`);
    await input.fill(join(workspace, "notes.txt"));
    await input.press("Enter");
    await notification("Read 1: hello notes").waitFor({ timeout: 15_000 });

    await run("Dialogs Probe: Open Files");
    await input.waitFor();
    await input.press("Escape");
    await notification("Open cancelled").waitFor({ timeout: 15_000 });
  });
});
