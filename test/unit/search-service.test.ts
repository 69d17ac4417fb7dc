import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { InvalidSearchQuery } from "../../src/protocol/contracts/ext-host.js";
import {
  replaceAllIn,
  replacementEdits,
  type FileMatches,
  type FindInFilesRequest,
} from "../../src/protocol/search.js";
import { FilesService } from "../../src/extension-host/services/files.js";
import { DEFAULT_SEARCH_LIMITS, SearchService } from "../../src/extension-host/services/search.js";

let root: string;
let folder: string;
const put = (rel: string, content: string | Buffer) => {
  mkdirSync(join(root, rel, ".."), { recursive: true });
  writeFileSync(join(root, rel), content);
};
const uri = (rel: string) => pathToFileURL(join(root, rel)).toString();
const query = (pattern: string, more: Partial<FindInFilesRequest> = {}): FindInFilesRequest => ({
  searchId: "s1",
  query: { pattern, isRegExp: false, matchCase: false, wholeWord: false },
  include: "",
  exclude: "",
  ...more,
});
const run = async (service: SearchService, request: FindInFilesRequest, signal = new AbortController().signal) => {
  const batches: FileMatches[][] = [];
  const summary = await service.findInFiles([folder], request, signal, (b) => batches.push(b));
  return { summary, batches, files: batches.flat() };
};

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "search-svc-"));
  folder = pathToFileURL(root).toString();
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("SearchService", () => {
  it("finds matches with line, column and preview; honours regex, case, whole word and include globs", async () => {
    put("src/a.ts", "const foo = 1;\nlet fooBar = foo + 2;\n");
    put("src/b.md", "foo in markdown\n");
    const service = new SearchService(new FilesService());
    const plain = await run(service, query("foo"));
    expect(plain.summary).toMatchObject({ files: 2, matches: 4, truncated: false });
    const a = plain.files.find((f) => f.uri === uri("src/a.ts"))!;
    expect(a.matches.map((m) => [m.line, m.column, m.length])).toEqual([
      [0, 6, 3],
      [1, 4, 3],
      [1, 13, 3],
    ]);
    expect(a.matches[1]!.preview).toBe("let fooBar = foo + 2;");

    const word = await run(
      service,
      query("foo", { include: "*.ts", query: { pattern: "foo", isRegExp: false, matchCase: true, wholeWord: true } }),
    );
    expect(word.files.map((f) => [f.uri, f.matches.length])).toEqual([[uri("src/a.ts"), 2]]);
    const regex = await run(
      service,
      query("fo+B\\w+", { query: { pattern: "fo+B\\w+", isRegExp: true, matchCase: true, wholeWord: false } }),
    );
    expect(regex.files.flatMap((f) => f.matches.map((m) => m.length))).toEqual([6]);
    const upper = await run(
      service,
      query("FOO", { query: { pattern: "FOO", isRegExp: false, matchCase: true, wholeWord: false } }),
    );
    expect(upper.summary.matches).toBe(0);
  });

  it("skips the default excludes, user excludes and binary files", async () => {
    put("keep.txt", "needle\n");
    put("node_modules/dep/index.js", "needle\n");
    put(".git/config", "needle\n");
    put("dist/out.js", "needle\n");
    put("image.bin", Buffer.from([0x6e, 0x65, 0x65, 0x64, 0x6c, 0x65, 0x00, 0x01]));
    const service = new SearchService(new FilesService());
    const result = await run(service, query("needle", { exclude: "dist" }));
    expect(result.files.map((f) => f.uri)).toEqual([uri("keep.txt")]);
    expect(result.summary.skipped).toBe(1);
    const listed = await service.listFiles([folder]);
    expect(listed.files.toSorted()).toEqual([uri("dist/out.js"), uri("image.bin"), uri("keep.txt")]);
  });

  it("streams results in several batches and truncates at the match limit", async () => {
    for (let i = 0; i < 40; i++) put(`f${String(i).padStart(2, "0")}.txt`, "hit hit hit\n");
    const service = new SearchService(new FilesService(), { ...DEFAULT_SEARCH_LIMITS, batchMs: 0, concurrency: 2 });
    const all = await run(service, query("hit"));
    expect(all.summary).toMatchObject({ files: 40, matches: 120, truncated: false });
    expect(all.batches.length).toBeGreaterThan(1);
    const capped = await run(service, query("hit", { maxResults: 10 }));
    expect(capped.summary).toMatchObject({ matches: 10, truncated: true });
    expect(capped.files.flatMap((f) => f.matches)).toHaveLength(10);
  });

  it("stops when cancelled: no batch after the abort", async () => {
    for (let i = 0; i < 300; i++) put(`d${i % 10}/f${i}.txt`, "needle\n".repeat(5));
    const service = new SearchService(new FilesService(), { ...DEFAULT_SEARCH_LIMITS, batchMs: 0, concurrency: 1 });
    const controller = new AbortController();
    let afterAbort = 0;
    let seen = 0;
    const summary = await service.findInFiles([folder], query("needle"), controller.signal, () => {
      if (controller.signal.aborted) afterAbort++;
      if (++seen === 3) controller.abort();
    });
    expect(seen).toBe(3);
    expect(afterAbort).toBe(0);
    expect(summary.files).toBeLessThan(300);
  });

  it("lists workspace files with a truncation flag; rejects a bad regex with a typed error", async () => {
    for (let i = 0; i < 12; i++) put(`f${i}.txt`, "x");
    const service = new SearchService(new FilesService());
    expect(await service.listFiles([folder], 5)).toMatchObject({ truncated: true, files: { length: 5 } });
    expect((await service.listFiles([folder])).truncated).toBe(false);
    await expect(
      run(service, query("(", { query: { pattern: "(", isRegExp: true, matchCase: false, wholeWord: false } })),
    ).rejects.toBeInstanceOf(InvalidSearchQuery);
  });

  it("replaces across files on disk, expanding groups in regex mode only, and refuses files outside the workspace", async () => {
    put("a.txt", "foo(1) foo(2)\n");
    put("b.txt", "foo(3)\n");
    const service = new SearchService(new FilesService());
    const result = await service.replaceInFiles(
      [folder],
      { pattern: "foo\\((\\d)\\)", isRegExp: true, matchCase: true, wholeWord: false },
      "bar[$1]",
      [uri("a.txt"), uri("b.txt")],
    );
    expect(result.replaced).toEqual([
      { uri: uri("a.txt"), count: 2 },
      { uri: uri("b.txt"), count: 1 },
    ]);
    expect(readFileSync(join(root, "a.txt"), "utf8")).toBe("bar[1] bar[2]\n");
    await service.replaceInFiles(
      [folder],
      { pattern: "bar", isRegExp: false, matchCase: true, wholeWord: false },
      "$1",
      [uri("b.txt")],
    );
    expect(readFileSync(join(root, "b.txt"), "utf8")).toBe("$1[3]\n");
    await expect(
      service.replaceInFiles([folder], { pattern: "x", isRegExp: false, matchCase: true, wholeWord: false }, "y", [
        "file:///etc/hostname",
      ]),
    ).rejects.toBeInstanceOf(InvalidSearchQuery);
    // `%2E%2E` decodes to `..`: still outside.
    const victim = `${basename(root)}-victim.txt`;
    writeFileSync(join(root, "..", victim), "x");
    try {
      await expect(
        service.replaceInFiles([folder], { pattern: "x", isRegExp: false, matchCase: true, wholeWord: false }, "y", [
          `${folder}/%2E%2E/${victim}`,
        ]),
      ).rejects.toBeInstanceOf(InvalidSearchQuery);
      expect(readFileSync(join(root, "..", victim), "utf8")).toBe("x");
    } finally {
      rmSync(join(root, "..", victim), { force: true });
    }
  });
});

