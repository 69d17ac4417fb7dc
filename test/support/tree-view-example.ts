/**
 * examples/tree-view in the workbench, as the menu tests use it: the window opened with the example
 * (and any other extensions), its Package Explorer shown, its dependency rows found by label.
 */
import { join } from "node:path";
import type { Page } from "playwright-core";
import { repoRoot } from "./paths.js";
import type { WorkbenchSuite } from "./workbench-suite.js";

export const TREE_VIEW_EXAMPLE = join(repoRoot, "examples", "tree-view");

/** A row of the Node Dependencies tree. */
export const dependencyRow = (page: Page, label: string) =>
  page.locator(`[data-testid="tree-item"][data-label="${label}"]`);

/** Opens the suite's window with the example and `extensions`, on its Package Explorer (its rows loaded). */
export const openPackageExplorer = async (
  suite: WorkbenchSuite,
  extensions: ReadonlyArray<string> = [],
): Promise<Page> => {
  const page = await suite.open({ devExtensions: [TREE_VIEW_EXAMPLE, ...extensions] });
  await page.getByTestId("activity-package-explorer").click();
  await dependencyRow(page, "express").waitFor();
  return page;
};
