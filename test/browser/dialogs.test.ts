/**
 * window.showSaveDialog / showOpenDialog from an extension in a browser window (no OS dialog):
 * the window asks for a path in its own input box, prefilled with the extension's default;
 * a relative answer is taken from the workspace, Escape is a cancel (undefined).
 * (The Electron side, the OS dialog through main, is test/main/app-lifecycle.test.ts.)
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { workbenchSuite } from "../support/workbench-suite.js";
import { repoRoot } from "../support/paths.js";

describe("open and save dialogs in a browser window", () => {
  const suite = workbenchSuite({
    name: "dialogs",
    scope: "file",
    files: {
      "notes.txt": "hello notes\n",
    },
    devExtensions: [join(repoRoot, "test", "fixtures", "extensions", "dialogs-probe")],
  });
  let page: Page;
  beforeAll(() => {
    page = suite.page;
  });

  const run = async (title: string) => {
    await page.keyboard.press("Control+Shift+P");
    await page.getByTestId("palette-input").fill(title);
    await page.locator('[data-testid="palette-item"]', { hasText: title }).first().click();
  };
  const notification = (text: string) => page.locator('[data-testid="notification"]', { hasText: text }).first();

  it("save: the path input starts at the extension's defaultUri; the file is written where the user said", async () => {
    await run("Dialogs Probe: Export Report");
    const input = page.getByTestId("quick-input").locator("input");
    await input.waitFor();
    await expect.poll(() => input.inputValue()).toBe(join(suite.workspace, "report.txt"));
    await expect(page.getByTestId("quick-input").textContent()).resolves.toContain("Text: *.txt");
    await input.fill("out/final.txt");
    await input.press("Enter");
    await notification("Exported to out/final.txt").waitFor({ timeout: 15_000 });
    expect(readFileSync(join(suite.workspace, "out", "final.txt"), "utf8")).toBe("exported\n");
  });

  it("open: the picked file reaches the extension as a Uri; Escape cancels (undefined)", async () => {
    await run("Dialogs Probe: Open Files");
    const input = page.getByTestId("quick-input").locator("input");
    await input.waitFor();
    // No defaultUri: it starts at the workspace folder.
    await expect.poll(() => input.inputValue()).toBe(`${suite.workspace}/`);
    await input.fill(join(suite.workspace, "notes.txt"));
    await input.press("Enter");
    await notification("Read 1: hello notes").waitFor({ timeout: 15_000 });

    await run("Dialogs Probe: Open Files");
    await input.waitFor();
    await input.press("Escape");
    await notification("Open cancelled").waitFor({ timeout: 15_000 });
  });
});
