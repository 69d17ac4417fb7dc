/**
 * The workbench in real Chromium against the real extension host with the example
 * extensions: the done-criteria of the editor issue, and unsaved text surviving a reload and
 * an extension-host crash.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { workbenchSuite } from "../support/workbench-suite.js";
import { repoRoot } from "../support/paths.js";
import { editorText, openFile } from "../support/workbench-page.js";

const examples = ["hello-command", "status-bar", "completion-diagnostics"].map((e) => join(repoRoot, "examples", e));

describe("workbench with real extensions", () => {
  const suite = workbenchSuite({
    name: "wb",
    files: {
      "readme.md": "# Hello\n",
      "notes.todo": "TODO write tests\nFIXME flaky\n",
    },
    devExtensions: examples,
  });

  const { open } = suite;

  /** The editor's rendered lines as text (Monaco renders spaces as U+00A0). */
  const clickEditor = (page: Page) => page.locator(".monaco-editor .view-lines").first().click();

  it("edits and saves a file: dirty marker, Ctrl+S writes the disk through the extension host", async () => {
    const page = await open();
    await openFile(page, "readme.md");
    await clickEditor(page);
    await page.keyboard.press("Control+End");
    await page.keyboard.type("more text");
    const tab = page.locator('[data-testid="tab"][data-name="readme.md"]');
    await expect.poll(() => tab.getAttribute("data-dirty")).toBe("true");
    await page.keyboard.press("Control+s");
    await expect.poll(() => tab.getAttribute("data-dirty")).toBe("false");
    expect(readFileSync(join(suite.workspace, "readme.md"), "utf8")).toBe("# Hello\nmore text");
  });

  it("lists an extension command in the palette; running it shows its notification, answered by a click", async () => {
    const page = await open();
    await page.keyboard.press("Control+Shift+P");
    await page.getByTestId("palette-input").fill("say hello");
    const item = page.locator('[data-testid="palette-item"][data-command="hello.sayHello"]');
    await expect.poll(() => item.textContent()).toContain("Hello: Say Hello");
    await item.click();
    const toast = page.getByTestId("notification").filter({ hasText: "Hello from an extension! (#1)" });
    await toast.waitFor();
    await toast.getByRole("button", { name: "Again" }).click();
    await page.getByTestId("panel-tab-output").click();
    await page.getByTestId("output-channel").selectOption("Hello");
    await expect.poll(() => page.getByTestId("output-text").textContent()).toContain("user chose Again");
    // Built-in commands are there too.
    await page.keyboard.press("Control+Shift+P");
    await page.getByTestId("palette-input").fill("developer");
    await expect
      .poll(() => page.getByTestId("palette-item").allTextContents())
      .toContain("Developer: Show Running Extensions");
  });

  it("shows extension completions in the editor and diagnostics in the Problems panel; a status bar item runs its command", async () => {
    const page = await open();
    await openFile(page, "notes.todo");
    const problem = page.getByTestId("problem").filter({ hasText: "FIXME: this needs attention" });
    await problem.waitFor({ timeout: 15_000 });
    expect(await problem.textContent()).toContain("notes.todo [Ln 2, Col 1]");

    await clickEditor(page);
    await page.keyboard.press("Control+End");
    await page.keyboard.type("WAI");
    const option = page.locator(".suggest-widget .monaco-list-row").filter({ hasText: "WAITING" });
    await option.waitFor({ timeout: 15_000 });
    await page.keyboard.press("Enter");
    await expect.poll(() => editorText(page)).toContain("WAITING");

    const clicker = page.getByTestId("status-item").filter({ hasText: /\d+ clicks?$/ });
    await expect.poll(() => clicker.textContent(), { timeout: 15_000 }).toBe("0 clicks");
    // `$(pulse)` in the item's text is a codicon.
    expect(await clicker.locator(".codicon.codicon-pulse").count()).toBe(1);
    await clicker.click();
    await expect.poll(() => clicker.textContent()).toBe("1 click");
  });

  it("keeps unsaved text through a renderer reload and an extension-host crash", async () => {
    const page = await open();
    await openFile(page, "readme.md");
    await clickEditor(page);
    await page.keyboard.press("Control+End");
    await page.keyboard.type("unsaved work");
    const tab = page.locator('[data-testid="tab"][data-name="readme.md"]');
    await expect.poll(() => tab.getAttribute("data-dirty")).toBe("true");
    await page.waitForTimeout(400); // the backup is debounced by 200 ms

    await page.reload();
    await tab.waitFor();
    expect(await tab.getAttribute("data-restored")).toBe("true");
    await expect.poll(() => editorText(page)).toContain("unsaved work");

    const crashedPid = suite.harness.host.starter.pid!;
    process.kill(crashedPid, "SIGKILL");
    await page
      .locator(`[data-testid="channel-state"][data-state="Connected"]`)
      .waitFor({ state: "detached", timeout: 10_000 })
      .catch(() => undefined);
    await page.locator(`[data-testid="channel-state"][data-state="Connected"]`).waitFor({ timeout: 20_000 });
    expect(suite.harness.host.starter.pid).not.toBe(crashedPid);
    await expect.poll(() => editorText(page)).toContain("unsaved work");
    // The new host got the unsaved text at initialize: saving writes it.
    await clickEditor(page);
    await page.keyboard.press("Control+s");
    await expect.poll(() => readFileSync(join(suite.workspace, "readme.md"), "utf8")).toBe("# Hello\nunsaved work");
    expect(readFileSync(join(suite.workspace, "readme.md"), "utf8")).not.toBe("# Hello\n");
  });
});
