/**
 * Saving and language configuration in real Chromium against the real host, through
 * examples/save-actions (written the way published extensions are): Ctrl+S runs format on save
 * (a `[keyvalue]` override in the workspace settings) and the extension's onWillSaveTextDocument
 * edits before the write — they are in the editor and on disk, and the tab is clean; the host's
 * TextDocument.isDirty and eol follow typing, undo, save and the status bar's EOL switch; and
 * the comments, auto-closing pairs and Enter rule the extension set with
 * `languages.setLanguageConfiguration` are what Monaco does in a `.kv` file.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ExtHostContract } from "../../src/protocol/contracts/ext-host.js";
import { workbenchSuite } from "../support/workbench-suite.js";
import { repoRoot } from "../support/paths.js";

const example = join(repoRoot, "examples", "save-actions");

interface DocumentState {
  isDirty: boolean;
  eol: "LF" | "CRLF";
  word: string | null;
  saves: number[];
}

describe("saving and language configuration in the workbench", () => {
  const suite = workbenchSuite({
    name: "save",
    files: {
      ".vscode/settings.json": '{ "[keyvalue]": { "editor.formatOnSave": true } }\n',
      "a.kv": "name=value\n; settings\n",
      "notes.txt": "plain=text\n",
    },
    devExtensions: [example],
    debugEnv: "DEBUG_EDITOR_TEST",
  });

  const open = async (name: string): Promise<Page> => {
    const page = await suite.open();
    await page.locator(`[data-testid="explorer-item"][data-name="${name}"]`).click();
    await page.locator(`[data-testid="tab"][data-name="${name}"]`).waitFor();
    return page;
  };
  const uri = (name: string) => pathToFileURL(join(suite.workspace, name)).toString();
  const tabDirty = (page: Page, name: string) =>
    page.locator(`[data-testid="tab"][data-name="${name}"]`).getAttribute("data-dirty");
  const lines = async (page: Page) =>
    (await page.locator(".monaco-editor .view-lines .view-line").allTextContents()).map((l) =>
      l.replace(/\u00a0/g, " "),
    );
  const state = (page: Page, name: string) =>
    page.evaluate(
      ({ method, args }) =>
        (
          window as unknown as { directChannel: { call(m: string, p: unknown[]): Promise<unknown> } }
        ).directChannel.call(method, [{ id: "saveActions.documentState", args }]),
      { method: ExtHostContract.executeCommand.method, args: [uri(name)] },
    ) as Promise<DocumentState | null>;
  const focusEditor = (page: Page) => page.locator(".monaco-editor .view-lines").first().click();

  it("Ctrl+S formats and trims before writing; isDirty and eol follow typing, undo, save and the EOL switch", async () => {
    const page = await open("a.kv");
    await expect.poll(() => state(page, "a.kv")).toMatchObject({ isDirty: false, eol: "LF" });
    await focusEditor(page);
    await page.keyboard.press("Control+End");
    await page.keyboard.insertText("color=red   ");
    await expect.poll(async () => (await state(page, "a.kv"))?.isDirty).toBe(true);
    // Undo back to the saved text (Monaco may need more than one step): clean again in the host too.
    for (let i = 0; i < 5 && (await lines(page))[2] !== ""; i++) await page.keyboard.press("Control+z");
    await expect.poll(async () => (await state(page, "a.kv"))?.isDirty).toBe(false);
    await page.keyboard.insertText("color=red   ");
    await expect.poll(async () => (await state(page, "a.kv"))?.isDirty).toBe(true);

    await page.keyboard.press("Control+s");
    // Formatted (key = value) and trimmed before the write: the disk has what the editor shows.
    const saved = "name = value\n; settings\ncolor = red";
    await expect.poll(() => readFileSync(join(suite.workspace, "a.kv"), "utf8")).toBe(saved);
    expect(await lines(page)).toEqual(saved.split("\n"));
    await expect.poll(() => tabDirty(page, "a.kv")).toBe("false");
    await expect.poll(() => state(page, "a.kv")).toMatchObject({ isDirty: false, saves: [1] });

    // The status bar's EOL switch: the host's TextDocument.eol follows, and a save writes CRLF.
    await page.getByTestId("status-eol").click();
    await expect.poll(async () => (await state(page, "a.kv"))?.eol).toBe("CRLF");
    await page.keyboard.press("Control+s");
    await expect.poll(() => readFileSync(join(suite.workspace, "a.kv"), "utf8")).toBe(saved.replace(/\n/g, "\r\n"));
  });

  it("format on save follows the language override: a plain text file is only trimmed", async () => {
    const page = await open("notes.txt");
    await focusEditor(page);
    await page.keyboard.press("Control+End");
    await page.keyboard.type("more=stuff  ");
    await page.keyboard.press("Control+s");
    await expect.poll(() => readFileSync(join(suite.workspace, "notes.txt"), "utf8")).toBe("plain=text\nmore=stuff");
    await expect.poll(() => tabDirty(page, "notes.txt")).toBe("false");
  });

  it("the extension's setLanguageConfiguration drives comments, auto-closing and Enter in Monaco", async () => {
    const page = await open("a.kv");
    // The word pattern is the host document's word definition too.
    await expect.poll(async () => (await state(page, "a.kv"))?.word).toBe("name");
    await focusEditor(page);
    await page.keyboard.press("Control+Home");
    // Toggle line comment uses the configured `;`.
    await page.keyboard.press("Control+/");
    await expect.poll(async () => (await lines(page))[0]).toBe("; name=value");
    await page.keyboard.press("Control+/");
    await expect.poll(async () => (await lines(page))[0]).toBe("name=value");
    // Enter at the end of a comment line continues the comment (onEnterRules appendText).
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("End");
    await page.keyboard.press("Enter");
    await page.keyboard.type("next");
    await expect.poll(async () => (await lines(page)).slice(1, 3)).toEqual(["; settings", "; next"]);
    // `[` auto-closes with `]`.
    await page.keyboard.press("Enter");
    await page.keyboard.press("Control+a");
    await page.keyboard.type("x [");
    await expect.poll(async () => (await lines(page))[0]).toBe("x []");
  });
});
