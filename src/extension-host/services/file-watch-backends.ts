/**
 * The two ways a folder is watched. Native: `@parcel/watcher` (what VS Code uses), whose first
 * scan and inotify/FSEvents/ReadDirectoryChangesW work run in native threads, so opening a large
 * folder costs the host's event loop next to nothing (chokidar spent ~2.5 s of it stat-ing a
 * 20,000-file tree, during which Find in Files and every RPC waited). Polling: chokidar's stat
 * polling, for when the OS refuses more native watches or the native module cannot load.
 */
import { readdir } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { watch } from "chokidar";
import type { FileChangeKind } from "../../protocol/contracts/files.js";
import { globsAndContents, type PathTest } from "./file-excludes.js";

/** A folder-relative path with `/` separators. */
export const relativeTo = (root: string, path: string): string => relative(root, path).split(sep).join("/");

export interface WatchRequest {
  /** The folder, watched recursively. */
  readonly root: string;
  /** Folder-relative globs never watched (`files.watcherExclude` + `files.exclude`). */
  readonly excludeGlobs: ReadonlyArray<string>;
  /** The same globs as a test (events under them are dropped, whatever the backend did). */
  readonly excluded: PathTest;
  readonly onChange: (path: string, kind: FileChangeKind) => void;
  /** A failure after the watch started (for example the OS out of watches for a new folder). */
  readonly onError: (error: unknown) => void;
}

/** One running watch. `ready` rejects when the watch could not start at all. */
export interface FolderWatch {
  readonly ready: Promise<void>;
  close(): Promise<void>;
}

export type WatchBackend = (request: WatchRequest) => FolderWatch;

/** How often the polling backend looks. */
export const POLL_MS = 1_000;

const PARCEL_KINDS: Readonly<Record<"create" | "update" | "delete", FileChangeKind>> = {
  create: "created",
  update: "changed",
  delete: "deleted",
};

/** At most this many entries of a new folder are reported from its scan (see below). */
const NEW_FOLDER_SCAN_LIMIT = 10_000;

/**
 * inotify watches a new folder only once told it exists, so what is made in it at once (a folder
 * and its files from one `mkdir -p && cp`, a `git checkout`) is never reported by the OS. The new
 * folder's content is reported as created, as chokidar does; a file reported twice is coalesced.
 */
const reportNewFolderContent = async (request: WatchRequest, folder: string): Promise<void> => {
  const queue = [folder];
  let reported = 0;
  while (queue.length > 0 && reported < NEW_FOLDER_SCAN_LIMIT) {
    const dir = queue.shift()!;
    // Not a folder (a new file), or gone again: nothing to report.
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (request.excluded(relativeTo(request.root, path))) continue; // excluded folders are not walked
      request.onChange(path, "created");
      reported++;
      if (entry.isDirectory()) queue.push(path);
    }
  }
};

export const nativeBackend: WatchBackend = (request) => {
  let closed = false;
  let unsubscribe: (() => Promise<void>) | undefined;
  const ready = (async () => {
    // Loaded here, not at the top: a platform without a prebuilt binary falls back to polling
    // instead of failing the host's start.
    const parcel = await import("@parcel/watcher");
    const subscription = await parcel.subscribe(
      request.root,
      (error, events) => {
        if (error) return request.onError(error);
        for (const { path, type } of events) {
          if (path === request.root || request.excluded(relativeTo(request.root, path))) continue;
          request.onChange(path, PARCEL_KINDS[type]);
          if (type === "create") void reportNewFolderContent(request, path);
        }
      },
      // Excluded folders are skipped whole: the globs and everything below them.
      { ignore: globsAndContents(request.excludeGlobs) },
    );
    if (closed) await subscription.unsubscribe();
    else unsubscribe = () => subscription.unsubscribe();
  })();
  return {
    ready,
    close: async () => {
      closed = true;
      await ready.catch(() => undefined);
      await unsubscribe?.();
    },
  };
};

export const pollingBackend: WatchBackend = (request) => {
  const watcher = watch(request.root, {
    ignoreInitial: true,
    usePolling: true,
    interval: POLL_MS,
    binaryInterval: POLL_MS,
    // Never descend into excluded folders (every file polled is a stat per interval).
    ignored: (p: string) => p !== request.root && request.excluded(relativeTo(request.root, p)),
  });
  const push = (kind: FileChangeKind) => (p: string) => request.onChange(p, kind);
  watcher
    .on("add", push("created"))
    .on("addDir", push("created"))
    .on("change", push("changed"))
    .on("unlink", push("deleted"))
    .on("unlinkDir", push("deleted"))
    .on("error", request.onError);
  return {
    ready: new Promise<void>((resolve) => watcher.once("ready", () => resolve())),
    close: () => watcher.close(),
  };
};
