/**
 * Edits from the real TypeScript server in real Chromium (the project of
 * test/support/typescript-project.ts): completion after `.`, Ctrl+. quick fix, Shift+Alt+F and F2
 * rename across two files with VS Code's multi-file undo (one element, a question on Ctrl+Z).
 * One window for the file, the tests in order: each builds on the text the one before left (kept
 * valid, so the last error disappears with the quick fix).
 */
import { expect, it } from "vitest";
import { codeText, describeTsProject, isActiveTab, openFile, positionOf } from "../support/typescript-project.js";
import { editorLines, goTo, tab } from "../support/workbench-page.js";

describeTsProject("editing a TypeScript project with the real TypeScript server", (ts) => {
  const squiggles = () => ts.page.locator(".monaco-editor .squiggly-error").count();

  it("typing `counter.` lists the imported class's members; accepting one inserts it", async () => {
    await tab(ts.page, "main.ts").click();
    // The empty last line.
    await goTo(ts.page, 8, 1);
    await ts.page.keyboard.type("counter.");
    const rows = ts.page.locator(".suggest-widget .monaco-list-row");
    // `.` is a trigger character: the list opens by itself with Counter's public member.
    await rows
      .filter({ hasText: /^increment/ })
      .first()
      .waitFor({ timeout: 30_000 });
    // `count` is private: tsserver does not offer it outside the class.
    expect(await rows.allTextContents()).not.toContainEqual(expect.stringMatching(/^count\b/));
    await ts.page.keyboard.type("incr");
    await expect.poll(() => rows.first().textContent()).toMatch(/^increment/);
    await ts.page.keyboard.press("Enter");
    await ts.page.keyboard.type("(3);");
    await expect.poll(() => codeText(ts.page)).toContain("counter.increment(3);");
    // Still just the deliberate error: the completed call type-checks.
    await expect.poll(squiggles, { timeout: 20_000 }).toBe(1);
  });

  it("Ctrl+. on the error offers the spelling fix; applying it corrects the call and the error goes", async () => {
    const at = positionOf("src/main.ts", "incremnt", 2);
    await goTo(ts.page, at.line, at.column);
    await ts.page.keyboard.press("Control+.");
    const fix = ts.page.locator(".action-widget").getByText("Change spelling to 'increment'");
    await fix.waitFor({ timeout: 20_000 });
    await fix.click();
    await expect.poll(() => codeText(ts.page)).toContain("counter.increment(1);");
    expect(await codeText(ts.page)).not.toContain("incremnt");
    await expect.poll(squiggles, { timeout: 30_000 }).toBe(0);
    await ts.page.getByTestId("status-problems").click();
    await expect.poll(() => ts.page.getByTestId("problem").count(), { timeout: 30_000 }).toBe(0);
  });

  it("Shift+Alt+F formats a badly formatted file with the server's edits", async () => {
    await openFile(ts.page, "messy.ts");
    await expect.poll(() => codeText(ts.page)).toContain("const  x=1;function f( a:number ){return a}");
    await editorLines(ts.page).click();
    await ts.page.keyboard.press("Shift+Alt+F");
    await expect
      .poll(() => codeText(ts.page), { timeout: 20_000 })
      .toContain("const x = 1; function f(a: number) { return a }");
    await expect.poll(() => tab(ts.page, "messy.ts").getAttribute("data-dirty")).toBe("true");
  });

  /** F2 on util.ts's `formatTotal` → `to`; both files change. */
  const renameFormatTotal = async (to: string) => {
    await openFile(ts.page, "util.ts");
    const declaration = positionOf("src/util.ts", "formatTotal", 3);
    await goTo(ts.page, declaration.line, declaration.column);
    await ts.page.keyboard.press("F2");
    const input = ts.page.locator(".rename-box input, .rename-input").first();
    await input.waitFor({ timeout: 20_000 });
    await input.fill(to);
    await ts.page.keyboard.press("Enter");
    await expect.poll(() => codeText(ts.page), { timeout: 20_000 }).toContain(`export function ${to}(`);
    await expect.poll(() => tab(ts.page, "main.ts").getAttribute("data-dirty")).toBe("true");
    await tab(ts.page, "main.ts").click();
    await expect.poll(() => codeText(ts.page)).toContain(`import { Counter, ${to} } from "./util";`);
    expect(await codeText(ts.page)).toMatch(new RegExp(`const label = ${to}\\(`));
  };
  /** Ctrl+Z in the active editor brings VS Code's question for a multi-file edit. */
  const undoAsked = async (rename: string) => {
    await editorLines(ts.page).click();
    await ts.page.keyboard.press("Control+z");
    const dialog = ts.page.getByTestId("dialog");
    await dialog.waitFor();
    expect(await dialog.getAttribute("aria-label")).toBe(
      `Would you like to undo 'Renaming formatTotal to ${rename}' across all files?`,
    );
    expect(await dialog.getByTestId("dialog-button").allTextContents()).toEqual([
      "Undo in 2 Files",
      "Undo this File",
      "Cancel",
    ]);
    return dialog;
  };

  it("F2 on the exported function renames it in both files; Ctrl+Z asks, as VS Code does, and undoes it in both", async () => {
    await renameFormatTotal("formatSum");
    // Cancel keeps the rename.
    await (await undoAsked("formatSum")).getByText("Cancel").click();
    expect(await codeText(ts.page)).toContain("formatSum");
    // Undo in 2 Files: one Ctrl+Z reverts both files; the quick fix before it stays.
    await (await undoAsked("formatSum")).getByText("Undo in 2 Files").click();
    await expect.poll(() => codeText(ts.page)).toContain('import { Counter, formatTotal } from "./util";');
    expect(await codeText(ts.page)).toContain("counter.increment(1);");
    await tab(ts.page, "util.ts").click();
    await expect.poll(() => codeText(ts.page)).toContain("export function formatTotal(");
    // The server sees the reverted text: the names match again, no error anywhere.
    await tab(ts.page, "main.ts").click();
    await expect.poll(squiggles, { timeout: 30_000 }).toBe(0);
  });

  it("Undo this File reverts the rename in the active file only; the other file's Ctrl+Z then reverts its part", async () => {
    await renameFormatTotal("formatAll");
    await (await undoAsked("formatAll")).getByText("Undo this File").click();
    await expect.poll(() => codeText(ts.page)).toContain('import { Counter, formatTotal } from "./util";');
    await tab(ts.page, "util.ts").click();
    await expect.poll(() => isActiveTab(ts.page, "util.ts")).toBe("true");
    expect(await codeText(ts.page)).toContain("export function formatAll(");
    // Its part is now a step of its own: no question.
    await editorLines(ts.page).click();
    await ts.page.keyboard.press("Control+z");
    await expect.poll(() => codeText(ts.page)).toContain("export function formatTotal(");
    expect(await ts.page.getByTestId("dialog").count()).toBe(0);
  });
});
