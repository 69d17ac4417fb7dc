/**
 * File watching for `workspace.createFileSystemWatcher`: one chokidar watcher per watched folder,
 * shared by every subscription under it (VS Code likewise runs one recursive watcher per
 * workspace folder and filters events per glob). Events come from disk only, as in VS Code;
 * edits in open editors arrive as document events instead.
 */
import { relative, sep } from "node:path";
import { watch, type FSWatcher } from "chokidar";
import picomatch from "picomatch";

export type FileChangeKind = "created" | "changed" | "deleted";

export interface FileChange {
  readonly kind: FileChangeKind;
  /** Absolute file-system path. */
  readonly path: string;
}

interface Subscription {
  readonly matches: (path: string) => boolean;
  readonly listener: (change: FileChange) => void;
}

interface Watched {
  readonly watcher: FSWatcher;
  readonly subscriptions: Set<Subscription>;
  /** Resolves once chokidar has walked the folder and reports changes. */
  readonly ready: Promise<void>;
}

/** VS Code's default `files.watcherExclude`: huge or internal trees nobody watches. */
const EXCLUDED = picomatch(
  ["**/.git/objects/**", "**/.git/subtree-cache/**", "**/node_modules/**", "**/.hg/store/**"],
  {
    dot: true,
  },
);

const toPosix = (p: string): string => (sep === "/" ? p : p.split(sep).join("/"));

export class FileWatcherService {
  private readonly watched = new Map<string, Watched>();

  /**
   * Calls `listener` for every change below `root` whose path relative to `root` matches `glob`.
   * Returns a disposer; the folder's watcher closes with its last subscription.
   */
  subscribe(
    root: string,
    glob: string,
    listener: (change: FileChange) => void,
  ): { ready: Promise<void>; dispose(): void } {
    const test = picomatch(glob, { dot: true });
    const subscription: Subscription = {
      matches: (path) => {
        const rel = relative(root, path);
        return rel !== "" && !rel.startsWith("..") && test(toPosix(rel));
      },
      listener,
    };
    const watched = this.watched.get(root) ?? this.watch(root);
    watched.subscriptions.add(subscription);
    return {
      ready: watched.ready,
      dispose: () => {
        watched.subscriptions.delete(subscription);
        if (watched.subscriptions.size > 0 || this.watched.get(root) !== watched) return;
        this.watched.delete(root);
        void watched.watcher.close();
      },
    };
  }

  async dispose(): Promise<void> {
    const all = [...this.watched.values()];
    this.watched.clear();
    await Promise.all(all.map((w) => w.watcher.close()));
  }

  private watch(root: string): Watched {
    const watcher = watch(root, {
      ignoreInitial: true,
      ignored: (path) => {
        const rel = relative(root, path);
        return rel !== "" && EXCLUDED(toPosix(rel));
      },
    });
    const subscriptions = new Set<Subscription>();
    const emit = (kind: FileChangeKind) => (path: string) => {
      for (const s of [...subscriptions]) {
        if (!s.matches(path)) continue;
        try {
          s.listener({ kind, path });
        } catch {
          // A listener's failure is its own (the API layer reports it); the others still hear.
        }
      }
    };
    watcher.on("add", emit("created")).on("addDir", emit("created"));
    watcher.on("change", emit("changed"));
    watcher.on("unlink", emit("deleted")).on("unlinkDir", emit("deleted"));
    // A folder that vanishes or cannot be read must not take the host down.
    watcher.on("error", () => undefined);
    const ready = new Promise<void>((resolve) => watcher.once("ready", () => resolve()));
    const watched = { watcher, subscriptions, ready };
    this.watched.set(root, watched);
    return watched;
  }
}
