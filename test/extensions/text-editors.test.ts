/**
 * The TextEditor / WorkspaceEdit API in the real built host, driven by a test extension, with
 * this test playing the window's editors (ExtHostTextEditorsContract) and recording what the
 * host asks of them (WorkbenchTextEditorsContract). What lands in Monaco is proven by
 * test/browser/text-editors.test.ts; this file pins the API's VS Code semantics.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ExtHostContract } from "../../src/protocol/contracts/ext-host.js";
import {
  ExtHostTextEditorsContract,
  type TextEditorStateDto,
  WorkbenchTextEditorsContract,
} from "../../src/protocol/contracts/text-editors.js";
import { proxy, serve, type Implementation, type Proxy } from "../../src/protocol/rpc-contract.js";
import type { ChannelClient } from "../../src/renderer/src/channel/channel-client.js";
import { startTestHost, type TestHost } from "../support/host.js";
import { isConnected, nodeChannelClient, waitForState } from "../support/node-client.js";
import { repoRoot } from "../support/paths.js";
import { until } from "../support/until.js";
import { WorkbenchRecorder } from "../support/workbench-recorder.js";

const probe = join(repoRoot, "test/fixtures/extensions/editor-probe");
type W = typeof WorkbenchTextEditorsContract;
type Key = keyof W;

/** Records what the host asks of the window's editors; answers with what the test set. */
class EditorsRecorder {
  readonly calls: Array<{ key: Key; payload: unknown }> = [];
  readonly answers = new Map<Key, (payload: never) => unknown>();
  of<K extends Key>(key: K): Array<W[K]["payload"]["Type"]> {
    return this.calls.filter((c) => c.key === key).map((c) => c.payload as W[K]["payload"]["Type"]);
  }
  implementation(): Implementation<W> {
    const impl: Record<string, (payload: unknown) => unknown> = {};
    const defaults: Partial<Record<Key, unknown>> = {
      applyWorkspaceTextEdits: { applied: true },
      saveDocuments: { saved: [], failed: [] },
    };
    for (const key of Object.keys(WorkbenchTextEditorsContract) as Key[]) {
      impl[key] = (payload) => {
        this.calls.push({ key, payload });
        const answer = this.answers.get(key);
        return answer ? answer(payload as never) : (defaults[key] ?? true);
      };
    }
    return impl as unknown as Implementation<W>;
  }
}

const options = { tabSize: 4, indentSize: 4, insertSpaces: true, cursorStyle: "line", lineNumbers: "on" } as const;