describe("replacement", () => {
  it("expands $-patterns exactly as String.prototype.replace does, and literally in plain mode", () => {
    const text = "foo(12) bar(3) foo(45)";
    const cases: Array<[RegExp, string]> = [
      [/(\w+)\((\d+)\)/gu, "$2-$1"],
      [/(\w+)\((\d+)\)/gu, "[$&] $$ $`|$'"],
      [/(?<name>\w+)\((?<n>\d+)\)/gu, "$<n>:$<name>"],
      [/(\w+)\((\d)(\d)?\)/gu, "$12 $3 $9"],
    ];
    for (const [regex, template] of cases) {
      expect(replaceAllIn(text, regex, template, true)[0]).toBe(text.replace(regex, template));
    }
    expect(replaceAllIn(text, /foo/gu, "$1 $&", false)).toEqual(["$1 $&(12) bar(3) $1 $&(45)", 2]);
    expect(replacementEdits(text, /bar/gu, "x", false)).toEqual([{ start: 8, end: 11, text: "x" }]);
  });
});

describe("open documents", () => {
  it("searches the window's current text of an open document instead of the disk", async () => {
    put("a.txt", "on disk\n");
    put("b.txt", "on disk too\n");
    const service = new SearchService(new FilesService());
    const edited = new Map([[uri("a.txt"), "unsaved needle\n"]]);
    const batches: FileMatches[][] = [];
    await service.findInFiles(
      [folder],
      query("needle"),
      new AbortController().signal,
      (b) => batches.push(b),
      (u) => edited.get(u),
    );
    expect(batches.flat().map((f) => f.uri)).toEqual([uri("a.txt")]);
  });
});
