/**
 * Views, quick input, progress and extension file systems through the UI, in Chromium, against
 * the real extension host with the example extensions (examples/tree-view, quick-input,
 * progress, memfs) and a probe with a content provider.
 */
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { workbenchSuite } from "../support/workbench-suite.js";
import { repoRoot } from "../support/paths.js";
import { runFromPalette } from "../support/workbench-page.js";

const extensions = [
  ...["tree-view", "quick-input", "progress", "memfs"].map((e) => join(repoRoot, "examples", e)),
  join(repoRoot, "test/fixtures/extensions/context-probe"),
];

describe("views, quick input, progress and virtual documents in the workbench", () => {
  const suite = workbenchSuite({
    name: "views",
    files: {
      "readme.md": "# Hello\n",
    },
    devExtensions: extensions,
  });

  const { open } = suite;

  const treeItem = (page: Page, label: string) => page.locator(`[data-testid="tree-item"][data-label="${label}"]`);

  it("a tree view in an activity-bar container: expand, click runs its command, refresh from the extension", async () => {
    const page = await open();
    await page.getByTestId("activity-package-explorer").click();
    const pane = page.locator('[data-testid="view-pane"][data-view="nodeDependencies"]');
    await pane.waitFor();
    expect(await pane.locator(".view-title").textContent()).toBe("NODE DEPENDENCIES");
    // onView: activation, then the roots.
    await treeItem(page, "express").waitFor();
    expect(
      await page.getByTestId("tree-item").evaluateAll((els) => els.map((e) => e.getAttribute("data-label"))),
    ).toEqual(["left-pad", "express"]);
    expect(await treeItem(page, "express").locator(".codicon-package").count()).toBe(1);
    expect(await treeItem(page, "express").locator(".tree-description").textContent()).toBe("4.19.2");

    // Expanding asks the host for the children.
    await treeItem(page, "express").getByTestId("tree-twistie").click();
    await treeItem(page, "accepts").waitFor();
    expect(await treeItem(page, "express").getAttribute("aria-expanded")).toBe("true");

    // A click runs the item's command (it shows a status bar message with the element's data).
    await treeItem(page, "accepts").click();
    await page.getByText("Opened accepts@1.3.8").waitFor();
    expect(await treeItem(page, "accepts").getAttribute("aria-selected")).toBe("true");

    // Keyboard: Up moves to express, Left collapses it.
    await page.keyboard.press("ArrowUp");
    await expect.poll(() => treeItem(page, "express").getAttribute("aria-selected")).toBe("true");
    await page.keyboard.press("ArrowLeft");
    await expect.poll(() => treeItem(page, "accepts").count()).toBe(0);

    // The extension refreshes its tree: the new item appears, and the badge on the activity bar.
    await runFromPalette(page, "add dependency", "nodeDependencies.addEntry");
    await treeItem(page, "dep-3").waitFor();
    await expect.poll(() => page.getByTestId("activity-package-explorer").locator(".badge").textContent()).toBe("3");
  });

  it("a quick pick with buttons and an input box with inline validation", async () => {
    const page = await open();
    await runFromPalette(page, "ask for a port", "quickInput.askPort");
    const box = page.getByTestId("ext-input-box");
    await box.waitFor();
    const validation = page.getByTestId("quick-validation");
    await expect.poll(() => validation.textContent()).toBe("80 is outside 1024-65535");
    // Enter with an invalid value does not accept.
    await page.getByTestId("quick-input-value").press("Enter");
    await page.getByTestId("quick-input-value").fill("abc");
    await expect.poll(() => validation.textContent()).toBe("Enter a number");
    await page.getByTestId("quick-input-value").fill("8080");
    await expect.poll(() => validation.count()).toBe(0);
    await page.getByTestId("quick-input-value").press("Enter");
    await box.waitFor({ state: "detached" });

    await runFromPalette(page, "multi-step", "quickInput.multiStep");
    const pick = page.getByTestId("ext-quick-pick");
    await pick.waitFor();
    expect(await page.getByTestId("quick-title").textContent()).toContain("Create Resource (1/2)");
    const labels = () =>
      page.getByTestId("quick-item").evaluateAll((els) => els.map((e) => e.getAttribute("data-label")));
    expect(await labels()).toEqual(["bucket", "queue", "table"]);
    // The "Reload" title button adds an item; an item's trash button removes it.
    await page.locator('[data-testid="quick-title-button"][aria-label="Reload"]').click();
    await expect.poll(labels).toEqual(["bucket", "queue", "table", "topic"]);
    await page.locator('[data-testid="quick-item"][data-label="bucket"] [data-testid="quick-item-button"]').click();
    await expect.poll(labels).toEqual(["queue", "table", "topic"]);
    // Filtering, then Enter accepts the active (first matching) item.
    await page.getByTestId("quick-input-value").fill("tab");
    await expect.poll(labels).toEqual(["table"]);
    await page.getByTestId("quick-input-value").press("Enter");
    await pick.waitFor({ state: "detached" });
  });

  it("an extension sees the window's colour theme: Dark+'s kind, then Light+'s when the OS turns light", async () => {
    const page = await open();
    await page.emulateMedia({ colorScheme: "dark" });
    await runFromPalette(page, "show theme kind", "probe.showTheme");
    await page.getByText("theme kind 2").waitFor();
    await page.emulateMedia({ colorScheme: "light" });
    await runFromPalette(page, "show theme kind", "probe.showTheme");
    await page.getByText("theme kind 1").waitFor();
  });

  it("an extension sees the window lose focus, and be focused and active again once used", async () => {
    const page = await open();
    // First the probe runs (and so listens) in a window that is in use.
    await runFromPalette(page, "show window state", "probe.showWindowState");
    await page.getByText(/^window true\/true/).waitFor();
    await page.evaluate(() => window.dispatchEvent(new FocusEvent("blur")));
    // Opening the palette again is activity in a focused window.
    await runFromPalette(page, "show window state", "probe.showWindowState");
    await page.getByText(/^window true\/true after .*false\/false true\/true$/).waitFor();
  });

  it("a progress notification shows its steps and Cancel stops the task", async () => {
    const page = await open();
    await runFromPalette(page, "long task", "progressSample.run");
    const toast = page.getByTestId("progress-notification");
    await toast.waitFor();
    await expect.poll(() => toast.locator(".toast-message").textContent()).toMatch(/^Indexing: step \d+ of 10$/);
    await expect
      .poll(async () => Number(await toast.getByRole("progressbar").getAttribute("aria-valuenow")))
      .toBeGreaterThanOrEqual(10);
    await toast.getByTestId("progress-cancel").click();
    // Cancelled long before its 4 s run would end.
    await toast.waitFor({ state: "detached", timeout: 1_500 });
  });

  it("a virtual document and a memfs file open in the editor; the memfs file saves through its provider", async () => {
    const page = await open();
    await runFromPalette(page, "show cow", "probe.showCow");
    const cowTab = page.locator('[data-testid="tab"][data-name="hello"]');
    await cowTab.waitFor();
    await expect
      .poll(async () =>
        (await page.locator(".monaco-editor .view-lines").first().textContent())?.replace(/\u00a0/g, " "),
      )
      .toContain("Moo says /hello");
    // Read-only: typing changes nothing.
    await page.locator(".monaco-editor .view-lines").first().click();
    await page.keyboard.type("xyz");
    expect(await cowTab.getAttribute("data-dirty")).toBe("false");
    expect(await page.locator(".monaco-editor .view-lines").first().textContent()).not.toContain("xyz");

    await runFromPalette(page, "create files", "memfs.init");
    await runFromPalette(page, "open file.txt", "memfs.openFile");
    const tab = page.locator('[data-testid="tab"][data-name="file.txt"]');
    await tab.waitFor();
    await expect
      .poll(async () => (await page.locator(".monaco-editor .view-lines").first().textContent()) ?? "")
      .toContain("foo");
    await page.locator(".monaco-editor .view-lines").first().click();
    await page.keyboard.press("Control+End");
    await page.keyboard.type(" bar");
    await expect.poll(() => tab.getAttribute("data-dirty")).toBe("true");
    await page.keyboard.press("Control+s");
    await expect.poll(() => tab.getAttribute("data-dirty")).toBe("false");
    // Closed and opened again, the text comes back from the provider's memory.
    await page.keyboard.press("Control+w");
    await tab.waitFor({ state: "detached" });
    await runFromPalette(page, "open file.txt", "memfs.openFile");
    await tab.waitFor();
    await expect
      .poll(async () =>
        ((await page.locator(".monaco-editor .view-lines").first().textContent()) ?? "").replace(/\u00a0/g, " "),
      )
      .toContain("foo bar");
  });
});
