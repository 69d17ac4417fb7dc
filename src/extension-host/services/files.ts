/** The file system, owned by the extension host: what the explorer and editors read and write. */
import { mkdir, readdir, readFile, stat, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { FileSystemFailure } from "../../protocol/contracts/ext-host.js";
import type { FileEntry } from "../../protocol/workbench.js";

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

export class FilesService {
  async readDirectory(uri: string): Promise<FileEntry[]> {
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

  async readFile(uri: string): Promise<string> {
    return readFile(pathOf(uri), "utf8").catch((e: unknown) => {
      throw failure(uri, e);
    });
  }

  async writeFile(uri: string, content: string): Promise<void> {
    const path = pathOf(uri);
    try {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, content);
    } catch (e) {
      throw failure(uri, e);
    }
  }
}
