/**
 * The real app in Electron (Playwright's `_electron`). Electron's binary is downloaded on
 * first use from outside the npm registry; where that is impossible this file skips with the
 * reason printed, and everything else is covered by the Node + Chromium tests.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { _electron as electron, type ElectronApplication } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outDir, repoRoot, requireBuild } from "../support/paths.js";

/** Asks the `electron` package for its binary (this downloads it when it can). */
const findElectron = (): { path: string } | { reason: string } => {
  const r = spawnSync(process.execPath, ["-e", 'process.stdout.write(require("electron"))'], {
    cwd: repoRoot,
    encoding: "utf8",
    timeout: 300_000,
  });
  if (r.status === 0 && r.stdout && existsSync(r.stdout)) return { path: r.stdout };
  const lines = (r.stderr || r.error?.message || "").split("\n").map((l) => l.trim());
  const why = lines.find((l) => /failed|Error/.test(l)) ?? "unknown error";
  return {
    reason:
      `no Electron binary on this machine: its download failed (${why}). ` +
      `With internet access, \`node -e "require('electron')"\` downloads it and these tests run`,
  };
};

const electronBinary = findElectron();
if ("reason" in electronBinary) {
  console.warn(`[e2e] SKIPPED the Electron end-to-end tests: ${electronBinary.reason}`);
}

type ChannelHandle = {
  call(method: string, params: unknown[]): Promise<unknown>;
  state(): { _tag: string };
};

describe.skipIf("reason" in electronBinary)("Electron app end to end", () => {
  let app: ElectronApplication;
  beforeAll(async () => {
    requireBuild();
    app = await electron.launch({
      executablePath: (electronBinary as { path: string }).path,
      args: [join(outDir, "main/index.js")],
      cwd: repoRoot,
      env: { ...process.env, ELECTRON_ENABLE_LOGGING: "1" },
    });
  }, 120_000);
  afterAll(async () => {
    await app?.close().catch(() => undefined);
  });

  it("opens a sandboxed window whose renderer reaches the extension host directly", async () => {
    const page = await app.firstWindow();
    await page.waitForFunction(
      () => (window as unknown as { directChannel?: ChannelHandle }).directChannel?.state()._tag === "Connected",
      undefined,
      { timeout: 60_000 },
    );
    expect(
      await page.evaluate(() =>
        (window as unknown as { directChannel: ChannelHandle }).directChannel.call("$ping", []),
      ),
    ).toBe("pong");
    // Context isolation + no node integration: the page sees the bridge and nothing of Node.
    expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe("undefined");
    expect(await page.evaluate(() => typeof (window as unknown as { process?: unknown }).process)).toBe("undefined");
    const bridgeKeys = await page.evaluate(() => Object.keys((window as unknown as { editorHost: object }).editorHost));
    expect(bridgeKeys).toContain("getConnectionInfo");
    expect(page.url()).toMatch(/^app:\/\/editor\//);
  });

  it("quits cleanly, leaving no process behind", async () => {
    const pid = app.process().pid!;
    await app.close();
    const children = spawnSync("pgrep", ["-P", String(pid)], { encoding: "utf8" }).stdout.trim();
    expect(children).toBe("");
  });
});
