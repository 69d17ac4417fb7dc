/**
 * `vscode.workspace.fs` for `file:` (VS Code's DiskFileSystemProvider semantics: mkdirp on
 * createDirectory and writeFile, no overwrite on rename/copy unless asked, trash on request),
 * `workspace.findFiles` and `workspace.createFileSystemWatcher` — VS Code's extHostFileSystem,
 * extHostWorkspace.findFiles and extHostFileSystemEventService. Node errors become
 * `vscode.FileSystemError`s with VS Code's codes.
 */
import { constants } from "node:fs";
import { access, cp, lstat, mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import picomatch from "picomatch";
import type { FileChange } from "../../protocol/contracts/files.js";
import { globsTest, type PathTest } from "../services/file-excludes.js";
import { isFolder } from "../services/file-watcher.js";
import type { HostServices } from "../host-services.js";
import * as types from "./vscode-types.js";

const { EventEmitter, FilePermission, FileSystemError, FileType, RelativePattern, Uri } = types;
type Uri = types.Uri;
type GlobPattern = string | types.RelativePattern;

/** `vscode.FileStat`. */
export interface FileStat {
  readonly type: types.FileType;
  readonly ctime: number;
  readonly mtime: number;
  readonly size: number;
  readonly permissions?: types.FilePermission;
}

const codeOf = (e: unknown): string | undefined =>
  typeof e === "object" && e !== null && "code" in e && typeof e.code === "string" ? e.code : undefined;

/** A Node error as the FileSystemError VS Code's disk provider throws for it. */
export const toFileSystemError = (e: unknown, uri: Uri): types.FileSystemError => {
  if (e instanceof FileSystemError) return e;
  const detail = `${uri.toString(true)}: ${e instanceof Error ? e.message : String(e)}`;
  switch (codeOf(e)) {
    case "ENOENT":
      return FileSystemError.FileNotFound(detail);
    case "EEXIST":
      return FileSystemError.FileExists(detail);
    case "EISDIR":
      return FileSystemError.FileIsADirectory(detail);
    case "ENOTDIR":
      return FileSystemError.FileNotADirectory(detail);
    case "EACCES":
    case "EPERM":
      return FileSystemError.NoPermissions(detail);
    default:
      return new FileSystemError(detail);
  }
};

const pathOf = (uri: unknown, what: string): string => {
  if (!(uri instanceof Uri)) throw new TypeError(`vscode.workspace.fs.${what}: uri must be a vscode.Uri`);
  // Other schemes need a FileSystemProvider, which this host does not have yet.
  if (uri.scheme !== "file")
    throw FileSystemError.Unavailable(`No file system provider found for resource '${uri.toString()}'`);
  return uri.fsPath;
};

/** Runs `op`, turning Node failures into FileSystemErrors about `uri`. */
const guarded = async <T>(uri: Uri, op: () => Promise<T>): Promise<T> => {
  try {
    return await op();
  } catch (e) {
    throw toFileSystemError(e, uri);
  }
};

const typeOf = (s: { isFile(): boolean; isDirectory(): boolean }): types.FileType =>
  s.isFile() ? FileType.File : s.isDirectory() ? FileType.Directory : FileType.Unknown;

/** The type of `path` as VS Code reports it: a symlink is SymbolicLink | its target's type (Unknown when dangling). */
const fileTypeOf = async (path: string): Promise<types.FileType> => {
  const l = await lstat(path);
  if (!l.isSymbolicLink()) return typeOf(l);
  const target = await stat(path).catch(() => undefined);
  return FileType.SymbolicLink | (target ? typeOf(target) : FileType.Unknown);
};

const exists = (path: string): Promise<boolean> =>
  lstat(path).then(
    () => true,
    () => false,
  );

export const createWorkspaceFs = (host: HostServices) => {
  const fs = {
    stat: async (uri: Uri): Promise<FileStat> => {
      const path = pathOf(uri, "stat");
      return guarded(uri, async () => {
        const type = await fileTypeOf(path);
        const s = await stat(path).catch(() => lstat(path));
        const writable = await access(path, constants.W_OK).then(
          () => true,
          () => false,
        );
        return {
          type,
          ctime: s.birthtimeMs || s.ctimeMs,
          mtime: s.mtimeMs,
          size: s.size,
          ...(writable ? {} : { permissions: FilePermission.Readonly }),
        };
      });
    },
    readDirectory: async (uri: Uri): Promise<Array<[string, types.FileType]>> => {
      const path = pathOf(uri, "readDirectory");
      return guarded(uri, async () => {
        const names = await readdir(path);
        return Promise.all(
          names.map(async (name): Promise<[string, types.FileType]> => [
            name,
            await fileTypeOf(join(path, name)).catch(() => FileType.Unknown),
          ]),
        );
      });
    },
    /** mkdirp semantics; an existing file there fails with FileExists (FileNotADirectory for a file on the way). */
    createDirectory: async (uri: Uri): Promise<void> => {
      const path = pathOf(uri, "createDirectory");
      await guarded(uri, async () => {
        const existing = await stat(path).catch(() => undefined);
        if (existing && !existing.isDirectory()) throw FileSystemError.FileExists(uri);
        await mkdir(path, { recursive: true });
      });
    },
    readFile: async (uri: Uri): Promise<Uint8Array> => {
      const path = pathOf(uri, "readFile");
      return guarded(uri, async () => new Uint8Array(await readFile(path)));
    },
    /** Creates or overwrites, creating missing parent folders; a folder there fails with FileIsADirectory. */
    writeFile: async (uri: Uri, content: Uint8Array): Promise<void> => {
      const path = pathOf(uri, "writeFile");
      if (!(content instanceof Uint8Array))
        throw new TypeError("vscode.workspace.fs.writeFile: content must be a Uint8Array");
      await guarded(uri, async () => {
        if ((await stat(path).catch(() => undefined))?.isDirectory()) throw FileSystemError.FileIsADirectory(uri);
        await mkdir(dirname(path), { recursive: true });
        await writeFile(path, content);
      });
    },
    /** A non-empty folder needs `recursive`; `useTrash` moves it to the OS trash. */
    delete: async (uri: Uri, options: { recursive?: boolean; useTrash?: boolean } = {}): Promise<void> => {
      const path = pathOf(uri, "delete");
      await guarded(uri, async () => {
        const l = await lstat(path);
        if (options.useTrash) {
          const { default: trash } = await import("trash");
          await trash([path], { glob: false });
          return;
        }
        if (l.isDirectory() && !options.recursive && (await readdir(path)).length > 0) {
          throw new FileSystemError(`Unable to delete non-empty folder '${uri.toString(true)}' without 'recursive'.`);
        }
        await rm(path, { recursive: l.isDirectory() });
      });
    },
    rename: async (source: Uri, target: Uri, options: { overwrite?: boolean } = {}): Promise<void> => {
      const from = pathOf(source, "rename");
      const to = pathOf(target, "rename");
      await guarded(source, async () => {
        await lstat(from);
        if (from === to) return;
        if (await exists(to)) {
          if (!options.overwrite) throw FileSystemError.FileExists(target);
          await rm(to, { recursive: true });
        }
        await mkdir(dirname(to), { recursive: true });
        await rename(from, to);
      });
    },
    copy: async (source: Uri, target: Uri, options: { overwrite?: boolean } = {}): Promise<void> => {
      const from = pathOf(source, "copy");
      const to = pathOf(target, "copy");
      await guarded(source, async () => {
        await lstat(from);
        if (from === to) return;
        if (await exists(to)) {
          if (!options.overwrite) throw FileSystemError.FileExists(target);
          await rm(to, { recursive: true });
        }
        await mkdir(dirname(to), { recursive: true });
        await cp(from, to, { recursive: true, errorOnExist: true, force: false });
      });
    },
    /** `file` is writable; unknown schemes: undefined (no provider), as in VS Code. */
    isWritableFileSystem: (scheme: string): boolean | undefined => (scheme === "file" ? true : undefined),
  };

  const workspaceRoots = (): string[] =>
    (host.sessions.target()?.workspaceFolders ?? []).flatMap((f) => {
      try {
        return [fileURLToPath(f.uri)];
      } catch {
        return [];
      }
    });

  const asPattern = (p: unknown, what: string): GlobPattern => {
    if (typeof p === "string" || p instanceof RelativePattern) return p;
    throw new TypeError(`vscode.workspace.${what}: expected a glob string or a vscode.RelativePattern`);
  };

  /**
   * `exclude`: undefined → `files.exclude` applies; null → nothing is excluded; a glob → it and
   * `files.exclude` (VS Code's extHostWorkspace.findFiles). `search.exclude` and ignore files are not used.
   */
  const findFiles = async (
    include: GlobPattern,
    exclude?: GlobPattern | null,
    maxResults?: number | null,
    token?: types.CancellationToken,
  ): Promise<Uri[]> => {
    const pattern = asPattern(include, "findFiles");
    if (exclude !== undefined && exclude !== null) asPattern(exclude, "findFiles");
    // null is what JavaScript callers often pass for "no limit".
    const limit = maxResults ?? undefined;
    if (limit !== undefined && (typeof limit !== "number" || limit < 0 || Number.isNaN(limit))) {
      throw new TypeError("vscode.workspace.findFiles: maxResults must be a non-negative number");
    }
    if (token?.isCancellationRequested || limit === 0) return [];
    const included = picomatch(typeof pattern === "string" ? pattern : pattern.pattern, { dot: true });
    const excludeGlobs = [
      ...(exclude === null ? [] : host.excludes.filesExcludeGlobs(host.sessions.target()?.workspaceFolders[0]?.uri)),
      ...(exclude === undefined || exclude === null ? [] : [typeof exclude === "string" ? exclude : exclude.pattern]),
    ];
    const excluded: PathTest = globsTest(excludeGlobs);
    const roots = typeof pattern === "string" ? workspaceRoots() : [pattern.baseUri.fsPath];
    const abort = new AbortController();
    const sub = token?.onCancellationRequested(() => abort.abort());
    try {
      const paths = await host.search.findFiles(
        roots,
        (rel) => included(rel),
        excluded,
        limit ?? Number.MAX_SAFE_INTEGER,
        abort.signal,
      );
      return abort.signal.aborted ? [] : paths.map((p) => Uri.file(p));
    } finally {
      sub?.dispose();
    }
  };

  /**
   * A string glob is matched against absolute paths of changes in the workspace folders; a
   * RelativePattern against paths relative to its base, which is watched on its own when it is
   * outside the workspace.
   */
  const createFileSystemWatcher = (
    globPattern: GlobPattern,
    ignoreCreateEvents = false,
    ignoreChangeEvents = false,
    ignoreDeleteEvents = false,
  ) => {
    const pattern = asPattern(globPattern, "createFileSystemWatcher");
    const onCreate = new EventEmitter<Uri>();
    const onChange = new EventEmitter<Uri>();
    const onDelete = new EventEmitter<Uri>();
    let matches: (path: string) => boolean;
    let stopBase: (() => void) | undefined;
    if (typeof pattern === "string") {
      const isMatch = picomatch(pattern.replace(/^\//, ""), { dot: true });
      matches = (path) => isMatch(path.split("\\").join("/").replace(/^\//, ""));
    } else {
      const base = pattern.baseUri.fsPath;
      const isMatch = picomatch(pattern.pattern, { dot: true });
      matches = (path) => {
        const rel =
          path.startsWith(base + "/") || path.startsWith(base + "\\") ? path.slice(base.length + 1) : undefined;
        return rel !== undefined && isMatch(rel.split("\\").join("/"));
      };
      if (!host.watcher.isWatched(base) && isFolder(base)) stopBase = host.watcher.watch(base);
    }
    const stop = host.watcher.onDidChange((changes: ReadonlyArray<FileChange>) => {
      for (const c of changes) {
        const path = fileURLToPath(c.uri);
        if (!matches(path)) continue;
        const uri = Uri.file(path);
        if (c.kind === "created" && !ignoreCreateEvents) onCreate.fire(uri);
        else if (c.kind === "changed" && !ignoreChangeEvents) onChange.fire(uri);
        else if (c.kind === "deleted" && !ignoreDeleteEvents) onDelete.fire(uri);
      }
    });
    return {
      ignoreCreateEvents,
      ignoreChangeEvents,
      ignoreDeleteEvents,
      onDidCreate: onCreate.event,
      onDidChange: onChange.event,
      onDidDelete: onDelete.event,
      dispose: () => {
        stop();
        stopBase?.();
        onCreate.dispose();
        onChange.dispose();
        onDelete.dispose();
      },
    };
  };

  return { fs, findFiles, createFileSystemWatcher };
};
