/**
 * `languages.setLanguageConfiguration` in the real built host: what reaches each window (RegExps
 * as source + flags, VS Code's enums as Monaco's values), a window connecting later gets the
 * current set, a disposed configuration leaves every window, bad input fails with the field's
 * name, and the word pattern drives `TextDocument.getWordRangeAtPosition`. That Monaco applies
 * it is proven by test/browser/save-language-configuration.test.ts.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ExtHostContract } from "../../src/protocol/contracts/ext-host.js";
import {
  WorkbenchLanguageConfigurationContract,
  type LanguageConfigurationEntry,
} from "../../src/protocol/contracts/language-configuration.js";
import { proxy, serve, type Proxy } from "../../src/protocol/rpc-contract.js";
import type { ChannelClient } from "../../src/renderer/src/channel/channel-client.js";
import { startTestHost, type TestHost } from "../support/host.js";
import { isConnected, nodeChannelClient, waitForState } from "../support/node-client.js";
import { repoRoot } from "../support/paths.js";
import { WorkbenchRecorder } from "../support/workbench-recorder.js";

const probe = join(repoRoot, "test/fixtures/extensions/save-probe");
const DOC = "untitled:words";

interface Window {
  client: ChannelClient;
  ext: Proxy<typeof ExtHostContract>;
  /** Every set of configurations the host pushed, newest last. */
  pushes: Array<ReadonlyArray<LanguageConfigurationEntry>>;
}

describe("languages.setLanguageConfiguration in the extension host", () => {
  let dataDir: string;
  let host: TestHost | undefined;
  const windows: Window[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "langconf-host-data-"));
    host = await startTestHost({ env: { EXTHOST_DEV_EXTENSIONS: probe, EXTHOST_USER_DATA_DIR: dataDir } });
  });
  afterEach(async () => {
    for (const w of windows.splice(0)) await w.client.dispose();
  });
  afterAll(async () => {
    await host?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const openWindow = async (): Promise<Window> => {
    const h = host!;
    const client = await nodeChannelClient(() => h.starter.connectionInfo());
    await new WorkbenchRecorder().attach(client);
    const pushes: Window["pushes"] = [];
    await serve(client, WorkbenchLanguageConfigurationContract, {
      languageConfigurationsChanged: ({ configurations }) => void pushes.push(configurations),
    }).ready;
    await waitForState(client, isConnected);
    const ext = proxy(client, ExtHostContract);
    await ext.initialize({
      workspaceFolders: [],
      documents: [{ uri: DOC, languageId: "saveprobe", version: 1, text: "see well-known words\n" }],
      activeDocument: DOC,
    });
    const w = { client, ext, pushes };
    windows.push(w);
    return w;
  };
  const run = (w: Window, step: string, args: unknown = {}) =>
    w.ext.executeCommand({ id: "saveProbe.run", args: [step, args] });

  it("reaches every window, a later one included, with RegExps as source + flags; dispose takes it back everywhere", async () => {
    const first = await openWindow();
    const second = await openWindow();
    const index = await run(first, "setConfig", { language: "saveprobe" });
    const expected = {
      languageId: "saveprobe",
      configuration: {
        comments: { lineComment: "%%", blockComment: ["(*", "*)"] },
        brackets: [["<", ">"]],
        wordPattern: { source: "[a-z]+-[a-z]+", flags: "i" },
        indentationRules: {
          increaseIndentPattern: { source: "\\{$", flags: "" },
          decreaseIndentPattern: { source: "^\\}", flags: "" },
          indentNextLinePattern: { source: ":$", flags: "" },
        },
        onEnterRules: [
          {
            beforeText: { source: "^\\s*%%", flags: "" },
            afterText: { source: "x", flags: "m" },
            action: { indentAction: 2, appendText: "%% ", removeText: 1 },
          },
        ],
        // SyntaxTokenType.String → Monaco's "string"; Other excludes nothing.
        autoClosingPairs: [{ open: "<", close: ">", notIn: ["string"] }],
      },
    };
    for (const w of [first, second]) {
      await expect.poll(() => w.pushes.at(-1)).toEqual([expect.objectContaining(expected)]);
    }
    // A window that binds now gets the current set.
    const third = await openWindow();
    await expect.poll(() => third.pushes.at(-1)).toEqual([expect.objectContaining(expected)]);
    // The word pattern is the document's word definition for that language.
    expect(await run(first, "wordAt", { uri: DOC, line: 0, character: 6 })).toBe("well-known");
    expect(await run(first, "wordAt", { uri: DOC, line: 0, character: 1 })).toBeNull();

    await run(first, "disposeConfig", { index });
    for (const w of [first, second, third]) await expect.poll(() => w.pushes.at(-1)).toEqual([]);
    // Back to the default word definition.
    expect(await run(first, "wordAt", { uri: DOC, line: 0, character: 6 })).toBe("well-known");
    expect(await run(first, "wordAt", { uri: DOC, line: 0, character: 1 })).toBe("see");
  });

  it("bad configurations fail at the call with the field's name, as VS Code", async () => {
    const w = await openWindow();
    expect(await run(w, "badConfig", { kind: "regex" })).toBe(
      "vscode.languages.setLanguageConfiguration: wordPattern must be a RegExp",
    );
    expect(await run(w, "badConfig", { kind: "empty" })).toBe(
      "Invalid language configuration: wordPattern '/a*/' is not allowed to match the empty string.",
    );
    expect(await run(w, "badConfig", { kind: "indent" })).toMatch(/onEnterRules\[0\]\.action\.indentAction/);
    expect(await run(w, "badConfig", { kind: "pairs" })).toMatch(/brackets must be pairs of strings/);
    // Nothing was registered by the failed calls.
    expect(w.pushes.every((p) => p.length === 0)).toBe(true);
  });
});
