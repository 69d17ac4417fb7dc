/**
 * `workspace.getConfiguration` in the real, built extension host: defaults from
 * `contributes.configuration` (object and array forms, type defaults), `update` with each
 * ConfigurationTarget writing the right file (comments kept), `inspect`, and
 * `onDidChangeConfiguration` for writes and for files edited outside.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ExtHostConfigurationContract,
  WorkbenchConfigurationContract,
} from "../../src/protocol/contracts/configuration.js";
import { ExtHostContract } from "../../src/protocol/contracts/ext-host.js";
import { proxy, serve } from "../../src/protocol/rpc-contract.js";
import { startTestHost, type TestHost } from "../support/host.js";
import { isConnected, nodeChannelClient, waitForState } from "../support/node-client.js";
import { repoRoot } from "../support/paths.js";

describe("configuration API in the extension host", () => {
  const root = mkdtempSync(join(tmpdir(), "exthost-config-"));
  const dataDir = join(root, "data");
  const folder = join(root, "project");
  const userSettings = join(dataDir, "User", "settings.json");
  const workspaceSettings = join(folder, ".vscode", "settings.json");
  let host: TestHost;
  let client: Awaited<ReturnType<typeof nodeChannelClient>>;
  let ext: ReturnType<typeof proxy<typeof ExtHostContract>>;
  /** What the window is told: the keys a change touched. */
  const windowNotices: string[][] = [];
  const run = (id: string, ...args: unknown[]) => ext.executeCommand({ id, args });

  beforeAll(async () => {
    mkdirSync(join(dataDir, "User"), { recursive: true });
    mkdirSync(folder, { recursive: true });
    writeFileSync(userSettings, '{\n  // the user\'s own comment\n  "probe.flag": false,\n}\n');
    host = await startTestHost({
      env: {
        EXTHOST_DEV_EXTENSIONS: join(repoRoot, "test/fixtures/extensions/config-probe"),
        EXTHOST_USER_DATA_DIR: dataDir,
      },
    });
    client = await nodeChannelClient(() => host.starter.connectionInfo());
    await waitForState(client, isConnected);
    await serve(client, WorkbenchConfigurationContract, {
      configurationChanged: ({ keys }) => void windowNotices.push([...keys]),
      setContext: () => undefined,
    }).ready;
    ext = proxy(client, ExtHostContract);
    await ext.initialize({
      workspaceFolders: [{ uri: pathToFileURL(folder).href, name: "project" }],
      documents: [],
      activeDocument: null,
    });
  });
  afterAll(async () => {
    await client?.dispose();
    await host?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it("reads defaults of both contribution forms, type defaults, sections, user values and inspect", async () => {
    expect(await run("configProbe.read", "probe", "flag")).toMatchObject({
      value: false,
      has: true,
      fallback: "fallback",
      inspect: { key: "probe.flag", defaultValue: true, globalValue: false },
    });
    expect(await run("configProbe.read", "probe", "count")).toMatchObject({ value: 0, has: true });
    expect(await run("configProbe.read", "probe.nested", "deep")).toMatchObject({ value: "d" });
    expect(await run("configProbe.read", "probe", "nested")).toMatchObject({ value: { deep: "d" } });
    expect(await run("configProbe.read", "probe", "map")).toMatchObject({ value: { a: 1, b: 2 } });
    expect(await run("configProbe.read", "", "editor.fontSize")).toMatchObject({ value: 14 });
    expect(await run("configProbe.read", "probe", "missing")).toMatchObject({ has: false });
    expect(await run("configProbe.snapshotIsFrozen")).toEqual({ propertyAccess: false, afterMutation: { a: 1, b: 2 } });
  });

  it("update writes user settings for Global/true, the folder's settings for Workspace/WorkspaceFolder/false/undefined", async () => {
    await run("configProbe.events");
    expect(await run("configProbe.update", "count", 3, "global")).toEqual({ ok: true, value: 3 });
    const userText = readFileSync(userSettings, "utf8");
    expect(userText).toContain("// the user's own comment");
    expect(userText).toContain('"probe.count": 3');
    expect(await run("configProbe.events")).toEqual([{ probe: true, flag: false, map: false, editor: false }]);
    await expect.poll(() => windowNotices.some((k) => k.includes("probe.count"))).toBe(true);

    expect(await run("configProbe.update", "count", 5, "workspace")).toEqual({ ok: true, value: 5 });
    expect(JSON.parse(readFileSync(workspaceSettings, "utf8"))).toEqual({ "probe.count": 5 });
    expect(await run("configProbe.update", "flag", true, "folder")).toEqual({ ok: true, value: true });
    expect(await run("configProbe.update", "count", 6, "false")).toEqual({ ok: true, value: 6 });
    expect(await run("configProbe.update", "count", 7)).toEqual({ ok: true, value: 7 });
    expect(JSON.parse(readFileSync(workspaceSettings, "utf8"))).toEqual({ "probe.count": 7, "probe.flag": true });
    expect(await run("configProbe.update", "map", { c: 3 }, "true")).toEqual({ ok: true, value: { a: 1, b: 2, c: 3 } });
    expect(await run("configProbe.read", "probe", "count")).toMatchObject({
      inspect: { defaultValue: 0, globalValue: 3, workspaceValue: 7 },
    });
    // Removing the workspace value falls back to the user's.
    expect(await run("configProbe.update", "count", null, "workspace")).toEqual({ ok: true, value: 3 });
    expect(await run("configProbe.update", "notRegistered", 1, "global")).toMatchObject({
      ok: false,
      error: expect.stringMatching(/probe\.notRegistered is not a registered configuration/),
    });
  });

  it("a settings file edited outside fires onDidChangeConfiguration with the affected sections", async () => {
    await run("configProbe.events");
    writeFileSync(userSettings, '{ "probe.flag": false, "probe.count": 3, "editor.fontSize": 20 }');
    await expect
      .poll(async () => ((await run("configProbe.read", "editor", "fontSize")) as { value: unknown }).value, {
        timeout: 5_000,
      })
      .toBe(20);
    const events = (await run("configProbe.events")) as Array<Record<string, boolean>>;
    // editor.fontSize came, probe.map's user value went, probe.flag stayed.
    expect(events).toContainEqual({ probe: true, flag: false, map: true, editor: true });
  });

  it("serves the settings snapshot the Settings editor shows, and refuses a workspace write without a folder", async () => {
    const config = proxy(client, ExtHostConfigurationContract);
    const snap = await config.settings();
    const flag = snap.settings.find((s) => s.key === "probe.flag");
    expect(flag).toMatchObject({ type: "boolean", defaultValue: true, userValue: false, category: "Probe" });
    expect(snap.workspaceFile).toBe(pathToFileURL(workspaceSettings).href);
    await ext.initialize({ workspaceFolders: [], documents: [], activeDocument: null });
    await expect(config.updateSetting({ key: "probe.flag", value: true, target: "workspace" })).rejects.toMatchObject({
      _tag: "ConfigurationWriteFailure",
    });
  });
});
