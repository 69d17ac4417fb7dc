/**
 * One extension host, several clients: each window is its own session, bound by `initialize`;
 * a client that never binds gets no workbench traffic. Document sync survives a lost edit, and
 * cancelling a request reaches the provider's CancellationToken.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DocumentVersionMismatch, ExtHostContract, NotAWorkbench } from "../../src/protocol/contracts/ext-host.js";
import { proxy } from "../../src/protocol/rpc-contract.js";
import type { ChannelClient } from "../../src/renderer/src/channel/channel-client.js";
import { startTestHost, type TestHost } from "../support/host.js";
import { isConnected, nodeChannelClient, waitForState } from "../support/node-client.js";
import { repoRoot } from "../support/paths.js";
import { until } from "../support/until.js";
import { WorkbenchRecorder } from "../support/workbench-recorder.js";

const probe = join(repoRoot, "test/fixtures/extensions/session-probe");

describe("sessions: a window per connection, bound explicitly", () => {
  let dataDir: string;
  let folderA: string;
  let folderB: string;
  let host: TestHost | undefined;
  const clients: ChannelClient[] = [];

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), "sessions-data-"));
    folderA = mkdtempSync(join(tmpdir(), "sessions-a-"));
    folderB = mkdtempSync(join(tmpdir(), "sessions-b-"));
  });
  afterAll(() => {
    for (const d of [dataDir, folderA, folderB]) rmSync(d, { recursive: true, force: true });
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.dispose()));
    await host?.stop();
    host = undefined;
  });

  const startHost = async () => {
    host = await startTestHost({
      env: { EXTHOST_DEV_EXTENSIONS: probe, EXTHOST_USER_DATA_DIR: dataDir, EXTHOST_PROVIDER_TIMEOUT_MS: "60000" },
    });
  };

  /** A client playing a window (bound with `initialize` when `folder` is given) or a bare tool. */
  const connect = async (folder?: string) => {
    const h = host!;
    const client = await nodeChannelClient(() => h.starter.connectionInfo());
    clients.push(client);
    const recorder = new WorkbenchRecorder();
    await recorder.attach(client);
    await waitForState(client, isConnected);
    const ext = proxy(client, ExtHostContract);
    if (folder) {
      await ext.initialize({
        workspaceFolders: [{ uri: pathToFileURL(folder).toString(), name: "w" }],
        documents: [],
        activeDocument: null,
      });
    }
    return { client, ext, recorder };
  };

  it("two windows and a tool on one host each get only their own traffic", async () => {
    await startHost();
    const a = await connect(folderA);
    const b = await connect(folderB);
    const tool = await connect();

    // A command run from a window answers in that window.
    a.recorder.answer("showMessage", () => "ok");
    b.recorder.answer("showMessage", () => "ok");
    await a.ext.executeCommand({ id: "probe.ask", args: ["A"] });
    await b.ext.executeCommand({ id: "probe.ask", args: ["B"] });
    expect(a.recorder.of("showMessage").map((m) => m.message)).toEqual(["asked by A"]);
    expect(b.recorder.of("showMessage").map((m) => m.message)).toEqual(["asked by B"]);

    // Diagnostics go to the window that shows the file.
    const fileA = pathToFileURL(join(folderA, "a.txt")).toString();
    await a.ext.documentOpened({ uri: fileA, languageId: "plaintext", version: 1, text: "hello" });
    await until(() => a.recorder.of("diagnosticsSet").find((d) => d.uri === fileA), "A's diagnostics");
    // Extension state every window shows (its status bar item) reached both windows.
    expect(a.recorder.of("statusBarUpdate").some((i) => i.text === "probe")).toBe(true);
    expect(b.recorder.of("statusBarUpdate").some((i) => i.text === "probe")).toBe(true);
    await new Promise((r) => setTimeout(r, 200));
    expect(b.recorder.of("diagnosticsSet").filter((d) => d.uri === fileA)).toEqual([]);

    // The tool never bound itself: no workbench traffic at all, and workbench methods refuse it.
    expect(Object.keys(WorkbenchRecorderCounts(tool.recorder))).toEqual([]);
    await expect(
      tool.ext.documentOpened({ uri: fileA, languageId: "plaintext", version: 1, text: "x" }),
    ).rejects.toBeInstanceOf(NotAWorkbench);

    // A newcomer does not take over: A still gets its answers after B and the tool leave.
    await b.client.dispose();
    await tool.client.dispose();
    await a.ext.executeCommand({ id: "probe.ask", args: ["A again"] });
    expect(a.recorder.of("showMessage").map((m) => m.message)).toEqual(["asked by A", "asked by A again"]);
  });

  it("a lost edit makes the host ask for a snapshot; providers then see the latest text", async () => {
    await startHost();
    const a = await connect(folderA);
    const uri = pathToFileURL(join(folderA, "typed.txt")).toString();
    await a.ext.documentOpened({ uri, languageId: "plaintext", version: 1, text: "ab" });
    // The window typed "c" (version 2, lost in a reconnect) and "d" (version 3).
    a.recorder.answer("documentSnapshot", () => ({ uri, languageId: "plaintext", version: 3, text: "abcd" }));
    a.ext.documentChanged({
      uri,
      version: 3,
      changes: [{ range: { start: { line: 0, character: 3 }, end: { line: 0, character: 3 } }, text: "d" }],
    });
    await until(() => a.recorder.of("documentSnapshot").length > 0, "snapshot request");
    // Until the snapshot lands, requests at version 3 fail with DocumentVersionMismatch.
    let hover: { contents: ReadonlyArray<string> } | null | undefined;
    const deadline = Date.now() + 10_000;
    while (hover === undefined && Date.now() < deadline) {
      hover = await a.ext.provideHover({ uri, version: 3, position: { line: 0, character: 0 } }).catch(() => undefined);
    }
    expect(hover?.contents).toEqual(["abcd"]);
    // Later edits apply on top of the snapshot.
    a.ext.documentChanged({
      uri,
      version: 4,
      changes: [{ range: { start: { line: 0, character: 4 }, end: { line: 0, character: 4 } }, text: "e" }],
    });
    expect((await a.ext.provideHover({ uri, version: 4, position: { line: 0, character: 0 } }))?.contents).toEqual([
      "abcde",
    ]);
    // A request for a version the host does not have is refused with a typed error.
    await expect(a.ext.provideHover({ uri, version: 2, position: { line: 0, character: 0 } })).rejects.toBeInstanceOf(
      DocumentVersionMismatch,
    );
  });

  it("after a reconnect to the same host, initialize resynchronises documents typed while disconnected", async () => {
    await startHost();
    const first = await connect(folderA);
    const uri = pathToFileURL(join(folderA, "offline.txt")).toString();
    writeFileSync(join(folderA, "offline.txt"), "one");
    await first.ext.documentOpened({ uri, languageId: "plaintext", version: 1, text: "one" });
    // The socket drops; the window keeps typing (versions 2..5), then reconnects to the same
    // host and binds the new connection with its documents, as the workbench does.
    await first.client.dispose();
    const again = await connect();
    await again.ext.initialize({
      workspaceFolders: [{ uri: pathToFileURL(folderA).toString(), name: "w" }],
      documents: [{ uri, languageId: "plaintext", version: 5, text: "one two three" }],
      activeDocument: uri,
    });
    const hover = (v: number) => again.ext.provideHover({ uri, version: v, position: { line: 0, character: 0 } });
    expect((await hover(5))?.contents).toEqual(["one two three"]);
    // Later edits are accepted, not refused for a version gap.
    again.ext.documentChanged({
      uri,
      version: 6,
      changes: [{ range: { start: { line: 0, character: 13 }, end: { line: 0, character: 13 } }, text: "!" }],
    });
    expect((await hover(6))?.contents).toEqual(["one two three!"]);
  });

  it("cancelling a completion fires the provider's CancellationToken", async () => {
    await startHost();
    const a = await connect(folderA);
    const uri = pathToFileURL(join(folderA, "c.txt")).toString();
    await a.ext.documentOpened({ uri, languageId: "plaintext", version: 1, text: "x" });
    const controller = new AbortController();
    const pending = a.ext.provideCompletions(
      { uri, version: 1, position: { line: 0, character: 1 } },
      { signal: controller.signal },
    );
    await new Promise((r) => setTimeout(r, 200));
    controller.abort();
    await expect(pending).rejects.toMatchObject({ _tag: "CallCancelled" });
    await until(
      () =>
        a.recorder.of("outputAppend").find((o) => o.channel === "Probe" && o.text.includes("completion token fired")),
      "the provider's token to fire",
    );
  });
});

/** How many calls of each kind a recorder saw (empty when it saw none). */
const WorkbenchRecorderCounts = (recorder: WorkbenchRecorder): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const key of [
    "showMessage",
    "outputAppend",
    "statusBarUpdate",
    "diagnosticsSet",
    "commandsChanged",
    "extensionsChanged",
  ] as const) {
    const n = recorder.of(key).length;
    if (n > 0) counts[key] = n;
  }
  return counts;
};
