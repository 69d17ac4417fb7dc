/**
 * The explorer's side of the host: each window's folders watched while it is open (their changes
 * pushed to it, coalesced), its file operations kept inside its folders, and `files.exclude`
 * applied to what it lists.
 */
import { isAbsolute, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { NotAWorkbench } from "../../protocol/contracts/ext-host.js";
import {
  ExtHostFilesContract,
  FileOperationRefused,
  WorkbenchFilesContract,
  type FileChange,
} from "../../protocol/contracts/files.js";
import { proxy, serve, type Implementation } from "../../protocol/rpc-contract.js";
import type { FileEntry } from "../../protocol/workbench.js";
import { EventEmitter } from "../api/types.js";
import type { FileExcludes } from "./file-excludes.js";
import type { FileWatcherService } from "./file-watcher.js";
import type { FilesService } from "./files.js";
import type { Session, Sessions } from "./sessions.js";

const pathOrUndefined = (uri: string): string | undefined => {
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
};

/** `path` relative to the first of `folders` containing it ("" for the folder itself), else undefined. */
export const relativeToFolders = (folders: ReadonlyArray<string>, path: string): string | undefined => {
  for (const folder of folders) {
    const rel = relative(folder, path);
    if (rel === "" || (!rel.startsWith("..") && !isAbsolute(rel))) return rel.split(sep).join("/");
  }
  return undefined;
};

export class WorkspaceFilesService {
  private readonly watches = new Map<Session, Array<() => void>>();
  /** The explorer created, deleted or renamed something (workspace.onDidCreateFiles & co.). */
  readonly onDidCreate = new EventEmitter<ReadonlyArray<string>>();
  readonly onDidDelete = new EventEmitter<ReadonlyArray<string>>();
  readonly onDidRename = new EventEmitter<ReadonlyArray<{ readonly oldUri: string; readonly newUri: string }>>();

  constructor(
    private readonly sessions: Sessions,
    private readonly files: FilesService,
    private readonly excludes: FileExcludes,
    private readonly watcher: FileWatcherService,
  ) {
    sessions.onDidBind((s) => this.rewatch(s));
    sessions.onDidClose((s) => this.unwatch(s));
    watcher.onDidChange((changes) => {
      for (const s of sessions.workbenches) {
        const mine = changes.filter((c) => s.cares(c.uri));
        if (mine.length > 0) proxy(s.peer, WorkbenchFilesContract).filesChanged(mine);
      }
    });
    excludes.onDidChange(() => {
      for (const s of sessions.workbenches) {
        proxy(s.peer, WorkbenchFilesContract).excludesChanged(excludes.filesExcludeGlobs(s.workspaceFolders[0]?.uri));
      }
    });
  }

  /** Serves the explorer's operations on `session`'s connection. */
  serve(session: Session): () => void {
    const registrar = this.sessions.registrar(session);
    const inside = (uri: string): string => {
      if (!session.isWorkbench) throw new NotAWorkbench({ message: "call extHost.initialize first" });
      const path = pathOrUndefined(uri);
      const rel = path === undefined ? undefined : relativeToFolders(folderPaths(session), path);
      // The folder itself cannot be created, renamed or deleted from its own explorer.
      if (rel === undefined || rel === "") {
        throw new FileOperationRefused({
          uri,
          reason: "OutsideWorkspace",
          message: `${uri} is not inside the workspace`,
        });
      }
      return uri;
    };
    const impl: Implementation<typeof ExtHostFilesContract> = {
      createFile: (uri) => this.files.createFile(inside(uri)).then(() => fired(this.onDidCreate, [uri])),
      createFolder: (uri) => this.files.createFolder(inside(uri)).then(() => fired(this.onDidCreate, [uri])),
      rename: ({ source, target }) =>
        this.files
          .rename(inside(source), inside(target))
          .then(() => fired(this.onDidRename, [{ oldUri: source, newUri: target }])),
      delete: ({ uri, useTrash }) =>
        this.files.delete(inside(uri), useTrash).then(() => fired(this.onDidDelete, [uri])),
    };
    return serve(registrar, ExtHostFilesContract, impl);
  }

  /** A folder's entries minus `files.exclude` (matched relative to the window's workspace folder). */
  async readDirectory(session: Session, uri: string): Promise<FileEntry[]> {
    const entries = await this.files.readDirectory(uri);
    const excluded = this.excludes.files(session.workspaceFolders[0]?.uri);
    const folders = folderPaths(session);
    return entries.filter((e) => {
      const path = pathOrUndefined(e.uri);
      const rel = path === undefined ? undefined : relativeToFolders(folders, path);
      return rel === undefined || !excluded(rel);
    });
  }

  /** Changes the watcher saw, for tests and extension watchers. */
  onDidChange(listener: (changes: ReadonlyArray<FileChange>) => void): () => void {
    return this.watcher.onDidChange(listener);
  }

  private rewatch(session: Session): void {
    const previous = this.watches.get(session) ?? [];
    this.watches.set(
      session,
      folderPaths(session).map((p) => this.watcher.watch(p)),
    );
    // Unwatch after watching again: a folder kept across a re-initialize is never closed and reopened.
    for (const stop of previous) stop();
  }

  private unwatch(session: Session): void {
    for (const stop of this.watches.get(session) ?? []) stop();
    this.watches.delete(session);
  }
}

/** Fires after the operation succeeded (as VS Code's onDid*Files), answering the operation's null. */
const fired = <T>(emitter: EventEmitter<T>, value: T): null => {
  emitter.fire(value);
  return null;
};

const folderPaths = (session: Session): string[] =>
  session.workspaceFolders.flatMap((f) => pathOrUndefined(f.uri) ?? []);
