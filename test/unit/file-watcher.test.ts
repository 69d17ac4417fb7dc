/** The watcher's batch coalescing and `files.exclude` / `files.watcherExclude` as settings change them. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it, onTestFinished } from "vitest";
import { FileExcludes, enabledGlobs, DEFAULT_FILES_EXCLUDE } from "../../src/extension-host/services/file-excludes.js";
import {
  pollingBackend,
  type WatchBackend,
  type WatchRequest,
} from "../../src/extension-host/services/file-watch-backends.js";
import { coalesce, FileWatcherService, type WatchBackends } from "../../src/extension-host/services/file-watcher.js";
import type { FileChange } from "../../src/protocol/contracts/files.js";
import { ConfigurationService } from "../../src/extension-host/services/configuration.js";

describe("coalesce (VS Code's rules for one batch of watcher events)", () => {
  const kinds = (events: Array<[string, "created" | "changed" | "deleted"]>) =>
    coalesce(events.map(([path, kind]) => ({ path, kind }))).map((c) => [c.uri.replace("file://", ""), c.kind]);

  it("drops created-then-deleted, turns deleted-then-created into changed, keeps created over changed", () => {
    expect(
      kinds([
        ["/w/flash", "created"],
        ["/w/flash", "deleted"],
        ["/w/replaced", "deleted"],
        ["/w/replaced", "created"],
        ["/w/new", "created"],
        ["/w/new", "changed"],
        ["/w/edited", "changed"],
        ["/w/edited", "changed"],
      ]),
    ).toEqual([
      ["/w/replaced", "changed"],
      ["/w/new", "created"],
      ["/w/edited", "changed"],
    ]);
  });

  it("folds the deletions inside a deleted folder into the folder's", () => {
    expect(
      kinds([
        ["/w/dir/a", "deleted"],
        ["/w/dir/b", "deleted"],
        ["/w/dir", "deleted"],
        ["/w/dirty", "deleted"],
      ]),
    ).toEqual([
      ["/w/dir", "deleted"],
      ["/w/dirty", "deleted"],
    ]);
  });
});

describe("files.exclude", () => {
  it("defaults to VS Code's and follows the setting", () => {
    const userDir = mkdtempSync(join(tmpdir(), "file-excludes-"));
    onTestFinished(() => rmSync(userDir, { recursive: true, force: true }));
    const configuration = new ConfigurationService([], { userDir, reportError: (m) => expect.fail(m) });
    const excludes = new FileExcludes(configuration);
    let changes = 0;
    excludes.onDidChange(() => changes++);
    expect(excludes.files()(".git")).toBe(true);
    expect(excludes.files()("a/b/.DS_Store")).toBe(true);
    expect(excludes.files()(".git/HEAD")).toBe(true);
    expect(excludes.files()("src/.gitignore")).toBe(false);
    expect(excludes.watcher()("node_modules/pkg/index.js")).toBe(true);
    expect(excludes.watcher()("node_modules/pkg")).toBe(false);

    configuration.update("files.exclude", { "**/dist": true, "**/.git": false }, "user", undefined);
    expect(changes).toBe(1);
    expect(excludes.files()("dist/app.js")).toBe(true);
    expect(excludes.files()(".git")).toBe(false);
    expect(excludes.watcher()("pkg/dist/x")).toBe(true);
  });

  it("a workspace folder's .vscode/settings.json counts for that folder, over the user's", () => {
    const userDir = mkdtempSync(join(tmpdir(), "file-excludes-user-"));
    const folder = mkdtempSync(join(tmpdir(), "file-excludes-ws-"));
    onTestFinished(() => {
      rmSync(userDir, { recursive: true, force: true });
      rmSync(folder, { recursive: true, force: true });
    });
    mkdirSync(join(folder, ".vscode"));
    writeFileSync(
      join(folder, ".vscode", "settings.json"),
      '{ "files.exclude": { "**/build": true, "**/.git": false } }',
    );
    const excludes = new FileExcludes(new ConfigurationService([], { userDir, reportError: (m) => expect.fail(m) }));
    const uri = pathToFileURL(folder).toString();
    expect(excludes.files(uri)("build/out.js")).toBe(true);
    expect(excludes.files(uri)(".git")).toBe(false);
    expect(excludes.watcher(uri)("build")).toBe(true);
    // Another window (no folder, or another one) keeps the user's and the defaults.
    expect(excludes.files()("build/out.js")).toBe(false);
    expect(excludes.files()(".git")).toBe(true);
  });

  it("takes only globs switched on, merged over the defaults; a malformed value leaves the defaults", () => {
    expect(enabledGlobs({ a: true, b: false, c: { when: "$(basename).ts" } }, { d: true, a: false })).toEqual([
      "d",
      "a",
    ]);
    expect(enabledGlobs({ "**/.git": false }, DEFAULT_FILES_EXCLUDE)).not.toContain("**/.git");
    expect(enabledGlobs({ "**/.git": false }, DEFAULT_FILES_EXCLUDE)).toContain("**/.hg");
    expect(enabledGlobs("nonsense", DEFAULT_FILES_EXCLUDE)).toEqual(Object.keys(DEFAULT_FILES_EXCLUDE));
  });
});

