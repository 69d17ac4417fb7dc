/**
 * Edits from the real TypeScript server in real Chromium (the project of
 * test/support/typescript-project.ts): completion after `.`, Ctrl+. quick fix, Shift+Alt+F and F2
 * rename across two files with VS Code's multi-file undo (one element, a question on Ctrl+Z).
 * One window for the file, the tests in order: each builds on the text the one before left (kept
 * valid, so the last error disappears with the quick fix).
 */
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import {
  codeText,
  goTo,
  isActiveTab,
  lines,
  openFile,
  positionOf,
  tab,
  tsProjectPerFile,
} from "../support/typescript-project.js";

describe(
  "editing a TypeScript project with the real TypeScript server",
  {
    // Each step waits on the TypeScript server, which can take seconds on a loaded machine.
    timeout: 60_000,
  },
  () => {
    const ts = tsProjectPerFile();
    let page: Page;
    beforeAll(() => {
      page = ts.page;
    });

    const squiggles = () => page.locator(".monaco-editor .squiggly-error").count();

    it("typing `counter.` lists the imported class's members; accepting one inserts it", async () => {
      await tab(page, "main.ts").click();
      // The empty last line.
      await goTo(page, 8, 1);
      await page.keyboard.type("counter.");
      const rows = page.locator(".suggest-widget .monaco-list-row");
      // `.` is a trigger character: the list opens by itself with Counter's public member.
      await rows
        .filter({ hasText: /^increment/ })
        .first()
        .waitFor({ timeout: 30_000 });
      // `count` is private: tsserver does not offer it outside the class.
      expect(await rows.allTextContents()).not.toContainEqual(expect.stringMatching(/^count\b/));
      await page.keyboard.type("incr");
      await expect.poll(() => rows.first().textContent()).toMatch(/^increment/);
      await page.keyboard.press("Enter");
      await page.keyboard.type("(3);");
      await expect.poll(() => codeText(page)).toContain("counter.increment(3);");
      // Still just the deliberate error: the completed call type-checks.
      await expect.poll(squiggles, { timeout: 20_000 }).toBe(1);
    });

    it("Ctrl+. on the error offers the spelling fix; applying it corrects the call and the error goes", async () => {
      const at = positionOf("src/main.ts", "incremnt", 2);
      await goTo(page, at.line, at.column);
      await page.keyboard.press("Control+.");
      const fix = page.locator(".action-widget").getByText("Change spelling to 'increment'");
      await fix.waitFor({ timeout: 20_000 });
      await fix.click();
      await expect.poll(() => codeText(page)).toContain("counter.increment(1);");
      expect(await codeText(page)).not.toContain("incremnt");
      await expect.poll(squiggles, { timeout: 30_000 }).toBe(0);
      await page.getByTestId("status-problems").click();
      await expect.poll(() => page.getByTestId("problem").count(), { timeout: 30_000 }).toBe(0);
    });

    it("Shift+Alt+F formats a badly formatted file with the server's edits", async () => {
      await openFile(page, "messy.ts");
      await expect.poll(() => codeText(page)).toContain("const  x=1;function f( a:number ){return a}");
      await lines(page).click();
      await page.keyboard.press("Shift+Alt+F");
      await expect
        .poll(() => codeText(page), { timeout: 20_000 })
        .toContain("const x = 1; function f(a: number) { return a }");
      await expect.poll(() => tab(page, "messy.ts").getAttribute("data-dirty")).toBe("true");
    });

    /** F2 on util.ts's `formatTotal` → `to`; both files change. */
    const renameFormatTotal = async (to: string) => {
      await openFile(page, "util.ts");
      const declaration = positionOf("src/util.ts", "formatTotal", 3);
      await goTo(page, declaration.line, declaration.column);
      await page.keyboard.press("F2");
      const input = page.locator(".rename-box input, .rename-input").first();
      await input.waitFor({ timeout: 20_000 });
      await input.fill(to);
      await page.keyboard.press("Enter");
      await expect.poll(() => codeText(page), { timeout: 20_000 }).toContain(`export function ${to}(`);
      await expect.poll(() => tab(page, "main.ts").getAttribute("data-dirty")).toBe("true");
      await tab(page, "main.ts").click();
      await expect.poll(() => codeText(page)).toContain(`import { Counter, ${to} } from "./util";`);
      expect(await codeText(page)).toMatch(new RegExp(`const label = ${to}\\(`));
    };
    /** Ctrl+Z in the active editor brings VS Code's question for a multi-file edit. */
    const undoAsked = async (rename: string) => {
      await lines(page).click();
      await page.keyboard.press("Control+z");
      const dialog = page.getByTestId("dialog");
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
      expect(await codeText(page)).toContain("formatSum");
      // Undo in 2 Files: one Ctrl+Z reverts both files; the quick fix before it stays.
      await (await undoAsked("formatSum")).getByText("Undo in 2 Files").click();
      await expect.poll(() => codeText(page)).toContain('import { Counter, formatTotal } from "./util";');
      expect(await codeText(page)).toContain("counter.increment(1);");
      await tab(page, "util.ts").click();
      await expect.poll(() => codeText(page)).toContain("export function formatTotal(");
      // The server sees the reverted text: the names match again, no error anywhere.
      await tab(page, "main.ts").click();
      await expect.poll(squiggles, { timeout: 30_000 }).toBe(0);
    });

    it("Undo this File reverts the rename in the active file only; the other file's Ctrl+Z then reverts its part", async () => {
      await renameFormatTotal("formatAll");
      await (await undoAsked("formatAll")).getByText("Undo this File").click();
      await expect.poll(() => codeText(page)).toContain('import { Counter, formatTotal } from "./util";');
      await tab(page, "util.ts").click();
      await expect.poll(() => isActiveTab(page, "util.ts")).toBe("true");
      expect(await codeText(page)).toContain("export function formatAll(");
      // Its part is now a step of its own: no question.
      await lines(page).click();
      await page.keyboard.press("Control+z");
      await expect.poll(() => codeText(page)).toContain("export function formatTotal(");
      expect(await page.getByTestId("dialog").count()).toBe(0);
    });
  },
);
