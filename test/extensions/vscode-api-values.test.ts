/**
 * An unmodified-style extension that builds the API's value types at load runs in the real,
 * built extension host; an API the host lacks fails with a clear error instead of `undefined`.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ExtHostContract } from "../../src/protocol/contracts/ext-host.js";
import { proxy } from "../../src/protocol/rpc-contract.js";
import { startTestHost } from "../support/host.js";
import { isConnected, nodeChannelClient, waitForState } from "../support/node-client.js";
import { repoRoot } from "../support/paths.js";

describe("vscode value types in the extension host", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "exthost-api-values-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("examples/api-values loads, builds values with VS Code's semantics and sees a clear not-implemented error", async () => {
    const host = await startTestHost({
      env: {
        EXTHOST_DEV_EXTENSIONS: join(repoRoot, "examples", "api-values"),
        EXTHOST_USER_DATA_DIR: dataDir,
      },
    });
    const client = await nodeChannelClient(() => host.starter.connectionInfo());
    try {
      await waitForState(client, isConnected);
      const ext = proxy(client, ExtHostContract);
      await ext.initialize({ workspaceFolders: [], documents: [], activeDocument: null });
      const report = await ext.executeCommand({ id: "apiValues.report", args: [] });
      expect(report).toEqual({
        version: "1.90.0",
        untitled: "untitled:Untitled-1",
        range: [0, 4, 2, 0],
        snippet: "\\$${1:name}$0",
        edits: [["untitled:Untitled-1", 1]],
        kind: "quickfix.spelling",
        refactorContainsKind: true,
        tokens: [1, 2, 3, 0, 1],
        treeItem: ["root", 2],
        symbolKind: 11,
        missing: "vscode.window.createWebviewPanel is not implemented yet in Direct Editor",
      });
      const infos = await ext.listExtensions();
      expect(infos.find((i) => i.id === "direct-examples.api-values")).toMatchObject({ activated: true });
    } finally {
      await client.dispose();
      await host.stop();
    }
  });
});