/**
 * A watcher service on a fresh temp folder (filled by `prepare` before the watch starts), with
 * default settings; stopped and removed when the test finishes.
 */
const watchTempFolder = (
  log: (message: string) => void,
  backends?: WatchBackends,
  prepare?: (folder: string) => void,
) => {
  const userDir = mkdtempSync(join(tmpdir(), "watch-user-"));
  const folder = mkdtempSync(join(tmpdir(), "watch-folder-"));
  prepare?.(folder);
  const service = new FileWatcherService(
    new FileExcludes(new ConfigurationService([], { userDir, reportError: (m) => expect.fail(m) })),
    log,
    backends,
  );
  const stop = service.watch(folder);
  onTestFinished(() => {
    stop();
    service.dispose();
    rmSync(userDir, { recursive: true, force: true });
    rmSync(folder, { recursive: true, force: true });
  });
  return { service, folder };
};

describe("the native watcher (@parcel/watcher)", () => {
  it("reports created, changed and deleted files in coalesced batches, and nothing in excluded folders", async () => {
    const { service, folder } = watchTempFolder(
      (m) => expect.fail(m),
      undefined,
      (dir) => {
        mkdirSync(join(dir, "node_modules", "dep"), { recursive: true });
        mkdirSync(join(dir, ".git"));
        writeFileSync(join(dir, "edited.txt"), "1");
        writeFileSync(join(dir, "doomed.txt"), "1");
      },
    );
    await service.ready(folder);
    expect(service.isPolling(folder)).toBe(false);
    const seen = new Map<string, string>();
    service.onDidChange((changes) => {
      for (const c of changes) seen.set(c.uri.slice(pathToFileURL(folder).toString().length), c.kind);
    });
    writeFileSync(join(folder, "node_modules", "dep", "index.js"), "x");
    writeFileSync(join(folder, ".git", "HEAD"), "x");
    mkdirSync(join(folder, "src"));
    writeFileSync(join(folder, "src", "new.ts"), "x");
    writeFileSync(join(folder, "edited.txt"), "2");
    rmSync(join(folder, "doomed.txt"));
    await expect
      .poll(() => Object.fromEntries(seen), { timeout: 10_000 })
      .toEqual({ "/src": "created", "/src/new.ts": "created", "/edited.txt": "changed", "/doomed.txt": "deleted" });
  });
});

describe("native watching refused: polling instead", () => {
  /** A service whose native backend is `native`, and whose polling backend is the real one, recorded. */
  const setUp = (native: WatchBackend) => {
    const logged: string[] = [];
    const polled: WatchRequest[] = [];
    const { service, folder } = watchTempFolder((m) => logged.push(m), {
      native,
      polling: (request) => {
        polled.push(request);
        return pollingBackend(request);
      },
    });
    return { service, folder, logged, polled };
  };

  /** A file made while the polling watcher takes its first snapshot counts as initial (not an event), so keep making new ones until one is reported. */
  const seesNewFiles = async (service: FileWatcherService, folder: string): Promise<void> => {
    const seen: FileChange[] = [];
    service.onDidChange((changes) => seen.push(...changes));
    let n = 0;
    await expect
      .poll(
        () => {
          writeFileSync(join(folder, `late-${n++}.txt`), "x");
          return seen.some((c) => /\/late-\d+\.txt$/.test(c.uri));
        },
        { timeout: 30_000, interval: 1_000 },
      )
      .toBe(true);
  };

  it("polls when a running native watch reports the OS out of watches (ENOSPC), and still sees changes", async () => {
    const native: WatchRequest[] = [];
    const { service, folder, logged, polled } = setUp((request) => {
      native.push(request);
      return { ready: Promise.resolve(), close: () => Promise.resolve() };
    });
    await service.ready(folder);
    expect(service.isPolling(folder)).toBe(false);
    // A failure that is not about watches is logged and changes nothing.
    native[0]!.onError(new Error("something else went wrong"));
    expect(service.isPolling(folder)).toBe(false);
    // What @parcel/watcher reports when inotify's max_user_watches is used up.
    native[0]!.onError(new Error("inotify_add_watch on '/x/y' failed: No space left on device"));
    expect(service.isPolling(folder)).toBe(true);
    expect(polled).toHaveLength(1);
    expect(logged.some((m) => m.includes("polling every 1000 ms instead"))).toBe(true);
    await service.ready(folder);
    await seesNewFiles(service, folder);
    // Another error on the polling watcher is logged, not retried forever.
    polled[0]!.onError(Object.assign(new Error("EMFILE"), { code: "EMFILE" }));
    expect(polled).toHaveLength(1);
    expect(logged.some((m) => m.includes("EMFILE"))).toBe(true);
  });

  it("polls when the native watch cannot start at all (no binary for this platform), and ready waits for it", async () => {
    const { service, folder, logged, polled } = setUp(() => ({
      ready: Promise.reject(new Error("No prebuild or local build of @parcel/watcher found")),
      close: () => Promise.resolve(),
    }));
    await service.ready(folder);
    expect(service.isPolling(folder)).toBe(true);
    expect(polled.map((r) => r.root)).toEqual([folder]);
    expect(logged.some((m) => m.includes("No prebuild"))).toBe(true);
    await seesNewFiles(service, folder);
  });
});
