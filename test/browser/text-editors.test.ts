/**
 * Extensions' editors in real Chromium against the real host, through examples/editor-edits
 * (written the way published extensions use the API): `editor.edit` lands in Monaco as one
 * undoable step, decorations are in the DOM with their CSS and follow edits, `applyEdit`
 * changes two files (one opened for it) with one undo each, selections reach the host.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ExtHostContract } from "../../src/protocol/contracts/ext-host.js";
import { workbenchSuite } from "../support/workbench-suite.js";
import { repoRoot } from "../support/paths.js";
import { openFile, tab } from "../support/workbench-page.js";

const example = join(repoRoot, "examples", "editor-edits");
const probe = join(repoRoot, "test/fixtures/extensions/editor-probe");

interface EditorState {
  active: string | null;
  selections: number[][];
  visible: Array<{ uri: string; column: number }>;
  selectionEvents: Array<{ uri: string; selections: number[][]; kind: string }>;
  activeEditors: Array<string | null>;
}

describe("extensions' text editors in the workbench", () => {
  const suite = workbenchSuite({
    name: "te",
    files: {
      "a.txt": "hello world\nsecond line\n",
      "notes.txt": "first TODO here\nnothing\n",
      "main.ts": "import { foo } from './lib';\nfoo();\n",
      "lib.ts": "export const foo = () => 1;\n",
    },
    devExtensions: [example, probe],
    debugEnv: "DEBUG_EDITOR_TEST",
  });

  const { open } = suite;
  const editorText = async (page: Page, group = 0) =>
    ((await page.locator(`[data-testid="editor"][data-group="${group}"] .view-lines`).textContent()) ?? "").replace(
      /\u00a0/g,
      " ",
    );
  /** Runs an extension command in the window's session, as the palette does, and returns its result. */
  const command = (page: Page, id: string, args: unknown[] = []) =>
    page.evaluate(
      ({ method, id, args }) =>
        (
          window as unknown as { directChannel: { call(m: string, p: unknown[]): Promise<unknown> } }
        ).directChannel.call(method, [{ id, args }]),
      { method: ExtHostContract.executeCommand.method, id, args },
    );
  const state = async (page: Page) => (await command(page, "editorEdits.state")) as EditorState;
  const uri = (name: string) => pathToFileURL(join(suite.workspace, name)).toString();

  it("a command edits the selection with editor.edit; one Ctrl+Z reverts it", async () => {
    const page = await open();
    await openFile(page, "a.txt");
    await page.locator(".monaco-editor .view-lines").first().click();
    await page.keyboard.press("Control+Home");
    await page.keyboard.press("Control+Shift+ArrowRight");
    // The host knows the selection before the command reads it.
    await expect.poll(async () => (await state(page)).selections).toEqual([[0, 0, 0, 5]]);
    await page.keyboard.press("Control+Shift+p");
    await page.getByTestId("palette-input").fill("uppercase selection");
    await page.locator('[data-testid="palette-item"][data-command="editorEdits.uppercase"]').click();
    await expect.poll(() => editorText(page)).toContain("HELLO world");
    await expect.poll(() => tab(page, "a.txt").getAttribute("data-dirty")).toBe("true");
    await page.locator(".monaco-editor .view-lines").first().click();
    await page.keyboard.press("Control+z");
    await expect.poll(() => editorText(page)).toContain("hello world");
    await expect.poll(() => tab(page, "a.txt").getAttribute("data-dirty")).toBe("false");
  });

  it("a TODO decoration is in the DOM with the decoration type's CSS and follows edits", async () => {
    const page = await open();
    await openFile(page, "notes.txt");
    const decorated = page.locator('.monaco-editor .view-lines span[class*="ced-TextEditorDecorationType"]', {
      hasText: /^TODO$/,
    });
    await expect.poll(() => decorated.count()).toBe(1);
    const style = await decorated.first().evaluate((el) => {
      const s = getComputedStyle(el);
      return { background: s.backgroundColor, weight: s.fontWeight, border: s.borderTopStyle };
    });
    expect(style).toEqual({ background: "rgba(255, 196, 0, 0.35)", weight: "700", border: "solid" });
    // The `after` text of the type is injected after the range.
    await expect.poll(() => editorText(page)).toContain("TODO ← todo here");
    // Typing a second TODO: the extension re-decorates on onDidChangeTextDocument.
    await page.locator(".monaco-editor .view-lines").first().click();
    await page.keyboard.press("Control+End");
    await page.keyboard.type("another TODO");
    await expect.poll(() => decorated.count()).toBe(2);
  });

  it("applyEdit renames across two files (one opened for it, dirty); one Ctrl+Z per file reverts it", async () => {
    const page = await open();
    await openFile(page, "main.ts");
    expect(await command(page, "editorEdits.renameSymbol", ["foo", "bar"])).toBe(true);
    await expect.poll(() => editorText(page)).toContain("import { bar } from './lib';bar();");
    // lib.ts was not open: it is now a dirty tab with the edit, the disk untouched.
    await expect.poll(() => tab(page, "lib.ts").getAttribute("data-dirty")).toBe("true");
    await expect.poll(() => tab(page, "main.ts").getAttribute("data-dirty")).toBe("true");
    expect(readFileSync(join(suite.workspace, "lib.ts"), "utf8")).toBe("export const foo = () => 1;\n");

    await page.locator(".monaco-editor .view-lines").first().click();
    await page.keyboard.press("Control+z");
    await expect.poll(() => editorText(page)).toContain("import { foo } from './lib';foo();");
    await expect.poll(() => tab(page, "main.ts").getAttribute("data-dirty")).toBe("false");

    await tab(page, "lib.ts").click();
    await expect.poll(() => editorText(page)).toContain("export const bar = () => 1;");
    await page.locator(".monaco-editor .view-lines").first().click();
    await page.keyboard.press("Control+z");
    await expect.poll(() => editorText(page)).toContain("export const foo = () => 1;");
    await expect.poll(() => tab(page, "lib.ts").getAttribute("data-dirty")).toBe("false");
  });

  it("selection changes reach the host with their kind; split editors are both visible", async () => {
    const page = await open();
    await openFile(page, "a.txt");
    await expect.poll(async () => (await state(page)).active).toBe(uri("a.txt"));
    await page.locator(".monaco-editor .view-lines").first().click();
    await page.keyboard.press("Control+Home");
    await page.keyboard.press("Shift+ArrowDown");
    await expect
      .poll(async () => (await state(page)).selectionEvents.at(-1))
      .toEqual({ uri: uri("a.txt"), selections: [[0, 0, 1, 0]], kind: "keyboard" });
    await page
      .locator(".monaco-editor .view-line")
      .nth(1)
      .click({ position: { x: 30, y: 5 } });
    await expect.poll(async () => (await state(page)).selectionEvents.at(-1)?.kind).toBe("mouse");

    await page.keyboard.press("Control+\\");
    await page.locator('[data-testid="editor"][data-group="1"]').waitFor();
    await expect
      .poll(async () => (await state(page)).visible)
      .toEqual([
        { uri: uri("a.txt"), column: 1 },
        { uri: uri("a.txt"), column: 2 },
      ]);
  });

  it("showTextDocument beside with a selection, insertSnippet and options land in Monaco", async () => {
    const page = await open();
    await openFile(page, "a.txt");
    const probeRun = (step: string, args: unknown = {}) => command(page, "editorProbe.run", [step, args]);
    expect(await probeRun("show", { file: uri("lib.ts"), column: -2, selection: [0, 7, 0, 12] })).toEqual([
      uri("lib.ts"),
      true,
    ]);
    await expect.poll(() => editorText(page, 1)).toContain("export const foo");
    expect(await probeRun("state")).toMatchObject({
      active: uri("lib.ts"),
      selections: [[0, 7, 0, 12]],
      visible: [
        [uri("a.txt"), 1],
        [uri("lib.ts"), 2],
      ],
    });

    expect(await probeRun("snippet", { text: "X${1:one}Y$0", at: [0, 0] })).toBe(true);
    await expect.poll(() => editorText(page, 1)).toContain("XoneYexport");
    // The snippet controller selected its first placeholder.
    await expect.poll(async () => ((await probeRun("state")) as EditorState).selections).toEqual([[0, 1, 0, 4]]);
    await page.keyboard.press("Escape");
    await page.keyboard.press("Control+z");
    await expect.poll(() => editorText(page, 1)).not.toContain("XoneY");

    await probeRun("options", { options: { tabSize: 2, insertSpaces: false } });
    await expect.poll(() => page.getByTestId("status-indentation").textContent()).toBe("Tab Size: 2");
    await expect
      .poll(async () => ((await probeRun("state")) as { options: unknown }).options)
      .toMatchObject({ tabSize: 2, insertSpaces: false });
  });
});
