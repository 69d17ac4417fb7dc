/** The layer rules `npm run check` enforces: each process imports only what runs in it. */
import { ESLint } from "eslint";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../support/paths.js";

const eslint = new ESLint({ cwd: repoRoot });
const violations = async (file: string, code: string): Promise<string[]> => {
  const [result] = await eslint.lintText(code, { filePath: join(repoRoot, file) });
  return (result?.messages ?? []).filter((m) => m.message.includes("Layer rule")).map((m) => m.message);
};

describe("layer rules", () => {
  it("keep Node, Electron and other processes' code out of the renderer", async () => {
    expect(await violations("src/renderer/src/x.ts", 'import "node:fs";')).toHaveLength(1);
    expect(await violations("src/renderer/src/x.ts", 'import "../../extension-host/index.js";')).toHaveLength(1);
    expect(await violations("src/renderer/src/x.ts", 'import "electron";')).toHaveLength(1);
    expect(await violations("src/renderer/src/x.ts", 'import "../../protocol/peer.js";')).toEqual([]);
  });

  it("keep main from running host code, and protocol free of any one process", async () => {
    expect(await violations("src/main/x.ts", 'import "../extension-host/test-hooks.js";')).toHaveLength(1);
    expect(await violations("src/main/x.ts", 'import "../protocol/handshake.js";')).toEqual([]);
    expect(await violations("src/protocol/x.ts", 'import "node:crypto";')).toHaveLength(1);
    expect(await violations("src/protocol/x.ts", 'import "../renderer/src/bridge.js";')).toHaveLength(1);
    expect(await violations("src/extension-host/x.ts", 'import "electron";')).toHaveLength(1);
  });
});
