/**
 * Language features in Monaco in real Chromium, served by examples/language-features in the
 * real extension host, on a two-file workspace: F12 into the other file, Shift+F12 references,
 * F2 rename across both files (one undo for both, after VS Code's question), Shift+Alt+F,
 * Ctrl+. quick fix, the Outline view, semantic colouring and inlay hints.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, openWorkbench, type RendererHarness } from "../support/browser.js";
import { repoRoot } from "../support/paths.js";
import { cursor, editorText, goTo, tab } from "../support/workbench-page.js";

const MAIN = "use helper\nuse missing\nbegin\n  def   inner  \nend\nsee plain\n";
const LIB = "def helper\nuse helper\n";

describe("language features in Monaco", () => {
  let browser: Browser;
  let harness: RendererHarness | undefined;
  let workspace: string | undefined;
  let dataDir: string | undefined;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await closeHarness();
    await browser?.close();
  });
  const closeHarness = async () => {
    if (process.env["DEBUG_EDITOR_TEST"]) console.log(harness?.consoleLines.join("\n"));
    await harness?.close();
    harness = undefined;
    if (workspace) rmSync(workspace, { recursive: true, force: true });
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
  /** Tests that do not edit share one window (it takes seconds to open); the others get their own. */
  let shared: Page | undefined;
  const fresh = async (): Promise<Page> => {
    shared = undefined;
    await closeHarness();
    return open();
  };
  const readOnly = async (): Promise<Page> => {
    shared ??= await fresh();
    await tab(shared, "main.mini").click();
    return shared;
  };

  const lines = (page: Page) => page.locator(".monaco-editor .view-lines").first();

  /** Opens main.mini and waits until the extension's providers answer (its diagnostics show). */
  const open = async (): Promise<Page> => {
    workspace = mkdtempSync(join(tmpdir(), "lf-ws-"));
    dataDir = mkdtempSync(join(tmpdir(), "lf-data-"));
    writeFileSync(join(workspace, "main.mini"), MAIN);
    writeFileSync(join(workspace, "lib.mini"), LIB);
    harness = await openWorkbench({
      browser,
      dataDir,
      workspaceUri: pathToFileURL(workspace).toString(),
      devExtensions: [join(repoRoot, "examples", "language-features")],
    });
    const page = harness.page;
    await page.locator('[data-testid="explorer-item"][data-name="main.mini"]').click();
    await tab(page, "main.mini").waitFor();
    await page.locator(".monaco-editor .squiggly-error").first().waitFor({ timeout: 20_000 });
    return page;
  };

  it("F12 opens the definition in the other file; Shift+F12 peeks references from both files", async () => {
    const page = await readOnly();
    await goTo(page, 1, 6);
    await page.keyboard.press("F12");
    await expect.poll(() => tab(page, "lib.mini").getAttribute("aria-selected")).toBe("true");
    await expect.poll(() => editorText(page)).toContain("def helper");
    // The definition's range is selected: line 1, columns 5–11.
    await expect.poll(() => cursor(page)).toMatch(/Ln 1, Col 11|Ln 1, Col 5/);

    await goTo(page, 2, 6);
    await page.keyboard.press("Shift+F12");
    const peek = page.locator(".monaco-editor .peekview-widget");
    await peek.waitFor();
    await expect.poll(async () => (await peek.textContent()) ?? "").toMatch(/main\.mini/);
    expect((await peek.textContent()) ?? "").toMatch(/lib\.mini/);
    await page.keyboard.press("Escape");
  });

  it("the Outline lists the document's symbols as a tree and selects one on click; Ctrl+Shift+O and Ctrl+T", async () => {
    const page = await readOnly();
    await page.getByTestId("sidebar-tab-outline").click();
    const inner = page.locator('[data-testid="outline-item"][data-name="inner"]');
    await inner.waitFor();
    expect(await page.locator('[data-testid="outline-item"]').count()).toBe(2);
    await inner.click();
    await expect.poll(() => cursor(page)).toMatch(/Ln 4/);

    // Ctrl+Shift+O: Monaco's quick outline over the same provider.
    await lines(page).click();
    await page.keyboard.press("Control+Shift+O");
    await page.locator(".quick-input-widget").getByText("inner").first().waitFor();
    await page.keyboard.press("Escape");
    // Ctrl+T: the workspace symbol providers, across files.
    await page.keyboard.press("Control+t");
    await page.getByTestId("quick-input").waitFor();
    await page.keyboard.type("helper");
    await page.keyboard.press("Enter");
    await expect.poll(() => tab(page, "lib.mini").getAttribute("aria-selected")).toBe("true");
    await expect.poll(() => cursor(page)).toMatch(/Ln 1, Col (5|11)/);
  });

  it("semantic tokens colour names by the theme; inlay hints show after a use", async () => {
    const page = await readOnly();
    await expect.poll(() => editorText(page)).toContain(": lib.mini:1");
    const colorOf = (text: string) =>
      page
        .locator(".monaco-editor .view-line span span", { hasText: new RegExp(`^${text}$`) })
        .first()
        .evaluate((e) => getComputedStyle(e).color);
    // `begin` has no token (the language has no grammar); `use` is a keyword, `helper` a variable: three colours.
    await expect.poll(async () => (await colorOf("helper")) !== (await colorOf("begin"))).toBe(true);
    expect(await colorOf("use")).not.toBe(await colorOf("begin"));
    expect(await colorOf("use")).not.toBe(await colorOf("helper"));
  });

  it("F2 renames across both files; Ctrl+Z asks, as VS Code does, and Undo in 2 Files reverts both", async () => {
    const page = await fresh();
    await goTo(page, 1, 6);
    await page.keyboard.press("F2");
    const input = page.locator(".rename-box input, .rename-input").first();
    await input.waitFor();
    await input.fill("assist");
    await page.keyboard.press("Enter");
    await expect.poll(() => editorText(page)).toContain("use assist");
    await expect.poll(() => tab(page, "lib.mini").getAttribute("data-dirty")).toBe("true");
    await expect.poll(() => tab(page, "main.mini").getAttribute("data-dirty")).toBe("true");

    // One workspace undo element: Ctrl+Z in either file asks for all files or this one.
    await page.keyboard.press("Control+z");
    const dialog = page.getByTestId("dialog");
    await dialog.waitFor();
    expect(await dialog.getAttribute("aria-label")).toBe(
      "Would you like to undo 'Renaming helper to assist' across all files?",
    );
    await dialog.getByText("Undo in 2 Files").click();
    await expect.poll(() => editorText(page)).toContain("use helper");
    await tab(page, "lib.mini").click();
    await expect.poll(() => editorText(page)).toContain("def helper");

    // A keyword cannot be renamed: the provider's message is shown, nothing changes.
    await tab(page, "main.mini").click();
    await goTo(page, 1, 2);
    await page.keyboard.press("F2");
    await expect
      .poll(async () => (await page.locator(".monaco-editor").first().textContent()) ?? "")
      .toContain("'use' is a keyword and cannot be renamed");
  });

  it("Shift+Alt+F formats the document; Ctrl+. applies the quick fix for a diagnostic", async () => {
    const page = await fresh();
    await goTo(page, 4, 1);
    await page.keyboard.press("Shift+Alt+F");
    await expect.poll(() => editorText(page)).toContain("def inner");
    expect(await editorText(page)).not.toContain("def   inner");

    await goTo(page, 2, 6);
    await page.keyboard.press("Control+.");
    const fix = page.locator(".action-widget").getByText("Define 'missing'");
    await fix.waitFor();
    await fix.click();
    await expect.poll(() => editorText(page)).toMatch(/^def missing/);
    // The fix defined the name: its diagnostic goes away.
    await expect.poll(() => page.locator(".monaco-editor .squiggly-error").count()).toBe(0);
  });

  it("Shift+Alt+H shows the call hierarchy in the References view: callers expand, a click opens the call, the toggle asks for callees", async () => {
    const page = await readOnly();
    await goTo(page, 1, 6);
    await page.keyboard.press("Shift+Alt+H");
    const view = page.getByTestId("hierarchy-view");
    await view.waitFor({ timeout: 15_000 });
    await expect
      .poll(() => page.getByTestId("hierarchy-title").textContent())
      .toBe("Call Hierarchy: Callers Of helper");
    await expect(page.getByTestId("sidebar-tab-references").getAttribute("aria-selected")).resolves.toBe("true");
    // The root is open: one caller per file that uses `helper` (the definition itself excluded).
    const callers = view.locator('[data-testid="hierarchy-item"]');
    await expect
      .poll(() => callers.evaluateAll((els) => els.map((e) => e.getAttribute("data-name")).sort()))
      .toEqual(["helper", "lib.mini", "main.mini"]);
    // A caller opens at its call: lib.mini line 2 ("use helper").
    await view.locator('[data-testid="hierarchy-item"][data-name="lib.mini"]').click();
    await expect.poll(() => tab(page, "lib.mini").getAttribute("aria-selected")).toBe("true");
    await expect.poll(() => cursor(page)).toMatch(/^Ln 2, Col (5|11)/);
    // Expanding a caller asks the provider again, for that item (nobody calls a file here: no children).
    await view
      .locator('[data-testid="hierarchy-item"][data-name="lib.mini"] [data-testid="hierarchy-twistie"]')
      .click();
    const expanded = view.locator('li[aria-expanded="true"]');
    await expect.poll(() => expanded.count()).toBe(2);
    await expect.poll(() => view.textContent()).not.toContain("Loading");
    expect(await callers.count()).toBe(3);
    // The toggle shows the other direction: this provider has no outgoing calls.
    await page.getByTestId("hierarchy-toggle").click();
    await expect
      .poll(() => page.getByTestId("hierarchy-title").textContent())
      .toBe("Call Hierarchy: Calls From helper");
    await expect.poll(() => view.textContent()).toContain("No results.");
  });
});
