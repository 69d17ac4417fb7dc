/**
 * Main's own built code (out/main/index.js) under the fake `electron`: a real Chromium
 * window loading app://editor, the real preload, the real extension host as a utility process.
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ChannelContract } from "../../src/protocol/contracts/channel.js";
import { ExtHostContract } from "../../src/protocol/contracts/ext-host.js";
import type { FakeElectronApp } from "../support/fake-electron/launcher.js";
import { repoRoot } from "../support/paths.js";
import {
  callOverMessagePort,
  CHANNEL_STATE,
  descendants,
  isAlive,
  sandbox,
  type Sandbox,
  fakeElectronUnavailable,
} from "./support.js";

describe.skipIf(fakeElectronUnavailable)("Electron main, started as `electron . <folder>`", () => {
  let box: Sandbox;
  let app: FakeElectronApp;
  let workspace: string;

  beforeAll(() => {
    box = sandbox();
    workspace = box.workspace("project");
    app = box.launch([`--extensionDevelopmentPath=${join(repoRoot, "examples/hello-command")}`, workspace]);
  });
  afterAll(async () => {
    await app?.kill();
    box?.dispose();
  });

  it("opens app://editor, whose renderer reaches the extension host directly", { timeout: 60_000 }, async () => {
    await expect.poll(() => app.evaluate(CHANNEL_STATE), { timeout: 40_000 }).toBe("Connected");
    expect(await app.request({ type: "windows" })).toEqual([
      { id: expect.any(Number), url: "app://editor/index.html" },
    ]);
    expect(await app.evaluate(`directChannel.call("${ChannelContract.ping.method}", [])`)).toBe("pong");
    // The folder from the command line is the workspace.
    expect(await app.evaluate(`editorHost.getInitialWorkspace()`)).toBe(pathToFileURL(workspace).href);
    // The preload exposed the bridge and nothing of Electron or Node.
    expect(await app.evaluate(`typeof require + "," + typeof process + "," + Object.isFrozen(editorHost)`)).toBe(
      "undefined,undefined,true",
    );
  });

  it("runs an extension's command, whose notification the user answers", async () => {
    // As the palette does: the window asks the host to run it; the host shows a notification.
    const done = app.evaluate(
      `directChannel.call("${ExtHostContract.executeCommand.method}", [{ id: "hello.sayHello", args: [] }], { timeoutMs: 0 })`,
    );
    const again = `[...document.querySelectorAll('[data-testid="notification"]')]
      .find((n) => n.textContent.includes("Hello from an extension! (#1)"))
      ?.querySelector("button")`;
    await expect.poll(() => app.evaluate(`${again}?.textContent ?? null`)).toBe("Again");
    await app.evaluate(`${again}.click()`);
    expect(await done).toEqual({ count: 1, choice: "Again" });
  });

  it("answers the folder dialog with what the user picked", async () => {
    const picked = box.workspace("picked");
    await app.request({ type: "script-dialog", result: { canceled: false, filePaths: [picked] } });
    expect(await app.evaluate(`editorHost.openFolderDialog()`)).toBe(pathToFileURL(picked).href);
    await app.request({ type: "script-dialog", result: { canceled: true, filePaths: [] } });
    expect(await app.evaluate(`editorHost.openFolderDialog()`)).toBeNull();
  });

  it("answers window.showOpenDialog / showSaveDialog with the OS dialog's choice, and refuses a malformed request", async () => {
    const a = box.workspace("a");
    const b = box.workspace("b");
    await app.request({ type: "script-dialog", result: { canceled: false, filePaths: [a, b] } });
    const open = `editorHost.showOpenDialog({ canSelectFiles: true, canSelectFolders: false, canSelectMany: true })`;
    expect(await app.evaluate(open)).toEqual([pathToFileURL(a).href, pathToFileURL(b).href]);
    expect(await app.evaluate(open)).toBeNull(); // nothing scripted: cancelled
    const target = join(box.workspace("out"), "report.txt");
    await app.request({ type: "script-save-dialog", result: { canceled: false, filePath: target } });
    expect(await app.evaluate(`editorHost.showSaveDialog({ filters: { Text: ["txt"] }, saveLabel: "Export" })`)).toBe(
      pathToFileURL(target).href,
    );
    // IPC input is checked again in main: a request of the wrong shape is an error, not a dialog.
    await expect(
      app.evaluate(`editorHost.showOpenDialog({ canSelectFiles: "yes" }).then(() => "opened", (e) => e.message)`),
    ).resolves.toMatch(/canSelectFiles|Expected/);
  });

  it("gives the profiler a MessagePort that carries RPC to the extension host", async () => {
    const reply = await app.evaluate<string>(callOverMessagePort(ChannelContract.ping.method, 10_000));
    expect(JSON.parse(reply)).toEqual({ id: 1, result: "pong" });
  });

  it("restarts a killed extension host, and the window reconnects", async () => {
    const before = await app.hostPid();
    expect(before).toBeDefined();
    process.kill(before!, "SIGKILL");
    await expect.poll(() => app.hostPid(), { timeout: 20_000 }).not.toBe(before);
    await expect.poll(async () => (await app.hostPid()) !== undefined, { timeout: 20_000 }).toBe(true);
    expect(isAlive(before!)).toBe(false);
    await expect.poll(() => app.evaluate(CHANNEL_STATE), { timeout: 30_000 }).toBe("Connected");
    await expect
      .poll(() => app.evaluate(`directChannel.call("${ChannelContract.ping.method}", [])`), { timeout: 20_000 })
      .toBe("pong");
    // The MessagePort path reaches the new host too.
    expect(JSON.parse(await app.evaluate<string>(callOverMessagePort(ChannelContract.ping.method, 10_000)))).toEqual({
      id: 1,
      result: "pong",
    });
  });

  it("keeps the window on its own pages: a navigation elsewhere is cancelled (will-navigate)", async () => {
    await app.evaluate(`location.href = "http://127.0.0.1:9/elsewhere"`);
    await app.evaluate(`new Promise((resolve) => setTimeout(resolve, 1000))`);
    expect(await app.request({ type: "windows" })).toEqual([
      { id: expect.any(Number), url: "app://editor/index.html" },
    ]);
    expect(await app.evaluate(CHANNEL_STATE)).toBe("Connected");
  });

  it("quits with no process left behind", async () => {
    const host = await app.hostPid();
    expect(host).toBeDefined();
    const tree = descendants(app.pid);
    expect(tree).toContain(host);
    await app.quit();
    expect(await app.exited).toBe(0);
    const names = app.events.map((e) => e.name);
    expect(names.indexOf("before-quit")).toBeGreaterThanOrEqual(0);
    expect(names.indexOf("will-quit")).toBeGreaterThan(names.indexOf("before-quit"));
    await expect.poll(() => tree.filter(isAlive), { timeout: 10_000 }).toEqual([]);
  });
});
