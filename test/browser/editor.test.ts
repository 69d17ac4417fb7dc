/**
 * The Monaco editor in real Chromium against the real extension host: models survive tab
 * switches (undo, dirty state), VS Code's keybindings are Monaco's and the workbench does not
 * steal them, TextMate grammars and themes come from extensions.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { launchChromium, openRenderer, type RendererHarness } from "../support/browser.js";
import { repoRoot } from "../support/paths.js";

const examples = ["completion-diagnostics"].map((e) => join(repoRoot, "examples", e));

describe("Monaco editor in the workbench", () => {
  let browser: Browser;
  let harness: RendererHarness | undefined;
  let workspace: string;
  let dataDir: string;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(() => {
    workspace = mkdtempSync(join(tmpdir(), "ed-ws-"));
    dataDir = mkdtempSync(join(tmpdir(), "ed-data-"));
    writeFileSync(join(workspace, "a.md"), "alpha beta alpha\n");
    writeFileSync(join(workspace, "b.md"), "second file\n");
  });
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
    rmSync(workspace, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  const open = async (): Promise<Page> => {
    harness = await openRenderer({
      browser,
      hostEnv: {
        EXTHOST_DEV_EXTENSIONS: examples.join(","),
        EXTHOST_BUILTIN_EXTENSIONS: join(repoRoot, "extensions/builtin"),
        EXTHOST_USER_DATA_DIR: dataDir,
      },
      bridge: { getInitialWorkspace: () => pathToFileURL(workspace).toString() },
    });
    const { page } = harness;
    await page.getByTestId("channel-state").and(page.locator('[data-state="Connected"]')).waitFor({ timeout: 20_000 });
    return page;
  };

  const openFile = async (page: Page, name: string) => {
    await page.locator(`[data-testid="explorer-item"][data-name="${name}"]`).click();
    await page.locator(`[data-testid="tab"][data-name="${name}"]`).waitFor();
  };
  const tab = (page: Page, name: string) => page.locator(`[data-testid="tab"][data-name="${name}"]`);
  const editorText = async (page: Page) =>
    ((await page.locator(".monaco-editor .view-lines").first().textContent()) ?? "").replace(/\u00a0/g, " ");

  it("keeps undo and dirty state of a document across a tab switch (one model per document)", async () => {
    const page = await open();
    await openFile(page, "a.md");
    await page.locator(".monaco-editor .view-lines").first().click();
    await page.keyboard.press("Control+End");
    await page.keyboard.type("typed");
    await expect.poll(() => tab(page, "a.md").getAttribute("data-dirty")).toBe("true");

    await openFile(page, "b.md");
    await expect.poll(() => editorText(page)).toContain("second file");
    await tab(page, "a.md").click();
    await expect.poll(() => editorText(page)).toContain("typed");
    // The restored view state put the cursor back at the end, where "typed" was inserted.
    await page.keyboard.press("Control+z");
    await expect.poll(() => editorText(page)).not.toContain("typed");
    expect(await editorText(page)).toContain("alpha beta alpha");
    // Undoing back to the saved text makes the tab clean again (alternative version id).
    await expect.poll(() => tab(page, "a.md").getAttribute("data-dirty")).toBe("false");
  });

  it("Ctrl+D adds a second cursor at the next occurrence; typing edits both", async () => {
    const page = await open();
    await openFile(page, "a.md");
    await page.locator(".monaco-editor .view-lines").first().click();
    await page.keyboard.press("Control+Home");
    await page.keyboard.press("Control+d");
    await page.keyboard.press("Control+d");
    await expect.poll(() => page.locator(".monaco-editor .cursors-layer .cursor").count()).toBe(2);
    await page.keyboard.type("omega");
    await expect.poll(() => editorText(page)).toContain("omega beta omega");
  });

  it("Ctrl+Alt+Down adds a cursor below; Alt+Z toggles word wrap; F1 opens the workbench palette", async () => {
    writeFileSync(join(workspace, "long.md"), `${"word ".repeat(400)}\nnext\n`);
    const page = await open();
    await openFile(page, "long.md");
    await page.locator(".monaco-editor .view-lines").first().click();
    await page.keyboard.press("Control+Home");
    await page.keyboard.press("Control+Alt+ArrowDown");
    await expect.poll(() => page.locator(".monaco-editor .cursors-layer .cursor").count()).toBe(2);
    await page.keyboard.press("Escape");
    const renderedLines = () => page.locator(".monaco-editor .view-lines .view-line").count();
    const unwrapped = await renderedLines();
    await page.keyboard.press("Alt+z");
    await expect.poll(renderedLines).toBeGreaterThan(unwrapped);
    await page.keyboard.press("F1");
    await page.getByTestId("palette-input").waitFor();
  });

  it("Ctrl+F opens Monaco's find widget with a match count (the workbench does not take the key)", async () => {
    const page = await open();
    await openFile(page, "a.md");
    await page.locator(".monaco-editor .view-lines").first().click();
    await page.keyboard.press("Control+f");
    await page.keyboard.type("alpha");
    await expect.poll(() => page.locator(".monaco-editor .find-widget .matchesCount").textContent()).toMatch(/1 of 2/);
  });
});
