/**
 * Real extensions (examples/) in the real built extension host, driven through the real
 * channel by the renderer's supervisor, with the workbench's side recorded.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ExtHost, Workbench, type ExtensionInfo } from "../../src/protocol/workbench.js";
import type { ChannelClient } from "../../src/renderer/src/channel/channel-client.js";
import { startTestHost, type TestHost } from "../support/host.js";
import { isConnected, nodeChannelClient, waitForState } from "../support/node-client.js";
import { repoRoot } from "../support/paths.js";

const examples = ["hello-command", "status-bar", "completion-diagnostics", "misbehaving"].map((e) =>
  join(repoRoot, "examples", e),
);

/** What the host sent to the "workbench", by method. */
class Recorder {
  readonly calls: Array<{ method: string; params: ReadonlyArray<unknown> }> = [];
  answers = new Map<string, (params: ReadonlyArray<unknown>) => unknown>();
  of(method: string): Array<ReadonlyArray<unknown>> {
    return this.calls.filter((c) => c.method === method).map((c) => c.params);
  }
  async attach(client: ChannelClient): Promise<void> {
    for (const method of Object.values(Workbench)) {
      await client.register(method, (params) => {
        this.calls.push({ method, params });
        return this.answers.get(method)?.(params) ?? null;
      });
    }
  }
}

const until = async <T>(f: () => T | undefined, what: string, timeoutMs = 10_000): Promise<T> => {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = f();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
};

