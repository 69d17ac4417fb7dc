/**
 * A small strict TypeScript project in a temp folder, opened in the real workbench in Chromium
 * with the built-in extensions (typescript-language-features runs the real
 * typescript-language-server + tsserver, json-language-features the real JSON server), plus the
 * editor helpers the browser tests drive it with, as a user would: clicks and keys.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe } from "vitest";
import { launchChromium, openWorkbench, type RendererHarness } from "./browser.js";
import { editorLines, tab } from "./workbench-page.js";

/** One deliberate type error: `incremnt` is not a member of Counter (TS2551, with a spelling fix). */
export const TS_PROJECT: Readonly<Record<string, string>> = {
  "tsconfig.json": JSON.stringify(
    {
      compilerOptions: { target: "ES2022", module: "ESNext", moduleResolution: "Bundler", strict: true, noEmit: true },
      include: ["src"],
    },
    null,
    2,
  ),
  "package.json": '{\n  "name": "ts-fixture",\n  "version": "1.0.0",\n  "private": true\n}\n',
  "src/util.ts": [
    "export class Counter {",
    "  private count = 0;",
    "  increment(step: number): number {",
    "    this.count += step;",
    "    return this.count;",
    "  }",
    "}",
    "",
    "export function formatTotal(total: number, unit: string): string {",
    "  return `${total} ${unit}`;",
    "}",
    "",
  ].join("\n"),
  "src/main.ts": [
    'import { Counter, formatTotal } from "./util";',
    "",
    "const counter = new Counter();",
    "const total = counter.increment(2);",
    'const label = formatTotal(total, "items");',
    "counter.incremnt(1);",
    "console.log(label);",
    "",
  ].join("\n"),
  "src/messy.ts": "const  x=1;function f( a:number ){return a}\nexport { x, f };\n",
};

/** The settings a user would set to see the TypeScript server's parameter name hints. */
const USER_SETTINGS = { "typescript.inlayHints.parameterNames.enabled": "all" };

export interface TsProjectWindow {
  readonly harness: RendererHarness;
  readonly page: Page;
  readonly workspace: string;
  close(): Promise<void>;
}

/** Writes the project, opens a window on it and opens `src/main.ts`. */
export const openTsProject = async (browser: Browser): Promise<TsProjectWindow> => {
  const workspace = mkdtempSync(join(tmpdir(), "ts-project-"));
  const dataDir = mkdtempSync(join(tmpdir(), "ts-project-data-"));
  for (const [file, text] of Object.entries(TS_PROJECT)) {
    mkdirSync(dirname(join(workspace, file)), { recursive: true });
    writeFileSync(join(workspace, file), text);
  }
  mkdirSync(join(dataDir, "User"), { recursive: true });
  writeFileSync(join(dataDir, "User", "settings.json"), JSON.stringify(USER_SETTINGS, null, 2));
  const harness = await openWorkbench({ browser, dataDir, workspaceUri: pathToFileURL(workspace).toString() });
  const page = harness.page;
  await page.locator('[data-testid="explorer-item"][data-name="src"]').click();
  await openFile(page, "main.ts");
  return {
    harness,
    page,
    workspace,
    close: async () => {
      if (process.env["DEBUG_EDITOR_TEST"]) console.log(harness.consoleLines.join("\n"));
      await harness.close();
      rmSync(workspace, { recursive: true, force: true });
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
};

/** Registers the hooks that open the project window (and wait for the server) and close it. */
export interface TsProjectSuite {
  readonly page: Page;
  readonly project: TsProjectWindow;
}

const tsProjectPerFile = (): TsProjectSuite => {
  let browser: Browser | undefined;
  let project: TsProjectWindow | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
    project = await openTsProject(browser);
    await waitForTypeScript(project.page);
  }, 90_000);
  afterAll(async () => {
    await project?.close();
    await browser?.close();
  });
  const opened = (): TsProjectWindow => {
    if (!project) throw new Error("the project window opens in beforeAll: read it inside a test or hook");
    return project;
  };
  return {
    get page() {
      return opened().page;
    },
    get project() {
      return opened();
    },
  };
};

/**
 * `describe` on one project window for the whole block (the TypeScript server takes seconds to
 * start): `body` gets getters for the window, opened in beforeAll once the server has checked
 * main.ts and closed in afterAll. Each step waits on the server, which can take seconds on a
 * loaded machine: 60 s a test.
 */
export const describeTsProject = (title: string, body: (ts: TsProjectSuite) => void): void => {
  describe(title, { timeout: 60_000 }, () => body(tsProjectPerFile()));
};

/** The rendered code of the active editor without inlay hints, a line per rendered line (top to bottom). */
export const codeText = async (page: Page): Promise<string> =>
  (
    await editorLines(page)
      .locator(".view-line")
      .evaluateAll((rows) =>
        rows
          .map((row) => ({ top: parseFloat((row as HTMLElement).style.top) || 0, row }))
          .sort((a, b) => a.top - b.top)
          .map(({ row }) =>
            [...row.querySelectorAll(":scope > span > span")]
              // Inlay hints are injected text with generated `dyn-rule-*` classes.
              .filter((span) => !/\bdyn-rule-/.test(span.className))
              .map((span) => span.textContent ?? "")
              .join(""),
          )
          .join("\n"),
      )
  ).replace(/\u00a0/g, " ");
export const isActiveTab = (page: Page, name: string) => tab(page, name).getAttribute("aria-selected");

/** Opens a file from the explorer (its folder expanded) and waits for its tab. */
export const openFile = async (page: Page, name: string): Promise<void> => {
  await page.locator(`[data-testid="explorer-item"][data-name="${name}"]`).click();
  // A locator wait, not expect.poll: this also runs in beforeAll.
  await tab(page, name).and(page.locator('[aria-selected="true"]')).waitFor({ timeout: 10_000 });
};

/** 1-based line and column of the `nth` occurrence of `word` in a project file (+ `offset` columns). */
export const positionOf = (file: string, word: string, offset = 0, nth = 0): { line: number; column: number } => {
  const source = TS_PROJECT[file];
  if (source === undefined) throw new Error(`no file ${file} in the project`);
  let index = -1;
  for (let i = 0; i <= nth; i++) {
    index = source.indexOf(word, index + 1);
    if (index < 0) throw new Error(`'${word}' (#${nth}) not in ${file}`);
  }
  const before = source.slice(0, index).split("\n");
  return { line: before.length, column: before[before.length - 1]!.length + 1 + offset };
};

/** The TypeScript server is up and has checked main.ts: its error is squiggled. */
export const waitForTypeScript = (page: Page) =>
  page.locator(".monaco-editor .squiggly-error").first().waitFor({ timeout: 60_000 });
