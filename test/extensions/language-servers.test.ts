/**
 * The built-in language extensions (extensions/builtin/*-language-features) in the real built
 * extension host: each runs the unmodified vscode-languageclient against a real language server
 * from node_modules. Driven through the typed contract as the renderer would; one host (so one
 * server per language) for the whole file, because a server takes seconds to start.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ExtHostContract } from "../../src/protocol/contracts/ext-host.js";
import { proxy, type Proxy } from "../../src/protocol/rpc-contract.js";
import type { ChannelClient } from "../../src/renderer/src/channel/channel-client.js";
import { startTestHost, type TestHost } from "../support/host.js";
import { isConnected, nodeChannelClient, waitForState } from "../support/node-client.js";
import { repoRoot } from "../support/paths.js";
import { until } from "../support/until.js";
import { WorkbenchRecorder } from "../support/workbench-recorder.js";

/** A two-file TypeScript project with one type error (a string assigned to a number). */
const PROJECT: Record<string, string> = {
  "tsconfig.json": JSON.stringify({
    compilerOptions: { target: "ES2022", module: "ESNext", moduleResolution: "Bundler", strict: true, noEmit: true },
    include: ["src"],
  }),
  "src/greeter.ts": [
    "export interface Greeter {",
    "  readonly name: string;",
    "  greet(punctuation: string): string;",
    "}",
    "",
    "export function makeGreeter(name: string): Greeter {",
    "  return { name, greet: (punctuation) => `Hello, ${name}${punctuation}` };",
    "}",
    "",
  ].join("\n"),
  "src/main.ts": [
    'import { makeGreeter } from "./greeter";',
    "",
    'const greeter = makeGreeter("world");',
    'const count: number = greeter.greet("!");',
    "console.log(count);",
    "",
  ].join("\n"),
  "package.json": JSON.stringify({ name: "fixture", version: "1.0.0", private: true }, null, 2),
};

describe("built-in language servers through vscode-languageclient", () => {
  let dataDir: string;
  let workspace: string;
  let host: TestHost;
  let client: ChannelClient;
  let recorder: WorkbenchRecorder;
  let ext: Proxy<typeof ExtHostContract>;
  const versions = new Map<string, number>();

  const uriOf = (file: string) => pathToFileURL(join(workspace, file)).toString();
  const open = async (file: string, languageId: string, text = PROJECT[file] ?? "") => {
    versions.set(file, 1);
    await ext.documentOpened({ uri: uriOf(file), languageId, version: 1, text });
  };
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "lsp-data-"));
    workspace = mkdtempSync(join(tmpdir(), "lsp-ws-"));
    for (const [file, text] of Object.entries(PROJECT)) {
      mkdirSync(dirname(join(workspace, file)), { recursive: true });
      writeFileSync(join(workspace, file), text);
    }
    host = await startTestHost({
      env: {
        EXTHOST_BUILTIN_EXTENSIONS: join(repoRoot, "extensions/builtin"),
        EXTHOST_USER_DATA_DIR: dataDir,
        EXTHOST_PROVIDER_TIMEOUT_MS: "20000",
      },
    });
    client = await nodeChannelClient(() => host.starter.connectionInfo());
    recorder = new WorkbenchRecorder();
    await recorder.attach(client);
    await waitForState(client, isConnected);
    ext = proxy(client, ExtHostContract);
    await ext.initialize({
      workspaceFolders: [{ uri: pathToFileURL(workspace).toString(), name: "fixture" }],
      documents: [],
      activeDocument: null,
    });
  }, 30_000);

  afterAll(async () => {
    await client?.dispose();
    await host?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(workspace, { recursive: true, force: true });
  });

  const output = (channel: string) =>
    recorder
      .of("outputAppend")
      .filter((p) => p.channel === channel)
      .map((p) => p.text)
      .join("");

  it("TypeScript: a type error is published as a diagnostic", async () => {
    await open("src/main.ts", "typescript");
    const published = await until(
      () => recorder.of("diagnosticsSet").find((p) => p.uri === uriOf("src/main.ts") && p.diagnostics.length > 0),
      `diagnostics for main.ts; output: ${output("TypeScript")} ${output("Extension: direct-editor.typescript-language-features")}`,
      30_000,
    ).catch((e: unknown) => {
      throw new Error(`${String(e)}\n${host.logs.join("\n")}\n${JSON.stringify(recorder.of("outputAppend"))}`);
    });
    expect(published.diagnostics[0]).toMatchObject({
      message: "Type 'string' is not assignable to type 'number'.",
      severity: "error",
    });
  }, 40_000);
});
