/**
 * `contributes.submenus` and bad menu entries in the real, built extension host: the window gets
 * the submenus and their entries; an entry naming an unknown submenu (or other broken entries) is
 * dropped and reported in the extension's output channel, and the host keeps serving. A menu
 * entry's `alt` command reaches the window; a non-string `alt` is reported, the entry kept.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ChannelContract } from "../../src/protocol/contracts/channel.js";
import { ExtHostConfigurationContract } from "../../src/protocol/contracts/configuration.js";
import { ExtHostContract } from "../../src/protocol/contracts/ext-host.js";
import { proxy } from "../../src/protocol/rpc-contract.js";
import type { ChannelClient } from "../../src/renderer/src/channel/channel-client.js";
import { startTestHost, type TestHost } from "../support/host.js";
import { isConnected, nodeChannelClient, waitForState } from "../support/node-client.js";
import { until } from "../support/until.js";
import { WorkbenchRecorder } from "../support/workbench-recorder.js";

describe("submenu contributions in the extension host", () => {
  const root = mkdtempSync(join(tmpdir(), "exthost-menus-"));
  const extDir = join(root, "menus-probe");
  let host: TestHost;
  let client: ChannelClient;
  const recorder = new WorkbenchRecorder();

  beforeAll(async () => {
    mkdirSync(extDir, { recursive: true });
    mkdirSync(join(root, "ws"));
    writeFileSync(
      join(extDir, "package.json"),
      JSON.stringify({
        name: "menus-probe",
        publisher: "tests",
        version: "1.0.0",
        engines: { vscode: "^1.90.0" },
        contributes: {
          commands: [{ command: "probe.a", title: "A" }],
          submenus: [{ id: "probe.more", label: "More", icon: "$(ellipsis)" }],
          menus: {
            "view/title": [
              { submenu: "probe.more", group: "navigation@2", when: "view == probe" },
              { submenu: "probe.missing", group: "navigation" },
              { command: "probe.a", group: "1_a" },
            ],
            "probe.more": [{ command: "probe.a", group: "x@1" }, { group: "y" }],
            // `alt`: a string one reaches the window (also a command registered later); a
            // non-string one is reported, the entry kept without it.
            "editor/title": [
              { command: "probe.a", alt: "probe.later", group: "navigation" },
              { command: "probe.a", alt: 7, group: "1_bad" },
            ],
          },
        },
      }),
    );
    host = await startTestHost({
      env: { EXTHOST_DEV_EXTENSIONS: extDir, EXTHOST_USER_DATA_DIR: join(root, "data") },
    });
    client = await nodeChannelClient(() => host.starter.connectionInfo());
    await recorder.attach(client);
    await waitForState(client, isConnected);
    await proxy(client, ExtHostContract).initialize({
      workspaceFolders: [{ uri: pathToFileURL(join(root, "ws")).href, name: "ws" }],
      documents: [],
      activeDocument: null,
    });
  });
  afterAll(async () => {
    await client?.dispose();
    await host?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  /** What the probe extension's output channel received, all of it. */
  const reported = () =>
    recorder
      .of("outputAppend")
      .filter((p) => p.channel === "Extension: tests.menus-probe")
      .map((p) => p.text)
      .join("");

  it("sends submenus and their entries; reports the unknown submenu and the empty entry, drops them, keeps serving", async () => {
    const c = await proxy(client, ExtHostConfigurationContract).keybindingsAndMenus();
    expect(c.submenus).toEqual([{ id: "probe.more", label: "More", icon: "$(ellipsis)" }]);
    expect(c.submenuItems["view/title"]).toEqual([
      { submenu: "probe.more", group: "navigation@2", when: "view == probe", extensionId: "tests.menus-probe" },
    ]);
    expect(c.menus["probe.more"]).toEqual([{ command: "probe.a", group: "x@1", extensionId: "tests.menus-probe" }]);
    expect(c.menus["view/title"]?.map((i) => i.command)).toEqual(["probe.a"]);

    await until(() => reported().includes("probe.missing"), "the unknown submenu reported");
    expect(reported()).toContain(
      "menu `view/title`: the entry references a submenu `probe.missing` which is not defined in the 'submenus' section",
    );
    expect(reported()).toContain("menu `probe.more`: an entry needs a `command` or a `submenu`");
    expect(await proxy(client, ChannelContract).ping()).toBe("pong");
  });

  it("sends an entry's alt command; a non-string alt is reported and the entry kept without it", async () => {
    const c = await proxy(client, ExtHostConfigurationContract).keybindingsAndMenus();
    expect(c.menus["editor/title"]).toEqual([
      { command: "probe.a", alt: "probe.later", group: "navigation", extensionId: "tests.menus-probe" },
      { command: "probe.a", group: "1_bad", extensionId: "tests.menus-probe" },
    ]);
    await until(() => reported().includes("property `alt`"), "the non-string alt reported");
    expect(reported()).toContain(
      "menu `editor/title`: property `alt` can be omitted or must be of type `string` (the entry for `probe.a` is kept without it)",
    );
    expect(reported()).not.toContain("probe.later");
  });
});
