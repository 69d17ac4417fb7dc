/**
 * Watches folders on disk (chokidar) and hands out coalesced batches of changes, like VS Code's
 * file watcher: events are held ~75 ms, a file created then deleted in one batch is dropped, deleted
 * then created becomes a change, and the children of a deleted folder are folded into it. Folders
 * are watched once however many windows and extension watchers ask (reference-counted);
 * `files.watcherExclude` + `files.exclude` are never watched.
 */
import { statSync } from "node:fs";
import { relative, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { watch, type FSWatcher } from "chokidar";
import type { FileChange, FileChangeKind } from "../../protocol/contracts/files.js";
import type { FileExcludes, PathTest } from "./file-excludes.js";

/** How long events are held to batch them (VS Code: 75 ms on the extension host side). */
export const COALESCE_MS = 75;

interface Root {
  readonly path: string;
  watcher: FSWatcher;
  ready: Promise<void>;
  /** Polling instead of inotify & co: the OS refused more watches (see `start`). */
  polling: boolean;
  refs: number;
}

/** The OS is out of watches (inotify's max_user_watches / max_user_instances, or descriptors). */
const OUT_OF_WATCHES = new Set(["ENOSPC", "EMFILE", "ENFILE"]);
/** How often a polling watcher looks (chokidar's stat polling; only when native watching failed). */
const POLL_MS = 1_000;

export type WatchFunction = typeof watch;

/** A folder-relative path with `/` separators. */
const relativeTo = (root: string, path: string): string => relative(root, path).split(sep).join("/");

/** Coalesces one batch: the last word per path, following VS Code's rules. */
export const coalesce = (events: ReadonlyArray<{ path: string; kind: FileChangeKind }>): FileChange[] => {
  const byPath = new Map<string, FileChangeKind>();
  for (const { path, kind } of events) {
    const previous = byPath.get(path);
    if (previous === undefined) byPath.set(path, kind);
    else if (previous === "created" && kind === "deleted") byPath.delete(path);
    else if (previous === "deleted" && kind === "created") byPath.set(path, "changed");
    else if (previous === "created" && kind === "changed") byPath.set(path, "created");
    else byPath.set(path, kind);
  }
  const deletedFolders = [...byPath].filter(([, k]) => k === "deleted").map(([p]) => p + sep);
  return [...byPath]
    .filter(([path, kind]) => kind !== "deleted" || !deletedFolders.some((d) => path.startsWith(d)))
    .map(([path, kind]) => ({ uri: pathToFileURL(path).toString(), kind }));
};

export class FileWatcherService {
  private readonly roots = new Map<string, Root>();
  private readonly listeners = new Set<(changes: ReadonlyArray<FileChange>) => void>();
  private pending: Array<{ path: string; kind: FileChangeKind }> = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly excludes: FileExcludes,
    private readonly log: (message: string) => void,
    private readonly watchFn: WatchFunction = watch,
  ) {
    // New excludes: restart the watchers with them.
    excludes.onDidChange(() => {
      for (const root of [...this.roots.values()]) {
        void root.watcher.close();
        this.roots.set(root.path, { ...this.start(root.path, root.polling), refs: root.refs });
      }
    });
  }

  /** Whether `path` is watched by polling (native watching was refused). */
  isPolling(path: string): boolean {
    return this.roots.get(path)?.polling ?? false;
  }

  /** Watches `path` (a folder) recursively until the returned function is called. */
  watch(path: string): () => void {
    const existing = this.roots.get(path);
    if (existing) existing.refs++;
    else this.roots.set(path, { ...this.start(path, false), refs: 1 });
    let disposed = false;
    return () => {
      if (disposed) return;
      disposed = true;
      const root = this.roots.get(path);
      if (!root || --root.refs > 0) return;
      this.roots.delete(path);
      void root.watcher.close();
    };
  }

  /** Resolves once the first scan of `path` is done (events before it may be missed). */
  ready(path: string): Promise<void> {
    return this.roots.get(path)?.ready ?? Promise.resolve();
  }

  /** Whether `path` is inside (or is) a watched folder. */
  isWatched(path: string): boolean {
    return [...this.roots.keys()].some((root) => path === root || path.startsWith(root + sep));
  }

  onDidChange(listener: (changes: ReadonlyArray<FileChange>) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const root of this.roots.values()) void root.watcher.close();
    this.roots.clear();
  }

  private start(path: string, polling: boolean): Omit<Root, "refs"> {
    const excluded: PathTest = this.excludes.watcher(pathToFileURL(path).toString());
    const watcher = this.watchFn(path, {
      ignoreInitial: true,
      // Never descend into excluded folders (a watch per directory is what chokidar costs).
      ignored: (p: string) => p !== path && excluded(relativeTo(path, p)),
      ...(polling ? { usePolling: true, interval: POLL_MS, binaryInterval: POLL_MS } : {}),
    });
    const push = (kind: FileChangeKind) => (p: string) => this.push(p, kind);
    watcher
      .on("add", push("created"))
      .on("addDir", push("created"))
      .on("change", push("changed"))
      .on("unlink", push("deleted"))
      .on("unlinkDir", push("deleted"))
      .on("error", (e: unknown) => this.onError(path, watcher, e));
    const ready = new Promise<void>((resolve) => watcher.once("ready", () => resolve()));
    return { path, watcher, ready, polling };
  }

  /**
   * A watcher error. When the OS is out of watches (a busy machine, a huge tree), the folder is
   * watched again by polling, so changes on disk still show (slower) instead of never.
   */
  private onError(path: string, watcher: FSWatcher, e: unknown): void {
    const code = (e as { code?: unknown }).code;
    this.log(`file watcher (${path}): ${e instanceof Error ? e.message : String(e)}`);
    const root = this.roots.get(path);
    if (!root || root.watcher !== watcher || root.polling || typeof code !== "string" || !OUT_OF_WATCHES.has(code)) {
      return;
    }
    this.log(`file watcher (${path}): the OS refused more watches (${code}); polling every ${POLL_MS} ms instead`);
    void watcher.close();
    Object.assign(root, this.start(path, true));
  }

  private push(path: string, kind: FileChangeKind): void {
    this.pending.push({ path, kind });
    this.timer ??= setTimeout(() => this.flush(), COALESCE_MS);
  }

  private flush(): void {
    this.timer = undefined;
    const changes = coalesce(this.pending);
    this.pending = [];
    if (changes.length === 0) return;
    for (const l of this.listeners) {
      try {
        l(changes);
      } catch (e) {
        this.log(`file watcher listener: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }
}

/** A folder that exists (extension watchers on missing bases watch nothing, as in VS Code). */
export const isFolder = (path: string): boolean => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};
