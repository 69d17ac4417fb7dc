/**
 * The real app in the real Electron binary, launched as `npm start` launches it after the
 * build (`electron .` from the repo root, here with a folder and an example extension), driven
 * with Playwright's `_electron`. Where there is no binary (its download needs more than the
 * npm registry) or no display (and no xvfb-run), this file skips with the reason printed;
 * test/main runs the same scenarios on main's built code under a fake `electron`.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { _electron as electron, type ElectronApplication, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ChannelContract } from "../../src/protocol/contracts/channel.js";
import { callOverMessagePort, descendants, isAlive } from "../main/support.js";
import { repoRoot, requireBuild } from "../support/paths.js";

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

/** The binary to launch: Electron itself with a display, or Electron under `xvfb-run -a`. */
const withDisplay = (binary: string): { executablePath: string } | { reason: string } => {
  if (process.env["DISPLAY"] || process.env["WAYLAND_DISPLAY"]) return { executablePath: binary };
  if (spawnSync("sh", ["-c", "command -v xvfb-run"]).status !== 0) {
    return { reason: "no display ($DISPLAY unset) and no xvfb-run: apt-get install -y xvfb" };
  }
  const wrapper = join(mkdtempSync(join(tmpdir(), "electron-xvfb-")), "electron");
  writeFileSync(wrapper, `#!/bin/sh\nexec xvfb-run -a -s "-screen 0 1280x800x24" ${JSON.stringify(binary)} "$@"\n`);
  chmodSync(wrapper, 0o755);
  return { executablePath: wrapper };
};

const binary = findElectron();
const launchable = "reason" in binary ? binary : withDisplay(binary.path);
if ("reason" in launchable) console.warn(`[e2e] SKIPPED the Electron end-to-end tests: ${launchable.reason}`);

const CONNECTED = '[data-testid="channel-state"][data-state="Connected"]';

describe.skipIf("reason" in launchable)("Electron app end to end (`electron .`)", () => {
  let app: ElectronApplication;
  let page: Page;
  let home: string;

  const hostPid = (): Promise<number | undefined> =>
    app.evaluate(({ app }) => app.getAppMetrics().find((m) => m.type === "Utility")?.pid);

  beforeAll(async () => {
    requireBuild();
    home = mkdtempSync(join(tmpdir(), "e2e-home-"));
    const workspace = join(home, "project");
    spawnSync("mkdir", ["-p", workspace]);
    writeFileSync(join(workspace, "readme.md"), "# Hello\n");
    app = await electron.launch({
      executablePath: (launchable as { executablePath: string }).executablePath,
      args: [".", `--extensionDevelopmentPath=${join(repoRoot, "examples/hello-command")}`, workspace],
      cwd: repoRoot,
      env: { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, ".config"), ELECTRON_ENABLE_LOGGING: "1" },
    });
    page = await app.firstWindow();
    await page.locator(CONNECTED).waitFor({ timeout: 60_000 });
  }, 120_000);
  afterAll(async () => {
    await app?.close().catch(() => undefined);
    if (home) rmSync(home, { recursive: true, force: true });
  });

  it("opens a sandboxed app://editor window whose renderer reaches the extension host directly", async () => {
    expect(page.url()).toBe("app://editor/index.html");
    expect(
      await page.evaluate(
        (method) =>
          (
            window as unknown as { directChannel: { call(m: string, p: unknown[]): Promise<unknown> } }
          ).directChannel.call(method, []),
        ChannelContract.ping.method,
      ),
    ).toBe("pong");
    // Context isolation + no node integration: the page sees the bridge and nothing of Node.
    expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe("undefined");
    expect(await page.evaluate(() => typeof (window as unknown as { process?: unknown }).process)).toBe("undefined");
  });

  it("runs an extension's command from the palette", async () => {
    await page.keyboard.press("Control+Shift+P");
    await page.getByTestId("palette-input").fill("say hello");
    await page.locator('[data-testid="palette-item"][data-command="hello.sayHello"]').click();
    const toast = page.getByTestId("notification").filter({ hasText: "Hello from an extension! (#1)" });
    await toast.getByRole("button", { name: "Again" }).click();
    await page.getByTestId("panel-tab-output").click();
    await page.getByTestId("output-channel").selectOption("Hello");
    await expect.poll(() => page.getByTestId("output-text").textContent()).toContain("user chose Again");
  });

  it("gives the profiler a MessagePort that carries RPC to the extension host", async () => {
    const reply = await page.evaluate<string>(callOverMessagePort(ChannelContract.ping.method, 10_000));
    expect(JSON.parse(reply)).toEqual({ id: 1, result: "pong" });
  });

  it("restarts a killed extension host, and the window reconnects", async () => {
    const before = await hostPid();
    expect(before).toBeDefined();
    process.kill(before!, "SIGKILL");
    await expect.poll(hostPid, { timeout: 20_000 }).not.toBe(before);
    await expect.poll(async () => (await hostPid()) !== undefined, { timeout: 20_000 }).toBe(true);
    await page.locator(CONNECTED).waitFor({ timeout: 30_000 });
    const reply = await page.evaluate<string>(callOverMessagePort(ChannelContract.ping.method, 10_000));
    expect(JSON.parse(reply)).toEqual({ id: 1, result: "pong" });
  });

  it("quits with no process left behind (the host's pid from app.getAppMetrics())", async () => {
    const host = await hostPid();
    expect(host).toBeDefined();
    const tree = descendants(app.process().pid!);
    await app.close();
    await expect.poll(() => isAlive(host!), { timeout: 10_000 }).toBe(false);
    await expect.poll(() => tree.filter(isAlive), { timeout: 10_000 }).toEqual([]);
  });
});
