/**
 * Quick Open, the fuzzy palette and Find in Files in real Chromium against the real extension
 * host: fuzzy file and command matching, opening at a match, replace across files (an open
 * dirty document is edited in its model, not on disk) and cancelling a streaming search.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { workbenchSuite } from "../support/workbench-suite.js";
import { tab } from "../support/workbench-page.js";

describe("Quick Open, palette and Find in Files", () => {
  const suite = workbenchSuite({
    name: "search",
    files: {
      "test/browser/workbench.test.ts": "export const wb = 1;\n",
      "test/browser/web-mode.test.ts": "export const web = 2;\n",
      "src/work.ts": "// work\n",
      "src/bench.ts": "// bench\nline two\nline three\n",
      "node_modules/pkg/workbench.test.ts": "// excluded\n",
    },
  });
  const put = (rel: string, text: string) => {
    mkdirSync(join(suite.workspace, rel, ".."), { recursive: true });
    writeFileSync(join(suite.workspace, rel), text);
  };

  const { open } = suite;
  const cursorLine = (page: Page) =>
    page.evaluate(() => {
      const line = document.querySelector(".monaco-editor .current-line");
      return line ? line.getBoundingClientRect().top : undefined;
    });

  it("Quick Open: Ctrl+P, fuzzy 'wkbtest' ranks workbench.test.ts first (node_modules excluded), Enter opens it", async () => {
    const page = await open();
    await page.keyboard.press("Control+p");
    await page.getByTestId("quick-open-input").fill("wkbtest");
    const items = page.getByTestId("quick-open-item");
    await expect.poll(() => items.first().getAttribute("data-path")).toBe("test/browser/workbench.test.ts");
    const paths = await items.evaluateAll((els) => els.map((e) => e.getAttribute("data-path")));
    expect(paths).not.toContain("node_modules/pkg/workbench.test.ts");
    expect(paths).not.toContain("src/work.ts");
    await page.keyboard.press("Enter");
    await tab(page, "workbench.test.ts").waitFor();
    await expect.poll(() => page.getByTestId("quick-open").count()).toBe(0);

    // Recently opened first, and `name:line` opens at a line.
    await page.keyboard.press("Control+p");
    await expect.poll(() => items.first().getAttribute("data-path")).toBe("test/browser/workbench.test.ts");
    await page.getByTestId("quick-open-input").fill("src/bench.ts:3");
    await expect.poll(() => items.first().getAttribute("data-path")).toBe("src/bench.ts");
    await page.keyboard.press("Enter");
    await tab(page, "bench.ts").waitFor();
    await expect.poll(() => page.getByTestId("status-cursor").textContent()).toContain("Ln 3, Col 1");
    // `:line` goes to a line of the active editor.
    await page.keyboard.press("Control+p");
    await page.getByTestId("quick-open-input").fill(":2");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByTestId("status-cursor").textContent()).toContain("Ln 2, Col 1");
  });

  it("palette: fuzzy 'devext' finds Developer: Show Running Extensions; keybindings shown; recently used first", async () => {
    const page = await open();
    await page.keyboard.press("Control+Shift+P");
    await page.getByTestId("palette-input").fill("devext");
    const titles = page.getByTestId("palette-title");
    // Not a substring of any title: only a fuzzy matcher finds it.
    await expect.poll(() => titles.allTextContents()).toContain("Developer: Show Running Extensions");
    expect(await titles.allTextContents()).not.toContain("View: Split Editor");
    await page.getByTestId("palette-input").fill("save");
    const save = page.locator('[data-testid="palette-item"][data-command="workbench.action.files.save"]');
    expect(await save.getByTestId("palette-keybinding").textContent()).toBe("Ctrl+S");
    await page.getByTestId("palette-input").fill("toggle panel");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Control+Shift+P");
    await expect.poll(() => titles.first().textContent()).toBe("View: Toggle Panel");
  });

  it("Find in Files: regex + include glob, results grouped by file, click opens at the line", async () => {
    put("src/a.ts", "one\ntwo\nconst alpha42 = 1;\n");
    put("src/b.md", "alpha7 in markdown\n");
    put("lib/c.ts", "nothing\n\n\n\nlet alpha9;\n");
    const page = await open();
    await page.keyboard.press("Control+Shift+F");
    await page.getByTestId("search-input").waitFor();
    await page.getByTestId("search-isRegExp").click();
    await page.getByTestId("search-include").fill("*.ts");
    await page.getByTestId("search-input").fill("alpha\\d+");
    await page.getByTestId("search-input").press("Enter");
    const status = page.getByTestId("search-status");
    await expect.poll(() => status.getAttribute("data-status")).toBe("done");
    const files = page.getByTestId("search-file");
    expect((await files.evaluateAll((els) => els.map((e) => e.getAttribute("data-path")))).toSorted()).toEqual([
      "lib/c.ts",
      "src/a.ts",
    ]);
    const match = page.locator('[data-testid="search-file"][data-path="lib/c.ts"] [data-testid="search-match"]');
    expect(await match.locator("mark").textContent()).toBe("alpha9");
    expect(await match.getAttribute("data-line")).toBe("5");
    await match.click();
    await tab(page, "c.ts").waitFor();
    // The cursor (current line) is on line 5: 4 lines below the first.
    await expect
      .poll(async () => {
        const top = await cursorLine(page);
        const first = await page.locator(".monaco-editor .view-line").first().boundingBox();
        return top !== undefined && first ? Math.round((top - first.y) / first.height) : undefined;
      })
      .toBe(4);
    await expect.poll(() => page.getByTestId("status-cursor").textContent()).toContain("Ln 5, Col 11 (6 selected)");
    // Search as you type: a new query runs without Enter and replaces the results.
    await page.getByTestId("search-input").fill("alpha4\\d");
    await expect
      .poll(() => files.evaluateAll((els) => els.map((e) => e.getAttribute("data-path"))))
      .toEqual(["src/a.ts"]);
  });

  it("Replace All across two files: the closed one on disk, the open dirty one in its model (its unsaved text kept)", async () => {
    put("one.txt", "old value\n");
    put("two.txt", "keep old\n");
    const page = await open();
    // Open two.txt and leave an unsaved edit in it.
    await page.keyboard.press("Control+p");
    await page.getByTestId("quick-open-input").fill("two.txt");
    await page.keyboard.press("Enter");
    await tab(page, "two.txt").waitFor();
    await page.locator(".monaco-editor .view-lines").first().click();
    await page.keyboard.press("Control+End");
    await page.keyboard.type("unsaved");
    await expect.poll(() => tab(page, "two.txt").getAttribute("data-dirty")).toBe("true");

    await page.keyboard.press("Control+Shift+F");
    await page.getByTestId("search-input").fill("old");
    await page.getByTestId("search-input").press("Enter");
    await expect.poll(() => page.getByTestId("search-status").getAttribute("data-status")).toBe("done");
    expect(await page.getByTestId("search-file").count()).toBe(2);
    await page.getByTestId("search-replacement").fill("new");
    await page.getByTestId("search-replace-all").click();
    await page.getByTestId("notification").filter({ hasText: "Replaced 2 occurrences" }).waitFor();
    expect(readFileSync(join(suite.workspace, "one.txt"), "utf8")).toBe("new value\n");
    // The dirty document changed in the editor, not on disk.
    expect(readFileSync(join(suite.workspace, "two.txt"), "utf8")).toBe("keep old\n");
    expect(await tab(page, "two.txt").getAttribute("data-dirty")).toBe("true");
    const text = ((await page.locator(".monaco-editor .view-lines").first().textContent()) ?? "").replace(
      /\u00a0/g,
      " ",
    );
    expect(text).toContain("keep new");
    expect(text).toContain("unsaved");
  });

  it("Cancel stops a streaming search: no results arrive after it", async () => {
    for (let d = 0; d < 40; d++) for (let f = 0; f < 100; f++) put(`d${d}/f${f}.txt`, "needle\n".repeat(20));
    const page = await open();
    await page.keyboard.press("Control+Shift+F");
    await page.getByTestId("search-input").fill("needle");
    await page.getByTestId("search-input").press("Enter");
    const files = page.getByTestId("search-file");
    await page.getByTestId("search-cancel").click();
    await expect.poll(() => page.getByTestId("search-status").getAttribute("data-status")).toBe("cancelled");
    const atCancel = await files.count();
    await page.waitForTimeout(1_000);
    expect(await files.count()).toBe(atCancel);
    expect(atCancel).toBeLessThan(4_000);
    // A new search after a cancel runs to the end.
    await page.getByTestId("search-include").fill("d1/**");
    await page.getByTestId("search-input").press("Enter");
    await expect.poll(() => page.getByTestId("search-status").getAttribute("data-status")).toBe("done");
    expect(await files.count()).toBe(100);
  });
});
