/** The watcher's batch coalescing and `files.exclude` / `files.watcherExclude` as settings change them. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it, onTestFinished } from "vitest";
import { FileExcludes, enabledGlobs, DEFAULT_FILES_EXCLUDE } from "../../src/extension-host/services/file-excludes.js";
import type { FSWatcher } from "chokidar";
import { watch } from "chokidar";
import { coalesce, FileWatcherService } from "../../src/extension-host/services/file-watcher.js";
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

describe("the OS out of watches", () => {
  it("watches the folder again by polling when the native watcher fails with ENOSPC, and still sees changes", async () => {
    const userDir = mkdtempSync(join(tmpdir(), "watch-user-"));
    const folder = mkdtempSync(join(tmpdir(), "watch-folder-"));
    const logged: string[] = [];
    const made: Array<{ polling: boolean; watcher: FSWatcher }> = [];
    const service = new FileWatcherService(
      new FileExcludes(new ConfigurationService([], { userDir, reportError: (m) => expect.fail(m) })),
      (m) => logged.push(m),
      (path, options) => {
        const watcher = watch(path, options);
        made.push({ polling: options?.usePolling === true, watcher });
        return watcher;
      },
    );
    const stop = service.watch(folder);
    onTestFinished(() => {
      stop();
      service.dispose();
      rmSync(userDir, { recursive: true, force: true });
      rmSync(folder, { recursive: true, force: true });
    });
    await service.ready(folder);
    expect(service.isPolling(folder)).toBe(false);
    // What chokidar reports when inotify's max_user_watches is used up.
    made[0]!.watcher.emit(
      "error",
      Object.assign(new Error("ENOSPC: System limit for number of file watchers reached"), { code: "ENOSPC" }),
    );
    expect(service.isPolling(folder)).toBe(true);
    expect(made.map((m) => m.polling)).toEqual([false, true]);
    expect(logged.some((m) => m.includes("polling every 1000 ms instead"))).toBe(true);
    await service.ready(folder);
    const seen: FileChange[] = [];
    service.onDidChange((changes) => seen.push(...changes));
    // A file made while the polling watcher takes its first snapshot counts as initial (not an
    // event), so keep making new ones until one is reported.
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
    // Another error on the polling watcher is logged, not retried forever.
    made[1]!.watcher.emit("error", Object.assign(new Error("EMFILE"), { code: "EMFILE" }));
    expect(made).toHaveLength(2);
  });
});
