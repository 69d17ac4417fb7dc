/**
 * Saving in the real built host, as VS Code's ExtHostDocumentSaveParticipant: this test plays
 * the window (it asks the host to take part in a save, applies the edits the host sends back to
 * its own copy of the text like Monaco would, then reports the save), and the save-probe
 * extension subscribes listeners that edit, stall, throw or misuse `waitUntil`.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ExtHostDocumentsContract } from "../../src/protocol/contracts/documents.js";
import { ExtHostContract } from "../../src/protocol/contracts/ext-host.js";
import { WorkbenchTextEditorsContract } from "../../src/protocol/contracts/text-editors.js";
import { proxy, serve, type Implementation, type Proxy } from "../../src/protocol/rpc-contract.js";
import type { TextChange } from "../../src/protocol/workbench.js";
import type { ChannelClient } from "../../src/renderer/src/channel/channel-client.js";
import { DocumentModel } from "../../src/extension-host/documents.js";
import { startTestHost, type TestHost } from "../support/host.js";
import { isConnected, nodeChannelClient, waitForState } from "../support/node-client.js";
import { repoRoot } from "../support/paths.js";
import { WorkbenchRecorder } from "../support/workbench-recorder.js";
import { textEditorsStub } from "../support/text-editors-stub.js";

const probe = join(repoRoot, "test/fixtures/extensions/save-probe");
const options = { tabSize: 4, insertSpaces: true };

interface ProbeLog {
  log: Array<Record<string, unknown>>;
  calls: Record<string, number>;
}

describe("onWillSaveTextDocument, format on save, isDirty and eol in the extension host", () => {
  let dataDir: string;
  let workspace: string;
  let host: TestHost | undefined;
  let client: ChannelClient | undefined;
  let ext: Proxy<typeof ExtHostContract>;
  let docs: Proxy<typeof ExtHostDocumentsContract>;
  /** The window's copies of the documents (Monaco's models in the real workbench). */
  let models: Map<string, DocumentModel>;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "save-host-data-"));
    host = await startTestHost({ env: { EXTHOST_DEV_EXTENSIONS: probe, EXTHOST_USER_DATA_DIR: dataDir } });
  });
  afterAll(async () => {
    await host?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const uri = (name: string) => pathToFileURL(join(workspace, name)).toString();

  /** Applies edits to the window's copy and tells the host, as Monaco's change event does. */
  const edit = (target: string, changes: TextChange[], eol?: "\n" | "\r\n"): void => {
    const model = models.get(target)!;
    const change = { uri: target, version: model.version + 1, changes, ...(eol ? { eol } : {}) };
    model.apply(change);
    ext.documentChanged({ ...change, isDirty: true });
  };

  beforeEach(async () => {
    workspace = mkdtempSync(join(tmpdir(), "save-host-ws-"));
    // Format on save for the probe's language only, as a language override in the workspace settings.
    mkdirSync(join(workspace, ".vscode"));
    writeFileSync(join(workspace, ".vscode", "settings.json"), '{ "[saveprobe]": { "editor.formatOnSave": true } }');
    const h = host!;
    client = await nodeChannelClient(() => h.starter.connectionInfo());
    await new WorkbenchRecorder().attach(client);
    models = new Map();
    const editors: Partial<Implementation<typeof WorkbenchTextEditorsContract>> = {
      applyWorkspaceTextEdits: ({ files }) => {
        for (const f of files) {
          const model = models.get(f.uri);
          if (!model || (f.version !== null && f.version !== model.version)) return { applied: false };
          // Monaco applies a file's edits against the same text: last first keeps ranges valid.
          const sorted = [...f.edits].sort(
            (a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character,
          );
          if (sorted.length > 0)
            edit(
              f.uri,
              sorted.map((e) => ({ range: e.range, text: e.text ?? "" })),
            );
          if (f.setEndOfLine === "CRLF") {
            const end = { line: model.lineCount, character: 0 };
            const text = model.text.replace(/\r?\n/g, "\r\n");
            edit(f.uri, [{ range: { start: { line: 0, character: 0 }, end }, text }], "\r\n");
          }
        }
        return { applied: true };
      },
    };
    await serve(client, WorkbenchTextEditorsContract, textEditorsStub(editors)).ready;
    await waitForState(client, isConnected);
    ext = proxy(client, ExtHostContract);
    docs = proxy(client, ExtHostDocumentsContract);
    const open = [
      { uri: uri("a.txt"), languageId: "plaintext", version: 1, text: "hello\n", isDirty: true },
      { uri: uri("b.sp"), languageId: "saveprobe", version: 1, text: "shout\n", isDirty: true },
      { uri: uri("c.txt"), languageId: "plaintext", version: 1, text: "one\r\ntwo\r\n" },
    ];
    for (const d of open) models.set(d.uri, new DocumentModel(d.uri, d.languageId, d.version, d.text));
    await ext.initialize({
      workspaceFolders: [{ uri: pathToFileURL(workspace).toString(), name: "ws" }],
      documents: open,
      activeDocument: uri("a.txt"),
    });
    await run("clear");
  });
  afterEach(async () => {
    await client?.dispose();
    client = undefined;
    rmSync(workspace, { recursive: true, force: true });
  });

  const run = (step: string, args: unknown = {}) => ext.executeCommand({ id: "saveProbe.run", args: [step, args] });
  const probeLog = async () => (await run("log")) as ProbeLog;
  const save = (target: string, reason: "manual" | "afterDelay" = "manual") =>
    docs.participateInSave({ uri: target, reason, options }, { timeoutMs: 20_000 });

  it("applies each listener's waitUntil edits in order before the save; onDidSave follows with a clean document", async () => {
    await run("listen", { name: "first", mode: "insert", text: "// header\n" });
    await run("listen", { name: "second", mode: "append", text: "tail\n" });
    expect(await save(uri("a.txt"))).toEqual({ formatted: false, listeners: [true, true] });
    // The second listener saw the first one's edit.
    const { log } = await probeLog();
    const wills = log.filter((e) => "will" in e);
    expect(wills).toEqual([
      { will: "first", reason: 1, text: "hello\n", isDirty: true },
      { will: "second", reason: 1, text: "// header\nhello\n" },
    ]);
    // Both edits are in the window's buffer, which is what gets written.
    expect(models.get(uri("a.txt"))!.text).toBe("// header\nhello\ntail\n");
    ext.documentSaved(uri("a.txt"));
    await expect
      .poll(async () => (await probeLog()).log.find((e) => "didSave" in e))
      .toEqual({
        didSave: {
          uri: uri("a.txt"),
          text: "// header\nhello\ntail\n",
          isDirty: false,
          eol: 1,
          version: 3,
        },
      });
  });

  it("a listener that stalls is cut off after 1.5 s and the listeners after it are not called; its late edits are dropped", async () => {
    await run("listen", { name: "slow", mode: "slow" });
    await run("listen", { name: "after", mode: "insert", text: "x" });
    const started = Date.now();
    const result = await save(uri("a.txt"));
    const took = Date.now() - started;
    expect(result).toEqual({ formatted: false, listeners: [false] });
    expect(took).toBeGreaterThanOrEqual(1_400);
    expect((await probeLog()).calls).toEqual({ slow: 1, after: 0 });
    expect(models.get(uri("a.txt"))!.text).toBe("hello\n");
  });

  it("a listener that failed more than 3 times is skipped from then on; the others still run", async () => {
    await run("listen", { name: "bad", mode: "throws" });
    await run("listen", { name: "good", mode: "append", text: "!" });
    const results = [];
    for (let i = 0; i < 6; i++) results.push((await save(uri("a.txt"))).listeners);
    expect(results).toEqual([
      [false, true],
      [false, true],
      [false, true],
      [false, true],
      [false, true],
      [false, true],
    ]);
    // Called 4 times (its 4th failure is more than 3), then skipped.
    expect((await probeLog()).calls).toEqual({ bad: 4, good: 6 });
    expect(models.get(uri("a.txt"))!.text).toBe("hello\n!!!!!!");
  });

  it("waitUntil after the event was delivered throws; thenables that are not TextEdit[] are ignored", async () => {
    await run("listen", { name: "late", mode: "late" });
    await run("listen", { name: "junk", mode: "junk" });
    expect(await save(uri("a.txt"))).toEqual({ formatted: false, listeners: [true, true] });
    await expect
      .poll(async () => (await probeLog()).log.find((e) => "late" in e))
      .toEqual({ late: "late", error: "waitUntil can not be called async" });
    expect(models.get(uri("a.txt"))!.text).toBe("hello\n");
    expect(await run("badListener")).toMatch(/listener must be a function/);
  });

  it("TextEdit.setEndOfLine from a listener switches the document to CRLF (TextDocument.eol)", async () => {
    await run("listen", { name: "eol", mode: "crlf" });
    expect(await save(uri("a.txt"))).toEqual({ formatted: false, listeners: [true] });
    expect(await run("doc", { uri: uri("a.txt") })).toMatchObject({ text: "hello\r\n", eol: 2 });
  });

  it("formats on save when editor.formatOnSave is on for the language, before the listeners; not after a delay", async () => {
    await run("listen", { name: "seen", mode: "insert", text: "" });
    expect(await save(uri("b.sp"))).toEqual({ formatted: true, listeners: [true] });
    const { log } = await probeLog();
    expect(log.find((e) => "format" in e)).toEqual({ format: "shout\n" });
    // The listener saw the formatted text.
    expect(log.find((e) => e["will"] === "seen")).toMatchObject({ text: "SHOUT\n" });
    expect(models.get(uri("b.sp"))!.text).toBe("SHOUT\n");
    // Auto save after a delay does not format (VS Code's FormatOnSaveParticipant); the reason reaches listeners.
    await run("clear");
    await run("listen", { name: "seen", mode: "insert", text: "" });
    edit(uri("b.sp"), [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: "quiet" }]);
    expect(await save(uri("b.sp"), "afterDelay")).toEqual({ formatted: false, listeners: [true] });
    const after = await probeLog();
    expect(after.log.some((e) => "format" in e)).toBe(false);
    expect(after.log.find((e) => e["will"] === "seen")).toMatchObject({ reason: 2 });
    // The override is for [saveprobe] only: plain text is not formatted.
    expect((await save(uri("a.txt"))).formatted).toBe(false);
  });

  it("isDirty, eol and change reasons follow the window", async () => {
    expect(await run("doc", { uri: uri("c.txt") })).toMatchObject({ isDirty: false, eol: 2, text: "one\r\ntwo\r\n" });
    expect(await run("doc", { uri: uri("a.txt") })).toMatchObject({ isDirty: true, eol: 1 });
    // Saved: clean, with an empty change event first (as VS Code fires it).
    ext.documentSaved(uri("a.txt"));
    await expect
      .poll(async () => (await run("doc", { uri: uri("a.txt") })) as object)
      .toMatchObject({ isDirty: false });
    // An undo back to the saved text: a change with reason Undo, clean.
    const model = models.get(uri("c.txt"))!;
    ext.documentChanged({
      uri: uri("c.txt"),
      version: model.version + 1,
      changes: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: "x" }],
      isDirty: true,
    });
    ext.documentChanged({
      uri: uri("c.txt"),
      version: model.version + 2,
      changes: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, text: "" }],
      isDirty: false,
      reason: "undo",
    });
    // A revert in the window: dirty state only.
    docs.dirtyChanged({ uri: uri("c.txt"), isDirty: true });
    await expect
      .poll(async () => (await probeLog()).log.filter((e) => "change" in e))
      .toEqual([
        { change: 0, isDirty: false, reason: null },
        { change: 1, isDirty: true, reason: null },
        { change: 1, isDirty: false, reason: 1 },
        { change: 0, isDirty: true, reason: null },
      ]);
  });

  it("a save of a document the window never opened fails with DocumentNotOpen", async () => {
    await expect(save(uri("nope.txt"))).rejects.toMatchObject({ _tag: "DocumentNotOpen" });
  });
});
