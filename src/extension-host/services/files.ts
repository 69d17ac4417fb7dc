/** The file system, owned by the extension host: what the explorer and editors read and write. */
import { createHash } from "node:crypto";
import { lstat, mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, extname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { BinaryFile, FileModifiedOnDisk, FileSystemFailure } from "../../protocol/contracts/ext-host.js";
import { FileOperationRefused } from "../../protocol/contracts/files.js";
import type { FileContent, FileEntry, ImagePreview } from "../../protocol/workbench.js";

const IMAGE_TYPES: Readonly<Record<string, string>> = {
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".bmp": "image/bmp",
  ".ico": "image/x-icon",
};
const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

/** How much of a file is sniffed for binary content, as VS Code does. */
const SNIFF_BYTES = 8 * 1024;

const etagOf = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

/** NUL bytes or invalid UTF-8 in the first 8 KiB (a sequence cut at the 8 KiB edge is fine). */
export const looksBinary = (bytes: Uint8Array): boolean => {
  const head = bytes.subarray(0, SNIFF_BYTES);
  if (head.includes(0)) return true;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: head.length < bytes.length });
    return false;
  } catch {
    return true;
  }
};

const failure = (uri: string, e: unknown): FileSystemFailure => {
  const code = typeof e === "object" && e !== null && "code" in e ? String(e.code) : "Unknown";
  return new FileSystemFailure({ uri, code, message: `${uri}: ${e instanceof Error ? e.message : String(e)}` });
};

const pathOf = (uri: string): string => {
  try {
    return fileURLToPath(uri);
  } catch (e) {
    throw failure(uri, e);
  }
};

/** Non-`file:` URIs go to the extensions' providers (services/file-system-providers.ts). */
export interface SchemeProviders {
  readDirectory(uri: string): Promise<FileEntry[]>;
  readFile(uri: string): Promise<FileContent>;
  writeFile(uri: string, content: string, expectedEtag: string | null): Promise<string>;
}
const isFileUri = (uri: string): boolean => uri.startsWith("file:");

export class FilesService {
  /** Set by the host once the providers registry exists. */
  providers: SchemeProviders | undefined;

