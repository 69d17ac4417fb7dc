/**
 * An extension's quick pick in Chromium against the real host with examples/quick-input: fuzzy
 * matching with highlighted characters (the fzf matcher Quick Open uses), matchOnDescription /
 * matchOnDetail, and ignoreFocusOut (false: a click elsewhere hides it and resolves undefined).
 */
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { workbenchSuite } from "../support/workbench-suite.js";
import { repoRoot } from "../support/paths.js";
import { eventually, runFromPalette } from "../support/workbench-page.js";

describe("an extension's quick pick", () => {
  const suite = workbenchSuite({
    name: "quick-pick",
    files: {
      "readme.md": "# Hello\n",
    },
    devExtensions: [join(repoRoot, "examples", "quick-input")],
  });

  const { open } = suite;
  const labels = (page: Page) =>
    page.getByTestId("quick-item").evaluateAll((els) => els.map((e) => e.getAttribute("data-label")));
  const marks = (page: Page, label: string, part: string) =>
    page.locator(`[data-testid="quick-item"][data-label="${label}"] ${part} mark`).allTextContents();

  it("fuzzy: `grn` finds green with g, r, n marked; descriptions match with matchOnDescription; a click outside hides it", async () => {
    const page = await open();
    await runFromPalette(page, "pick a colour", "quickInput.pickColor");
    const pick = page.getByTestId("ext-quick-pick");
    await pick.waitFor();
    await eventually(() => labels(page)).toEqual(["red", "green", "blue"]);
    const input = page.getByTestId("quick-input-value");
    await input.fill("grn");
    await eventually(() => labels(page)).toEqual(["green"]);
    expect(await marks(page, "green", ".quick-label")).toEqual(["gr", "n"]);
    // matchOnDescription: `0f` is in #0f0 and #00f, in no label; the detail is not searched.
    await input.fill("0f");
    await eventually(() => labels(page)).toEqual(["green", "blue"]);
    expect(await marks(page, "green", ".muted")).toEqual(["0f"]);
    await input.fill("grass");
    await eventually(() => labels(page)).toEqual([]);

    // ignoreFocusOut is false: a click on a file in the explorer hides the pick, showQuickPick gives undefined.
    await page.locator('[data-testid="explorer-item"][data-name="readme.md"]').click();
    await pick.waitFor({ state: "detached" });
    await page.getByText("Picked colour: none").waitFor();
  });

  it("matchOnDetail finds an item by its detail; with ignoreFocusOut a click outside keeps the pick open", async () => {
    const page = await open();
    await runFromPalette(page, "pick a file", "quickInput.pickFile");
    const pick = page.getByTestId("ext-quick-pick");
    await pick.waitFor();
    await page.locator('[data-testid="explorer-item"][data-name="readme.md"]').click();
    await page.waitForTimeout(300);
    expect(await pick.count()).toBe(1);

    const input = page.getByTestId("quick-input-value");
    await input.fill("electron");
    await eventually(() => labels(page)).toEqual(["index.ts"]);
    expect(await marks(page, "index.ts", ".quick-detail")).toEqual(["Electron"]);
    await input.press("Enter");
    await pick.waitFor({ state: "detached" });
    await page.getByText("Picked file: index.ts").waitFor();
  });
});
