/**
 * Quick Open's file list and Find in Files, in the extension host (which owns the disk). The walk
 * streams: files are searched while the tree is still being listed, results go out in batches as
 * they are found, and an AbortSignal (the window's Cancel or its next query) stops both.
 */
import type { Dirent } from "node:fs";
import { open, readdir, stat } from "node:fs/promises";
import { isAbsolute, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import picomatch from "picomatch";
import { BinaryFile, InvalidSearchQuery } from "../../protocol/contracts/ext-host.js";
import {
  replaceAllIn,
  searchRegExp,
  type FileMatches,
  type FindInFilesRequest,
  type FindInFilesSummary,
  type ReplaceInFilesResult,
  type TextMatch,
  type TextSearchQuery,
  type WorkspaceFiles,
} from "../../protocol/search.js";
import type { FilesService } from "./files.js";

/** VS Code's `search.exclude` defaults that are not in `files.exclude`. */
export const SEARCH_ONLY_EXCLUDES: ReadonlyArray<string> = [
  "**/node_modules",
  "**/bower_components",
  "**/*.code-search",
];

/** VS Code's `files.exclude` + `search.exclude` defaults. */
export const DEFAULT_EXCLUDES: ReadonlyArray<string> = [
  "**/.git",
  "**/.svn",
  "**/.hg",
  "**/CVS",
  "**/.DS_Store",
  "**/Thumbs.db",
  "**/node_modules",
  "**/bower_components",
  "**/*.code-search",
];

export interface SearchLimits {
  /** Quick Open's list stops here (truncated: true). */
  readonly maxListedFiles: number;
  /** Find in Files stops here (truncated: true). */
  readonly maxMatches: number;
  /** Larger files are skipped (counted in `skipped`). */
  readonly maxFileBytes: number;
  /** Files read at once. */
  readonly concurrency: number;
  /** Results are held back at most this long to batch them (the first batch goes out at once). */
  readonly batchMs: number;
}

export const DEFAULT_SEARCH_LIMITS: SearchLimits = {
  maxListedFiles: 50_000,
  maxMatches: 20_000,
  maxFileBytes: 16 * 1024 * 1024,
  concurrency: 8,
  batchMs: 50,
};

const PREVIEW_BEFORE = 40;
const PREVIEW_MAX = 250;
const BINARY_SNIFF_BYTES = 8_192;

export type PathTest = (relativePath: string) => boolean;

/** Comma-separated globs → a test on workspace-relative paths; "src" or "*.ts" match anywhere, like VS Code. */
export const globTest = (globs: string): PathTest | undefined => {
  const list = globs
    .split(",")
    .map((g) => g.trim().replace(/^\.\//, "").replace(/\/+$/, ""))
    .filter(Boolean);
  if (list.length === 0) return undefined;
  const patterns = list.flatMap((g) => {
    const anchored = g.startsWith("/") ? g.slice(1) : g;
    const anywhere = g.startsWith("/") || g.startsWith("**/") ? [anchored] : [anchored, `**/${anchored}`];
    return anywhere.flatMap((p) => [p, `${p}/**`]);
  });
  try {
    return picomatch(patterns, { dot: true });
  } catch (e) {
    throw new InvalidSearchQuery({ message: `bad glob '${globs}': ${e instanceof Error ? e.message : String(e)}` });
  }
};

const defaultExcluded = globTest(DEFAULT_EXCLUDES.join(","))!;

interface WalkedFile {
  readonly path: string;
  readonly relative: string;
}

/** Breadth-first over the folders, skipping excluded paths (directories are pruned whole). */
async function* walk(
  roots: ReadonlyArray<string>,
  excluded: PathTest,
  signal: AbortSignal,
): AsyncGenerator<WalkedFile> {
  for (const root of roots) {
    const queue: string[] = [""];
    while (queue.length > 0) {
      if (signal.aborted) return;
      const dir = queue.shift()!;
      let entries: Dirent[];
      try {
        entries = await readdir(join(root, dir), { withFileTypes: true });
      } catch {
        continue; // unreadable directory: skip it, like VS Code
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const entry of entries) {
        const relative = dir ? `${dir}/${entry.name}` : entry.name;
        if (excluded(relative)) continue;
        // Symlinked files are searched; symlinked directories are not followed (no cycles).
        const isFile =
          entry.isFile() ||
          (entry.isSymbolicLink() && (await stat(join(root, relative)).catch(() => undefined))?.isFile() === true);
        if (entry.isDirectory()) queue.push(relative);
        else if (isFile) yield { path: join(root, relative), relative };
      }
    }
  }
}

const foldersOf = (folderUris: ReadonlyArray<string>): string[] => folderUris.map((u) => fileURLToPath(u));

/** The matches of one file's text, up to `budget`. */
export const matchesIn = (text: string, regex: RegExp, budget: number): TextMatch[] => {
  const out: TextMatch[] = [];
  let line = 0;
  let lineStart = 0;
  let scanned = 0;
  regex.lastIndex = 0;
  for (const m of text.matchAll(regex)) {
    if (m[0].length === 0) continue;
    const index = m.index;
    // Advance the line counter to the match.
    for (let nl = text.indexOf("\n", scanned); nl !== -1 && nl < index; nl = text.indexOf("\n", nl + 1)) {
      line++;
      lineStart = nl + 1;
    }
    scanned = index;
    let lineEnd = text.indexOf("\n", index);
    if (lineEnd === -1) lineEnd = text.length;
    if (text[lineEnd - 1] === "\r") lineEnd--;
    const from = index - lineStart > PREVIEW_BEFORE ? index - PREVIEW_BEFORE : lineStart;
    const to = Math.min(lineEnd, from + Math.max(PREVIEW_MAX, index - from + m[0].length));
    out.push({
      line,
      column: index - lineStart,
      // A match spanning lines is shown (and highlighted) to the end of its first line.
      length: Math.min(m[0].length, lineEnd - index),
      preview: text.slice(from, to),
      previewColumn: index - from,
    });
    if (out.length >= budget) break;
  }
  return out;
};

/** Compared as resolved paths: `%2E%2E` in a URI decodes to `..` and must not climb out. */
const isInsideFolders = (folderUris: ReadonlyArray<string>, uri: string): boolean => {
  let path: string;
  try {
    path = resolve(fileURLToPath(uri));
  } catch {
    return false;
  }
  return foldersOf(folderUris).some((folder) => {
    const rel = relative(resolve(folder), path);
    return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel);
  });
};

const isBinary = (head: Uint8Array): boolean => head.includes(0);

export class SearchService {
  constructor(
    private readonly files: FilesService,
    private readonly limits: SearchLimits = DEFAULT_SEARCH_LIMITS,
  ) {}

  /** `excluded` defaults to DEFAULT_EXCLUDES; the host passes `files.exclude` from the settings + search's own. */
  async listFiles(
    folderUris: ReadonlyArray<string>,
    maxResults?: number,
    excluded: PathTest = defaultExcluded,
  ): Promise<WorkspaceFiles> {
    const max = Math.max(0, Math.min(maxResults ?? this.limits.maxListedFiles, this.limits.maxListedFiles));
    const files: string[] = [];
    const stop = new AbortController();
    for await (const f of walk(foldersOf(folderUris), excluded, stop.signal)) {
      if (files.length >= max) {
        stop.abort();
        return { files, truncated: true };
      }
      files.push(pathToFileURL(f.path).toString());
    }
    return { files, truncated: false };
  }

  /**
   * `workspace.findFiles`: files under `roots` (folder paths) whose root-relative path passes
   * `included` and is not `excluded` (excluded folders are not walked), at most `maxResults`.
   */
  async findFiles(
    roots: ReadonlyArray<string>,
    included: PathTest,
    excluded: PathTest,
    maxResults: number,
    signal: AbortSignal,
  ): Promise<string[]> {
    const out: string[] = [];
    const stop = new AbortController();
    const onAbort = () => stop.abort();
    signal.addEventListener("abort", onAbort);
    try {
      for await (const f of walk(roots, excluded, stop.signal)) {
        if (!included(f.relative)) continue;
        out.push(f.path);
        if (out.length >= maxResults) break;
      }
    } finally {
      signal.removeEventListener("abort", onAbort);
    }
    return out;
  }

  /** Streams batches to `emit`; resolves with the totals (also when cancelled). */
  async findInFiles(
    folderUris: ReadonlyArray<string>,
    request: FindInFilesRequest,
    signal: AbortSignal,
    emit: (files: FileMatches[]) => void,
    /** The window's current text of a document it has open (unsaved edits are searched, like VS Code). */
    openText: (uri: string) => string | undefined = () => undefined,
  ): Promise<FindInFilesSummary> {
    const regex = this.regexFor(request.query);
    const include = globTest(request.include);
    const userExclude = globTest(request.exclude);
    const excluded: PathTest = userExclude ? (p) => defaultExcluded(p) || userExclude(p) : defaultExcluded;
    const maxMatches = Math.max(1, Math.min(request.maxResults ?? this.limits.maxMatches, this.limits.maxMatches));

    const stop = new AbortController();
    const onAbort = () => stop.abort();
    signal.addEventListener("abort", onAbort);
    const summary = { files: 0, matches: 0, truncated: false, skipped: 0 };
    let pending: FileMatches[] = [];
    let lastFlush: number | undefined;
    const flush = () => {
      if (pending.length === 0 || signal.aborted) return;
      emit(pending);
      pending = [];
      lastFlush = performance.now();
    };

    const files = walk(foldersOf(folderUris), excluded, stop.signal);
    const searchOne = async (file: WalkedFile): Promise<void> => {
      if (include && !include(file.relative)) return;
      const uri = pathToFileURL(file.path).toString();
      const text = openText(uri) ?? (await this.readText(file.path));
      if (text === undefined) {
        summary.skipped++;
        return;
      }
      if (stop.signal.aborted) return;
      const matches = matchesIn(text, new RegExp(regex.source, regex.flags), maxMatches - summary.matches);
      if (matches.length === 0 || stop.signal.aborted) return;
      summary.files++;
      summary.matches += matches.length;
      pending.push({ uri, matches });
      if (summary.matches >= maxMatches) {
        summary.truncated = true;
        stop.abort();
      }
      if (lastFlush === undefined || performance.now() - lastFlush >= this.limits.batchMs) flush();
    };
    const worker = async (): Promise<void> => {
      while (!stop.signal.aborted) {
        const next = await files.next();
        if (next.done) return;
        await searchOne(next.value);
      }
    };
    try {
      await Promise.all(Array.from({ length: this.limits.concurrency }, worker));
      flush();
    } finally {
      signal.removeEventListener("abort", onAbort);
      stop.abort();
      await files.return(undefined); // a walk left mid-way (truncated) is closed, not left suspended
    }
    return summary;
  }

  /** Replaces on disk through the files service; files outside the workspace are refused. */
  async replaceInFiles(
    folderUris: ReadonlyArray<string>,
    query: TextSearchQuery,
    replacement: string,
    uris: ReadonlyArray<string>,
  ): Promise<ReplaceInFilesResult> {
    const regex = this.regexFor(query);
    const replaced: { uri: string; count: number }[] = [];
    for (const uri of uris) {
      if (!isInsideFolders(folderUris, uri)) {
        throw new InvalidSearchQuery({ message: `${uri} is not in the workspace` });
      }
      // Binary files are never rewritten as text.
      const content = await this.files.readFile(uri).catch((e: unknown) => {
        if (e instanceof BinaryFile) return undefined;
        throw e;
      });
      if (!content) continue;
      const [next, count] = replaceAllIn(content.text, regex, replacement, query.isRegExp);
      if (count === 0) continue;
      // Written only if the disk still holds what was just read (no lost concurrent change).
      await this.files.writeFile(uri, next, content.etag);
      replaced.push({ uri, count });
    }
    return { replaced };
  }

  private regexFor(query: TextSearchQuery): RegExp {
    const regex = searchRegExp(query);
    if (typeof regex === "string") throw new InvalidSearchQuery({ message: regex });
    return regex;
  }

  /** The file as UTF-8, or undefined when it is binary, too large or unreadable. */
  private async readText(path: string): Promise<string | undefined> {
    let handle;
    try {
      handle = await open(path, "r");
      const { size } = await handle.stat();
      if (size > this.limits.maxFileBytes) return undefined;
      const buffer = Buffer.allocUnsafe(size);
      let read = 0;
      while (read < size) {
        const { bytesRead } = await handle.read(buffer, read, size - read, read);
        if (bytesRead === 0) break;
        read += bytesRead;
      }
      const bytes = buffer.subarray(0, read);
      if (isBinary(bytes.subarray(0, BINARY_SNIFF_BYTES))) return undefined;
      return bytes.toString("utf8");
    } catch {
      return undefined;
    } finally {
      await handle?.close();
    }
  }
}
