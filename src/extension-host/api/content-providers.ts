/**
 * `workspace.registerTextDocumentContentProvider`, `workspace.registerFileSystemProvider` and
 * `workspace.fs`, which uses Node's file system for `file:` and the registered provider for any
 * other scheme (as VS Code's extHostFileSystemConsumer does).
 */
import { mkdir, readdir, readFile, rename, rm, stat, writeFile, copyFile, cp } from "node:fs/promises";
import { dirname } from "node:path";
import type {
  FileSystemProvider,
  FileSystemProviders,
  TextDocumentContentProvider,
} from "../services/file-system-providers.js";
import { FileType } from "./enums.generated.js";
import { Disposable, FileSystemError, Uri } from "./types.js";

/** Node's error codes as FileSystemError's, as VS Code's disk file system provider maps them. */
const fsError = (uri: Uri, e: unknown): unknown => {
  const code = typeof e === "object" && e !== null && "code" in e ? String(e.code) : "";
  if (code === "ENOENT") return FileSystemError.FileNotFound(uri);
  if (code === "EEXIST") return FileSystemError.FileExists(uri);
  if (code === "EISDIR") return FileSystemError.FileIsADirectory(uri);
  if (code === "ENOTDIR") return FileSystemError.FileNotADirectory(uri);
  if (code === "EACCES" || code === "EPERM") return FileSystemError.NoPermissions(uri);
  return e;
};

const disk = async <T>(uri: Uri, f: () => Promise<T>): Promise<T> => {
  try {
    return await f();
  } catch (e) {
    throw fsError(uri, e);
  }
};

export const createContentProvidersApi = (
  extensionId: string,
  providers: FileSystemProviders,
  track: <D extends { dispose(): unknown }>(d: D) => D,
) => {
  const registerTextDocumentContentProvider = (scheme: string, provider: TextDocumentContentProvider) =>
    track(new Disposable(providers.registerContentProvider(extensionId, scheme, provider)));

  const registerFileSystemProvider = (
    scheme: string,
    provider: FileSystemProvider,
    options?: { isCaseSensitive?: boolean; isReadonly?: boolean },
  ) => track(new Disposable(providers.registerFileSystemProvider(extensionId, scheme, provider, options)));

  const provider = (uri: Uri): FileSystemProvider | undefined => {
    if (!(uri instanceof Uri)) throw new Error("vscode.workspace.fs: expected a vscode.Uri");
    if (uri.scheme === "file") return undefined;
    const p = providers.fileSystem(uri.scheme);
    if (!p) throw FileSystemError.Unavailable(`no file system provider for scheme '${uri.scheme}' (${uri.toString()})`);
    return p;
  };
  const readonly = (uri: Uri): void => {
    if (uri.scheme !== "file" && providers.isReadonly(uri.scheme)) throw FileSystemError.NoPermissions(uri);
  };

  const fs = {
    stat: async (uri: Uri) => {
      const p = provider(uri);
      if (p) return p.stat(uri);
      return disk(uri, async () => {
        const s = await stat(uri.fsPath);
        return {
          type: s.isDirectory() ? FileType.Directory : s.isSymbolicLink() ? FileType.SymbolicLink : FileType.File,
          size: s.size,
          ctime: s.ctimeMs,
          mtime: s.mtimeMs,
        };
      });
    },
    readDirectory: async (uri: Uri) => {
      const p = provider(uri);
      if (p) return p.readDirectory(uri);
      return disk(uri, async () =>
        (await readdir(uri.fsPath, { withFileTypes: true })).map(
          (d) => [d.name, d.isDirectory() ? FileType.Directory : FileType.File] as [string, FileType],
        ),
      );
    },
    readFile: async (uri: Uri) => {
      const p = provider(uri);
      if (p) return p.readFile(uri);
      return disk(uri, async () => new Uint8Array(await readFile(uri.fsPath)));
    },
    writeFile: async (uri: Uri, content: Uint8Array) => {
      if (!(content instanceof Uint8Array))
        throw new Error("vscode.workspace.fs.writeFile: content must be a Uint8Array");
      readonly(uri);
      const p = provider(uri);
      if (p) return p.writeFile(uri, content, { create: true, overwrite: true });
      return disk(uri, async () => {
        await mkdir(dirname(uri.fsPath), { recursive: true });
        await writeFile(uri.fsPath, content);
      });
    },
    createDirectory: async (uri: Uri) => {
      readonly(uri);
      const p = provider(uri);
      if (p) return p.createDirectory(uri);
      return disk(uri, async () => void (await mkdir(uri.fsPath, { recursive: true })));
    },
    delete: async (uri: Uri, options: { recursive?: boolean; useTrash?: boolean } = {}) => {
      readonly(uri);
      const p = provider(uri);
      if (p) return p.delete(uri, { recursive: options.recursive ?? false });
      return disk(uri, () => rm(uri.fsPath, { recursive: options.recursive ?? false }));
    },
    rename: async (source: Uri, target: Uri, options: { overwrite?: boolean } = {}) => {
      readonly(target);
      const p = provider(source);
      if (p) return p.rename(source, target, { overwrite: options.overwrite ?? false });
      return disk(source, async () => {
        if (!options.overwrite && (await stat(target.fsPath).catch(() => undefined)))
          throw FileSystemError.FileExists(target);
        await rename(source.fsPath, target.fsPath);
      });
    },
    copy: async (source: Uri, target: Uri, options: { overwrite?: boolean } = {}) => {
      readonly(target);
      const p = provider(source);
      if (p) {
        if (p.copy) return p.copy(source, target, { overwrite: options.overwrite ?? false });
        // VS Code copies through read + write when the provider has no copy.
        return p.writeFile(target, await p.readFile(source), { create: true, overwrite: options.overwrite ?? false });
      }
      return disk(source, async () => {
        if ((await stat(source.fsPath)).isDirectory())
          await cp(source.fsPath, target.fsPath, {
            recursive: true,
            force: options.overwrite ?? false,
            errorOnExist: !options.overwrite,
          });
        else await copyFile(source.fsPath, target.fsPath, options.overwrite ? 0 : 1);
      });
    },
    isWritableFileSystem: (scheme: string) =>
      scheme === "file" ? true : providers.has(scheme) ? !providers.isReadonly(scheme) : undefined,
  };

  /** The text of a non-`file` document, through its provider (openTextDocument). */
  const readText = async (uri: Uri): Promise<string> => (await providers.readFile(uri.toString())).text;

  /** `workspace.fs`: `file:` through `disk` (the workspace's own fs), other schemes through their provider. */
  const routeFs = <D extends Record<keyof typeof fs, unknown>>(diskFs: D): D => {
    const routed: Record<string, unknown> = { ...diskFs };
    for (const key of Object.keys(fs) as Array<keyof typeof fs>) {
      if (key === "isWritableFileSystem") continue;
      const mine = fs[key] as (uri: Uri, ...rest: unknown[]) => unknown;
      const theirs = diskFs[key] as (uri: Uri, ...rest: unknown[]) => unknown;
      routed[key] = (uri: Uri, ...rest: unknown[]) =>
        uri instanceof Uri && uri.scheme !== "file" ? mine(uri, ...rest) : theirs(uri, ...rest);
    }
    const diskWritable = diskFs.isWritableFileSystem as (scheme: string) => boolean | undefined;
    routed.isWritableFileSystem = (scheme: string) =>
      scheme === "file" ? diskWritable(scheme) : fs.isWritableFileSystem(scheme);
    return routed as D;
  };

  return { registerTextDocumentContentProvider, registerFileSystemProvider, fs, routeFs, readText };
};
