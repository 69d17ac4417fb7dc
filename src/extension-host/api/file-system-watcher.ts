/**
 * `workspace.createFileSystemWatcher` (VS Code's extHostFileSystemEventService): a glob string
 * watches every workspace folder, also folders opened later; a `RelativePattern` watches its base
 * folder. `ignoreCreate/Change/DeleteEvents` suppress those events, as in VS Code.
 */
import type { FileChange, FileWatcherService } from "../services/file-watcher.js";
import { EventEmitter, RelativePattern, type Event } from "./types.js";
import { Uri } from "./uri.js";

export interface FileSystemWatcher {
  readonly ignoreCreateEvents: boolean;
  readonly ignoreChangeEvents: boolean;
  readonly ignoreDeleteEvents: boolean;
  readonly onDidCreate: Event<Uri>;
  readonly onDidChange: Event<Uri>;
  readonly onDidDelete: Event<Uri>;
  dispose(): void;
}

export interface WatcherContext {
  readonly watcher: FileWatcherService;
  /** The file-system paths of the open workspace folders. */
  readonly folderPaths: () => string[];
  /** Fires when the workspace folders change. */
  readonly onDidChangeFolders: Event<unknown>;
  /** Wraps an event so the extension's listener errors are reported to it. */
  readonly guard: <T>(event: Event<T>) => Event<T>;
}

export const createFileSystemWatcher = (
  context: WatcherContext,
  globPattern: unknown,
  ignoreCreateEvents = false,
  ignoreChangeEvents = false,
  ignoreDeleteEvents = false,
): FileSystemWatcher => {
  const target = watchTarget(globPattern);
  const created = new EventEmitter<Uri>();
  const changed = new EventEmitter<Uri>();
  const deleted = new EventEmitter<Uri>();
  const emitters = { created, changed, deleted };
  const ignored = { created: ignoreCreateEvents, changed: ignoreChangeEvents, deleted: ignoreDeleteEvents };
  const onChange = (change: FileChange) => {
    if (!ignored[change.kind]) emitters[change.kind].fire(Uri.file(change.path));
  };

  const subscriptions = new Map<string, { dispose(): void }>();
  const follow = () => {
    const roots = new Set(target.base ? [target.base] : context.folderPaths());
    for (const [root, s] of subscriptions) {
      if (roots.has(root)) continue;
      s.dispose();
      subscriptions.delete(root);
    }
    for (const root of roots) {
      if (!subscriptions.has(root)) subscriptions.set(root, context.watcher.subscribe(root, target.glob, onChange));
    }
  };
  follow();
  const folderListener = target.base ? undefined : context.onDidChangeFolders(follow);

  return {
    ignoreCreateEvents,
    ignoreChangeEvents,
    ignoreDeleteEvents,
    onDidCreate: context.guard(created.event),
    onDidChange: context.guard(changed.event),
    onDidDelete: context.guard(deleted.event),
    dispose: () => {
      folderListener?.dispose();
      for (const s of subscriptions.values()) s.dispose();
      subscriptions.clear();
      for (const e of [created, changed, deleted]) e.dispose();
    },
  };
};

/** A glob string (matched in every workspace folder) or a RelativePattern (in its base folder). */
const watchTarget = (pattern: unknown): { base?: string; glob: string } => {
  if (typeof pattern === "string") {
    if (pattern.length === 0) throw new Error("vscode.workspace.createFileSystemWatcher: the glob pattern is empty");
    return { glob: pattern.replace(/^\.?\//, "") };
  }
  if (pattern instanceof RelativePattern) return { base: pattern.baseUri.fsPath, glob: pattern.pattern };
  if (isRelativePatternLike(pattern)) return { base: pattern.baseUri.fsPath, glob: pattern.pattern };
  throw new Error("vscode.workspace.createFileSystemWatcher: expected a glob string or a vscode.RelativePattern");
};

/** A RelativePattern built by another copy of the API (a bundled library's own class). */
const isRelativePatternLike = (p: unknown): p is { baseUri: Uri; pattern: string } =>
  typeof p === "object" &&
  p !== null &&
  "baseUri" in p &&
  p.baseUri instanceof Uri &&
  "pattern" in p &&
  typeof p.pattern === "string";
