/**
 * Renaming a file in the explorer of a TypeScript project (test/support/typescript-project.ts)
 * updates its imports, as in VS Code: the explorer's rename raises workspace.onWillRenameFiles,
 * vscode-languageclient asks typescript-language-server (workspace/willRenameFiles → tsserver's
 * getEditsForFileRename) and the edit lands in the open main.ts before the file moves.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { codeText, tab, tsProjectPerFile } from "../support/typescript-project.js";

describe("renaming a file in the explorer of a TypeScript project", { timeout: 60_000 }, () => {
  const ts = tsProjectPerFile();
  let page: Page;
  beforeAll(() => {
    page = ts.page;
  });

  const item = (name: string) => page.locator(`[data-testid="explorer-item"][data-name="${name}"]`);

  it("util.ts → helpers.ts (F2): the TypeScript server rewrites main.ts's import; saving writes it", async () => {
    expect(await codeText(page)).toContain('from "./util"');
    // Clicking a file opens it (its editor takes focus): open it first, then select it and press F2.
    await item("util.ts").click();
    await tab(page, "util.ts").and(page.locator('[aria-selected="true"]')).waitFor();
    await item("util.ts").click();
    await page.keyboard.press("F2");
    await expect.poll(() => page.getByTestId("explorer-input").inputValue()).toBe("util.ts");
    await page.getByTestId("explorer-input").fill("helpers.ts");
    await page.getByTestId("explorer-input").press("Enter");
    await item("helpers.ts").waitFor({ timeout: 30_000 });
    expect(existsSync(join(ts.project.workspace, "src", "util.ts"))).toBe(false);
    expect(existsSync(join(ts.project.workspace, "src", "helpers.ts"))).toBe(true);

    // The open main.ts got the server's edit: unsaved, as in VS Code.
    await tab(page, "main.ts").click();
    await expect.poll(() => codeText(page), { timeout: 30_000 }).toContain('from "./helpers"');
    expect(await codeText(page)).not.toContain('"./util"');
    await expect.poll(() => tab(page, "main.ts").getAttribute("data-dirty")).toBe("true");
    await page.locator(".monaco-editor .view-lines").first().click();
    await page.keyboard.press("Control+s");
    await expect
      .poll(() => readFileSync(join(ts.project.workspace, "src", "main.ts"), "utf8"))
      .toContain('import { Counter, formatTotal } from "./helpers";');
    // The import resolves: only the project's deliberate error (`incremnt`) is left.
    await expect.poll(() => page.locator(".monaco-editor .squiggly-error").count(), { timeout: 30_000 }).toBe(1);
  });
});
