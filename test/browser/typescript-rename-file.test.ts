/**
 * Renaming a file in the explorer of a TypeScript project (test/support/typescript-project.ts)
 * updates its imports, as in VS Code: the explorer's rename raises workspace.onWillRenameFiles,
 * vscode-languageclient asks typescript-language-server (workspace/willRenameFiles → tsserver's
 * getEditsForFileRename) and the edit lands in the open main.ts before the file moves.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { codeText, describeTsProject } from "../support/typescript-project.js";
import { tab } from "../support/workbench-page.js";

describeTsProject("renaming a file in the explorer of a TypeScript project", (ts) => {
  const item = (name: string) => ts.page.locator(`[data-testid="explorer-item"][data-name="${name}"]`);

  it("util.ts → helpers.ts (F2): the TypeScript server rewrites main.ts's import; saving writes it", async () => {
    expect(await codeText(ts.page)).toContain('from "./util"');
    // Clicking a file opens it (its editor takes focus): open it first, then select it and press F2.
    await item("util.ts").click();
    await tab(ts.page, "util.ts").and(ts.page.locator('[aria-selected="true"]')).waitFor();
    await item("util.ts").click();
    await ts.page.keyboard.press("F2");
    await expect.poll(() => ts.page.getByTestId("explorer-input").inputValue()).toBe("util.ts");
    await ts.page.getByTestId("explorer-input").fill("helpers.ts");
    await ts.page.getByTestId("explorer-input").press("Enter");
    await item("helpers.ts").waitFor({ timeout: 30_000 });
    expect(existsSync(join(ts.project.workspace, "src", "util.ts"))).toBe(false);
    expect(existsSync(join(ts.project.workspace, "src", "helpers.ts"))).toBe(true);

    // The open main.ts got the server's edit: unsaved, as in VS Code.
    await tab(ts.page, "main.ts").click();
    await expect.poll(() => codeText(ts.page), { timeout: 30_000 }).toContain('from "./helpers"');
    expect(await codeText(ts.page)).not.toContain('"./util"');
    await expect.poll(() => tab(ts.page, "main.ts").getAttribute("data-dirty")).toBe("true");
    await ts.page.locator(".monaco-editor .view-lines").first().click();
    await ts.page.keyboard.press("Control+s");
    await expect
      .poll(() => readFileSync(join(ts.project.workspace, "src", "main.ts"), "utf8"))
      .toContain('import { Counter, formatTotal } from "./helpers";');
    // The import resolves: only the project's deliberate error (`incremnt`) is left.
    await expect.poll(() => ts.page.locator(".monaco-editor .squiggly-error").count(), { timeout: 30_000 }).toBe(1);
  });
});
