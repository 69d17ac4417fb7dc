/**
 * The Monaco editor in real Chromium against the real extension host: models survive tab
 * switches (undo, dirty state), VS Code's keybindings are Monaco's and the workbench does not
 * steal them, TextMate grammars and themes come from extensions.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { workbenchSuite } from "../support/workbench-suite.js";
import { repoRoot } from "../support/paths.js";
import { editorText, openFile, tab } from "../support/workbench-page.js";

const examples = ["completion-diagnostics", "greeting-language"].map((e) => join(repoRoot, "examples", e));

describe("Monaco editor in the workbench", () => {
  const suite = workbenchSuite({
    name: "ed",
    files: {
      "a.md": "alpha beta alpha\n",
      "b.md": "second file\n",
      "code.ts": "function f() {\n  const a = 1;\n  return a;\n}\nf();\n",
      "notes.todo": "TODO write tests\n",
      "hi.greet": "hello 42 # a comment\n",
    },
    devExtensions: examples,
    debugEnv: "DEBUG_EDITOR_TEST",
  });

  const { open } = suite;

  it("keeps undo and dirty state of a document across a tab switch (one model per document)", async () => {
    const page = await open();
    await openFile(page, "a.md");
    await page.locator(".monaco-editor .view-lines").first().click();
    await page.keyboard.press("Control+End");
    await page.keyboard.type("typed");
    await expect.poll(() => tab(page, "a.md").getAttribute("data-dirty")).toBe("true");

    await openFile(page, "b.md");
    await expect.poll(() => editorText(page)).toContain("second file");
    await tab(page, "a.md").click();
    await expect.poll(() => editorText(page)).toContain("typed");
    // The restored view state put the cursor back at the end, where "typed" was inserted.
    await page.keyboard.press("Control+z");
    await expect.poll(() => editorText(page)).not.toContain("typed");
    expect(await editorText(page)).toContain("alpha beta alpha");
    // Undoing back to the saved text makes the tab clean again (alternative version id).
    await expect.poll(() => tab(page, "a.md").getAttribute("data-dirty")).toBe("false");
  });

  it("Ctrl+D adds a second cursor at the next occurrence; typing edits both", async () => {
    const page = await open();
    await openFile(page, "a.md");
    await page.locator(".monaco-editor .view-lines").first().click();
    await page.keyboard.press("Control+Home");
    await page.keyboard.press("Control+d");
    await page.keyboard.press("Control+d");
    await expect.poll(() => page.locator(".monaco-editor .cursors-layer .cursor").count()).toBe(2);
    await page.keyboard.type("omega x");
    await expect.poll(() => editorText(page)).toContain("omega x beta omega x");
    // The host applied both changes of each multi-cursor event in order: the built-in word
    // count, computed from the host's copy of the document, sees the same text.
    const words = page.getByTestId("status-item").filter({ hasText: /\d+ words?$/ });
    await expect.poll(() => words.textContent(), { timeout: 15_000 }).toBe("5 words");
  });

  it("Ctrl+Alt+Down adds a cursor below; Alt+Z toggles word wrap; F1 opens the workbench palette", async () => {
    writeFileSync(join(suite.workspace, "long.md"), `${"word ".repeat(400)}\nnext\n`);
    const page = await open();
    await openFile(page, "long.md");
    await page.locator(".monaco-editor .view-lines").first().click();
    await page.keyboard.press("Control+Home");
    await page.keyboard.press("Control+Alt+ArrowDown");
    await expect.poll(() => page.locator(".monaco-editor .cursors-layer .cursor").count()).toBe(2);
    await page.keyboard.press("Escape");
    const renderedLines = () => page.locator(".monaco-editor .view-lines .view-line").count();
    const unwrapped = await renderedLines();
    await page.keyboard.press("Alt+z");
    await expect.poll(renderedLines).toBeGreaterThan(unwrapped);
    await page.keyboard.press("F1");
    await page.getByTestId("palette-input").waitFor();
  });

  it("Ctrl+F opens Monaco's find widget with a match count (the workbench does not take the key)", async () => {
    const page = await open();
    await openFile(page, "a.md");
    await page.locator(".monaco-editor .view-lines").first().click();
    await page.keyboard.press("Control+f");
    await page.keyboard.type("alpha");
    await expect.poll(() => page.locator(".monaco-editor .find-widget .matchesCount").textContent()).toMatch(/1 of 2/);
  });

  /** The computed colour of the rendered token whose text is exactly `text`. */
  const tokenColor = (page: Page, text: string) =>
    page.evaluate((t) => {
      const span = [...document.querySelectorAll(".monaco-editor .view-line span span")].find(
        (s) => s.textContent === t,
      );
      return span ? getComputedStyle(span).color : undefined;
    }, text);
  const editorBackground = (page: Page) =>
    page.evaluate(
      () => getComputedStyle(document.querySelector(".monaco-editor .monaco-editor-background")!).backgroundColor,
    );
  const pickTheme = async (page: Page, label: string) => {
    await page.keyboard.press("Control+Shift+P");
    await page.getByTestId("palette-input").fill("color theme");
    await page.locator('[data-testid="palette-item"][data-command="workbench.action.selectTheme"]').click();
    await page.getByTestId("quick-input").getByRole("button", { name: label, exact: true }).click();
  };

  it("colours a file with the TextMate grammar an example extension contributes (Dark+ token colours)", async () => {
    const page = await open();
    await page.emulateMedia({ colorScheme: "dark" });
    await openFile(page, "hi.greet");
    // Dark+: keyword.control #C586C0, constant.numeric #B5CEA8, comment #6A9955 made 4.5:1 (see theme-data.ts).
    await expect.poll(() => tokenColor(page, "hello"), { timeout: 15_000 }).toBe("rgb(197, 134, 192)");
    expect(await tokenColor(page, "42")).toBe("rgb(181, 206, 168)");
    const comment = await tokenColor(page, "# a comment");
    expect(comment).not.toBe(await tokenColor(page, "hello"));
    expect(comment).not.toBe("rgb(212, 212, 212)");
  });

  it("follows the OS colour scheme by default; Preferences: Color Theme switches to Light+ and persists it", async () => {
    const page = await open();
    await page.emulateMedia({ colorScheme: "dark" });
    await openFile(page, "a.md");
    await expect.poll(() => editorBackground(page)).toBe("rgb(30, 30, 30)");
    await page.emulateMedia({ colorScheme: "light" });
    await expect.poll(() => editorBackground(page)).toBe("rgb(255, 255, 255)");
    await page.emulateMedia({ colorScheme: "dark" });
    await expect.poll(() => editorBackground(page)).toBe("rgb(30, 30, 30)");

    await pickTheme(page, "Light+");
    await expect.poll(() => editorBackground(page)).toBe("rgb(255, 255, 255)");
    // The chrome follows the same theme through --vscode-* variables.
    const chrome = () => page.evaluate(() => getComputedStyle(document.querySelector(".sidebar")!).backgroundColor);
    await expect.poll(chrome).toBe("rgb(243, 243, 243)");
    await page.reload();
    await page.getByTestId("channel-state").and(page.locator('[data-state="Connected"]')).waitFor({ timeout: 20_000 });
    await expect.poll(chrome).toBe("rgb(243, 243, 243)");
  });

  it("applies a colour theme an example extension contributes to the editor and the workbench chrome", async () => {
    const page = await open();
    await openFile(page, "hi.greet");
    await pickTheme(page, "Sunset (example)");
    await expect.poll(() => editorBackground(page)).toBe("rgb(16, 32, 48)");
    await expect.poll(() => tokenColor(page, "hello")).toBe("rgb(255, 136, 0)");
    const statusBar = () =>
      page.evaluate(() => getComputedStyle(document.querySelector(".statusbar")!).backgroundColor);
    await expect.poll(statusBar).toBe("rgb(160, 64, 16)");
  });

  it("splits the editor: two groups share the document's model; Ctrl+PageDown and Ctrl+W work on the focused group", async () => {
    const page = await open();
    await openFile(page, "a.md");
    await openFile(page, "b.md");
    await page.locator(".monaco-editor .view-lines").first().click();
    await page.keyboard.press("Control+\\");
    await expect.poll(() => page.getByTestId("editor-group").count()).toBe(2);
    await expect.poll(() => page.locator(".monaco-editor").count()).toBe(2);
    // Typing in the right group shows up in the left one: one model per document.
    await page.locator('[data-testid="editor-group"][data-group="1"] .monaco-editor .view-lines').click();
    await page.keyboard.press("Control+Home");
    await page.keyboard.type("shared ");
    const left = page.locator('[data-testid="editor-group"][data-group="0"] .monaco-editor .view-lines');
    await expect
      .poll(async () => ((await left.textContent()) ?? "").replace(/\u00a0/g, " "))
      .toContain("shared second file");
    // Ctrl+PageDown cycles the focused group's document; the other group keeps its own.
    await page.keyboard.press("Control+PageDown");
    const right = page.locator('[data-testid="editor-group"][data-group="1"] .monaco-editor .view-lines');
    await expect.poll(async () => ((await right.textContent()) ?? "").replace(/\u00a0/g, " ")).toContain("alpha beta");
    expect(((await left.textContent()) ?? "").replace(/\u00a0/g, " ")).toContain("shared second file");
    // Ctrl+W closes the focused document.
    await page.keyboard.press("Control+w");
    await tab(page, "a.md").first().waitFor({ state: "detached" });
  });

  it("shows Ln/Col, selection, indentation, EOL and language in the status bar", async () => {
    const page = await open();
    await openFile(page, "a.md");
    await page.locator(".monaco-editor .view-lines").first().click();
    await page.keyboard.press("Control+Home");
    await page.keyboard.press("End");
    await expect.poll(() => page.getByTestId("status-cursor").textContent()).toBe("Ln 1, Col 17");
    await page.keyboard.press("Shift+Home");
    await expect.poll(() => page.getByTestId("status-cursor").textContent()).toBe("Ln 1, Col 1 (16 selected)");
    expect(await page.getByTestId("status-eol").textContent()).toBe("LF");
    expect(await page.getByTestId("status-indentation").textContent()).toMatch(/^(Spaces|Tab Size): \d$/);
    expect(await page.getByTestId("status-language").textContent()).toBe("Markdown");
    await page.getByTestId("status-eol").click();
    await expect.poll(() => page.getByTestId("status-eol").textContent()).toBe("CRLF");
  });

  it("resizes the sidebar by dragging its sash, and keeps the width after a reload", async () => {
    const page = await open();
    const width = () =>
      page.evaluate(() => document.querySelector(".sidebar-container")!.getBoundingClientRect().width);
    const before = await width();
    const sash = await page.getByTestId("sidebar-sash").boundingBox();
    await page.mouse.move(sash!.x + 2, sash!.y + 100);
    await page.mouse.down();
    await page.mouse.move(sash!.x + 102, sash!.y + 100, { steps: 5 });
    await page.mouse.up();
    await expect.poll(width).toBeCloseTo(before + 100, -1);
    await page.reload();
    await page.getByTestId("sidebar-sash").waitFor();
    await expect.poll(width).toBeCloseTo(before + 100, -1);
  });

  it("shows an extension's hover (markdown rendered by Monaco, no HTML) through the extension host", async () => {
    const page = await open();
    await openFile(page, "notes.todo");
    const word = page.locator(".monaco-editor .view-line span span").filter({ hasText: "TODO" }).first();
    await word.waitFor();
    await word.hover({ position: { x: 8, y: 5 } });
    const hover = page.locator(".monaco-hover .hover-contents").filter({ hasText: "TODO" });
    await hover.first().waitFor({ timeout: 15_000 });
    expect(await hover.first().locator("strong").count()).toBeGreaterThan(0);
  });

  it("keeps folding and the cursor of a document across a tab switch (view state per document)", async () => {
    const page = await open();
    await openFile(page, "code.ts");
    const lines = () => page.locator(".monaco-editor .view-lines .view-line").count();
    await expect.poll(lines).toBe(6);
    await page.locator(".monaco-editor .view-lines").first().click();
    await page.keyboard.press("Control+Home");
    // Folding ranges come from the TypeScript language server, or by indentation while it has no
    // answer; either folds lines 1–3 here. Fold is idempotent, so fold until the view shows it.
    await expect
      .poll(
        async () => {
          await page.keyboard.press("Control+Shift+BracketLeft");
          return lines();
        },
        { timeout: 40_000, interval: 500 },
      )
      .toBe(4);
    await page.keyboard.press("Control+End");
    await openFile(page, "a.md");
    await expect.poll(lines).toBe(2);
    await tab(page, "code.ts").click();
    await expect.poll(lines).toBe(4);
    await expect.poll(() => page.getByTestId("status-cursor").textContent()).toBe("Ln 6, Col 1");
  }, 60_000);

  it("applies a contributed language configuration: auto-closing pairs and line comments of the example language", async () => {
    const page = await open();
    await openFile(page, "hi.greet");
    // The contributed language, even when the file opened before the contributions arrived.
    await expect.poll(() => page.getByTestId("status-language").textContent()).toBe("Greeting");
    await page.locator(".monaco-editor .view-lines").first().click();
    await page.keyboard.press("Control+End");
    await page.keyboard.type("(");
    await expect.poll(() => editorText(page)).toContain("()");
    await page.keyboard.press("Control+Home");
    await page.keyboard.press("Control+Slash");
    await expect.poll(() => editorText(page)).toMatch(/^# hello 42/);
  });
});
