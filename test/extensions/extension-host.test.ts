/**
 * Real extensions (examples/) in the real built extension host, driven through the real
 * channel by the renderer's supervisor, with the workbench's side recorded.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ChannelContract } from "../../src/protocol/contracts/channel.js";
import { CommandNotFound, ExtHostContract, ExtensionFailure } from "../../src/protocol/contracts/ext-host.js";
import { proxy, type Proxy } from "../../src/protocol/rpc-contract.js";
import type { ChannelClient } from "../../src/renderer/src/channel/channel-client.js";
import { startTestHost, type TestHost } from "../support/host.js";
import { isConnected, nodeChannelClient, waitForState } from "../support/node-client.js";
import { repoRoot } from "../support/paths.js";
import { until } from "../support/until.js";
import { WorkbenchRecorder } from "../support/workbench-recorder.js";

const examples = ["hello-command", "status-bar", "completion-diagnostics", "misbehaving"].map((e) =>
  join(repoRoot, "examples", e),
);

describe("extension host with real extensions", () => {
  let dataDir: string;
  let workspace: string;
  let host: TestHost | undefined;
  let client: ChannelClient | undefined;
  let recorder: WorkbenchRecorder;

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), "exthost-data-"));
    workspace = mkdtempSync(join(tmpdir(), "exthost-ws-"));
    writeFileSync(join(workspace, "notes.todo"), "TODO write tests\nFIXME flaky\n");
  });
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(workspace, { recursive: true, force: true });
  });
  afterEach(async () => {
    await client?.dispose();
    await host?.stop();
    client = host = undefined;
  });

  const start = async () => {
    host = await startTestHost({
      env: {
        EXTHOST_DEV_EXTENSIONS: examples.join(","),
        EXTHOST_BUILTIN_EXTENSIONS: join(repoRoot, "extensions/builtin"),
        EXTHOST_USER_DATA_DIR: dataDir,
        EXTHOST_PROVIDER_TIMEOUT_MS: "500",
      },
    });
    const h = host;
    client = await nodeChannelClient(() => h.starter.connectionInfo());
    recorder = new WorkbenchRecorder();
    await recorder.attach(client);
    await waitForState(client, isConnected);
    const ext = proxy(client, ExtHostContract);
    const infos = await ext.initialize({
      workspaceFolders: [{ uri: pathToFileURL(workspace).toString(), name: "ws" }],
      documents: [],
      activeDocument: null,
    });
    return { client, ext, infos };
  };

  const todoUri = () => pathToFileURL(join(workspace, "notes.todo")).toString();
  const openTodo = (ext: Proxy<typeof ExtHostContract>) =>
    ext.documentOpened({ uri: todoUri(), languageId: "todo", version: 1, text: "TODO write tests\nFIXME flaky\n" });

  it("lists extensions and contributed commands; a command activates its extension and talks to the workbench", async () => {
    const { ext, infos } = await start();
    expect(infos.map((i) => i.id).sort()).toEqual([
      "direct-editor.configuration-editing",
      "direct-editor.css-language-features",
      "direct-editor.html-language-features",
      "direct-editor.json-language-features",
      ...["css", "html", "javascript", "json", "markdown", "python", "shellscript", "typescript", "yaml"].map(
        (l) => `direct-editor.lang-${l}`,
      ),
      "direct-editor.typescript-language-features",
      "direct-editor.word-count",
      "direct-examples.hello-command",
      "direct-examples.misbehaving",
      "direct-examples.status-bar",
      "direct-examples.todo-lang",
    ]);
    expect(infos.find((i) => i.id === "direct-editor.word-count")?.builtin).toBe(true);
    const commands = await ext.listCommands();
    expect(commands).toContainEqual({
      id: "hello.sayHello",
      title: "Say Hello",
      category: "Hello",
      extensionId: "direct-examples.hello-command",
    });
    expect(infos.find((i) => i.id === "direct-examples.hello-command")?.activated).toBe(false);

    recorder.answer("showMessage", () => "Again");
    const result = await ext.executeCommand({ id: "hello.sayHello", args: [] });
    expect(result).toEqual({ count: 1, choice: "Again" });
    expect(recorder.of("showMessage")[0]).toMatchObject({
      severity: "information",
      message: "Hello from an extension! (#1)",
      items: ["Again", "Done"],
      extensionId: "direct-examples.hello-command",
    });
    await until(() => recorder.of("outputAppend").find((p) => p.channel === "Hello"), "output line");
    const listed = await ext.listExtensions();
    expect(listed.find((i) => i.id === "direct-examples.hello-command")).toMatchObject({ activated: true });
  });

  it("onStartupFinished extensions put items in the status bar; clicking runs their command", async () => {
    const { ext } = await start();
    const item = await until(
      () => recorder.of("statusBarUpdate").find((i) => i.command === "statusBar.click"),
      "status bar item",
    );
    expect(item).toMatchObject({ text: "$(pulse) 0 clicks", visible: true, alignment: "right" });
    expect(await ext.executeCommand({ id: "statusBar.click", args: [] })).toBe(1);
    await until(() => recorder.of("statusBarUpdate").some((i) => i.text === "$(pulse) 1 click"), "updated item");
  });

  it("syncs documents incrementally and serves completions, hovers and diagnostics; a hanging provider is skipped", async () => {
    const { ext } = await start();
    await openTodo(ext);
    const diagnostics = await until(
      () => recorder.of("diagnosticsSet").find((p) => p.owner === "todo-lang" && p.diagnostics.length > 0),
      "diagnostics",
    );
    expect(diagnostics.uri).toBe(todoUri());
    expect(diagnostics.diagnostics).toEqual([
      {
        range: { start: { line: 1, character: 0 }, end: { line: 1, character: 5 } },
        message: "FIXME: this needs attention",
        severity: "warning",
        source: "todo-lang",
      },
    ]);
    // Incremental edit: replace "FIXME" on line 1 with "DONE" → diagnostics clear.
    ext.documentChanged({
      uri: todoUri(),
      version: 2,
      changes: [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 5 } }, text: "DONE" }],
    });
    await until(() => recorder.of("diagnosticsSet").at(-1)?.diagnostics.length === 0, "cleared diagnostics");

    const items = await ext.provideCompletions({ uri: todoUri(), version: 2, position: { line: 2, character: 0 } });
    expect(items.map((i) => i.label)).toEqual(["TODO", "DONE", "FIXME", "WAITING"]);
    expect(items[0]!.kind).toBe("Keyword");
    // The misbehaving extension's provider never answers: it was skipped and reported.
    await until(
      () =>
        recorder
          .of("outputAppend")
          .find(
            (p) => p.channel === "Extension: direct-examples.misbehaving" && p.text.includes("no answer within 500 ms"),
          ),
      "timeout report",
    );

    const hover = await ext.provideHover({ uri: todoUri(), version: 2, position: { line: 0, character: 1 } });
    expect(hover?.contents).toEqual(["**TODO**: Something to do"]);
  });

  it("isolates an extension that throws or rejects: its error goes to its Output channel, others keep working", async () => {
    const { client: c, ext } = await start();
    // The failure keeps its type across the wire.
    const thrown = await ext.executeCommand({ id: "misbehaving.throw", args: [] }).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(ExtensionFailure);
    expect(thrown).toMatchObject({
      extensionId: "direct-examples.misbehaving",
      message: "command 'misbehaving.throw' failed in extension 'direct-examples.misbehaving': boom from a command",
    });
    await expect(ext.executeCommand({ id: "misbehaving.reject", args: [] })).rejects.toMatchObject({
      _tag: "ExtensionFailure",
      message: expect.stringContaining("rejected on purpose"),
    });
    await expect(ext.executeCommand({ id: "no.such.command", args: [] })).rejects.toBeInstanceOf(CommandNotFound);
    await until(
      () =>
        recorder
          .of("outputAppend")
          .find(
            (p) => p.channel === "Extension: direct-examples.misbehaving" && p.text.includes("boom from a command"),
          ),
      "error in output",
    );
    await openTodo(ext);
    ext.documentChanged({
      uri: todoUri(),
      version: 2,
      changes: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: "x" }],
    });
    await until(() => recorder.of("outputAppend").find((p) => p.text.includes("listener exploded")), "listener error");
    expect(await ext.executeCommand({ id: "statusBar.click", args: [] })).toBe(1);
    expect(await proxy(c, ChannelContract).ping()).toBe("pong");
  });

  it("persists globalState across a host restart", async () => {
    const { ext } = await start();
    recorder.answer("showMessage", () => null);
    const before = (await ext.executeCommand({ id: "hello.sayHello", args: [] })) as { count: number };
    await client!.dispose();
    await host!.stop();
    const again = await start();
    recorder.answer("showMessage", () => null);
    expect(await again.ext.executeCommand({ id: "hello.sayHello", args: [] })).toMatchObject({
      count: before.count + 1,
    });
  });
});
