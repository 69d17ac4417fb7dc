/**
 * settings.json and keybindings.json know their schema, in Chromium against the built host and
 * the real JSON language server: "Open User Settings (JSON)" completes `editor.fontSize` from the
 * registry, flags a wrong type and an unknown key; keybindings.json completes an extension's
 * contributed command id (examples/settings-keybinding) and the window's own ones.
 */
import { join } from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { nudgeUntilShown } from "../support/workbench-page.js";
import { workbenchSuite } from "../support/workbench-suite.js";
import { repoRoot } from "../support/paths.js";

const example = join(repoRoot, "examples", "settings-keybinding");

describe("settings.json and keybindings.json schemas", { timeout: 60_000 }, () => {
  const suite = workbenchSuite({
    name: "schema",
    scope: "file",
    files: {
      ".vscode/settings.json": '{\n  "greeter.volume": "deafening"\n}\n',
    },
    userData: {
      "User/settings.json": '{\n  "editor.tabSize": "four",\n  "no.such.setting": 1\n}\n',
      "User/keybindings.json": "[\n]\n",
    },
    devExtensions: [example],
    debugEnv: "DEBUG_SCHEMA_TEST",
  });
  let page: Page;
  beforeAll(() => {
    page = suite.page;
  });

  const runFromPalette = async (filter: string, command: string) => {
    await page.keyboard.press("Control+Shift+P");
    await page.getByTestId("palette-input").fill(filter);
    await page.locator(`[data-testid="palette-item"][data-command="${command}"]`).click();
  };
  /** The status bar item toggles the Problems panel: open it only when it is closed. */
  const showProblems = async () => {
    if ((await page.getByTestId("problems").count()) === 0) await page.getByTestId("status-problems").click();
    await page.getByTestId("problems").waitFor();
  };
  const rows = () => page.locator(".suggest-widget .monaco-list-row");
  /** The server applies the schema association after it started: ask again until it offers `label`. */
  const suggestUntil = (label: string) =>
    nudgeUntilShown(rows().filter({ hasText: label }), async () => {
      await page.keyboard.press("Escape");
      await page.keyboard.press("Control+Space");
    });

  it("user settings.json: a wrong type and an unknown key are flagged, keys complete from the registry", async () => {
    await runFromPalette("Open User Settings (JSON)", "workbench.action.openSettingsJson");
    await page.locator('[data-testid="tab"][data-name="settings.json"]').waitFor();
    // Both problems, with the schema's messages, in the Problems panel and squiggled.
    await showProblems();
    const problems = page.getByTestId("problem");
    await problems.filter({ hasText: 'Incorrect type. Expected "number".' }).waitFor({ timeout: 30_000 });
    await problems.filter({ hasText: "Unknown Configuration Setting" }).waitFor({ timeout: 10_000 });
    expect(await page.locator(".monaco-editor .squiggly-warning, .monaco-editor .squiggly-error").count()).toBe(2);

    // A new key after the last one: `,`, a new line, `"editor.fontS`, and complete it.
    await page.locator(".monaco-editor .view-lines").first().click();
    await page.keyboard.press("Control+Home");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("End");
    await page.keyboard.type(",");
    await page.keyboard.press("Enter");
    await page.keyboard.type('"editor.fontS');
    await suggestUntil("editor.fontSize");
    const labels = await rows().allTextContents();
    expect(labels.some((l) => l.startsWith("editor.fontSize"))).toBe(true);
    // Only matching keys: an unrelated setting is filtered out.
    expect(labels.some((l) => l.startsWith("greeter.volume"))).toBe(false);
    await page.keyboard.press("Escape");
  });

  it("workspace .vscode/settings.json: keys complete from the folder schema", async () => {
    await runFromPalette("Open Workspace Settings (JSON)", "workbench.action.openWorkspaceSettingsFile");
    await page.locator('[data-testid="tab"][title$="/.vscode/settings.json"]').waitFor();
    // The second JSON file of the window gets its diagnostics too: a value outside the enum.
    await expect
      .poll(() => page.locator(".monaco-editor .squiggly-warning, .monaco-editor .squiggly-error").count(), {
        timeout: 30_000,
      })
      .toBe(1);
    await page.locator(".monaco-editor .view-lines").first().click();
    await page.keyboard.press("Control+Home");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("End");
    await page.keyboard.type(",");
    await page.keyboard.press("Enter");
    await page.keyboard.type('"greeter.rep');
    await suggestUntil("greeter.repeat");
    await page.keyboard.press("Escape");
  });

  it("keybindings.json: `command` completes the commands extensions contribute", async () => {
    await runFromPalette("Keyboard Shortcuts (JSON)", "workbench.action.openGlobalKeybindingsFile");
    await page.locator('[data-testid="tab"][data-name="keybindings.json"]').waitFor();
    await page.locator(".monaco-editor .view-lines").first().click();
    await page.keyboard.press("Control+Home");
    await page.keyboard.press("End");
    await page.keyboard.press("Enter");
    await page.keyboard.type('{ "key": "ctrl+alt+y", "command": "greeter.gr');
    await suggestUntil("greeter.greet");
    // The window's own commands are bindable too.
    await page.keyboard.press("Escape");
    for (let i = 0; i < "greeter.gr".length; i++) await page.keyboard.press("Backspace");
    await page.keyboard.type("workbench.action.quickO");
    await suggestUntil("workbench.action.quickOpen");
  });
});
