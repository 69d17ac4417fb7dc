/**
 * Watches folders on disk and hands out coalesced batches of changes, like VS Code's file watcher:
 * events are held ~75 ms, a file created then deleted in one batch is dropped, deleted then
 * created becomes a change, and the children of a deleted folder are folded into it. Folders are
 * watched once however many windows and extension watchers ask (reference-counted);
 * `files.watcherExclude` + `files.exclude` are never watched. Natively (`@parcel/watcher`) when it
 * can, by polling when it cannot (see file-watch-backends.ts).
 */
import { statSync } from "node:fs";
import { sep } from "node:path";
import { pathToFileURL } from "node:url";
import type { FileChange, FileChangeKind } from "../../protocol/contracts/files.js";
import type { FileExcludes } from "./file-excludes.js";
import { nativeBackend, pollingBackend, POLL_MS, type FolderWatch, type WatchBackend } from "./file-watch-backends.js";

/** How long events are held to batch them (VS Code: 75 ms on the extension host side). */
export const COALESCE_MS = 75;

interface Root {
  readonly path: string;
  watch: FolderWatch;
  /** Settles once the folder is watched, by whichever backend ended up doing it. */
  ready: Promise<void>;
  /** Polling instead of native watching (see `onError`). */
  polling: boolean;
  refs: number;
}

/** The OS is out of watches (inotify's max_user_watches / max_user_instances, or descriptors). */
const OUT_OF_WATCHES = /ENOSPC|EMFILE|ENFILE|No space left on device|Too many open files/;
const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));
const isOutOfWatches = (e: unknown): boolean => {
  const code = (e as { code?: unknown } | null)?.code;
  return OUT_OF_WATCHES.test(typeof code === "string" ? code : "") || OUT_OF_WATCHES.test(messageOf(e));
};

export interface WatchBackends {
  readonly native: WatchBackend;
  readonly polling: WatchBackend;
}

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
    private readonly backends: WatchBackends = { native: nativeBackend, polling: pollingBackend },
  ) {
    // New excludes: restart the watchers with them.
    excludes.onDidChange(() => {
      for (const root of [...this.roots.values()]) {
        void root.watch.close();
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
      void root.watch.close();
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
    for (const root of this.roots.values()) void root.watch.close();
    this.roots.clear();
  }

  private start(path: string, polling: boolean): Omit<Root, "refs"> {
    const folder = pathToFileURL(path).toString();
    const watch: FolderWatch = (polling ? this.backends.polling : this.backends.native)({
      root: path,
      excludeGlobs: this.excludes.watcherGlobs(folder),
      excluded: this.excludes.watcher(folder),
      onChange: (p, kind) => this.push(p, kind),
      onError: (e) => this.onError(path, watch, e),
    });
    const ready = watch.ready.then(
      () => undefined,
      (e: unknown) => this.onStartFailure(path, watch, e),
    );
    return { path, watch, ready, polling };
  }

  /**
   * The native watch could not start (no prebuilt binary for this platform, the OS out of
   * watches): the folder is polled instead, so changes on disk still show, slower, instead of never.
   */
  private onStartFailure(path: string, watch: FolderWatch, e: unknown): Promise<void> {
    this.log(`file watcher (${path}): ${messageOf(e)}`);
    const root = this.roots.get(path);
    if (!root || root.watch !== watch || root.polling) return Promise.resolve();
    return this.fallBackToPolling(root);
  }

  /** A failure of a running watch: when the OS is out of watches, poll instead. */
  private onError(path: string, watch: FolderWatch, e: unknown): void {
    this.log(`file watcher (${path}): ${messageOf(e)}`);
    const root = this.roots.get(path);
    if (!root || root.watch !== watch || root.polling || !isOutOfWatches(e)) return;
    void this.fallBackToPolling(root);
  }

  private fallBackToPolling(root: Root): Promise<void> {
    this.log(`file watcher (${root.path}): native watching failed; polling every ${POLL_MS} ms instead`);
    void root.watch.close().catch(() => undefined);
    Object.assign(root, this.start(root.path, true));
    return root.ready;
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
