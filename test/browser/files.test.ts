/**
 * Issue #12 items 2 and 7 in the built workbench (real Chromium, real extension host): explorer
 * file operations through the context menu and the inline input, the file watcher driving the
 * explorer and the open editors, `files.exclude`, notifications and the Problems panel.
 */
import { existsSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { workbenchSuite } from "../support/workbench-suite.js";
import { repoRoot } from "../support/paths.js";
import { editorText, runFromPalette, tab } from "../support/workbench-page.js";

describe("files, watcher, notifications, problems", () => {
  const suite = workbenchSuite({
    name: "files",
    files: {
      ".git/HEAD": "ref: refs/heads/main\n",
      "readme.md": "# Hello\n",
      "src/main.txt": "main\n",
    },
    debugEnv: "DEBUG_EDITOR_TEST",
  });
  const previousXdg = process.env["XDG_DATA_HOME"];
  beforeEach(() => {
    // The host's trash goes here (freedesktop: $XDG_DATA_HOME/Trash), not into the real home.
    process.env["XDG_DATA_HOME"] = join(suite.dataDir, "xdg");
  });
  afterAll(() => {
    if (previousXdg === undefined) delete process.env["XDG_DATA_HOME"];
    else process.env["XDG_DATA_HOME"] = previousXdg;
  });

  const open = async (devExtensions?: string[]): Promise<Page> => {
    const page = await suite.open(devExtensions ? { devExtensions } : {});
    await item(page, "readme.md").waitFor();
    return page;
  };
  const item = (page: Page, name: string) => page.locator(`[data-testid="explorer-item"][data-name="${name}"]`);
  const menuItem = (page: Page, label: string) =>
    page.locator(`[data-testid="context-menu-item"][data-label="${label}"]`);
  const input = (page: Page) => page.getByTestId("explorer-input");
  const inputError = (page: Page) => page.getByTestId("explorer-input-error");

  it("creates, validates, renames (the dirty editor follows) and deletes to the trash through the context menu", async () => {
    const page = await open();
    // files.exclude: .git is not listed.
    await expect.poll(() => item(page, ".git").count()).toBe(0);

    // New File in src (right-click the folder) → inline input; bad names keep it open with an error.
    await item(page, "src").click({ button: "right" });
    await menuItem(page, "New File…").click();
    await input(page).press("Enter");
    await expect.poll(() => inputError(page).textContent()).toContain("must be provided");
    await input(page).fill("/abs.txt");
    await expect.poll(() => inputError(page).textContent()).toContain("cannot start with a slash");
    await input(page).fill("main.txt");
    await expect.poll(() => inputError(page).textContent()).toContain("already exists");
    await input(page).fill("new.txt");
    await expect.poll(() => inputError(page).count()).toBe(0);
    await input(page).press("Enter");
    await item(page, "new.txt").waitFor();
    expect(existsSync(join(suite.workspace, "src", "new.txt"))).toBe(true);
    await tab(page, "new.txt").waitFor(); // a new file opens, as in VS Code

    // Unsaved text in its editor…
    await page.locator(".monaco-editor .view-lines").first().click();
    await page.keyboard.type("draft text");
    await expect.poll(() => tab(page, "new.txt").getAttribute("data-dirty")).toBe("true");

    // …follows the rename (F2 on the explorer selection).
    await item(page, "new.txt").click();
    await page.keyboard.press("F2");
    await expect.poll(() => input(page).inputValue()).toBe("new.txt");
    await input(page).fill("renamed.txt");
    await input(page).press("Enter");
    await item(page, "renamed.txt").waitFor();
    expect(existsSync(join(suite.workspace, "src", "new.txt"))).toBe(false);
    expect(readFileSync(join(suite.workspace, "src", "renamed.txt"), "utf8")).toBe("");
    await tab(page, "renamed.txt").waitFor();
    expect(await tab(page, "new.txt").count()).toBe(0);
    expect(await tab(page, "renamed.txt").getAttribute("data-dirty")).toBe("true");
    expect(await editorText(page)).toContain("draft text");

    // Copy Relative Path.
    await suite.harness.context.grantPermissions(["clipboard-read", "clipboard-write"], {
      origin: suite.harness.origin,
    });
    await item(page, "renamed.txt").click({ button: "right" });
    await menuItem(page, "Copy Relative Path").click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe("src/renamed.txt");

    // Delete of a file with unsaved changes says so first; Cancel leaves file and editor alone.
    await item(page, "renamed.txt").click({ button: "right" });
    await menuItem(page, "Delete").click();
    await expect
      .poll(() => page.getByTestId("dialog").textContent())
      .toContain("You are deleting 'renamed.txt' with unsaved changes. Do you want to continue?");
    await page.getByTestId("dialog-button").filter({ hasText: "Cancel" }).click();
    await expect.poll(() => page.getByTestId("dialog").count()).toBe(0);
    expect(existsSync(join(suite.workspace, "src", "renamed.txt"))).toBe(true);
    expect(await tab(page, "renamed.txt").getAttribute("data-dirty")).toBe("true");
    // Confirmed → the OS trash; the editor stays open, marked deleted, its text kept.
    await item(page, "renamed.txt").click({ button: "right" });
    await menuItem(page, "Delete").click();
    await expect.poll(() => page.getByTestId("dialog").textContent()).toContain("with unsaved changes");
    await page.getByTestId("dialog-button").filter({ hasText: "Move to Trash" }).click();
    await expect.poll(() => item(page, "renamed.txt").count()).toBe(0);
    expect(existsSync(join(suite.workspace, "src", "renamed.txt"))).toBe(false);
    // freedesktop trash: the file under a generated name, its origin in a .trashinfo.
    const trashInfo = join(suite.dataDir, "xdg", "Trash", "info");
    const infos = readdirSync(trashInfo).map((f) => readFileSync(join(trashInfo, f), "utf8"));
    expect(infos.some((info) => info.includes(`Path=${join(suite.workspace, "src", "renamed.txt")}`))).toBe(true);
    expect(await tab(page, "renamed.txt").getAttribute("data-deleted")).toBe("true");
    expect(await tab(page, "renamed.txt").getAttribute("data-dirty")).toBe("true");
    expect(await editorText(page)).toContain("draft text");

    // New Folder from the explorer's title button, at the root.
    await item(page, "readme.md").click();
    await page.getByTestId("explorer-new-folder").click();
    await input(page).fill("docs");
    await input(page).press("Enter");
    await item(page, "docs").waitFor();
    expect(existsSync(join(suite.workspace, "docs"))).toBe(true);
  });

  it("offers Delete Permanently when the trash cannot be used", async () => {
    // The freedesktop trash would live under a file: moving to the trash fails.
    writeFileSync(join(suite.dataDir, "not-a-folder"), "");
    process.env["XDG_DATA_HOME"] = join(suite.dataDir, "not-a-folder");
    const page = await open();
    await item(page, "readme.md").click({ button: "right" });
    await menuItem(page, "Delete").click();
    await page.getByTestId("dialog-button").filter({ hasText: "Move to Trash" }).click();
    await expect.poll(() => page.getByTestId("dialog").textContent()).toContain("permanently delete instead");
    expect(existsSync(join(suite.workspace, "readme.md"))).toBe(true);
    await page.getByTestId("dialog-button").filter({ hasText: "Delete Permanently" }).click();
    await expect.poll(() => item(page, "readme.md").count()).toBe(0);
    expect(existsSync(join(suite.workspace, "readme.md"))).toBe(false);
  });

  it("follows the disk: files created or deleted outside appear and disappear; clean editors reload, dirty ones keep their text; Quick Open hides files.exclude; the tab menu", async () => {
    const page = await open();
    writeFileSync(join(suite.workspace, "outside.md"), "made outside\n");
    await item(page, "outside.md").waitFor({ timeout: 10_000 });
    // Inside an expanded folder too.
    await item(page, "src").click();
    await item(page, "main.txt").waitFor();
    writeFileSync(join(suite.workspace, "src", "later.txt"), "later\n");
    await item(page, "later.txt").waitFor({ timeout: 10_000 });
    unlinkSync(join(suite.workspace, "outside.md"));
    await expect.poll(() => item(page, "outside.md").count(), { timeout: 10_000 }).toBe(0);

    // A clean editor takes the new text from disk.
    await item(page, "readme.md").click();
    await tab(page, "readme.md").waitFor();
    writeFileSync(join(suite.workspace, "readme.md"), "# Changed on disk\n");
    await expect.poll(() => editorText(page), { timeout: 10_000 }).toContain("Changed on disk");
    expect(await tab(page, "readme.md").getAttribute("data-dirty")).toBe("false");

    // A dirty one keeps its text; saving then asks before overwriting.
    await item(page, "main.txt").click();
    await tab(page, "main.txt").waitFor();
    await page.locator(".monaco-editor .view-lines").first().click();
    await page.keyboard.press("Control+End");
    await page.keyboard.type("mine");
    await expect.poll(() => tab(page, "main.txt").getAttribute("data-dirty")).toBe("true");
    writeFileSync(join(suite.workspace, "src", "main.txt"), "theirs\n");
    await page.waitForTimeout(1_000); // the watcher's event has come and gone
    expect(await editorText(page)).toContain("mine");
    expect(await tab(page, "main.txt").getAttribute("data-dirty")).toBe("true");
    await page.keyboard.press("Control+S");
    await expect.poll(() => page.getByTestId("dialog").textContent()).toContain("changed on disk");
    await page.keyboard.press("Escape");
    expect(readFileSync(join(suite.workspace, "src", "main.txt"), "utf8")).toBe("theirs\n");

    // Quick Open lists the workspace minus files.exclude (.git/HEAD is not offered).
    await page.keyboard.press("Control+P");
    await page.getByTestId("quick-open-input").fill("HEAD");
    await page.waitForTimeout(300);
    expect(await page.getByTestId("quick-open-item").count()).toBe(0);
    await page.getByTestId("quick-open-input").fill("main");
    await expect.poll(() => page.getByTestId("quick-open-item").count()).toBeGreaterThan(0);
    await page.keyboard.press("Escape");

    // The tab context menu: Copy Path, Reveal in Explorer View (folders expand to it), Close Others.
    await suite.harness.context.grantPermissions(["clipboard-read", "clipboard-write"], {
      origin: suite.harness.origin,
    });
    await tab(page, "main.txt").click({ button: "right" });
    await menuItem(page, "Copy Path").click();
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toBe(join(suite.workspace, "src", "main.txt"));
    await item(page, "src").click(); // collapse
    await expect.poll(() => item(page, "main.txt").count()).toBe(0);
    await tab(page, "main.txt").click({ button: "right" });
    await menuItem(page, "Reveal in Explorer View").click();
    await expect.poll(() => item(page, "main.txt").getAttribute("aria-selected")).toBe("true");
    await tab(page, "readme.md").click({ button: "right" });
    await menuItem(page, "Close Others").click();
    // main.txt is dirty: Close Others asks first, like closing it alone.
    await page.getByTestId("dialog-button").filter({ hasText: "Don't Save" }).click();
    await expect.poll(() => page.getByTestId("tab").count()).toBe(1);
    expect(await tab(page, "readme.md").count()).toBe(1);
  });

  it("toasts hide after a while unless hovered; errors stay; the centre lists them all and clears them", async () => {
    const page = await open();
    const toasts = page.getByTestId("notification");
    await runFromPalette(page, "Ping Extension Host", "workbench.action.pingExtensionHost");
    await runFromPalette(page, "Ping Extension Host", "workbench.action.pingExtensionHost");
    // No main process here: restarting fails with an error notification (no buttons).
    await runFromPalette(page, "Restart Extension Host", "workbench.action.restartExtensionHost");
    await expect.poll(() => toasts.count()).toBe(3);
    await toasts.nth(1).hover();
    await page.waitForTimeout(11_000);
    // The first info hid; the hovered one and the error stay.
    await expect.poll(() => toasts.count()).toBe(2);
    expect(await toasts.nth(0).getAttribute("data-severity")).toBe("information");
    expect(await toasts.nth(1).getAttribute("data-severity")).toBe("error");

    // The bell counts all three; the centre lists them, Clear All empties it.
    const bell = page.getByTestId("status-notifications");
    expect(await bell.getAttribute("data-count")).toBe("3");
    await bell.click();
    await expect.poll(() => page.getByTestId("center-notification").count()).toBe(3);
    expect(await toasts.count()).toBe(0); // toasts give way to the centre
    await page.getByTestId("notifications-clear-all").click();
    await expect.poll(() => bell.getAttribute("data-count")).toBe("0");
    await runFromPalette(page, "Show Notifications", "notifications.showList");
    await expect.poll(() => page.getByTestId("notification-center").textContent()).toContain("NO NEW NOTIFICATIONS");
  });

  it("a click on a problem opens its file at the problem's line and column", async () => {
    writeFileSync(join(suite.workspace, "tasks.todo"), "TODO one\nDONE two\n    FIXME three\n");
    const page = await open([join(repoRoot, "examples", "completion-diagnostics")]);
    await item(page, "tasks.todo").click();
    await page.getByTestId("problem").waitFor({ timeout: 10_000 });
    await item(page, "readme.md").click(); // another editor is active
    await tab(page, "readme.md").waitFor();
    await page.getByTestId("problem").click();
    await expect.poll(() => page.getByTestId("status-cursor").textContent()).toBe("Ln 3, Col 5");
    expect(await page.locator('[data-testid="tab"][aria-selected="true"]').getAttribute("data-name")).toBe(
      "tasks.todo",
    );
  });
});
