/**
 * The explorer's side of the host: each window's folders watched while it is open (their changes
 * pushed to it, coalesced), its file operations kept inside its folders, and `files.exclude`
 * applied to what it lists.
 */
import { existsSync } from "node:fs";
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
import type { FileExcludes } from "./file-excludes.js";
import type { FileOperation, FileOperationParticipants } from "./file-operation-participants.js";
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

  constructor(
    private readonly sessions: Sessions,
    private readonly files: FilesService,
    private readonly excludes: FileExcludes,
    private readonly watcher: FileWatcherService,
    /** The explorer's operations raise workspace.onWill…Files / onDid…Files, as in VS Code. */
    private readonly participants: FileOperationParticipants,
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
      createFile: (uri) =>
        this.participating(session, { kind: "create", files: [inside(uri)] }, !exists(uri), () =>
          this.files.createFile(uri),
        ),
      createFolder: (uri) =>
        this.participating(session, { kind: "create", files: [inside(uri)] }, !exists(uri), () =>
          this.files.createFolder(uri),
        ),
      rename: ({ source, target }) =>
        this.participating(
          session,
          { kind: "rename", files: [{ oldUri: inside(source), newUri: inside(target) }] },
          exists(source) && (!exists(target) || source.toLowerCase() === target.toLowerCase()),
          () => this.files.rename(source, target),
        ),
      delete: ({ uri, useTrash }) =>
        this.participating(session, { kind: "delete", files: [inside(uri)] }, exists(uri), () =>
          this.files.delete(uri, useTrash),
        ),
    };
    return serve(registrar, ExtHostFilesContract, impl);
  }

  /**
   * The onWill… listeners' edits first, then the operation, then onDid…. Like VS Code, listeners
   * are only asked about an operation that can run (`plausible`: checked on disk beforehand); the
   * operation itself still refuses with its precise reason.
   */
  private async participating(
    session: Session,
    operation: FileOperation,
    plausible: boolean,
    run: () => Promise<null>,
  ): Promise<null> {
    if (plausible) await this.participants.willRun(session, operation);
    await run();
    this.participants.didRun(operation);
    return null;
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

const exists = (uri: string): boolean => {
  const path = pathOrUndefined(uri);
  return path !== undefined && existsSync(path);
};

const folderPaths = (session: Session): string[] =>
  session.workspaceFolders.flatMap((f) => pathOrUndefined(f.uri) ?? []);