describe("extension host with real extensions", () => {
  let dataDir: string;
  let workspace: string;
  let host: TestHost | undefined;
  let client: ChannelClient | undefined;
  let recorder: Recorder;

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
    recorder = new Recorder();
    await recorder.attach(client);
    await waitForState(client, isConnected);
    const infos = (await client.call(ExtHost.initialize, [
      {
        workspaceFolders: [{ uri: pathToFileURL(workspace).toString(), name: "ws" }],
        documents: [],
        activeDocument: null,
      },
    ])) as ExtensionInfo[];
    return { client, infos };
  };

  const todoUri = () => pathToFileURL(join(workspace, "notes.todo")).toString();
  const openTodo = (c: ChannelClient) =>
    c.notify(ExtHost.documentOpened, [
      { uri: todoUri(), languageId: "todo", version: 1, text: "TODO write tests\nFIXME flaky\n" },
    ]);

  it("lists extensions and contributed commands; a command activates its extension and talks to the workbench", async () => {
    const { client: c, infos } = await start();
    expect(infos.map((i) => i.id).sort()).toEqual([
      ...["css", "html", "javascript", "json", "markdown", "python", "shellscript", "typescript", "yaml"].map(
        (l) => `direct-editor.lang-${l}`,
      ),
      "direct-editor.word-count",
      "direct-examples.hello-command",
      "direct-examples.misbehaving",
      "direct-examples.status-bar",
      "direct-examples.todo-lang",
    ]);
    expect(infos.find((i) => i.id === "direct-editor.word-count")?.builtin).toBe(true);
    const commands = (await c.call(ExtHost.listCommands, [])) as Array<{ id: string; title: string }>;
    expect(commands).toContainEqual({
      id: "hello.sayHello",
      title: "Say Hello",
      category: "Hello",
      extensionId: "direct-examples.hello-command",
    });
    expect(infos.find((i) => i.id === "direct-examples.hello-command")?.activated).toBe(false);

    recorder.answers.set(Workbench.showMessage, () => "Again");
    const result = await c.call(ExtHost.executeCommand, ["hello.sayHello"]);
    expect(result).toEqual({ count: 1, choice: "Again" });
    expect(recorder.of(Workbench.showMessage)[0]?.[0]).toMatchObject({
      severity: "information",
      message: "Hello from an extension! (#1)",
      items: ["Again", "Done"],
      extensionId: "direct-examples.hello-command",
    });
    await until(() => recorder.of(Workbench.outputAppend).find((p) => p[0] === "Hello"), "output line");
    const listed = (await c.call(ExtHost.listExtensions, [])) as ExtensionInfo[];
    expect(listed.find((i) => i.id === "direct-examples.hello-command")).toMatchObject({ activated: true });
  });

  it("onStartupFinished extensions put items in the status bar; clicking runs their command", async () => {
    const { client: c } = await start();
    const item = await until(
      () =>
        recorder
          .of(Workbench.statusBarUpdate)
          .map((p) => p[0] as { text: string; command?: string; visible: boolean })
          .find((i) => i.command === "statusBar.click"),
      "status bar item",
    );
    expect(item).toMatchObject({ text: "$(pulse) 0 clicks", visible: true, alignment: "right" });
    expect(await c.call(ExtHost.executeCommand, ["statusBar.click"])).toBe(1);
    await until(
      () => recorder.of(Workbench.statusBarUpdate).some((p) => (p[0] as { text: string }).text === "$(pulse) 1 click"),
      "updated item",
    );
  });

  it("syncs documents incrementally and serves completions, hovers and diagnostics; a hanging provider is skipped", async () => {
    const { client: c } = await start();
    await openTodo(c);
    const diagnostics = await until(
      () => recorder.of(Workbench.diagnosticsSet).find((p) => p[0] === "todo-lang" && (p[2] as unknown[]).length > 0),
      "diagnostics",
    );
    expect(diagnostics[1]).toBe(todoUri());
    expect(diagnostics[2]).toEqual([
      {
        range: { start: { line: 1, character: 0 }, end: { line: 1, character: 5 } },
        message: "FIXME: this needs attention",
        severity: "warning",
        source: "todo-lang",
      },
    ]);
    // Incremental edit: replace "FIXME" on line 1 with "DONE" → diagnostics clear.
    await c.notify(ExtHost.documentChanged, [
      {
        uri: todoUri(),
        version: 2,
        changes: [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 5 } }, text: "DONE" }],
      },
    ]);
    await until(
      () =>
        recorder.of(Workbench.diagnosticsSet).at(-1)?.[2] &&
        (recorder.of(Workbench.diagnosticsSet).at(-1)![2] as unknown[]).length === 0,
      "cleared diagnostics",
    );

    const items = (await c.call(ExtHost.provideCompletions, [todoUri(), { line: 2, character: 0 }])) as Array<{
      label: string;
      kind?: string;
    }>;
    expect(items.map((i) => i.label)).toEqual(["TODO", "DONE", "FIXME", "WAITING"]);
    expect(items[0]!.kind).toBe("Keyword");
    // The misbehaving extension's provider never answers: it was skipped and reported.
    await until(
      () =>
        recorder
          .of(Workbench.outputAppend)
          .find(
            (p) =>
              p[0] === "Extension: direct-examples.misbehaving" && String(p[1]).includes("no answer within 500 ms"),
          ),
      "timeout report",
    );

    const hover = (await c.call(ExtHost.provideHover, [todoUri(), { line: 0, character: 1 }])) as {
      contents: string[];
    };
    expect(hover.contents).toEqual(["**TODO**: Something to do"]);
    // A version gap is refused loudly, not applied to the wrong text.
    await expect(c.call(ExtHost.documentChanged, [{ uri: todoUri(), version: 9, changes: [] }])).rejects.toMatchObject({
      _tag: "RemoteError",
      message: expect.stringMatching(/is at version 2; got an edit for version 9/),
    });
  });

  it("isolates an extension that throws or rejects: its error goes to its Output channel, others keep working", async () => {
    const { client: c } = await start();
    await expect(c.call(ExtHost.executeCommand, ["misbehaving.throw"])).rejects.toMatchObject({
      _tag: "RemoteError",
      message: "command 'misbehaving.throw' failed in extension 'direct-examples.misbehaving': boom from a command",
    });
    await expect(c.call(ExtHost.executeCommand, ["misbehaving.reject"])).rejects.toMatchObject({
      message: expect.stringContaining("rejected on purpose"),
    });
    await until(
      () =>
        recorder
          .of(Workbench.outputAppend)
          .find(
            (p) => p[0] === "Extension: direct-examples.misbehaving" && String(p[1]).includes("boom from a command"),
          ),
      "error in output",
    );
    await openTodo(c);
    await c.notify(ExtHost.documentChanged, [
      {
        uri: todoUri(),
        version: 2,
        changes: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: "x" }],
      },
    ]);
    await until(
      () => recorder.of(Workbench.outputAppend).find((p) => String(p[1]).includes("listener exploded")),
      "listener error",
    );
    expect(await c.call(ExtHost.executeCommand, ["statusBar.click"])).toBe(1);
    expect(await c.call("$ping", [])).toBe("pong");
  });

  it("persists globalState across a host restart", async () => {
    const { client: c } = await start();
    recorder.answers.set(Workbench.showMessage, () => null);
    const before = (await c.call(ExtHost.executeCommand, ["hello.sayHello"])) as { count: number };
    await client!.dispose();
    await host!.stop();
    const again = await start();
    recorder.answers.set(Workbench.showMessage, () => null);
    expect(await again.client.call(ExtHost.executeCommand, ["hello.sayHello"])).toMatchObject({
      count: before.count + 1,
    });
  });
});
