/**
 * Submenus and the "…" overflow menus through the UI, in Chromium against the real host with
 * examples/tree-view (contributes.submenus "Sort By" and "Copy"): a tree item's right-click menu
 * nests "Copy" (hover or ArrowRight opens it, ArrowLeft / Escape close it, a click runs the command
 * with the element) and its `inline` group holds a submenu as a dropdown button; the view title shows "Sort By" as an icon dropdown (navigation group) and its
 * other groups behind "…", where a `when` hides an entry after setContext; Monaco's editor context
 * menu nests "Sort By" too.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { dependencyRow as row, openPackageExplorer } from "../support/tree-view-example.js";
import { eventually, runFromPalette } from "../support/workbench-page.js";
import { workbenchSuite } from "../support/workbench-suite.js";

describe("submenus and overflow menus", () => {
  const suite = workbenchSuite({
    name: "submenus",
    files: { "notes.txt": "one two\n", "readme.md": "# Hi\n" },
  });
  const open = () => openPackageExplorer(suite);
  const labels = (menu: ReturnType<Page["locator"]>) =>
    menu.evaluate((el) =>
      [...el.querySelectorAll(":scope > .context-menu-entry > button, :scope > [role=separator]")].map((e) =>
        e.getAttribute("role") === "separator" ? "-" : e.getAttribute("data-label"),
      ),
    );
  const rootMenu = (page: Page) => page.locator('[data-testid="context-menu"]');
  const submenu = (page: Page) => page.locator('[data-testid="context-menu-submenu"]');
  const rootLabels = (page: Page) =>
    page
      .getByTestId("context-menu")
      .count()
      .then((n) => (n ? labels(rootMenu(page)) : []));
  const roots = (page: Page) =>
    page
      .getByTestId("tree-item")
      .evaluateAll((els) =>
        els.filter((e) => e.getAttribute("aria-level") === "1").map((e) => e.getAttribute("data-label")),
      );

  it("a tree item's right-click menu nests a submenu: hover opens it, a click runs the command with the element; keys open and close it", async () => {
    const page = await open();
    await row(page, "left-pad").click({ button: "right" });
    await eventually(() => rootLabels(page)).toEqual(["Delete", "-", "Copy"]);
    const copy = rootMenu(page).locator('[data-submenu="true"][data-label="Copy"]');
    expect(await copy.getAttribute("aria-expanded")).toBe("false");

    // Hover opens the submenu; its `when`-bound "Copy Version" waits for nodeDependencies.showDetails.
    await copy.hover();
    await eventually(() => submenu(page).count()).toBe(1);
    expect(await labels(submenu(page))).toEqual(["Copy Name"]);
    // Moving back to a plain entry closes it.
    await rootMenu(page).locator('[data-label="Delete"]').hover();
    await eventually(() => submenu(page).count()).toBe(0);
    await copy.hover();
    await eventually(() => submenu(page).count()).toBe(1);
    // Opened by hover the submenu leaves the focus alone; a click on its entry moves it in.
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute("data-label"));
    expect(await focused()).not.toBe("Copy Name");
    await copy.click();
    await eventually(focused).toBe("Copy Name");
    await submenu(page).locator('[data-label="Copy Name"]').click();
    await page.getByText("Copied name left-pad").waitFor();
    await eventually(() => rootMenu(page).count()).toBe(0);

    // With the key set, the submenu holds both; keyboard: ArrowRight in, ArrowLeft / Escape out.
    await runFromPalette(page, "toggle details", "nodeDependencies.toggleDetails");
    await eventually(() => page.getByTestId("activity-dependency-details").count()).toBe(1);
    await row(page, "express").click({ button: "right" });
    await eventually(() => rootLabels(page)).toEqual(["Delete", "-", "Pin", "-", "Copy"]);
    await page.keyboard.press("ArrowDown"); // Delete → Pin
    await page.keyboard.press("ArrowDown"); // Pin → Copy
    await eventually(() => page.evaluate(() => document.activeElement?.getAttribute("data-label"))).toBe("Copy");
    await page.keyboard.press("ArrowRight");
    await eventually(() => submenu(page).count()).toBe(1);
    expect(await labels(submenu(page))).toEqual(["Copy Name", "Copy Version"]);
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-label"))).toBe("Copy Name");
    await page.keyboard.press("ArrowLeft");
    await eventually(() => submenu(page).count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-label"))).toBe("Copy");
    await page.keyboard.press("ArrowRight");
    await eventually(() => submenu(page).count()).toBe(1);
    // Escape closes only the submenu; a second Escape the whole menu.
    await page.keyboard.press("Escape");
    await eventually(() => submenu(page).count()).toBe(0);
    expect(await rootMenu(page).count()).toBe(1);
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await page.getByText("Copied version 4.19.2").waitFor();
    await row(page, "express").click({ button: "right" });
    await page.keyboard.press("Escape");
    await eventually(() => rootMenu(page).count()).toBe(0);

    // A submenu in the `inline` group: an icon button on the row opening a dropdown.
    const more = row(page, "express").locator(
      '[data-testid="tree-item-action-submenu"][data-command="nodeDependencies.itemMore"]',
    );
    expect(await more.locator(".codicon-kebab-vertical").count()).toBe(1);
    await more.click();
    await eventually(() => rootLabels(page)).toEqual(["Copy Name", "-", "Delete"]);
    await rootMenu(page).locator('[data-label="Delete"]').click();
    await eventually(() => row(page, "express").count()).toBe(0);
    expect(await row(page, "left-pad").count()).toBe(1);
  });

  it("view title: navigation inline (a submenu as an icon dropdown), other groups behind '…'; `when` hides an overflow entry after setContext", async () => {
    const page = await open();
    const pane = page.locator('[data-testid="view-pane"][data-view="nodeDependencies"]');
    await eventually(() =>
      pane.getByTestId("view-title-action").evaluateAll((els) => els.map((e) => e.getAttribute("data-command"))),
    ).toEqual(["nodeDependencies.refreshEntry"]);

    // "Sort By" has an icon and sits in `navigation`: an icon button with a dropdown.
    const sortBy = pane.locator('[data-testid="view-title-action-submenu"][data-submenu="nodeDependencies.sortBy"]');
    expect(await sortBy.locator(".codicon-list-ordered").count()).toBe(1);
    expect(await roots(page)).toEqual(["left-pad", "express"]);
    await sortBy.click();
    await eventually(() => rootLabels(page)).toEqual(["Name", "Version"]);
    await rootMenu(page).locator('[data-label="Name"]').click();
    await eventually(() => roots(page)).toEqual(["express", "left-pad"]);
    await page.getByText("Sorted by name").waitFor();

    // The "…" menu: groups 1_reveal and 2_details, separated, in order.
    const more = pane.getByTestId("view-title-action-more");
    expect(await more.locator(".codicon-more").count()).toBe(1);
    await more.click();
    await eventually(() => rootLabels(page)).toEqual(["Reveal Last Dependency", "-", "Toggle Details", "Pin Express"]);
    // Pin Express sets nodeDependencies.pinned; its `when` (!nodeDependencies.pinned) then hides it.
    await rootMenu(page).locator('[data-label="Pin Express"]').click();
    await eventually(() => rootMenu(page).count()).toBe(0);
    await eventually(async () => {
      await more.click();
      const now = await rootLabels(page);
      await page.keyboard.press("Escape");
      return now;
    }).toEqual(["Reveal Last Dependency", "-", "Toggle Details"]);

    // An overflow entry runs its command too: Toggle Details shows the Details container.
    await more.click();
    await rootMenu(page).locator('[data-label="Toggle Details"]').click();
    await eventually(() => page.getByTestId("activity-dependency-details").count()).toBe(1);
  });

  // Monaco ignores a mouse-up in its first 100 ms (see settings-keybindings.test.ts): held clicks.
  it("editor/context: Monaco's right-click menu nests the submenu; editor/title: a submenu outside navigation sits in '…'", async () => {
    const page = await open();
    await page.getByTestId("sidebar-tab-explorer").click();
    await page.locator('[data-testid="explorer-item"][data-name="notes.txt"]').click();
    await page.locator('[data-testid="tab"][data-name="notes.txt"]').waitFor();
    const lines = page.locator(".monaco-editor .view-lines").first();
    await lines.click();
    await lines.click({ button: "right" });
    const sortBy = page.locator(".monaco-menu .action-label", { hasText: "Sort By" });
    await sortBy.hover();
    const byVersion = page.locator(".monaco-menu .action-label", { hasText: /^Version$/ });
    await byVersion.click({ delay: 150 });
    await page.getByText("Sorted by version").waitFor();
    // Its submenu entries get the editor's vscode.Uri too.
    await lines.click({ button: "right" });
    await page.locator(".monaco-menu .action-label", { hasText: "Node Dependencies" }).hover();
    await page.locator(".monaco-menu .action-label", { hasText: "Add as Dependency" }).click({ delay: 150 });
    await page.getByText("Added notes.txt (Uri, none selected)").waitFor();

    // editor/title: no navigation entry, so the tab bar shows only "…" (it toggles its dropdown).
    expect(await page.getByTestId("editor-title-action-submenu").count()).toBe(0);
    const more = page.getByTestId("editor-title-action-more");
    await more.click();
    await eventually(() => rootLabels(page)).toEqual(["Sort By", "-", "Add as Dependency"]);
    await more.click();
    await eventually(() => rootMenu(page).count()).toBe(0);
    await more.click();
    await rootMenu(page).locator('[data-submenu="true"][data-label="Sort By"]').hover();
    await submenu(page).locator('[data-label="Name"]').click();
    await page.getByText("Sorted by name").waitFor();
    // An editor/title command gets the editor's resource as a vscode.Uri (and nothing else).
    await more.click();
    await rootMenu(page).locator('[data-label="Add as Dependency"]').click();
    // The editor context menu's message is still up: now there are two.
    await eventually(() => page.getByText("Added notes.txt (Uri, none selected)").count()).toBe(2);
    await page.getByTestId("activity-package-explorer").click();
    await eventually(() => roots(page)).toEqual(["express", "left-pad", "notes.txt", "notes.txt"]);
  });

  it("explorer/context: a submenu whose entries' `when` reads the resource; its command gets the vscode.Uri", async () => {
    const page = await open();
    await page.getByTestId("sidebar-tab-explorer").click();
    const file = (name: string) => page.locator(`[data-testid="explorer-item"][data-name="${name}"]`);
    // readme.md: the only entry wants resourceExtname == .txt, so the submenu hides.
    await file("readme.md").click({ button: "right" });
    await eventually(() => rootLabels(page)).toContain("Delete");
    expect(await rootLabels(page)).not.toContain("Node Dependencies");
    await page.keyboard.press("Escape");
    await file("notes.txt").click({ button: "right" });
    await eventually(() => rootLabels(page)).toEqual(expect.arrayContaining(["Delete", "-", "Node Dependencies"]));
    expect((await rootLabels(page)).slice(-2)).toEqual(["-", "Node Dependencies"]);
    await rootMenu(page).locator('[data-submenu="true"][data-label="Node Dependencies"]').hover();
    await submenu(page).locator('[data-label="Add as Dependency"]').click();
    await page.getByText("Added notes.txt (Uri, 1 selected)").waitFor();
    await page.getByTestId("activity-package-explorer").click();
    await eventually(() => roots(page)).toEqual(["left-pad", "express", "notes.txt"]);
  });
});
