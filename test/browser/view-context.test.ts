/**
 * Contributed views follow the context keys extensions set with `setContext`, live, as in VS
 * Code: a view's `when` (and with it its activity-bar container), `viewsWelcome` `when` and
 * `view/title` menu items' `when` — in Chromium against the real host with examples/tree-view.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { workbenchSuite } from "../support/workbench-suite.js";
import { repoRoot } from "../support/paths.js";
import { eventually, runFromPalette } from "../support/workbench-page.js";

describe("views and their menus follow setContext", () => {
  const suite = workbenchSuite({
    name: "view-ctx",
    files: {
      "readme.md": "# Hello\n",
    },
    devExtensions: [join(repoRoot, "examples", "tree-view")],
  });

  const { open } = suite;

  it("a view with `when: key` appears and goes with setContext; its welcome text and view/title items follow too", async () => {
    const page = await open();
    const detailsTab = page.getByTestId("activity-dependency-details");
    const titleActions = (view: string) =>
      page
        .locator(`[data-testid="view-pane"][data-view="${view}"] [data-testid="view-title-action"]`)
        .evaluateAll((els) => els.map((e) => e.getAttribute("data-command")));

    // The tree's own container: the refresh button only, `addEntry` wants nodeDependencies.showDetails.
    await page.getByTestId("activity-package-explorer").click();
    await eventually(() => titleActions("nodeDependencies")).toEqual(["nodeDependencies.refreshEntry"]);
    // The Details container holds only the `when`-bound view: hidden while the key is unset.
    expect(await detailsTab.count()).toBe(0);

    await runFromPalette(page, "toggle details", "nodeDependencies.toggleDetails");
    await eventually(() => detailsTab.count()).toBe(1);
    // Same group and order: sorted by title, as VS Code sorts ("Add Dependency" before "Refresh").
    await eventually(() => titleActions("nodeDependencies")).toEqual([
      "nodeDependencies.addEntry",
      "nodeDependencies.refreshEntry",
    ]);
    // The title button runs its command: a new root appears in the tree.
    await page
      .locator('[data-testid="view-pane"][data-view="nodeDependencies"] [data-command="nodeDependencies.addEntry"]')
      .click();
    await page.locator('[data-testid="tree-item"][data-label="dep-3"]').waitFor();

    await detailsTab.click();
    const details = page.locator('[data-testid="view-pane"][data-view="nodeDependencies.details"]');
    const welcome = () => details.getByTestId("view-welcome").allTextContents();
    await eventually(welcome).toEqual([expect.stringContaining("Nothing pinned.")]);
    // The welcome's command link sets another key: the other welcome text takes its place.
    await details.getByRole("button", { name: "Pin Express" }).click();
    await eventually(welcome).toEqual(["Pinned: express."]);

    await runFromPalette(page, "toggle details", "nodeDependencies.toggleDetails");
    await eventually(() => detailsTab.count()).toBe(0);
    await eventually(() => details.count()).toBe(0);
  });

  it("view/item/context: inline buttons and the right-click menu run with the element; entries follow viewItem and setContext", async () => {
    const page = await open();
    await page.getByTestId("activity-package-explorer").click();
    const row = (label: string) => page.locator(`[data-testid="tree-item"][data-label="${label}"]`);
    await row("express").waitFor();

    // The inline Edit button gets the element (its name and version come from the extension's object).
    await row("express").locator('[data-testid="tree-item-action"][data-command="nodeDependencies.editEntry"]').click();
    await page.getByText("Editing express@4.19.2").waitFor();

    const menuLabels = () =>
      page.getByTestId("context-menu-item").evaluateAll((els) => els.map((e) => e.getAttribute("data-label")));
    await row("left-pad").click({ button: "right" });
    await eventually(menuLabels).toEqual(["Delete", "Copy"]);
    await page.keyboard.press("Escape");
    await eventually(menuLabels).toEqual([]);

    // Pin's when wants nodeDependencies.showDetails: set through setContext, it joins the menu.
    await runFromPalette(page, "toggle details", "nodeDependencies.toggleDetails");
    await eventually(() => page.getByTestId("activity-dependency-details").count()).toBe(1);
    await row("left-pad").click({ button: "right" });
    await eventually(menuLabels).toEqual(["Delete", "Pin", "Copy"]);
    expect(await page.locator('[data-testid="context-menu"] [role="separator"]').count()).toBe(2);
    await page.locator('[data-testid="context-menu-item"][data-label="Delete"]').click();
    await eventually(() => row("left-pad").count()).toBe(0);
    expect(await row("express").count()).toBe(1);

    // Menu-only commands stay out of the palette (commandPalette when=false).
    await page.keyboard.press("Control+Shift+P");
    await page.getByTestId("palette-input").fill("node dependencies");
    const commands = () => page.getByTestId("palette-item").evaluateAll((els) => els.map((e) => e.dataset["command"]));
    await eventually(commands).toContain("nodeDependencies.toggleDetails");
    expect(await commands()).not.toContain("nodeDependencies.deleteEntry");
  });
});