  async readDirectory(uri: string): Promise<FileEntry[]> {
    if (!isFileUri(uri) && this.providers) return this.providers.readDirectory(uri);
    const dir = pathOf(uri);
    const entries = await readdir(dir, { withFileTypes: true }).catch((e: unknown) => {
      throw failure(uri, e);
    });
    const out = await Promise.all(
      entries.map(async (d): Promise<FileEntry> => {
        const full = join(dir, d.name);
        // A symlink lists as what it points to, like VS Code's explorer.
        const isDirectory =
          d.isDirectory() || (d.isSymbolicLink() && (await stat(full).catch(() => undefined))?.isDirectory());
        return { name: d.name, uri: pathToFileURL(full).toString(), kind: isDirectory ? "directory" : "file" };
      }),
    );
    return out.sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === "directory" ? -1 : 1));
  }

  async readFile(uri: string): Promise<FileContent> {
    if (!isFileUri(uri) && this.providers) return this.providers.readFile(uri);
    const bytes = await readFile(pathOf(uri)).catch((e: unknown) => {
      throw failure(uri, e);
    });
    if (looksBinary(bytes)) {
      throw new BinaryFile({
        uri,
        size: bytes.length,
        message: `${uri} is binary or uses an unsupported text encoding`,
      });
    }
    return { text: new TextDecoder().decode(bytes), etag: etagOf(bytes) };
  }

  async readImage(uri: string): Promise<ImagePreview> {
    const path = pathOf(uri);
    const mime = IMAGE_TYPES[extname(path).toLowerCase()];
    if (!mime) throw new FileSystemFailure({ uri, code: "NotAnImage", message: `${uri} is not a previewable image` });
    const size = await stat(path).then(
      (s) => s.size,
      (e: unknown) => {
        throw failure(uri, e);
      },
    );
    if (size > MAX_IMAGE_BYTES) {
      throw new FileSystemFailure({ uri, code: "TooLarge", message: `${uri} is too large to preview (${size} bytes)` });
    }
    const bytes = await readFile(path).catch((e: unknown) => {
      throw failure(uri, e);
    });
    return { mime, base64: bytes.toString("base64") };
  }

  /** Refuses (FileModifiedOnDisk) when the disk no longer holds `expectedEtag`; a deleted file is re-created. */
  async writeFile(uri: string, content: string, expectedEtag: string | null): Promise<string> {
    if (!isFileUri(uri) && this.providers) return this.providers.writeFile(uri, content, expectedEtag);
    const path = pathOf(uri);
    if (expectedEtag !== null) {
      const onDisk = await readFile(path).catch((e: unknown) => {
        if (typeof e === "object" && e !== null && "code" in e && e.code === "ENOENT") return undefined;
        throw failure(uri, e);
      });
      if (onDisk && etagOf(onDisk) !== expectedEtag) {
        throw new FileModifiedOnDisk({ uri, message: `${uri} changed on disk since it was opened` });
      }
    }
    const bytes = new TextEncoder().encode(content);
    try {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, bytes);
    } catch (e) {
      throw failure(uri, e);
    }
    return etagOf(bytes);
  }

  // ── explorer operations: never overwrite, refuse bad names before touching the disk ─────────

  async createFile(uri: string): Promise<null> {
    const path = await this.vacantTarget(uri);
    try {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, new Uint8Array(), { flag: "wx" });
    } catch (e) {
      throw failure(uri, e);
    }
    return null;
  }

  async createFolder(uri: string): Promise<null> {
    const path = await this.vacantTarget(uri);
    await mkdir(path, { recursive: true }).catch((e: unknown) => {
      throw failure(uri, e);
    });
    return null;
  }

  async rename(source: string, target: string): Promise<null> {
    const from = pathOf(source);
    if (!(await exists(from))) {
      throw new FileOperationRefused({ uri: source, reason: "FileNotFound", message: `${source} does not exist` });
    }
    const to = pathOf(target);
    // A case-only rename (a.txt → A.txt) on a case-insensitive disk finds the source as the target.
    const caseOnly = from.toLowerCase() === to.toLowerCase() && from !== to;
    if (!caseOnly) await this.vacantTarget(target);
    else validName(target, to);
    await rename(from, to).catch((e: unknown) => {
      throw failure(source, e);
    });
    return null;
  }

  /** To the trash (the `trash` package: freedesktop on Linux, Finder's on macOS, the Recycle Bin on Windows), or permanently. */
  async delete(uri: string, useTrash: boolean): Promise<null> {
    const path = pathOf(uri);
    if (!(await exists(path))) {
      throw new FileOperationRefused({ uri, reason: "FileNotFound", message: `${uri} does not exist` });
    }
    if (useTrash) {
      try {
        const { default: trash } = await import("trash");
        await trash([path], { glob: false });
      } catch (e) {
        throw new FileOperationRefused({
          uri,
          reason: "TrashUnavailable",
          message: `Could not move '${basename(path)}' to the trash: ${e instanceof Error ? e.message : String(e)}`,
        });
      }
      return null;
    }
    await rm(path, { recursive: true }).catch((e: unknown) => {
      throw failure(uri, e);
    });
    return null;
  }

  /** The path of `uri` after checking its name, and that nothing is there yet. */
  private async vacantTarget(uri: string): Promise<string> {
    const path = pathOf(uri);
    validName(uri, path);
    if (await exists(path)) {
      throw new FileOperationRefused({
        uri,
        reason: "FileExists",
        message: `A file or folder '${basename(path)}' already exists at this location.`,
      });
    }
    return path;
  }
}

const exists = (path: string): Promise<boolean> =>
  lstat(path).then(
    () => true,
    () => false,
  );

/** Like VS Code's explorer: no empty or whitespace-only names, no `.` / `..`, no NUL. */
const validName = (uri: string, path: string): void => {
  const name = basename(path);
  const bad = name.trim() === "" || name === "." || name === ".." || name.includes("\0");
  if (bad)
    throw new FileOperationRefused({
      uri,
      reason: "InvalidName",
      message: `'${name}' is not a valid file or folder name.`,
    });
};
