/**
 * The configuration model (VS Code's layering and merging) and the settings files: dotted and
 * nested keys, deep merge of objects, language overrides, changed keys, `inspect`, JSONC writes
 * that keep comments, and a broken file that keeps the last good values.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import {
  changedKeys,
  effective,
  lookup,
  merge,
  toValueTree,
} from "../../src/extension-host/services/configuration-model.js";
import { parseJsonc } from "../../src/extension-host/services/configuration-files.js";
import { ConfigurationService } from "../../src/extension-host/services/configuration.js";
import { ConfigurationWriteFailure } from "../../src/protocol/contracts/configuration.js";
import { until } from "../support/until.js";

describe("configuration model", () => {
  it("builds one tree from dotted and nested keys; later keys merge into objects", () => {
    const tree = toValueTree({ "editor.fontSize": 12, editor: { tabSize: 2 }, "editor.minimap.enabled": false });
    expect(tree).toEqual({ editor: { fontSize: 12, tabSize: 2, minimap: { enabled: false } } });
    expect(lookup(tree, "editor.minimap")).toEqual({ enabled: false });
    expect(lookup(tree, "editor.minimap.enabled.deeper")).toBeUndefined();
  });

  it("merges objects deeply and replaces arrays and primitives; inputs stay unchanged", () => {
    const base = { a: { x: 1, list: [1, 2] }, b: "keep" };
    const over = { a: { y: 2, list: [3] } };
    expect(merge(base, over)).toEqual({ a: { x: 1, y: 2, list: [3] }, b: "keep" });
    expect(base).toEqual({ a: { x: 1, list: [1, 2] }, b: "keep" });
  });

  it("layers default < user < workspace, with a language override above its own layer", () => {
    const layers = {
      defaults: toValueTree({ "editor.tabSize": 4, "editor.fontSize": 14 }),
      user: toValueTree({ "editor.tabSize": 2, "[typescript]": { "editor.tabSize": 8 } }),
      workspace: toValueTree({ "editor.fontSize": 20 }),
    };
    expect(lookup(effective(layers), "editor")).toEqual({ tabSize: 2, fontSize: 20 });
    expect(lookup(effective(layers, "typescript"), "editor.tabSize")).toBe(8);
    expect(lookup(effective(layers, "python"), "editor.tabSize")).toBe(2);
    expect(lookup(effective(layers), "[typescript]")).toBeUndefined();
  });

  it("reports changed keys with their parent sections, and override sections", () => {
    const keys = changedKeys(
      toValueTree({ "editor.fontSize": 12, "a.b": 1 }),
      toValueTree({ "editor.fontSize": 13, "a.b": 1, "[go]": { "editor.tabSize": 3 } }),
    );
    expect(new Set(keys)).toEqual(new Set(["editor", "editor.fontSize", "[go]", "editor.tabSize"]));
    expect(changedKeys(toValueTree({ x: [1] }), toValueTree({ x: [1] }))).toEqual([]);
  });

  it("parses JSONC (comments, trailing commas) and names the place of an error", () => {
    expect(parseJsonc('{ // c\n "a": 1, }', "object", "s.json")).toMatchObject({ ok: true, value: { a: 1 } });
    const bad = parseJsonc('{\n  "a": 1\n  "b": 2\n}', "object", "s.json");
    expect(bad).toMatchObject({ ok: false });
    expect(!bad.ok && bad.error).toMatch(/s\.json: CommaExpected at line 3/);
    expect(parseJsonc("[1]", "object", "s.json")).toMatchObject({ ok: false });
  });
});

describe("ConfigurationService", () => {
  const dirs: string[] = [];
  const services: ConfigurationService[] = [];
  afterEach(() => {
    for (const s of services.splice(0)) s.dispose();
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  const setup = () => {
    const root = mkdtempSync(join(tmpdir(), "config-model-"));
    dirs.push(root);
    const userDir = join(root, "User");
    const folderPath = join(root, "project");
    mkdirSync(folderPath);
    const errors: string[] = [];
    const service = new ConfigurationService([], { userDir, reportError: (m) => errors.push(m) });
    services.push(service);
    return { service, userDir, folder: pathToFileURL(folderPath).href, folderPath, errors };
  };

  it("update writes the target's file keeping its comments; inspect tells the layers apart", () => {
    const { service, userDir, folder, folderPath } = setup();
    mkdirSync(userDir, { recursive: true });
    writeFileSync(join(userDir, "settings.json"), '{\n  // my font\n  "editor.fontSize": 11,\n}\n');
    service.dispose(); // re-create so the file is read at start
    const fresh = new ConfigurationService([], { userDir, reportError: () => undefined });
    services.push(fresh);
    expect(lookup(fresh.values(folder), "editor.fontSize")).toBe(11);

    fresh.update("editor.tabSize", 2, "user", folder);
    const userText = readFileSync(join(userDir, "settings.json"), "utf8");
    expect(userText).toContain("// my font");
    expect(userText).toContain('"editor.tabSize": 2');

    fresh.update("editor.fontSize", 18, "workspace", folder);
    expect(readFileSync(join(folderPath, ".vscode", "settings.json"), "utf8")).toContain('"editor.fontSize": 18');
    expect(fresh.inspect("editor.fontSize", folder)).toMatchObject({
      defaultValue: 14,
      globalValue: 11,
      workspaceValue: 18,
    });
    expect(lookup(fresh.values(folder), "editor.fontSize")).toBe(18);

    fresh.update("editor.fontSize", undefined, "workspace", folder);
    expect(lookup(fresh.values(folder), "editor.fontSize")).toBe(11);
  });

  it("refuses unregistered keys, workspace writes without a folder, and writes into a broken file", () => {
    const { service, userDir, folder } = setup();
    expect(() => service.update("no.such.setting", 1, "user", folder)).toThrow(ConfigurationWriteFailure);
    expect(() => service.update("editor.fontSize", 1, "workspace", undefined)).toThrow(/no workspace is opened/);
    mkdirSync(userDir, { recursive: true });
    writeFileSync(join(userDir, "settings.json"), '{ "editor.fontSize": 30 ');
    expect(() => service.update("editor.fontSize", 1, "user", folder)).toThrow(/correct errors/);
  });

  it("a file edited outside reloads and fires the changed keys; a broken edit is reported and the last good values stay", async () => {
    const { service, userDir, errors } = setup();
    const fired: string[][] = [];
    service.onDidChange.event((c) => fired.push([...c.keys]));
    mkdirSync(userDir, { recursive: true });
    writeFileSync(join(userDir, "settings.json"), '{ "editor.wordWrap": "on" }');
    await until(() => fired.length > 0, "the change event", 5_000);
    expect(fired[0]).toEqual(expect.arrayContaining(["editor", "editor.wordWrap"]));
    expect(lookup(service.values(undefined), "editor.wordWrap")).toBe("on");

    writeFileSync(join(userDir, "settings.json"), '{ "editor.wordWrap": "off", oops }');
    await until(() => errors.length > 0, "the parse error report", 5_000);
    expect(errors[0]).toMatch(/Unable to parse User settings/);
    expect(lookup(service.values(undefined), "editor.wordWrap")).toBe("on");
  });
});
