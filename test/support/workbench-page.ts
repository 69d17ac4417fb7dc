/**
 * The workbench as the browser tests drive it, in a user's terms: a tab, an explorer item, the
 * active editor's text, a command run from the palette. One definition of each, so a change to
 * the workbench's markup (data-testid, Monaco's classes) is one change here.
 */
import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";

/** This machine is shared and loaded: the first command activates the extension, which takes time. */
export const eventually = <T>(f: () => Promise<T> | T) => expect.poll(f, { timeout: 10_000 });

export const tab = (page: Page, name: string) => page.locator(`[data-testid="tab"][data-name="${name}"]`);
export const explorerItem = (page: Page, name: string) =>
  page.locator(`[data-testid="explorer-item"][data-name="${name}"]`);

/** The first editor's rendered lines (click it to focus the editor). */
export const editorLines = (page: Page) => page.locator(".monaco-editor .view-lines").first();
/** The first editor's rendered text (Monaco renders spaces as U+00A0). */
export const editorText = async (page: Page): Promise<string> =>
  ((await editorLines(page).textContent()) ?? "").replace(/\u00a0/g, " ");

/** Clicks a file in the explorer (its folder expanded) and waits for its tab. */
export const openFile = async (page: Page, name: string): Promise<void> => {
  await explorerItem(page, name).click();
  await tab(page, name).waitFor();
};

/** Ctrl+Shift+P, types `filter`, clicks the palette item of `command`. */
export const runFromPalette = async (page: Page, filter: string, command: string): Promise<void> => {
  await page.keyboard.press("Control+Shift+P");
  await page.getByTestId("palette-input").fill(filter);
  await page.locator(`[data-testid="palette-item"][data-command="${command}"]`).click();
};

/** The status bar's cursor position ("Ln 3, Col 7"). */
export const cursor = (page: Page) => page.getByTestId("status-cursor").textContent();

/** Puts the cursor at a 1-based line and column of the focused editor, with keys. */
export const goTo = async (page: Page, line: number, column: number): Promise<void> => {
  await editorLines(page).click();
  await page.keyboard.press("Control+Home");
  for (let i = 1; i < line; i++) await page.keyboard.press("ArrowDown");
  // Home goes to the first non-blank character first, then to column 1.
  await page.keyboard.press("Home");
  if (!((await cursor(page)) ?? "").includes("Col 1")) await page.keyboard.press("Home");
  for (let i = 1; i < column; i++) await page.keyboard.press("ArrowRight");
  await expect.poll(() => cursor(page)).toContain(`Ln ${line}, Col ${column}`);
};

/**
 * Does `nudge` (hover again, ask for suggestions again…) until `target` shows within 3 s of it, for
 * at most `timeoutMs`: for answers that come only once a language server has loaded the project.
 */
export const nudgeUntilShown = (target: Locator, nudge: () => Promise<unknown>, timeoutMs = 30_000) =>
  expect
    .poll(
      async () => {
        await nudge();
        return target
          .first()
          .waitFor({ timeout: 3_000 })
          .then(() => true)
          .catch(() => false);
      },
      { timeout: timeoutMs },
    )
    .toBe(true);
