/**
 * The file commands a daily VS Code user reaches for, in the built workbench (real Chromium, real
 * extension host): Save All, Save As…, Revert File, Close All Editors, Reopen Closed Editor, and
 * `workspace.saveAs` from an extension. In a browser window the save dialog is the window's own
 * path input (path-dialogs.ts); what matters is asserted on disk and in the tabs.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../support/paths.js";
import { workbenchSuite } from "../support/workbench-suite.js";
import { editorLines, editorText, eventually, openFile, runFromPalette, tab } from "../support/workbench-page.js";

describe("file commands", () => {
  const suite = workbenchSuite({
    name: "filecmds",
    files: { "a.txt": "alpha\n", "b.txt": "bravo\n", "c.txt": "charlie\n" },
    devExtensions: [join(repoRoot, "test", "fixtures", "extensions", "save-as-probe")],
    debugEnv: "DEBUG_EDITOR_TEST",
  });

  const disk = (name: string) => readFileSync(join(suite.workspace, name), "utf8");
  const tabNames = (page: Page) => page.getByTestId("tab").evaluateAll((els) => els.map((e) => e.dataset["name"]));
  const activeTab = (page: Page) => page.locator('[data-testid="tab"].active').getAttribute("data-name");
  const dialog = (page: Page) => page.getByTestId("dialog");
  const dialogButton = (page: Page, label: string) =>
    page.getByTestId("dialog-button").filter({ hasText: new RegExp(`^${label}$`) });
  const pathInput = (page: Page) => page.getByTestId("quick-input").locator("input");
  const notification = (page: Page, text: string) =>
    page.locator('[data-testid="notification"]', { hasText: text }).first();

  /** Opens `name` and types `text` at its end; waits for the dirty marker. */
  const edit = async (page: Page, name: string, text: string) => {
    await openFile(page, name);
    await editorLines(page).click();
    await page.keyboard.press("Control+End");
    await page.keyboard.type(text);
    await expect.poll(() => tab(page, name).getAttribute("data-dirty")).toBe("true");
  };

  it("Save All (Ctrl+K S) writes every dirty file and leaves clean tabs", async () => {
    const page = await suite.open();
    await edit(page, "a.txt", "one");
    await edit(page, "b.txt", "two");
    await page.keyboard.press("Control+k");
    await page.keyboard.press("s");
    await eventually(() => disk("a.txt")).toBe("alpha\none");
    await eventually(() => disk("b.txt")).toBe("bravo\ntwo");
    await eventually(() => tab(page, "a.txt").getAttribute("data-dirty")).toBe("false");
    expect(await tab(page, "b.txt").getAttribute("data-dirty")).toBe("false");
    expect(disk("c.txt")).toBe("charlie\n");
  });

  it("Save As (Ctrl+Shift+S) writes the editor's text to the new file, which takes the tab; the old file keeps its disk text; Escape changes nothing", async () => {
    const page = await suite.open();
    await openFile(page, "c.txt");
    await edit(page, "a.txt", "edited");

    // Cancel first: nothing is written, the tab stays dirty.
    await page.keyboard.press("Control+Shift+S");
    await pathInput(page).waitFor();
    expect(await pathInput(page).inputValue()).toBe(join(suite.workspace, "a.txt"));
    await pathInput(page).press("Escape");
    await pathInput(page).waitFor({ state: "detached" });
    expect(await tabNames(page)).toEqual(["c.txt", "a.txt"]);
    expect(await tab(page, "a.txt").getAttribute("data-dirty")).toBe("true");
    expect(disk("a.txt")).toBe("alpha\n");

    await editorLines(page).click();
    await page.keyboard.press("Control+Shift+S");
    await pathInput(page).fill("sub/copy.txt");
    await pathInput(page).press("Enter");
    await tab(page, "copy.txt").waitFor();
    await eventually(() => tabNames(page)).toEqual(["c.txt", "copy.txt"]);
    expect(await activeTab(page)).toBe("copy.txt");
    expect(await tab(page, "copy.txt").getAttribute("data-dirty")).toBe("false");
    expect(disk("sub/copy.txt")).toBe("alpha\nedited");
    expect(disk("a.txt")).toBe("alpha\n");
    expect(await editorText(page)).toContain("edited");
  });

  it("Save As onto an existing file asks before replacing it: Cancel writes nothing, Replace overwrites", async () => {
    const page = await suite.open();
    await edit(page, "a.txt", "mine");
    await runFromPalette(page, "Save As", "workbench.action.files.saveAs");
    await pathInput(page).fill("b.txt");
    await pathInput(page).press("Enter");
    await dialog(page).waitFor();
    expect(await dialog(page).textContent()).toContain("'b.txt' already exists. Do you want to replace it?");
    await dialogButton(page, "Cancel").click();
    await dialog(page).waitFor({ state: "detached" });
    expect(disk("b.txt")).toBe("bravo\n");
    expect(await tabNames(page)).toEqual(["a.txt"]);
    expect(await tab(page, "a.txt").getAttribute("data-dirty")).toBe("true");

    await runFromPalette(page, "Save As", "workbench.action.files.saveAs");
    await pathInput(page).fill("b.txt");
    await pathInput(page).press("Enter");
    await dialogButton(page, "Replace").click();
    await tab(page, "b.txt").waitFor();
    expect(disk("b.txt")).toBe("alpha\nmine");
    expect(disk("a.txt")).toBe("alpha\n");
    expect(await tabNames(page)).toEqual(["b.txt"]);
  });

  it("Revert File puts the disk's text back without asking and leaves the tab clean", async () => {
    const page = await suite.open();
    await edit(page, "a.txt", "throwaway");
    await runFromPalette(page, "Revert File", "workbench.action.files.revert");
    await eventually(() => tab(page, "a.txt").getAttribute("data-dirty")).toBe("false");
    expect(await editorText(page)).not.toContain("throwaway");
    expect(await editorText(page)).toContain("alpha");
    expect(await dialog(page).count()).toBe(0);
    expect(disk("a.txt")).toBe("alpha\n");
    // As in VS Code, the revert is one undo step of its own: Ctrl+Z brings the typed text back, dirty.
    await editorLines(page).click();
    await page.keyboard.press("Control+z");
    await eventually(() => editorText(page)).toContain("alphathrowaway");
    expect(await tab(page, "a.txt").getAttribute("data-dirty")).toBe("true");
  });

  it("Close All Editors (Ctrl+K Ctrl+W) asks about the dirty file: Cancel keeps every tab, Don't Save closes them all", async () => {
    const page = await suite.open();
    await openFile(page, "b.txt");
    await edit(page, "a.txt", "draft");
    await page.keyboard.press("Control+k");
    await page.keyboard.press("Control+w");
    await dialog(page).waitFor();
    expect(await dialog(page).textContent()).toContain("Do you want to save the changes you made to a.txt?");
    await dialogButton(page, "Cancel").click();
    await dialog(page).waitFor({ state: "detached" });
    expect(await tabNames(page)).toEqual(["b.txt", "a.txt"]);
    expect(await tab(page, "a.txt").getAttribute("data-dirty")).toBe("true");

    await runFromPalette(page, "Close All", "workbench.action.closeAllEditors");
    await dialogButton(page, "Don't Save").click();
    await eventually(() => tabNames(page)).toEqual([]);
    expect(disk("a.txt")).toBe("alpha\n");
  });

  it("Reopen Closed Editor (Ctrl+Shift+T) brings back the closed tabs, most recent first", async () => {
    const page = await suite.open();
    await openFile(page, "a.txt");
    await openFile(page, "b.txt");
    await openFile(page, "c.txt");
    await tab(page, "b.txt").locator(".tab-close").click();
    await tab(page, "b.txt").waitFor({ state: "detached" });
    await tab(page, "c.txt").locator(".tab-close").click();
    await tab(page, "c.txt").waitFor({ state: "detached" });

    await page.keyboard.press("Control+Shift+T");
    await tab(page, "c.txt").waitFor();
    expect(await activeTab(page)).toBe("c.txt");
    await page.keyboard.press("Control+Shift+T");
    await tab(page, "b.txt").waitFor();
    expect(await activeTab(page)).toBe("b.txt");
    expect(await editorText(page)).toContain("bravo");
    // Nothing left to reopen: a no-op, not an error.
    await page.keyboard.press("Control+Shift+T");
    await page.waitForTimeout(300);
    expect((await tabNames(page)).sort()).toEqual(["a.txt", "b.txt", "c.txt"]);
  });

  it("Save As onto a file open in another tab (after Replace) puts the text there and saves it; one tab remains", async () => {
    const page = await suite.open();
    await openFile(page, "b.txt");
    await edit(page, "a.txt", "moved");
    await page.keyboard.press("Control+Shift+S");
    await pathInput(page).fill("b.txt");
    await pathInput(page).press("Enter");
    await dialogButton(page, "Replace").click();
    await eventually(() => tabNames(page)).toEqual(["b.txt"]);
    expect(await activeTab(page)).toBe("b.txt");
    expect(await tab(page, "b.txt").getAttribute("data-dirty")).toBe("false");
    expect(disk("b.txt")).toBe("alpha\nmoved");
    expect(disk("a.txt")).toBe("alpha\n");
    expect(await editorText(page)).toContain("moved");
  });

  it("Open Previous Editor (Ctrl+PageUp) and Open Next Editor walk the tabs in order", async () => {
    const page = await suite.open();
    for (const name of ["a.txt", "b.txt", "c.txt"]) await openFile(page, name);
    expect(await activeTab(page)).toBe("c.txt");
    await page.keyboard.press("Control+PageUp");
    await eventually(() => activeTab(page)).toBe("b.txt");
    await runFromPalette(page, "Open Previous Editor", "workbench.action.previousEditor");
    await eventually(() => activeTab(page)).toBe("a.txt");
    await runFromPalette(page, "Open Next Editor", "workbench.action.nextEditor");
    await eventually(() => activeTab(page)).toBe("b.txt");
  });

  it("workspace.saveAs runs Save As for the document and resolves to the new Uri; undefined when cancelled or not open; a non-Uri is refused", async () => {
    const page = await suite.open();
    await edit(page, "a.txt", "api");
    await runFromPalette(page, "Save Active As", "saveAsProbe.saveActive");
    await pathInput(page).waitFor();
    await pathInput(page).press("Escape");
    await notification(page, "saveAs: undefined").waitFor();
    expect(existsSync(join(suite.workspace, "api.txt"))).toBe(false);

    await runFromPalette(page, "Save Active As", "saveAsProbe.saveActive");
    await pathInput(page).fill("api.txt");
    await pathInput(page).press("Enter");
    await notification(page, "saveAs: api.txt").waitFor();
    expect(disk("api.txt")).toBe("alpha\napi");
    expect(disk("a.txt")).toBe("alpha\n");
    expect(await tabNames(page)).toEqual(["api.txt"]);

    await runFromPalette(page, "Save Closed File As", "saveAsProbe.saveClosed");
    await eventually(() => page.locator('[data-testid="notification"]', { hasText: "saveAs: undefined" }).count()).toBe(
      2,
    );
    expect(await pathInput(page).count()).toBe(0);

    await runFromPalette(page, "Bad Argument", "saveAsProbe.badArgument");
    await notification(page, "saveAs threw: vscode.workspace.saveAs: expected a vscode.Uri").waitFor();
  });
});
