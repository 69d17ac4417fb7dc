/**
 * Issue #9, items 7–11: nothing a user types is lost. The built workbench in real Chromium
 * against the real extension host: closing a dirty tab or the window asks, a failed save says
 * so and keeps the buffer, a file changed on disk is not overwritten silently, binary files are
 * never opened as (corruptible) text, and Reload Window brings back the folder and the tabs.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Dialog, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { workbenchSuite } from "../support/workbench-suite.js";
import { editorText, openFile, runFromPalette, tab } from "../support/workbench-page.js";

/** A real 1×1 PNG: its header and IHDR chunk hold NUL bytes. */
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a1f2e8ff0000000049454e44ae426082",
  "hex",
);

describe("data safety in the workbench", () => {
  const suite = workbenchSuite({
    name: "ds",
    files: {
      "readme.md": "# Hello\n",
      "notes.md": "notes\n",
    },
    debugEnv: "DEBUG_EDITOR_TEST",
  });

  const open = (workspaceUri: string | null = uriOf("")): Promise<Page> => suite.open({ workspaceUri });

  const uriOf = (name: string) => pathToFileURL(join(suite.workspace, name)).toString();
  const disk = (name: string) => readFileSync(join(suite.workspace, name), "utf8");
  /** Types at the end of the open document and waits for the tab's dirty marker and the debounced backup. */
  const typeAtEnd = async (page: Page, name: string, text: string) => {
    await page.locator(".monaco-editor .view-lines").first().click();
    await page.keyboard.press("Control+End");
    await page.keyboard.type(text);
    await expect.poll(() => tab(page, name).getAttribute("data-dirty")).toBe("true");
    await page.waitForTimeout(400); // backups are debounced by 200 ms
  };
  const backupOf = (page: Page, name: string) =>
    page.evaluate((key) => localStorage.getItem(key), `direct-editor.backup:${uriOf(name)}`);
  const dialog = (page: Page) => page.getByTestId("dialog");
  const dialogButton = (page: Page, label: string) =>
    page.getByTestId("dialog-button").filter({ hasText: new RegExp(`^${label}$`) });

  it("7: closing a dirty tab asks Save / Don't Save / Cancel; Escape cancels and keeps the text and its backup", async () => {
    const page = await open();
    await openFile(page, "readme.md");
    await typeAtEnd(page, "readme.md", "kept");

    await tab(page, "readme.md").locator(".tab-close").click();
    await dialog(page).waitFor();
    expect(await dialog(page).textContent()).toContain("Do you want to save the changes you made to readme.md?");
    expect(await page.getByTestId("dialog-button").allTextContents()).toEqual(["Save", "Don't Save", "Cancel"]);
    await page.keyboard.press("Escape");
    await dialog(page).waitFor({ state: "detached" });
    expect(await tab(page, "readme.md").getAttribute("data-dirty")).toBe("true");
    expect(await editorText(page)).toContain("kept");
    expect(await backupOf(page, "readme.md")).toContain("kept");

    // Ctrl+W asks too; Cancel keeps the tab.
    await page.locator(".monaco-editor .view-lines").first().click();
    await page.keyboard.press("Control+w");
    await dialogButton(page, "Cancel").click();
    expect(await tab(page, "readme.md").count()).toBe(1);

    // Save writes the disk, then closes.
    await tab(page, "readme.md").locator(".tab-close").click();
    await dialogButton(page, "Save").click();
    await tab(page, "readme.md").waitFor({ state: "detached" });
    expect(disk("readme.md")).toBe("# Hello\nkept");

    // Don't Save closes, leaves the disk alone and drops the backup.
    await openFile(page, "notes.md");
    await typeAtEnd(page, "notes.md", "dropped");
    await tab(page, "notes.md").locator(".tab-close").click();
    await dialogButton(page, "Don't Save").click();
    await tab(page, "notes.md").waitFor({ state: "detached" });
    expect(disk("notes.md")).toBe("notes\n");
    expect(await backupOf(page, "notes.md")).toBeNull();

    // A clean tab closes without a question.
    await openFile(page, "readme.md");
    await tab(page, "readme.md").locator(".tab-close").click();
    await tab(page, "readme.md").waitFor({ state: "detached" });
    expect(await dialog(page).count()).toBe(0);
  });

  it("7: closing the window with unsaved changes asks (beforeunload); staying keeps the text", async () => {
    const page = await open();
    await openFile(page, "readme.md");
    await typeAtEnd(page, "readme.md", "unsaved");
    const asked = new Promise<Dialog>((resolve) => page.once("dialog", resolve));
    await page.close({ runBeforeUnload: true });
    const question = await asked;
    expect(question.type()).toBe("beforeunload");
    await question.dismiss(); // "Stay on page"
    expect(page.isClosed()).toBe(false);
    expect(await editorText(page)).toContain("unsaved");
    expect(await tab(page, "readme.md").getAttribute("data-dirty")).toBe("true");
  });

  it("8: a failed save (extension host stopped) says why, keeps the buffer dirty and backed up, and offers Retry", async () => {
    const page = await open();
    await openFile(page, "readme.md");
    await typeAtEnd(page, "readme.md", "precious");
    await suite.harness.host.stop();
    await page
      .locator('[data-testid="channel-state"][data-state="Connected"]')
      .waitFor({ state: "detached", timeout: 10_000 });

    await page.locator(".monaco-editor .view-lines").first().click();
    await page.keyboard.press("Control+s");
    const failure = page.getByTestId("notification").filter({ hasText: "Failed to save 'readme.md'" });
    await failure.waitFor({ timeout: 10_000 });
    // The typed error's tag and message, not a generic text.
    expect(await failure.locator(".toast-message").textContent()).toMatch(/^Failed to save 'readme\.md': \w+: \S.*/);
    expect(await tab(page, "readme.md").getAttribute("data-dirty")).toBe("true");
    expect(await editorText(page)).toContain("precious");
    expect(await backupOf(page, "readme.md")).toContain("precious");
    expect(disk("readme.md")).toBe("# Hello\n");
    expect(suite.harness.consoleLines.filter((l) => l.startsWith("pageerror"))).toEqual([]);

    // Retry tries again (and, with the host still down, says so again).
    await failure.getByRole("button", { name: "Retry" }).click();
    await expect.poll(() => failure.count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => failure.getByRole("button", { name: "Retry" }).count()).toBe(1);
    expect(await tab(page, "readme.md").getAttribute("data-dirty")).toBe("true");
  });

  it("9: a file changed on disk is not overwritten silently: Cancel, Overwrite, Revert", async () => {
    const page = await open();
    await openFile(page, "readme.md");
    await typeAtEnd(page, "readme.md", "mine");
    writeFileSync(join(suite.workspace, "readme.md"), "theirs\n");

    await page.keyboard.press("Control+s");
    await dialog(page).waitFor();
    expect(await dialog(page).textContent()).toContain("'readme.md' changed on disk");
    expect(await page.getByTestId("dialog-button").allTextContents()).toEqual(["Overwrite", "Revert", "Cancel"]);
    await dialogButton(page, "Cancel").click();
    await dialog(page).waitFor({ state: "detached" });
    expect(disk("readme.md")).toBe("theirs\n");
    expect(await tab(page, "readme.md").getAttribute("data-dirty")).toBe("true");

    await page.locator(".monaco-editor .view-lines").first().click();
    await page.keyboard.press("Control+s");
    await dialogButton(page, "Overwrite").click();
    await expect.poll(() => tab(page, "readme.md").getAttribute("data-dirty")).toBe("false");
    expect(disk("readme.md")).toBe("# Hello\nmine");

    // Changed on disk again while dirty (a clean editor would just reload it): Revert loads the
    // disk's text, which then counts as saved.
    await typeAtEnd(page, "readme.md", " more");
    writeFileSync(join(suite.workspace, "readme.md"), "theirs again\n");
    await page.keyboard.press("Control+s");
    await dialogButton(page, "Revert").click();
    await expect.poll(() => editorText(page)).toContain("theirs again");
    await expect.poll(() => tab(page, "readme.md").getAttribute("data-dirty")).toBe("false");
    expect(disk("readme.md")).toBe("theirs again\n");
    expect(await backupOf(page, "readme.md")).toBeNull();

    // Saving after the revert is based on the disk's version: no question.
    await typeAtEnd(page, "readme.md", "!");
    await page.keyboard.press("Control+s");
    await expect.poll(() => disk("readme.md")).toBe("theirs again\n!");
    expect(await dialog(page).count()).toBe(0);
  });

  it("10: binary files (a PNG, Latin-1 text) open as a notice (an image preview for the PNG), never as editable text, and are never written", async () => {
    writeFileSync(join(suite.workspace, "pixel.png"), PNG);
    const latin1 = Buffer.from("caf\xe9 cr\xe8me\n", "latin1");
    writeFileSync(join(suite.workspace, "latin1.txt"), latin1);
    const page = await open();

    for (const [name, bytes] of [
      ["pixel.png", PNG],
      ["latin1.txt", latin1],
    ] as const) {
      await openFile(page, name);
      const notice = page.locator(`[data-testid="binary-notice"][data-uri="${uriOf(name)}"]`);
      await notice.waitFor();
      expect(await notice.textContent()).toContain(`${name} is not displayed in the editor because it is binary`);
      expect(await page.locator('[data-testid="editor"]').isVisible()).toBe(false);
      if (name === "pixel.png") {
        // Images get a preview: the real PNG decoded by Chromium (1×1).
        const preview = notice.getByTestId("image-preview");
        await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
      } else expect(await notice.getByTestId("image-preview").count()).toBe(0);
      await page.keyboard.press("Control+s");
      await runFromPalette(page, "file: save", "workbench.action.files.save");
      await page.waitForTimeout(500);
      expect(readFileSync(join(suite.workspace, name)).equals(bytes)).toBe(true);
    }
    // A text file next to them still opens in the editor.
    await openFile(page, "readme.md");
    await expect.poll(() => editorText(page)).toContain("# Hello");
  });

  it("11: Reload Window reopens the opened folder and the tabs, with the active one", async () => {
    const page = await open(null); // no folder from the command line: opened by the user
    await runFromPalette(page, "open folder", "workbench.action.files.openFolder");
    await page.getByTestId("quick-input").locator("input").fill(suite.workspace);
    await page.keyboard.press("Enter");
    await openFile(page, "readme.md");
    await openFile(page, "notes.md");
    await tab(page, "readme.md").click();
    await expect.poll(() => editorText(page)).toContain("# Hello");

    await runFromPalette(page, "reload window", "workbench.action.reloadWindow");
    await page.waitForEvent("load");
    await page.locator('[data-testid="explorer-item"][data-name="notes.md"]').waitFor({ timeout: 20_000 });
    await tab(page, "notes.md").waitFor({ timeout: 20_000 });
    await expect
      .poll(() => page.getByTestId("tab").evaluateAll((ts) => ts.map((t) => t.dataset["name"])))
      .toEqual(["readme.md", "notes.md"]);
    await expect.poll(() => tab(page, "readme.md").getAttribute("aria-selected")).toBe("true");
    await expect.poll(() => editorText(page)).toContain("# Hello");
  });
});
