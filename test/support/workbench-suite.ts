/**
 * The lifecycle most browser tests share, registered once: a Chromium for the file, a fresh
 * workspace and user-data folder (with the files the file asks for), the workbench opened on
 * them (see `openWorkbench`), and everything closed and removed afterwards.
 *
 * `scope: "test"` (the default) gives every test its own folders and window, opened when the test
 * calls `open()`; `scope: "file"` opens one window in beforeAll for the whole file.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { launchChromium, openWorkbench, type HarnessOptions, type RendererHarness } from "./browser.js";

/** Files by path relative to a folder (sub-folders are created). */
export type FolderFiles = Readonly<Record<string, string>>;

export interface WorkbenchSuiteOptions {
  /** Prefix of the temp folders (`<name>-ws-…`, `<name>-data-…`), to tell leftovers apart. */
  readonly name: string;
  /** Written into the workspace before each window. */
  readonly files?: FolderFiles;
  /** Written into the user-data folder before each window (e.g. `User/settings.json`). */
  readonly userData?: FolderFiles;
  /** Extensions under development loaded in every window (`open` may name others). */
  readonly devExtensions?: ReadonlyArray<string>;
  /** When this environment variable is set, the window's console is printed as it closes. */
  readonly debugEnv?: string;
  readonly scope?: "test" | "file";
}

export interface OpenOptions {
  /** Instead of the suite's `devExtensions`. */
  readonly devExtensions?: ReadonlyArray<string>;
  /** What `getInitialWorkspace` answers (default: the workspace folder); null for no folder. */
  readonly workspaceUri?: string | null;
  readonly bridge?: HarnessOptions["bridge"];
}

export interface WorkbenchSuite {
  readonly browser: Browser;
  readonly workspace: string;
  readonly dataDir: string;
  /** The open window (throws before one is opened). */
  readonly harness: RendererHarness;
  /** The open window's page (throws before one is opened). */
  readonly page: Page;
  /** Opens the workbench on the suite's folders, Connected; it is closed with the test (or the file). */
  open(options?: OpenOptions): Promise<Page>;
}

const writeFiles = (root: string, files: FolderFiles = {}): void => {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
};

/** Registers the hooks in the calling `describe` and returns getters for what they set up. */
export const workbenchSuite = (options: WorkbenchSuiteOptions): WorkbenchSuite => {
  let browser: Browser | undefined;
  let folders: { readonly workspace: string; readonly dataDir: string } | undefined;
  let harness: RendererHarness | undefined;

  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`workbenchSuite: no ${what} yet (read it inside a test or hook)`);
    return value;
  };
  const makeFolders = (): void => {
    folders = {
      workspace: mkdtempSync(join(tmpdir(), `${options.name}-ws-`)),
      dataDir: mkdtempSync(join(tmpdir(), `${options.name}-data-`)),
    };
    writeFiles(folders.workspace, options.files);
    writeFiles(folders.dataDir, options.userData);
  };
  const tearDown = async (): Promise<void> => {
    if (options.debugEnv && process.env[options.debugEnv]) console.log(harness?.consoleLines.join("\n"));
    await harness?.close();
    harness = undefined;
    if (folders) {
      rmSync(folders.workspace, { recursive: true, force: true });
      rmSync(folders.dataDir, { recursive: true, force: true });
    }
    folders = undefined;
  };
  const open = async (opts: OpenOptions = {}): Promise<Page> => {
    const { workspace, dataDir } = ready(folders, "workspace");
    const devExtensions = opts.devExtensions ?? options.devExtensions;
    harness = await openWorkbench({
      browser: ready(browser, "browser"),
      dataDir,
      workspaceUri: opts.workspaceUri === undefined ? pathToFileURL(workspace).toString() : opts.workspaceUri,
      ...(devExtensions ? { devExtensions } : {}),
      ...(opts.bridge ? { bridge: opts.bridge } : {}),
    });
    return harness.page;
  };

  if (options.scope === "file") {
    beforeAll(async () => {
      browser = await launchChromium();
      makeFolders();
      await open();
    }, 60_000);
    afterAll(async () => {
      await tearDown();
      await browser?.close();
    });
  } else {
    beforeAll(async () => {
      browser = await launchChromium();
    });
    afterAll(async () => {
      await browser?.close();
    });
    beforeEach(makeFolders);
    afterEach(tearDown);
  }

  return {
    get browser() {
      return ready(browser, "browser");
    },
    get workspace() {
      return ready(folders, "workspace").workspace;
    },
    get dataDir() {
      return ready(folders, "workspace").dataDir;
    },
    get harness() {
      return ready(harness, "window");
    },
    get page() {
      return ready(harness, "window").page;
    },
    open,
  };
};
