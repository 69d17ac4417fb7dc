/**
 * Tree views, quick input, notification progress, file system / content providers and the
 * ExtensionContext, driven through their contracts against the real, built extension host with
 * the example extensions (examples/tree-view, quick-input, progress, memfs) and a context probe.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ExtHostContract, FileSystemFailure } from "../../src/protocol/contracts/ext-host.js";
import { WorkbenchEnvContract } from "../../src/protocol/contracts/env.js";
import { ExtHostWindowReportsContract } from "../../src/protocol/contracts/window-reports.js";
import { WorkbenchFileSystemProvidersContract } from "../../src/protocol/contracts/file-system-providers.js";
import { ExtHostProgressContract, WorkbenchProgressContract } from "../../src/protocol/contracts/progress.js";
import {
  ExtHostQuickInputContract,
  WorkbenchQuickInputContract,
  type QuickInputStateDto,
} from "../../src/protocol/contracts/quick-input.js";
import { ExtHostViewsContract, UnknownTreeItem, WorkbenchViewsContract } from "../../src/protocol/contracts/views.js";
import { ExtHostViewMenusContract } from "../../src/protocol/contracts/view-menus.js";
import { proxy } from "../../src/protocol/rpc-contract.js";
import type { ChannelClient } from "../../src/renderer/src/channel/channel-client.js";
import { ContractRecorder } from "../support/contract-recorder.js";
import { startTestHost, type TestHost } from "../support/host.js";
import { isConnected, nodeChannelClient, waitForState } from "../support/node-client.js";
import { repoRoot } from "../support/paths.js";
import { until } from "../support/until.js";
import { WorkbenchRecorder } from "../support/workbench-recorder.js";

const extensions = [
  ...["tree-view", "quick-input", "progress", "memfs"].map((e) => join(repoRoot, "examples", e)),
  join(repoRoot, "test/fixtures/extensions/context-probe"),
].join(",");

describe("views, quick input, progress, providers and ExtensionContext in the extension host", () => {
  let dataDir: string;
  let folder: string;
  let host: TestHost | undefined;
  const clients: ChannelClient[] = [];

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), "views-api-data-"));
    folder = mkdtempSync(join(tmpdir(), "views-api-folder-"));
  });
  afterAll(() => {
    for (const d of [dataDir, folder]) rmSync(d, { recursive: true, force: true });
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.dispose()));
    await host?.stop();
    host = undefined;
  });

  const window = async () => {
    host ??= await startTestHost({ env: { EXTHOST_DEV_EXTENSIONS: extensions, EXTHOST_USER_DATA_DIR: dataDir } });
    const h = host;
    const client = await nodeChannelClient(() => h.starter.connectionInfo());
    clients.push(client);
    const workbench = new WorkbenchRecorder();
    const views = new ContractRecorder(WorkbenchViewsContract);
    const inputs = new ContractRecorder(WorkbenchQuickInputContract);
    const progress = new ContractRecorder(WorkbenchProgressContract);
    const env = new ContractRecorder(WorkbenchEnvContract);
    const fsp = new ContractRecorder(WorkbenchFileSystemProvidersContract);
    for (const r of [workbench, views, inputs, progress, env, fsp]) await r.attach(client);
    await waitForState(client, isConnected);
    const ext = proxy(client, ExtHostContract);
    await ext.initialize({
      workspaceFolders: [{ uri: pathToFileURL(folder).toString(), name: "w" }],
      documents: [],
      activeDocument: null,
    });
    return {
      ext,
      views: proxy(client, ExtHostViewsContract),
      quick: proxy(client, ExtHostQuickInputContract),
      reports: proxy(client, ExtHostWindowReportsContract),
      progressHost: proxy(client, ExtHostProgressContract),
      recorders: { workbench, views, inputs, progress, env, fsp },
    };
  };
  const run = (w: Awaited<ReturnType<typeof window>>, id: string, ...args: unknown[]) =>
    w.ext.executeCommand({ id, args });

  it("tree view: contributions, onView activation, lazy children, item command, refresh, reveal, selection", async () => {
    const w = await window();
    const contributions = await w.views.viewContributions();
    expect(contributions.containers).toContainEqual(
      expect.objectContaining({ id: "package-explorer", title: "Package Explorer", icon: "package" }),
    );
    expect(contributions.views).toContainEqual(
      expect.objectContaining({ id: "nodeDependencies", name: "Node Dependencies", container: "package-explorer" }),
    );
    expect(contributions.welcome.map((x) => x.view)).toContain("nodeDependencies");

    // onView: activation happens when the view opens, and the view then has its provider.
    expect((await w.ext.listExtensions()).find((i) => i.id === "direct-examples.tree-view")?.activated).toBe(false);
    const state = await w.views.openView("nodeDependencies");
    expect(state).toMatchObject({ viewId: "nodeDependencies", registered: true, canSelectMany: false });
    w.views.setVisible({ viewId: "nodeDependencies", visible: true });

    const roots = await w.views.getChildren({ viewId: "nodeDependencies", parent: null });
    expect(roots.map((r) => [r.label, r.description, r.collapsibleState, r.icon])).toEqual([
      ["left-pad", "1.3.0", 0, { codicon: "symbol-field" }],
      ["express", "4.19.2", 1, { codicon: "package" }],
    ]);
    expect(roots[0]).toMatchObject({ tooltip: "left-pad-1.3.0", contextValue: "dependency", command: "Open" });
    const express = roots[1]!;
    const children = await w.views.getChildren({ viewId: "nodeDependencies", parent: express.handle });
    expect(children.map((c) => [c.label, c.parent])).toEqual([
      ["accepts", express.handle],
      ["body-parser", express.handle],
    ]);
    w.views.setExpanded({ viewId: "nodeDependencies", handle: express.handle, expanded: true });

    // A click runs the item's command with the element itself as its argument.
    await w.views.runItemCommand({ viewId: "nodeDependencies", handle: children[0]!.handle });
    w.views.setSelection({ viewId: "nodeDependencies", handles: [children[0]!.handle] });
    const after = (await run(w, "nodeDependencies.state")) as { events: string[]; clicked: string[]; visible: boolean };
    expect(after.clicked).toEqual(["accepts@1.3.8"]);
    expect(after.events).toEqual(["visible:true", "expand:express", "select:accepts"]);
    expect(after.visible).toBe(true);

    // The extension refreshes: windows are told to ask again; the old handles die.
    expect(await run(w, "nodeDependencies.addEntry", "lodash")).toBe(3);
    await until(() => w.recorders.views.of("treeRefresh").find((r) => r.viewId === "nodeDependencies"), "refresh");
    expect(w.recorders.views.of("treeRefresh").at(-1)?.handles).toBeNull();
    await until(() => w.recorders.views.of("treeViewState").find((s) => s.badge?.value === 3), "badge");
    await expect(
      w.views.getChildren({ viewId: "nodeDependencies", parent: children[0]!.handle }),
    ).rejects.toBeInstanceOf(UnknownTreeItem);
    const refreshed = await w.views.getChildren({ viewId: "nodeDependencies", parent: null });
    expect(refreshed.map((r) => r.label)).toEqual(["left-pad", "express", "lodash"]);
    // Expanded state survives the refresh (same handle for the same position and label).
    expect(refreshed[1]?.collapsibleState).toBe(2);

    // reveal: the path from the root, the element selected.
    expect(await run(w, "nodeDependencies.revealLast")).toEqual(["body-parser"]);
    const reveal = await until(() => w.recorders.views.of("treeReveal")[0], "reveal");
    expect(reveal.path.map((p) => p.label)).toEqual(["express", "body-parser"]);
    expect(reveal).toMatchObject({ select: true, focus: true });

    await run(w, "nodeDependencies.setMessage", "Nothing to see");
    await until(
      () => w.recorders.views.of("treeViewState").find((s) => s.message === "Nothing to see" && s.title === "Deps"),
      "message and title",
    );
  });

  const lastInput = (w: Awaited<ReturnType<typeof window>>, pred: (s: QuickInputStateDto) => boolean = () => true) =>
    until(() => w.recorders.inputs.of("quickInputShow").filter(pred).at(-1), "quick input state");

  it("quick pick and input box: items, events, validation, buttons, accept and hide", async () => {
    const w = await window();
    // showQuickPick: separator, filtering happens in the window; active item → onDidSelectItem.
    const picking = run(w, "quickInput.pickColor");
    const pick = await lastInput(w, (s) => s.kind === "pick" && !s.busy);
    if (pick.kind !== "pick") throw new Error("expected a quick pick");
    expect(pick.items.map((i) => [i.label, i.separator ?? false])).toEqual([
      ["Primary", true],
      ["red", false],
      ["green", false],
      ["blue", false],
    ]);
    expect(pick).toMatchObject({ placeholder: "Pick a colour", matchOnDescription: true, canSelectMany: false });
    w.quick.quickInputValue({ id: pick.id, value: "gr" });
    w.quick.quickInputActive({ id: pick.id, handles: [2] });
    w.quick.quickInputAccept({ id: pick.id });
    expect(await picking).toBe("green");

    // showWorkspaceFolderPick: the folders as a quick pick; the folder itself is answered.
    const pickingFolder = run(w, "probe.pickFolder");
    const folders = await lastInput(w, (s) => s.kind === "pick" && s.placeholder === "Pick a folder");
    if (folders.kind !== "pick") throw new Error("expected a quick pick");
    expect(folders.items.map((i) => [i.label, i.description])).toEqual([["w", folder]]);
    w.quick.quickInputActive({ id: folders.id, handles: [folders.items[0]!.handle] });
    w.quick.quickInputAccept({ id: folders.id });
    expect(await pickingFolder).toEqual(["w", 0, pathToFileURL(folder).toString()]);
    expect(await run(w, "quickInput.log")).toEqual(["active:green", "picked:green"]);
    expect(w.recorders.inputs.of("quickInputHide")).toContain(pick.id);

    // showInputBox: async validation shown inline; an invalid value cannot be accepted.
    const asking = run(w, "quickInput.askPort");
    const box = await lastInput(w, (s) => s.kind === "input" && s.validationMessage !== undefined);
    expect(box).toMatchObject({ kind: "input", value: "80", prompt: "Port to listen on" });
    expect(box.kind === "input" && box.validationMessage).toEqual({
      text: "80 is outside 1024-65535",
      severity: "error",
    });
    w.quick.quickInputAccept({ id: box.id });
    w.quick.quickInputValue({ id: box.id, value: "abc" });
    await lastInput(w, (s) => s.kind === "input" && s.validationMessage?.text === "Enter a number");
    w.quick.quickInputValue({ id: box.id, value: "8080" });
    await lastInput(w, (s) => s.id === box.id && s.kind === "input" && s.validationMessage === undefined);
    w.quick.quickInputAccept({ id: box.id });
    expect(await asking).toBe("8080");
    expect(await run(w, "quickInput.log")).toContain("port:8080");

    // createQuickPick: title-bar buttons (Back included), item buttons, selection, accept.
    const multi = run(w, "quickInput.multiStep");
    const created = await lastInput(w, (s) => s.kind === "pick" && s.title === "Create Resource");
    expect(created).toMatchObject({ step: 1, totalSteps: 2 });
    expect(created.buttons.map((b) => b.icon)).toEqual(["back", { codicon: "refresh" }]);
    w.quick.quickInputButton({ id: created.id, button: 0 });
    w.quick.quickInputButton({ id: created.id, button: 1 });
    await lastInput(w, (s) => s.kind === "pick" && s.id === created.id && s.items.length === 4);
    w.quick.quickInputItemButton({ id: created.id, item: 0, button: 0 });
    const trimmed = await lastInput(
      w,
      (s) => s.kind === "pick" && s.id === created.id && s.items.length === 3 && s.items[0]?.label !== "bucket",
    );
    expect(trimmed.kind === "pick" && trimmed.items.map((i) => i.label)).toEqual(["queue", "table", "topic"]);
    w.quick.quickInputSelection({ id: created.id, handles: [1] });
    w.quick.quickInputAccept({ id: created.id });
    expect(await multi).toBe("table");
    expect(await run(w, "quickInput.log")).toEqual(
      expect.arrayContaining([
        "button:back",
        "button:Reload",
        "remove:bucket",
        "selection:table",
        "accept:table",
        "hide",
      ]),
    );

    // Escape (the window reports the input hidden): showQuickPick resolves undefined.
    const dismissed = run(w, "quickInput.pickColor");
    const again = await lastInput(w, (s) => s.kind === "pick" && s.id > created.id && !s.busy);
    w.quick.quickInputHidden({ id: again.id });
    expect(await dismissed).toBeNull();
  });

  it("notification progress reports increments and its Cancel fires the token", async () => {
    const w = await window();
    const running = run(w, "progressSample.run", 100);
    const start = await until(() => w.recorders.progress.of("progressStart")[0], "progress toast");
    expect(start).toMatchObject({ title: "Indexing", cancellable: true, source: "direct-examples.progress" });
    await until(() => w.recorders.progress.of("progressReport").find((r) => r.percent === 20), "20%");
    expect(w.recorders.progress.of("progressReport")[0]).toEqual({
      id: start.id,
      message: "step 1 of 10",
      percent: 10,
    });
    w.progressHost.progressCancel(start.id);
    expect(await running).toMatch(/^cancelled at step [2-9]$/);
    await until(() => w.recorders.progress.of("progressEnd").includes(start.id), "toast closed");
  });

  it("a file system provider serves editors and workspace.fs; a content provider serves read-only documents", async () => {
    const w = await window();
    expect(await run(w, "memfs.init")).toEqual(["folder", "file.txt"]);
    const file = await w.ext.readFile("memfs:/file.txt");
    expect(file.text).toBe("foo");
    const listing = await w.ext.readDirectory("memfs:/");
    expect(listing.map((e) => [e.name, e.kind, e.uri])).toEqual([
      ["folder", "directory", "memfs:/folder"],
      ["file.txt", "file", "memfs:/file.txt"],
    ]);
    // Saving from an editor writes through the provider; a stale etag is refused.
    const etag = await w.ext.writeFile({ uri: "memfs:/file.txt", content: "bar", expectedEtag: file.etag });
    expect(await run(w, "memfs.read", "memfs:/file.txt")).toBe("bar");
    await expect(
      w.ext.writeFile({ uri: "memfs:/file.txt", content: "baz", expectedEtag: file.etag }),
    ).rejects.toMatchObject({ _tag: "FileModifiedOnDisk" });
    expect(etag).not.toBe(file.etag);
    await until(
      () => w.recorders.fsp.of("resourcesChanged").some((u) => u.includes("memfs:/file.txt")),
      "change event",
    );
    const missing = await w.ext.readFile("memfs:/nope.txt").catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(FileSystemFailure);
    expect(missing).toMatchObject({ code: "FileNotFound" });
    await expect(w.ext.readFile("nosuchscheme:/x")).rejects.toMatchObject({ code: "Unavailable" });

    // Virtual documents: content from the provider, read-only, refreshed by onDidChange.
    expect(await run(w, "probe.openCow")).toBe("Moo says /hello\n");
    expect((await w.ext.readFile("cowsay:/hello")).text).toBe("Moo says /hello\n");
    await expect(w.ext.writeFile({ uri: "cowsay:/hello", content: "x", expectedEtag: null })).rejects.toMatchObject({
      code: "NoPermissions",
    });
    await run(w, "probe.moo", "Baa");
    await until(() => w.recorders.fsp.of("resourcesChanged").some((u) => u.includes("cowsay:/hello")), "cowsay change");
    expect((await w.ext.readFile("cowsay:/hello")).text).toBe("Baa says /hello\n");
  });

  it("window.activeColorTheme follows the theme the window reports; the change event fires once per change", async () => {
    const w = await window();
    // Before the window says: Dark+'s kind, VS Code's default theme.
    expect(await run(w, "probe.theme")).toEqual({ kind: 2, events: [] });
    // A notification, then a request on the same connection: handled in that order.
    w.reports.colorThemeChanged("light");
    expect(await run(w, "probe.theme")).toEqual({ kind: 1, events: [1] });
    w.reports.colorThemeChanged("light");
    w.reports.colorThemeChanged("highContrast");
    expect(await run(w, "probe.theme")).toEqual({ kind: 3, events: [1, 3] });
    w.reports.colorThemeChanged("highContrastLight");
    expect(await run(w, "probe.theme")).toMatchObject({ kind: 4 });
  });

  it("window.state starts focused and active, then follows what the window reports; one event per change", async () => {
    const w = await window();
    expect(await run(w, "probe.windowState")).toEqual({ now: "true/true", events: [] });
    w.reports.windowStateChanged({ focused: true, active: false });
    w.reports.windowStateChanged({ focused: true, active: false });
    w.reports.windowStateChanged({ focused: false, active: false });
    expect(await run(w, "probe.windowState")).toEqual({
      now: "false/false",
      events: ["true/false", "false/false"],
    });
  });

  it("an open editor's file is watched through its provider (not recursively), once for all windows", async () => {
    const w = await window();
    const other = await window();
    await run(w, "probe.watchfs.change", "/a.txt", "one");
    const uri = "watchfs:/a.txt";
    const snapshot = { uri, languageId: "plaintext", version: 1, text: "one" };
    await w.ext.documentOpened(snapshot);
    await other.ext.documentOpened(snapshot);
    expect(await run(w, "probe.watchfs.log")).toEqual([`watch ${uri} recursive=false`]);
    // The provider reports only watched files: the windows hear of the change.
    await run(w, "probe.watchfs.change", "/a.txt", "two");
    await until(() => w.recorders.fsp.of("resourcesChanged").some((u) => u.includes(uri)), "change of a watched file");
    // A file nobody has open is not watched, so its change is never reported.
    await run(w, "probe.watchfs.change", "/b.txt", "x");
    // A notification, then a request on the same connection: the close is handled when it answers.
    w.ext.documentClosed(uri);
    expect(await run(w, "probe.watchfs.log")).toEqual([`watch ${uri} recursive=false`]);
    other.ext.documentClosed(uri);
    await run(other, "probe.watchfs.log");
    expect(await run(w, "probe.watchfs.log")).toEqual([`watch ${uri} recursive=false`, `unwatch ${uri}`]);
    expect(
      w.recorders.fsp
        .of("resourcesChanged")
        .flat()
        .some((u) => u.includes("watchfs:/b.txt")),
    ).toBe(false);
  });

  it("ExtensionContext: storage URIs, mode, mementos and secrets persisted across a host restart; env", async () => {
    let w = await window();
    const context = (await run(w, "probe.context")) as Record<string, unknown>;
    expect(context).toMatchObject({
      extensionMode: 2, // Development: loaded with --extensionDevelopmentPath
      extensionId: "direct-tests.context-probe",
      envError: "vscode.ExtensionContext.environmentVariableCollection is not implemented yet in Direct Editor",
    });
    expect(String(context.storageUri)).toMatch(/\/workspaceStorage\/[0-9a-f]{32}\/direct-tests\.context-probe$/);
    expect(String(context.globalStorageUri)).toMatch(/\/globalStorage\/direct-tests\.context-probe$/);
    expect(String(context.logUri)).toMatch(/\/logs\/direct-tests\.context-probe$/);
    // env.appRoot: the installation's folder (its package.json is this project's).
    expect(JSON.parse(readFileSync(join(String(context.appRoot), "package.json"), "utf8"))).toMatchObject({
      name: "direct-editor",
    });
    expect(context.globalStoragePath).toContain(dataDir);

    await run(w, "probe.bump");
    await run(w, "probe.storeSecret", "token", "s3cret");
    await run(w, "probe.storeSecret", "other", "x");
    await run(w, "probe.storeSecret", "other");
    expect(((await run(w, "probe.context")) as { secretEvents: string[] }).secretEvents).toEqual([
      "token",
      "other",
      "other",
    ]);
    const secretsFile = join(dataDir, "extension-storage", "secrets.json");
    expect(statSync(secretsFile).mode & 0o777).toBe(0o600);

    // env: clipboard falls back to the host's copy when the window cannot read; openExternal validates.
    expect(await run(w, "probe.clipboard", "copied")).toBe("copied");
    expect(w.recorders.env.of("clipboardWrite")).toEqual(["copied"]);
    w.recorders.env.answer("openExternal", () => true);
    expect(await run(w, "probe.openExternal", "https://example.com/a")).toBe(true);
    expect(w.recorders.env.of("openExternal")).toEqual(["https://example.com/a"]);
    expect(await run(w, "probe.openExternal", "file:///etc/passwd")).toMatch(/only http, https and mailto/);

    await Promise.all(clients.splice(0).map((c) => c.dispose()));
    await host?.stop();
    host = undefined;
    w = await window();
    const reloaded = (await run(w, "probe.context")) as Record<string, unknown>;
    expect(reloaded).toMatchObject({
      counter: 1,
      workspaceCounter: 10,
      globalKeys: ["counter"],
      workspaceKeys: ["counter"],
    });
    expect(await run(w, "probe.getSecret", "token")).toBe("s3cret");
    expect(await run(w, "probe.getSecret", "other")).toBeNull();
  });

  it("view/item/context: the command gets the element, and the selection when the item is one of several", async () => {
    const w = await window();
    const menus = proxy(clients[clients.length - 1]!, ExtHostViewMenusContract);
    await w.views.openView("nodeDependencies");
    const roots = async () => await w.views.getChildren({ viewId: "nodeDependencies", parent: null });
    // The extension's refresh is coalesced: ask again only once the window has been told.
    const refreshes = () => w.recorders.views.of("treeRefresh").filter((r) => r.viewId === "nodeDependencies").length;
    const refreshed = (before: number) => until(() => refreshes() > before, "treeRefresh");
    const [leftPad, express] = await roots();
    const express1 = (await w.views.getChildren({ viewId: "nodeDependencies", parent: express!.handle }))[0]!;
    // The item is not in the selection: only its own element.
    let before = refreshes();
    await menus.runTreeItemMenuCommand({
      viewId: "nodeDependencies",
      handle: express1.handle,
      selection: [leftPad!.handle],
      command: "nodeDependencies.deleteEntry",
    });
    await refreshed(before);
    const afterOne = await roots();
    expect(afterOne.map((r) => r.label)).toEqual(["left-pad", "express"]);
    const children = await w.views.getChildren({ viewId: "nodeDependencies", parent: afterOne[1]!.handle });
    expect(children.map((c) => c.label)).toEqual(["body-parser"]);
    // The item among several selected: (element, selectedElements) — both roots go.
    const [a, b] = afterOne;
    before = refreshes();
    await menus.runTreeItemMenuCommand({
      viewId: "nodeDependencies",
      handle: a!.handle,
      selection: [a!.handle, b!.handle],
      command: "nodeDependencies.deleteEntry",
    });
    await refreshed(before);
    expect(await roots()).toEqual([]);
    // A stale handle is the window's error, typed.
    await expect(
      menus.runTreeItemMenuCommand({
        viewId: "nodeDependencies",
        handle: a!.handle,
        selection: [],
        command: "nodeDependencies.deleteEntry",
      }),
    ).rejects.toBeInstanceOf(UnknownTreeItem);
  });
});
