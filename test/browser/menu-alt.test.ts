/**
 * Menu entries' `alt` commands through the UI, in Chromium against the real host with
 * examples/tree-view: while Alt is held the view title's Refresh button shows Reload Dependencies
 * (its `$(sync)` icon and title) and a click runs that; a tree row's inline Edit becomes Copy Name
 * and runs with the same element; the right-click menu's Delete becomes Delete All while the menu
 * is open; Shift switches only the button under the pointer. Releasing the key, or the window
 * losing the focus, brings the entries back. Resource menus (explorer/context, Monaco's
 * editor/context, which picks as it opens) run "Add as Dev Dependency" with the same vscode.Uri; a
 * probe extension's editor/title button runs its alt command with the editor's vscode.Uri.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { dependencyRow as row, openPackageExplorer } from "../support/tree-view-example.js";
import { eventually } from "../support/workbench-page.js";
import { workbenchSuite } from "../support/workbench-suite.js";

describe("menu alt commands", () => {
  const suite = workbenchSuite({ name: "menu-alt" });
  const open = (extensions: string[] = []): Promise<Page> => openPackageExplorer(suite, extensions);
  /** What a button shows: its tooltip, its codicon and the alt command it stands for, if any. */
  const face = (button: Locator) =>
    button.evaluate((b) => ({
      title: b.getAttribute("title"),
      icon: [...(b.querySelector(".codicon")?.classList ?? [])].find((c) => c !== "codicon") ?? null,
      alt: b.getAttribute("data-alt-command"),
    }));
  const menuLabels = (page: Page) =>
    page
      .locator('[data-testid="context-menu"] > .context-menu-entry > button')
      .evaluateAll((els) =>
        els.map((e) => `${e.getAttribute("data-label")}${e.hasAttribute("data-alt") ? " (alt)" : ""}`),
      );

  it("a title-bar button shows and runs its alt command while Alt is held; keyup or blur restores it", async () => {
    const page = await open();
    const refresh = page.locator(
      '[data-testid="view-pane"][data-view="nodeDependencies"] [data-testid="view-title-action"][data-command="nodeDependencies.refreshEntry"]',
    );
    const plain = { title: "Node Dependencies: Refresh", icon: "codicon-refresh", alt: null };
    const alt = {
      title: "Node Dependencies: Reload Dependencies",
      icon: "codicon-sync",
      alt: "nodeDependencies.reload",
    };
    await eventually(() => face(refresh)).toEqual(plain);

    await page.keyboard.down("Alt");
    await eventually(() => face(refresh)).toEqual(alt);
    await refresh.click();
    await page.getByText("Reloaded 2 dependencies").waitFor();
    await page.keyboard.up("Alt");
    await eventually(() => face(refresh)).toEqual(plain);

    // Alt released in another window sends no keyup here: losing the focus resets the state.
    await page.keyboard.down("Alt");
    await eventually(() => face(refresh)).toEqual(alt);
    await page.evaluate(() => window.dispatchEvent(new Event("blur")));
    await eventually(() => face(refresh)).toEqual(plain);
    await page.keyboard.up("Alt");

    // Shift switches only the button under the pointer (VS Code's MenuEntryActionViewItem).
    await page.keyboard.down("Shift");
    await page.getByTestId("activity-package-explorer").hover();
    await page.mouse.move(1, 1);
    expect(await face(refresh)).toEqual(plain);
    await refresh.hover();
    await eventually(() => face(refresh)).toEqual(alt);
    await page.mouse.move(1, 1);
    await eventually(() => face(refresh)).toEqual(plain);
    await page.keyboard.up("Shift");
  });

  it("a tree row's inline action and its right-click menu entry switch to their alt commands, run with the same element", async () => {
    const page = await open();
    const edit = row(page, "express").locator(
      '[data-testid="tree-item-action"][data-command="nodeDependencies.editEntry"]',
    );
    await row(page, "express").hover();
    await eventually(() => face(edit)).toEqual({ title: "Edit", icon: "codicon-edit", alt: null });
    await page.keyboard.down("Alt");
    await eventually(() => face(edit)).toEqual({
      title: "Copy Name",
      icon: "codicon-copy",
      alt: "nodeDependencies.copyName",
    });
    await edit.click();
    await page.getByText("Copied name express").waitFor();
    await page.keyboard.up("Alt");
    await eventually(() => face(edit)).toEqual({ title: "Edit", icon: "codicon-edit", alt: null });
    // Without Alt the entry's own command runs.
    await edit.click();
    await page.getByText("Editing express@4.19.2").waitFor();

    // The context menu follows Alt while it is open.
    await row(page, "express").click({ button: "right" });
    await eventually(() => menuLabels(page)).toEqual(["Delete", "Copy"]);
    await page.keyboard.down("Alt");
    await eventually(() => menuLabels(page)).toEqual(["Delete All (alt)", "Copy"]);
    await page.keyboard.up("Alt");
    await eventually(() => menuLabels(page)).toEqual(["Delete", "Copy"]);
    await page.keyboard.down("Alt");
    await page.locator('[data-testid="context-menu"] [data-label="Delete All"]').click();
    await page.keyboard.up("Alt");
    // Delete All got express (and the selection) as Delete would: both roots go.
    await page.getByText("Deleted 2 dependencies beside express").waitFor();
    await eventually(() => page.getByTestId("tree-item").count()).toBe(0);
  });

  it("editor/title: the tab bar's button switches to its alt command, which gets the editor's vscode.Uri", async () => {
    // A probe extension with an editor/title navigation entry (the example has none there).
    const probe = join(suite.dataDir, "alt-probe");
    mkdirSync(probe);
    writeFileSync(
      join(probe, "package.json"),
      JSON.stringify({
        name: "alt-probe",
        publisher: "tests",
        version: "1.0.0",
        engines: { vscode: "^1.90.0" },
        main: "./extension.js",
        contributes: {
          commands: [
            { command: "altProbe.preview", title: "Open Preview", icon: "$(open-preview)" },
            { command: "altProbe.previewToSide", title: "Open Preview to the Side", icon: "$(split-horizontal)" },
          ],
          menus: {
            "editor/title": [{ command: "altProbe.preview", alt: "altProbe.previewToSide", group: "navigation" }],
          },
        },
      }),
    );
    writeFileSync(
      join(probe, "extension.js"),
      `const vscode = require("vscode");
exports.activate = (context) => {
  const say = (what) => (uri, ...rest) =>
    vscode.window.setStatusBarMessage(\`\${what} \${uri.path.split("/").pop()} (\${uri instanceof vscode.Uri ? "Uri" : typeof uri}, \${rest.length} more)\`, 5000);
  context.subscriptions.push(
    vscode.commands.registerCommand("altProbe.preview", say("preview")),
    vscode.commands.registerCommand("altProbe.previewToSide", say("preview to the side")),
  );
};
`,
    );
    writeFileSync(join(suite.workspace, "notes.txt"), "one two\n");
    const page = await open([probe]);
    await page.getByTestId("sidebar-tab-explorer").click();
    await page.locator('[data-testid="explorer-item"][data-name="notes.txt"]').click();
    const button = page.locator('[data-testid="editor-title-action"][data-command="altProbe.preview"]');
    const plain = { title: "Open Preview", icon: "codicon-open-preview", alt: null };
    await eventually(() => face(button)).toEqual(plain);
    await button.click();
    await page.getByText("preview notes.txt (Uri, 0 more)").waitFor();
    await page.keyboard.down("Alt");
    await eventually(() => face(button)).toEqual({
      title: "Open Preview to the Side",
      icon: "codicon-split-horizontal",
      alt: "altProbe.previewToSide",
    });
    await button.click();
    await page.getByText("preview to the side notes.txt (Uri, 0 more)").waitFor();
    await page.keyboard.up("Alt");
    await eventually(() => face(button)).toEqual(plain);
  });

  // Monaco ignores a mouse-up in its first 100 ms (see settings-keybindings.test.ts): held clicks.
  it("resource menus: explorer/context and Monaco's editor/context show the alt command, which gets the same vscode.Uri", async () => {
    writeFileSync(join(suite.workspace, "notes.txt"), "one two\n");
    const page = await open();
    await page.getByTestId("sidebar-tab-explorer").click();
    const file = page.locator('[data-testid="explorer-item"][data-name="notes.txt"]');
    await file.click({ button: "right" });
    const sub = page.locator('[data-testid="context-menu-submenu"]');
    await page.locator('[data-testid="context-menu"] [data-submenu="true"][data-label="Node Dependencies"]').hover();
    await eventually(() => sub.locator("button").getAttribute("data-label")).toBe("Add as Dependency");
    await page.keyboard.down("Alt");
    await eventually(() => sub.locator("button").getAttribute("data-label")).toBe("Add as Dev Dependency");
    await sub.locator("button").click();
    await page.keyboard.up("Alt");
    await page.getByText("Added notes.txt as a dev dependency (Uri, 1 selected)").waitFor();

    // Monaco's menu is built as it opens: Alt held then decides, as in VS Code.
    await file.click();
    await page.locator('[data-testid="tab"][data-name="notes.txt"]').waitFor();
    const lines = page.locator(".monaco-editor .view-lines").first();
    await lines.click();
    const entry = (label: string) => page.locator(".monaco-menu .action-label", { hasText: new RegExp(`^${label}$`) });
    await lines.click({ button: "right" });
    await page.locator(".monaco-menu .action-label", { hasText: "Node Dependencies" }).hover();
    await entry("Add as Dependency").waitFor();
    expect(await entry("Add as Dev Dependency").count()).toBe(0);
    await page.keyboard.press("Escape");
    await page.keyboard.down("Alt");
    await lines.click({ button: "right" });
    await page.keyboard.up("Alt");
    await page.locator(".monaco-menu .action-label", { hasText: "Node Dependencies" }).hover();
    await entry("Add as Dev Dependency").click({ delay: 150 });
    await page.getByText("Added notes.txt as a dev dependency (Uri, none selected)").waitFor();
  });
});
