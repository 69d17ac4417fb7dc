/**
 * `commands.registerTextEditorCommand` end to end in Chromium against the real host, through
 * examples/editor-edits' "Swap Case of Selection": from the Command Palette, its keybinding and
 * the editor context menu it edits every selection of the active editor, and one Undo reverts the
 * whole edit. With no active text editor it does nothing and shows no error, as in VS Code (which
 * only logs that there was no editor).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ExtHostContract } from "../../src/protocol/contracts/ext-host.js";
import { repoRoot } from "../support/paths.js";
import { workbenchSuite } from "../support/workbench-suite.js";
import { editorLines, editorText, eventually, goTo, openFile, runFromPalette, tab } from "../support/workbench-page.js";

const SWAP = "editorEdits.swapCase";
const TEXT = "say hello, then hello again\nMixed Case\n";

describe("a text editor command in the workbench", () => {
  const suite = workbenchSuite({
    name: "tec",
    files: { "a.txt": TEXT },
    devExtensions: [join(repoRoot, "examples", "editor-edits")],
    debugEnv: "DEBUG_EDITOR_TEST",
  });
  const { open } = suite;

  /** Runs an extension command in the window's session and returns its result. */
  const command = (page: Page, id: string) =>
    page.evaluate(
      ({ method, id }) =>
        (
          window as unknown as { directChannel: { call(m: string, p: unknown[]): Promise<unknown> } }
        ).directChannel.call(method, [{ id, args: [] }]),
      { method: ExtHostContract.executeCommand.method, id },
    );
  const editorState = async (page: Page) =>
    (await command(page, "editorEdits.state")) as { active: string | null; selections: number[][] };
  const notifications = (page: Page) => page.getByTestId("notification").allTextContents();
  const dirty = (page: Page) => tab(page, "a.txt").getAttribute("data-dirty");

  it("from the palette it swaps the case of every selection; one Ctrl+Z reverts all of it", async () => {
    const page = await open();
    await openFile(page, "a.txt");
    // Two selections: "hello" and its next occurrence (Ctrl+D).
    await goTo(page, 1, 6);
    await page.keyboard.press("Control+d");
    await page.keyboard.press("Control+d");
    await eventually(async () => (await editorState(page)).selections).toEqual([
      [0, 4, 0, 9],
      [0, 16, 0, 21],
    ]);

    await runFromPalette(page, "swap case", SWAP);
    await eventually(() => editorText(page)).toContain("say HELLO, then HELLO again");
    await eventually(() => dirty(page)).toBe("true");

    await editorLines(page).click();
    await page.keyboard.press("Control+z");
    await eventually(() => editorText(page)).toContain("say hello, then hello again");
    await eventually(() => dirty(page)).toBe("false");
    expect(await notifications(page)).toEqual([]);
  });

  // Monaco's menu ignores mouse-ups for its first 100 ms: the item is clicked with the button held
  // 150 ms, as in settings-keybindings.test.ts.
  it("its keybinding and its editor context menu entry (only with a selection) run it; each is one undo step", async () => {
    const page = await open();
    await openFile(page, "a.txt");
    const entry = page.locator(".monaco-menu .action-label", { hasText: "Swap Case of Selection" });
    // Its `when` is editorHasSelection: the menu of a bare cursor leaves it out.
    await goTo(page, 1, 1);
    await editorLines(page).click({ button: "right", position: { x: 5, y: 5 } });
    await eventually(() => page.locator(".monaco-menu .action-label").count()).toBeGreaterThan(0);
    expect(await entry.count()).toBe(0);
    await page.keyboard.press("Escape");

    await goTo(page, 2, 1);
    await page.keyboard.press("Shift+End");
    await eventually(async () => (await editorState(page)).selections).toEqual([[1, 0, 1, 10]]);

    await page.keyboard.press("Control+Alt+u");
    await eventually(() => editorText(page)).toContain("mIXED cASE");
    await page.keyboard.press("Control+z");
    await eventually(() => editorText(page)).toContain("Mixed Case");
    await eventually(() => dirty(page)).toBe("false");

    // Select the line again and right-click inside the selection (which keeps it).
    await goTo(page, 2, 1);
    await page.keyboard.press("Shift+End");
    await eventually(async () => (await editorState(page)).selections).toEqual([[1, 0, 1, 10]]);
    await page
      .locator(".monaco-editor .view-line")
      .nth(1)
      .click({ button: "right", position: { x: 20, y: 5 } });
    await entry.click({ delay: 150 });
    await eventually(() => editorText(page)).toContain("mIXED cASE");
    expect(await editorText(page)).toContain("say hello, then hello again");
    await editorLines(page).click();
    await page.keyboard.press("Control+z");
    await eventually(() => editorText(page)).toContain("Mixed Case");
    await eventually(() => dirty(page)).toBe("false");
  });

  it("with no active text editor it does nothing and shows no error", async () => {
    const page = await open();
    await openFile(page, "a.txt");
    await eventually(async () => (await editorState(page)).active).toContain("a.txt");
    await tab(page, "a.txt").locator(".tab-close").click();
    await eventually(() => tab(page, "a.txt").count()).toBe(0);
    await eventually(async () => (await editorState(page)).active).toBe(null);

    await runFromPalette(page, "swap case", SWAP);
    // It ran (the host logs why it did nothing, a warning in the extension's Output channel) ...
    await page.getByTestId("panel-tab-output").click();
    await page.getByTestId("output-channel").selectOption("Extension: direct-examples.editor-edits");
    await eventually(() => page.getByTestId("output-text").textContent()).toContain(
      `[warning] Cannot execute ${SWAP} because there is no active text editor.`,
    );
    // ... and, run again as any caller would, resolves without a result (null on the wire) or an error.
    expect(await command(page, SWAP)).toBeNull();
    // No notification, no editor opened for it, the file unchanged.
    expect(await notifications(page)).toEqual([]);
    expect(await page.getByTestId("tab").count()).toBe(0);
    expect(readFileSync(join(suite.workspace, "a.txt"), "utf8")).toBe(TEXT);
  });
});