describe("TextEditor and workspace.applyEdit in the extension host", () => {
  let dataDir: string;
  let workspace: string;
  let host: TestHost | undefined;
  let client: ChannelClient | undefined;
  let ext: Proxy<typeof ExtHostContract>;
  let editorsHost: Proxy<typeof ExtHostTextEditorsContract>;
  let window: EditorsRecorder;
  let workbench: WorkbenchRecorder;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "te-host-data-"));
    host = await startTestHost({ env: { EXTHOST_DEV_EXTENSIONS: probe, EXTHOST_USER_DATA_DIR: dataDir } });
  });
  afterAll(async () => {
    await host?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    workspace = mkdtempSync(join(tmpdir(), "te-host-ws-"));
    writeFileSync(join(workspace, "a.txt"), "hello world\nsecond\n");
    writeFileSync(join(workspace, "b.txt"), "bee\n");
    const h = host!;
    client = await nodeChannelClient(() => h.starter.connectionInfo());
    workbench = new WorkbenchRecorder();
    await workbench.attach(client);
    window = new EditorsRecorder();
    await serve(client, WorkbenchTextEditorsContract, window.implementation()).ready;
    await waitForState(client, isConnected);
    ext = proxy(client, ExtHostContract);
    editorsHost = proxy(client, ExtHostTextEditorsContract);
    await ext.initialize({
      workspaceFolders: [{ uri: pathToFileURL(workspace).toString(), name: "ws" }],
      documents: [
        { uri: uri("a.txt"), languageId: "plaintext", version: 1, text: "hello world\nsecond\n" },
        { uri: uri("b.txt"), languageId: "plaintext", version: 1, text: "bee\n" },
      ],
      activeDocument: uri("a.txt"),
    });
    editorsHost.editorsChanged({ editors: [editor("e1", "a.txt", 1), editor("e2", "b.txt", 2)], activeId: "e1" });
    // Like Monaco, the window's edit reaches the host's copy (a new version) before the answer.
    const applied = (version: number) => {
      ext.documentChanged({ uri: uri("a.txt"), version: version + 1, changes: [] });
      return true;
    };
    window.answers.set("applyEdits", (p: { version: number }) => applied(p.version));
    window.answers.set("insertSnippet", (p: { version: number }) => applied(p.version));
  });
  afterEach(async () => {
    await client?.dispose();
    client = undefined;
    rmSync(workspace, { recursive: true, force: true });
  });

  const uri = (name: string) => pathToFileURL(join(workspace, name)).toString();
  const editor = (id: string, name: string, viewColumn: number): TextEditorStateDto => ({
    id,
    uri: uri(name),
    viewColumn,
    selections: [{ anchor: { line: 0, character: 0 }, active: { line: 0, character: 5 } }],
    visibleRanges: [{ start: { line: 0, character: 0 }, end: { line: 2, character: 0 } }],
    options,
  });
  const run = (step: string, args: unknown = {}) => ext.executeCommand({ id: "editorProbe.run", args: [step, args] });
  const range = (a: number, b: number, c: number, d: number) => ({
    start: { line: a, character: b },
    end: { line: c, character: d },
  });

  it("activeTextEditor / visibleTextEditors follow the window; events carry the same TextEditor objects", async () => {
    const state = (await run("state")) as Record<string, unknown>;
    expect(state).toMatchObject({
      active: uri("a.txt"),
      sameObject: true,
      inVisible: true,
      visible: [
        [uri("a.txt"), 1],
        [uri("b.txt"), 2],
      ],
      selections: [[0, 0, 0, 5]],
      visibleRanges: [[0, 2]],
      options: { tabSize: 4, indentSize: 4, insertSpaces: true, cursorStyle: 1, lineNumbers: 1 },
      version: 1,
    });
    editorsHost.selectionChanged({
      id: "e1",
      selections: [{ anchor: { line: 1, character: 0 }, active: { line: 1, character: 3 } }],
      kind: "mouse",
    });
    editorsHost.optionsChanged({ id: "e1", options: { ...options, tabSize: 2 } });
    editorsHost.visibleRangesChanged({ id: "e1", visibleRanges: [range(3, 0, 9, 0)] });
    // Focus moves to the second group.
    editorsHost.editorsChanged({ editors: [editor("e1", "a.txt", 1), editor("e2", "b.txt", 2)], activeId: "e2" });
    const after = (await run("state")) as { active: string; selections: number[][]; events: Record<string, unknown> };
    expect(after.active).toBe(uri("b.txt"));
    expect(after.events).toMatchObject({
      selection: [{ kind: 2, same: true }],
      options: [2],
      visibleRanges: [1],
    });
    expect((after.events["active"] as unknown[]).slice(-2)).toEqual([uri("a.txt"), uri("b.txt")]);
    // A window without editors: no active editor.
    editorsHost.editorsChanged({ editors: [], activeId: null });
    expect(await run("state")).toMatchObject({ active: null, visible: [] });
  });

  it("edit sends validated edits at the document's version; overlapping or late edits are refused like VS Code", async () => {
    expect(await run("edit", { ops: [{ kind: "replace", range: [0, 0, 0, 5], text: "HELLO" }] })).toBe(true);
    expect(window.of("applyEdits")).toEqual([
      {
        id: "e1",
        version: 1,
        edits: [{ range: range(0, 0, 0, 5), text: "HELLO" }],
        setEndOfLine: null,
        undoStopBefore: true,
        undoStopAfter: true,
      },
    ]);
    // Resolved only once the host's copy of the document has the edit.
    expect(await run("state")).toMatchObject({ version: 2 });
    // Positions past the end are clamped to the document (validateRange); delete is text null.
    await run("edit", {
      ops: [
        { kind: "delete", range: [1, 0, 99, 99] },
        { kind: "eol", eol: "CRLF" },
      ],
      undoStops: { undoStopBefore: false, undoStopAfter: false },
    });
    expect(window.of("applyEdits")[1]).toMatchObject({
      edits: [{ range: range(1, 0, 2, 0), text: null }],
      setEndOfLine: "CRLF",
      undoStopBefore: false,
      undoStopAfter: false,
    });
    expect(
      await run("edit", {
        ops: [
          { kind: "replace", range: [0, 0, 0, 5], text: "x" },
          { kind: "insert", at: [0, 3], text: "y" },
        ],
      }),
    ).toEqual({ error: "Overlapping ranges are not allowed!" });
    // Touching ranges are fine (an insert at the end of a replaced range).
    expect(
      await run("edit", {
        ops: [
          { kind: "replace", range: [0, 0, 0, 5], text: "x" },
          { kind: "insert", at: [0, 5], text: "y" },
        ],
      }),
    ).toBe(true);
    expect(await run("editAfterCallback")).toEqual({ error: "Edit is only valid while callback runs" });
    expect(window.of("applyEdits")).toHaveLength(3);
    // The window found the document at another version: false, as VS Code resolves.
    window.answers.set("applyEdits", () => false);
    expect(await run("edit", { ops: [{ kind: "insert", at: [0, 0], text: "z" }] })).toBe(false);
  });

  it("registerTextEditorCommand edits the active editor with the command's arguments; without one it does nothing", async () => {
    await ext.executeCommand({ id: "editorProbe.upper", args: ["!"] });
    expect(window.of("applyEdits")).toEqual([
      {
        id: "e1",
        version: 1,
        edits: [{ range: range(0, 0, 0, 5), text: "HELLO!" }],
        setEndOfLine: null,
        undoStopBefore: true,
        undoStopAfter: true,
      },
    ]);
    editorsHost.editorsChanged({ editors: [], activeId: null });
    expect(await run("state")).toMatchObject({ active: null });
    await ext.executeCommand({ id: "editorProbe.upper", args: [] });
    expect(window.of("applyEdits")).toHaveLength(1);
  });

  it("registerTextEditorCommand: no active editor or edits not applied are logged as warnings, never shown", async () => {
    // The host replays each Output channel to a new window: only lines about this command count.
    const lines = () =>
      workbench
        .of("outputAppend")
        .map((o) => o.text)
        .filter((t) => t.includes("editorProbe.upper"));
    const notApplied = "[warning] Edits from command editorProbe.upper were not applied.\n";
    const noEditor = "[warning] Cannot execute editorProbe.upper because there is no active text editor.\n";
    const before = lines().length;
    window.answers.set("applyEdits", () => false);
    await ext.executeCommand({ id: "editorProbe.upper", args: [] });
    await until(() => lines().length === before + 1, "the edits-not-applied warning");
    expect(lines().at(-1)).toBe(notApplied);

    editorsHost.editorsChanged({ editors: [], activeId: null });
    expect(await run("state")).toMatchObject({ active: null });
    await ext.executeCommand({ id: "editorProbe.upper", args: [] });
    await until(() => lines().length === before + 2, "the no-editor warning");
    expect(lines().at(-1)).toBe(noEditor);
    expect(window.of("applyEdits")).toHaveLength(1);
    expect(workbench.of("showMessage")).toEqual([]);
    expect(lines().filter((t) => t.startsWith("[error]"))).toEqual([]);
  });

  it("insertSnippet, selections, revealRange, options and decorations reach the window in its terms", async () => {
    expect(await run("snippet", { text: "for ${1:i}", at: [1, 0] })).toBe(true);
    expect(await run("snippet", { text: "$0" })).toBe(true);
    expect(window.of("insertSnippet")).toEqual([
      expect.objectContaining({ id: "e1", version: 1, snippet: "for ${1:i}", ranges: [range(1, 0, 1, 0)] }),
      expect.objectContaining({ ranges: [range(0, 0, 0, 5)] }), // the selections when no location is given
    ]);

    await run("select", { selections: [[1, 2, 0, 1]] });
    await until(() => window.of("setSelections").length === 1, "setSelections");
    expect(window.of("setSelections")[0]).toEqual({
      id: "e1",
      selections: [{ anchor: { line: 1, character: 2 }, active: { line: 0, character: 1 } }],
    });
    expect(await run("state")).toMatchObject({ selections: [[1, 2, 0, 1]] });
    expect(await run("selectEmpty")).toEqual({ error: "Illegal argument: selections" });

    await run("reveal", { r: [5, 0, 6, 0], type: 1 });
    await until(() => window.of("revealRange").length === 1, "revealRange");
    expect(window.of("revealRange")[0]).toEqual({ id: "e1", range: range(5, 0, 6, 0), revealType: "inCenter" });

    // VS Code ignores invalid values (tabSize 0) and sends only what changed.
    expect(
      await run("options", { options: { tabSize: 0, insertSpaces: false, cursorStyle: 2, lineNumbers: 2 } }),
    ).toEqual({ tabSize: 4, indentSize: 4, insertSpaces: false, cursorStyle: 2, lineNumbers: 2 });
    await until(() => window.of("setOptions").length === 3, "setOptions");
    expect(window.of("setOptions").map((o) => o.options)).toEqual([
      { insertSpaces: false },
      { cursorStyle: "block" },
      { lineNumbers: "relative" },
    ]);

    const key = (await run("decorate", { ranges: [[0, 0, 0, 5]] })) as string;
    await until(() => window.of("setDecorations").length === 1, "setDecorations");
    expect(window.of("registerDecorationType")).toEqual([
      {
        key,
        style: {
          backgroundColor: { themeColor: "editor.findMatchHighlightBackground" },
          color: { css: "red" },
          before: { contentText: "»" },
        },
        light: { border: "1px solid black" },
        isWholeLine: true,
        rangeBehavior: "closedClosed",
      },
    ]);
    expect(window.of("setDecorations")[0]).toEqual({
      id: "e1",
      key,
      decorations: [{ range: range(0, 0, 0, 5), hoverMessage: ["**hi**"] }],
    });
    await run("disposeDecoration");
    await until(() => window.of("removeDecorationType").length === 1, "removeDecorationType");
    expect(window.of("removeDecorationType")).toEqual([key]);
  });

  it("showTextDocument opens in the asked column with a selection and answers the window's editor", async () => {
    window.answers.set("showDocument", (request: { uri: string }) => {
      editorsHost.editorsChanged({
        editors: [editor("e1", "a.txt", 1), { ...editor("e3", "b.txt", 2), uri: request.uri }],
        activeId: "e3",
      });
      return "e3";
    });
    expect(await run("show", { file: uri("b.txt"), column: -2, selection: [0, 1, 0, 2] })).toEqual([
      uri("b.txt"),
      true,
    ]);
    expect(window.of("showDocument")).toEqual([
      { uri: uri("b.txt"), viewColumn: -1, selection: range(0, 1, 0, 2), preserveFocus: false },
    ]);
    window.answers.set("showDocument", () => null);
    expect(await run("show", { file: uri("a.txt") })).toEqual({
      error: `Failed to show text document ${uri("a.txt")}`,
    });
  });

  it("applyEdit runs file operations on disk in order and text edits as one request per run; a refused edit changes nothing", async () => {
    writeFileSync(join(workspace, "old.txt"), "old");
    writeFileSync(join(workspace, "gone.txt"), "bye");
    const ok = await run("applyEdit", {
      ops: [
        { kind: "create", file: uri("dir/new.txt"), contents: "fresh" },
        { kind: "rename", from: uri("old.txt"), to: uri("renamed.txt") },
        { kind: "replace", file: uri("a.txt"), range: [0, 0, 0, 5], text: "HELLO" },
        { kind: "replace", file: uri("b.txt"), range: [0, 0, 0, 3], text: "wasp" },
        { kind: "replace", file: uri("a.txt"), range: [1, 0, 1, 6], text: "2nd" },
        { kind: "snippet", file: uri("renamed.txt"), range: [0, 0, 0, 0], text: "${1:var} = \\$x$0" },
        { kind: "delete", file: uri("gone.txt") },
      ],
    });
    expect(ok).toBe(true);
    expect(readFileSync(join(workspace, "dir/new.txt"), "utf8")).toBe("fresh");
    expect(existsSync(join(workspace, "old.txt"))).toBe(false);
    expect(readFileSync(join(workspace, "renamed.txt"), "utf8")).toBe("old");
    expect(existsSync(join(workspace, "gone.txt"))).toBe(false);
    // One request for the run of text edits, a file's edits together (one undo step each).
    expect(window.of("applyWorkspaceTextEdits")).toEqual([
      {
        files: [
          {
            uri: uri("a.txt"),
            version: null,
            edits: [
              { range: range(0, 0, 0, 5), text: "HELLO" },
              { range: range(1, 0, 1, 6), text: "2nd" },
            ],
            setEndOfLine: null,
          },
          { uri: uri("b.txt"), version: null, edits: [{ range: range(0, 0, 0, 3), text: "wasp" }], setEndOfLine: null },
          {
            uri: uri("renamed.txt"),
            version: null,
            edits: [{ range: range(0, 0, 0, 0), text: "var = $x" }],
            setEndOfLine: null,
          },
        ],
      },
    ]);

    // An operation that must fail is found before anything runs: the earlier create did not happen.
    writeFileSync(join(workspace, "exists.txt"), "keep");
    const refused = await run("applyEdit", {
      ops: [
        { kind: "create", file: uri("fresh.txt") },
        { kind: "replace", file: uri("a.txt"), range: [0, 0, 0, 1], text: "!" },
        { kind: "create", file: uri("exists.txt") },
      ],
    });
    expect(refused).toBe(false);
    expect(existsSync(join(workspace, "fresh.txt"))).toBe(false);
    expect(readFileSync(join(workspace, "exists.txt"), "utf8")).toBe("keep");
    expect(window.of("applyWorkspaceTextEdits")).toHaveLength(1);

    // ignoreIfExists / ignoreIfNotExists skip; overwrite replaces.
    expect(
      await run("applyEdit", {
        ops: [
          { kind: "create", file: uri("exists.txt"), options: { ignoreIfExists: true } },
          { kind: "delete", file: uri("missing.txt"), options: { ignoreIfNotExists: true } },
        ],
      }),
    ).toBe(true);
    expect(readFileSync(join(workspace, "exists.txt"), "utf8")).toBe("keep");
    expect(await run("applyEdit", { ops: [{ kind: "delete", file: uri("missing.txt") }] })).toBe(false);
    expect(
      await run("applyEdit", {
        ops: [{ kind: "create", file: uri("exists.txt"), options: { overwrite: true }, contents: "new" }],
      }),
    ).toBe(true);
    expect(readFileSync(join(workspace, "exists.txt"), "utf8")).toBe("new");

    // Overlapping edits of one file, or a window that refuses: false, and nothing more asked.
    expect(
      await run("applyEdit", {
        ops: [
          { kind: "replace", file: uri("a.txt"), range: [0, 0, 0, 5], text: "a" },
          { kind: "replace", file: uri("a.txt"), range: [0, 2, 0, 3], text: "b" },
        ],
      }),
    ).toBe(false);
    expect(window.of("applyWorkspaceTextEdits")).toHaveLength(1);
    window.answers.set("applyWorkspaceTextEdits", () => ({ applied: false, reason: "changed" }));
    expect(
      await run("applyEdit", { ops: [{ kind: "replace", file: uri("a.txt"), range: [0, 0, 0, 1], text: "a" }] }),
    ).toBe(false);
    expect(await run("applyEdit", { ops: [], bad: true })).toEqual({
      error: "vscode.workspace.applyEdit: expected a vscode.WorkspaceEdit",
    });
  });
});
