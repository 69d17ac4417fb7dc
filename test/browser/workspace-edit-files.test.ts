/**
 * workspace.applyEdit's file operations against documents open in the window, and saving from
 * the API: a renamed dirty document keeps its unsaved text under the new name, a deleted one
 * closes, `workspace.save` / `TextDocument.save` write the window's buffer to disk.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ExtHostContract } from "../../src/protocol/contracts/ext-host.js";
import { workbenchSuite } from "../support/workbench-suite.js";
import { repoRoot } from "../support/paths.js";
import { tab } from "../support/workbench-page.js";

const probe = join(repoRoot, "test/fixtures/extensions/editor-probe");

describe("workspace edits on open documents, and saving from the API", () => {
  const suite = workbenchSuite({
    name: "wef",
    files: {
      "old.txt": "saved text\n",
      "doomed.txt": "bye\n",
    },
    devExtensions: [probe],
  });

  const uri = (name: string) => pathToFileURL(join(suite.workspace, name)).toString();
  const run = (page: Page, step: string, args: unknown = {}) =>
    page.evaluate(
      ({ method, args }) =>
        (
          window as unknown as { directChannel: { call(m: string, p: unknown[]): Promise<unknown> } }
        ).directChannel.call(method, [{ id: "editorProbe.run", args }]),
      { method: ExtHostContract.executeCommand.method, args: [step, args] },
    );

  it("rename keeps a dirty document's text under the new name, delete closes its tab; save writes the buffer", async () => {
    const page = await suite.open();
    for (const name of ["doomed.txt", "old.txt"]) {
      await page.locator(`[data-testid="explorer-item"][data-name="${name}"]`).click();
      await tab(page, name).waitFor();
    }
    await page.locator(".monaco-editor .view-lines").first().click();
    await page.keyboard.press("Control+End");
    await page.keyboard.type("unsaved");
    await expect.poll(() => tab(page, "old.txt").getAttribute("data-dirty")).toBe("true");

    const ok = await run(page, "applyEdit", {
      ops: [
        { kind: "rename", from: uri("old.txt"), to: uri("new.txt") },
        { kind: "delete", file: uri("doomed.txt") },
      ],
    });
    expect(ok).toBe(true);
    await tab(page, "new.txt").waitFor();
    await expect.poll(() => tab(page, "old.txt").count()).toBe(0);
    await expect.poll(() => tab(page, "doomed.txt").count()).toBe(0);
    expect(existsSync(join(suite.workspace, "doomed.txt"))).toBe(false);
    await expect.poll(() => tab(page, "new.txt").getAttribute("data-dirty")).toBe("true");
    // The disk has the saved text under the new name; the buffer keeps the unsaved one.
    expect(readFileSync(join(suite.workspace, "new.txt"), "utf8")).toBe("saved text\n");

    await expect.poll(() => run(page, "save", { file: uri("new.txt") })).toBe(uri("new.txt"));
    expect(readFileSync(join(suite.workspace, "new.txt"), "utf8")).toBe("saved text\nunsaved");
    await expect.poll(() => tab(page, "new.txt").getAttribute("data-dirty")).toBe("false");

    await page.locator(".monaco-editor .view-lines").first().click();
    await page.keyboard.type("!");
    await expect.poll(() => tab(page, "new.txt").getAttribute("data-dirty")).toBe("true");
    expect(await run(page, "saveDocument", { file: uri("new.txt") })).toBe(true);
    expect(readFileSync(join(suite.workspace, "new.txt"), "utf8")).toBe("saved text\nunsaved!");
    expect(await run(page, "saveAll")).toBe(true);
    // A document the window does not have cannot be saved.
    expect(await run(page, "save", { file: uri("elsewhere.txt") })).toBe(null);
  });
});
