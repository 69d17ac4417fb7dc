/**
 * examples/file-watcher (a Markdown notes index written the way published extensions are) in the
 * real, built extension host: createFileSystemWatcher events (coalesced, glob-filtered, ignore
 * flags), workspace.fs with VS Code's FileSystemError codes, findFiles' include / exclude
 * semantics, and the window's own watcher notifications.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ExtHostContract } from "../../src/protocol/contracts/ext-host.js";
import {
  ExtHostFilesContract,
  FileOperationRefused,
  WorkbenchFilesContract,
  type FileChange,
} from "../../src/protocol/contracts/files.js";
import { proxy, serve, type Proxy } from "../../src/protocol/rpc-contract.js";
import { startTestHost, type TestHost } from "../support/host.js";
import { isConnected, nodeChannelClient, waitForState } from "../support/node-client.js";
import { repoRoot } from "../support/paths.js";
import { until } from "../support/until.js";

type Event = [string, string];

describe("file watching, workspace.fs and findFiles for extensions", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "exthost-files-data-"));
  const ws = mkdtempSync(join(tmpdir(), "exthost-files-ws-"));
  let host: TestHost;
  let client: Awaited<ReturnType<typeof nodeChannelClient>>;
  let ext: Proxy<typeof ExtHostContract>;
  const windowChanges: FileChange[] = [];
  const events: Event[] = [];

  const run = (id: string, ...args: unknown[]) => ext.executeCommand({ id, args });
  const drain = async () => events.push(...((await run("notesIndex.events")) as Event[]));
  const sawEvent = async (e: Event) => {
    await until(() => events.some(([k, p]) => k === e[0] && p === e[1]), `${e[0]} ${e[1]}`, 10_000).catch(
      async (err: unknown) => {
        throw new Error(`${String(err)}; saw ${JSON.stringify(events)}`);
      },
    );
  };
  let poller: ReturnType<typeof setInterval>;

  beforeAll(async () => {
    writeFileSync(join(dataDir, "not-a-folder"), "");
    mkdirSync(join(ws, "notes"));
    mkdirSync(join(ws, ".git"));
    mkdirSync(join(ws, "node_modules", "pkg"), { recursive: true });
    writeFileSync(join(ws, "readme.md"), "# Read me\n");
    writeFileSync(join(ws, "notes", "one.md"), "# One\n");
    writeFileSync(join(ws, "notes", "two.md"), "# Two\n");
    writeFileSync(join(ws, ".git", "hidden.md"), "# in .git\n");
    writeFileSync(join(ws, "node_modules", "pkg", "readme.md"), "# dependency\n");
    host = await startTestHost({
      env: {
        EXTHOST_DEV_EXTENSIONS: join(repoRoot, "examples", "file-watcher"),
        EXTHOST_USER_DATA_DIR: dataDir,
        // No usable trash (its folder would be under a file): deleting to the trash must say so.
        XDG_DATA_HOME: join(dataDir, "not-a-folder"),
      },
    });
    client = await nodeChannelClient(() => host.starter.connectionInfo());
    await waitForState(client, isConnected);
    await serve(client, WorkbenchFilesContract, {
      filesChanged: (changes) => void windowChanges.push(...changes),
      excludesChanged: () => undefined,
    }).ready;
    ext = proxy(client, ExtHostContract);
    await ext.initialize({
      workspaceFolders: [{ uri: pathToFileURL(ws).toString(), name: "ws" }],
      documents: [],
      activeDocument: null,
    });
    await until(
      async () => (await ext.listExtensions()).find((i) => i.id === "direct-examples.markdown-notes-index")?.activated,
      "activation",
    );
    poller = setInterval(() => void drain().catch(() => undefined), 100);
    // The watcher's first scan must be done before events can be expected: touch a probe until one arrives.
    for (let i = 0; !events.some(([k]) => k === "created"); i++) {
      if (i > 50) throw new Error("the watcher never reported a created file");
      writeFileSync(join(ws, `probe-${i}.md`), "# probe\n");
      await new Promise((r) => setTimeout(r, 200));
    }
  }, 30_000);

  afterAll(async () => {
    clearInterval(poller);
    await client?.dispose();
    await host?.stop();
    rmSync(ws, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("the first index came from findFiles (files.exclude hides .git; the extension's own exclude hides node_modules)", () => {
    const index = JSON.parse(readFileSync(join(ws, ".notes-index.json"), "utf8")) as Record<string, string>;
    expect(index).toMatchObject({ "readme.md": "Read me", "notes/one.md": "One", "notes/two.md": "Two" });
    expect(Object.keys(index).some((k) => k.startsWith(".git") || k.startsWith("node_modules"))).toBe(false);
  });

  it("reports created, changed and deleted files matching the glob, once each, with the ignore flags honoured", async () => {
    events.length = 0;
    writeFileSync(join(ws, "notes", "three.md"), "# Three\n");
    await sawEvent(["created", "notes/three.md"]);
    writeFileSync(join(ws, "notes", "three.md"), "# Three, edited\n");
    await sawEvent(["changed", "notes/three.md"]);
    // The extension rewrites the index as we read: a half-written file is "not yet", not a failure.
    const indexed = (): Record<string, string> | undefined => {
      try {
        return JSON.parse(readFileSync(join(ws, ".notes-index.json"), "utf8")) as Record<string, string>;
      } catch {
        return undefined;
      }
    };
    await until(() => indexed()?.["notes/three.md"] === "Three, edited", "the index to follow the change");
    unlinkSync(join(ws, "notes", "three.md"));
    await sawEvent(["deleted", "notes/three.md"]);
    await sawEvent(["deletedOnly", "notes/three.md"]);
    // Not matching the glob: nothing. Created and deleted within one batch: coalesced away.
    writeFileSync(join(ws, "notes", "plain.txt"), "x");
    writeFileSync(join(ws, "notes", "flash.md"), "x");
    unlinkSync(join(ws, "notes", "flash.md"));
    writeFileSync(join(ws, "notes", "marker.md"), "# marker\n");
    await sawEvent(["created", "notes/marker.md"]);
    await new Promise((r) => setTimeout(r, 300));
    expect(events.filter(([, p]) => p.includes("plain") || p.includes("flash"))).toEqual([]);
    expect(events.filter(([k]) => k === "ignoredCreate")).toEqual([]);
    expect(events.filter(([k, p]) => k === "created" && p === "notes/marker.md")).toHaveLength(1);
    // The window heard of them too (its explorer), under its folder only.
    expect(windowChanges.some((c) => c.uri.endsWith("/notes/plain.txt") && c.kind === "created")).toBe(true);
    // Nothing under .git (files.exclude is not watched).
    writeFileSync(join(ws, ".git", "HEAD"), "ref\n");
    await new Promise((r) => setTimeout(r, 300));
    expect(windowChanges.some((c) => c.uri.includes("/.git/"))).toBe(false);
  });

  it("workspace.fs throws FileSystemErrors with VS Code's codes", async () => {
    const fs = (op: string, paths: string[], options: Record<string, boolean> = {}) =>
      run("notesIndex.fs", op, paths, options);
    expect(await fs("readFile", ["missing.md"])).toEqual({ error: "FileSystemError", code: "FileNotFound" });
    expect(await fs("readFile", ["notes"])).toEqual({ error: "FileSystemError", code: "FileIsADirectory" });
    expect(await fs("writeFile", ["notes"])).toEqual({ error: "FileSystemError", code: "FileIsADirectory" });
    expect(await fs("createDirectory", ["readme.md"])).toEqual({ error: "FileSystemError", code: "FileExists" });
    expect(await fs("rename", ["missing.md", "x.md"])).toEqual({ error: "FileSystemError", code: "FileNotFound" });
    expect(await fs("rename", ["notes/one.md", "notes/two.md"])).toEqual({
      error: "FileSystemError",
      code: "FileExists",
    });
    expect(await fs("copy", ["notes/one.md", "notes/two.md"])).toEqual({
      error: "FileSystemError",
      code: "FileExists",
    });
    expect(await fs("delete", ["missing.md"])).toEqual({ error: "FileSystemError", code: "FileNotFound" });
    expect(await fs("delete", ["notes"])).toMatchObject({ error: "FileSystemError" });
    expect(await fs("readDirectory", ["readme.md"])).toEqual({ error: "FileSystemError", code: "FileNotADirectory" });

    // What works: mkdirp, write into new folders, copy/rename with overwrite, stat and types.
    expect(await fs("createDirectory", ["deep/a/b"])).toBeNull();
    expect(await fs("writeFile", ["made/new/file.txt"])).toBeNull();
    expect(readFileSync(join(ws, "made", "new", "file.txt"), "utf8")).toBe("written");
    expect(await fs("copy", ["made", "made-copy"])).toBeNull();
    expect(await fs("readFile", ["made-copy/new/file.txt"])).toBe("written");
    expect(await fs("rename", ["made-copy/new/file.txt", "readme-copy.md"], { overwrite: true })).toBeNull();
    expect(await fs("copy", ["readme-copy.md", "notes/two.md"], { overwrite: true })).toBeNull();
    expect(readFileSync(join(ws, "notes", "two.md"), "utf8")).toBe("written");
    symlinkSync(join(ws, "notes"), join(ws, "link-to-notes"));
    const listing = (await fs("readDirectory", ["."])) as Array<[string, number]>;
    expect(listing).toContainEqual(["notes", 2]);
    expect(listing).toContainEqual(["readme.md", 1]);
    expect(listing).toContainEqual(["link-to-notes", 64 | 2]);
    expect(await fs("stat", ["readme.md"])).toMatchObject({ type: 1, size: "# Read me\n".length });
    expect(await fs("delete", ["made"], { recursive: true })).toBeNull();
    expect(await fs("stat", ["made"])).toEqual({ error: "FileSystemError", code: "FileNotFound" });
    expect(await fs("isWritable", [])).toEqual([true, null]);
  });

  it("findFiles: exclude undefined applies files.exclude, null applies nothing, a glob adds to it; maxResults; RelativePattern", async () => {
    const find = (include: string, exclude: string | null, max?: number, base?: string) =>
      run("notesIndex.find", include, exclude, max, base) as Promise<string[]>;
    const all = await find("**/hidden.md", "undefined");
    expect(all).toEqual([]); // .git is in files.exclude
    expect(await find("**/hidden.md", null)).toEqual([".git/hidden.md"]);
    // search.exclude (node_modules) is not applied by findFiles.
    expect(await find("**/pkg/*.md", "undefined")).toEqual(["node_modules/pkg/readme.md"]);
    expect(await find("notes/*.md", "**/one.md")).not.toContain("notes/one.md");
    expect(await find("notes/*.md", "**/one.md")).toContain("notes/two.md");
    expect(await find("**/*.md", "undefined", 1)).toHaveLength(1);
    expect(await find("*.md", "undefined", undefined, "notes")).toEqual(
      expect.arrayContaining(["notes/one.md", "notes/two.md"]),
    );
  });

  it("explorer operations: refused before touching the disk when invalid, and reported to onDid*Files", async () => {
    const files = proxy(client, ExtHostFilesContract);
    const uri = (p: string) => pathToFileURL(join(ws, p)).toString();
    const refusal = async (p: Promise<unknown>) => {
      const e: unknown = await p.then(
        () => undefined,
        (err: unknown) => err,
      );
      expect(e).toBeInstanceOf(FileOperationRefused);
      return (e as FileOperationRefused).reason;
    };
    expect(await refusal(files.createFile(uri("readme.md")))).toBe("FileExists");
    expect(await refusal(files.createFile(pathToFileURL(join(tmpdir(), "outside.md")).toString()))).toBe(
      "OutsideWorkspace",
    );
    expect(await refusal(files.rename({ source: uri("notes/one.md"), target: uri("readme.md") }))).toBe("FileExists");
    expect(await refusal(files.delete({ uri: uri("missing.md"), useTrash: false }))).toBe("FileNotFound");
    expect(await refusal(files.createFolder(`${uri("notes")}/%20`))).toBe("InvalidName");
    expect(readFileSync(join(ws, "readme.md"), "utf8")).toBe("# Read me\n");

    // No trash here: refused (the explorer then offers Delete Permanently), the file untouched.
    expect(await refusal(files.delete({ uri: uri("notes/one.md"), useTrash: true }))).toBe("TrashUnavailable");
    expect(readFileSync(join(ws, "notes", "one.md"), "utf8")).toBe("# One\n");

    events.length = 0;
    await files.createFile(uri("notes/new.md"));
    await files.rename({ source: uri("notes/new.md"), target: uri("notes/renamed.md") });
    await files.delete({ uri: uri("notes/renamed.md"), useTrash: false });
    await sawEvent(["createdInExplorer", "notes/new.md"]);
    await sawEvent(["renamedInExplorer", "notes/new.md -> notes/renamed.md"]);
    await sawEvent(["deletedInExplorer", "notes/renamed.md"]);
  });
});
