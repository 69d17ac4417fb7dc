/** Keybinding strings, rule precedence, user removals (`-command`) and chords, as VS Code resolves them. */
import { describe, expect, it } from "vitest";
import {
  buildRules,
  primaryKeybinding,
  resolve,
} from "../../src/renderer/src/workbench/keybindings/keybinding-resolver.js";
import { chordOfEvent, keybindingLabel, parseKeybinding } from "../../src/renderer/src/workbench/keybindings/keys.js";

const ev = (code: string, mods: Partial<Record<"ctrlKey" | "shiftKey" | "altKey" | "metaKey", boolean>> = {}) => ({
  code,
  key: "",
  ctrlKey: false,
  shiftKey: false,
  altKey: false,
  metaKey: false,
  ...mods,
});

describe("keys", () => {
  it("normalizes modifier order, aliases and chords; rejects strings without a key", () => {
    expect(parseKeybinding("Shift+Ctrl+K")).toEqual(["ctrl+shift+k"]);
    expect(parseKeybinding("ctrl+k  ctrl+s")).toEqual(["ctrl+k", "ctrl+s"]);
    expect(parseKeybinding("cmd+alt+g")).toEqual(["alt+meta+g"]);
    expect(parseKeybinding("ctrl++")).toEqual(["ctrl++"]);
    expect(parseKeybinding("ctrl+")).toBeUndefined();
    expect(parseKeybinding("")).toBeUndefined();
    expect(keybindingLabel(["ctrl+k", "ctrl+s"])).toBe("Ctrl+K Ctrl+S");
  });

  it("reads events by physical key, so Shift does not change the letter", () => {
    expect(chordOfEvent(ev("KeyG", { ctrlKey: true, altKey: true }))).toBe("ctrl+alt+g");
    expect(chordOfEvent(ev("KeyP", { ctrlKey: true, shiftKey: true }))).toBe("ctrl+shift+p");
    expect(chordOfEvent(ev("Comma", { ctrlKey: true }))).toBe("ctrl+,");
    expect(chordOfEvent(ev("F1"))).toBe("f1");
    expect(chordOfEvent(ev("ShiftLeft", { shiftKey: true }))).toBeUndefined();
  });
});

describe("keybinding resolution", () => {
  const ctx: Record<string, unknown> = { editorTextFocus: true, ready: false };
  const get = (k: string) => ctx[k];

  it("the last rule whose when holds wins; a false when lets an earlier rule through", () => {
    const rules = buildRules([
      { key: "ctrl+g", command: "default.cmd", source: "Default" },
      { key: "ctrl+g", command: "ext.cmd", when: "editorTextFocus", source: "ext" },
      { key: "ctrl+g", command: "ready.cmd", when: "ready", source: "ext2" },
    ]);
    expect(resolve(rules, ["ctrl+g"], get)).toMatchObject({ kind: "command", rule: { command: "ext.cmd" } });
    expect(resolve(rules, ["ctrl+g"], (k) => (k === "ready" ? true : get(k)))).toMatchObject({
      rule: { command: "ready.cmd" },
    });
    expect(resolve(rules, ["ctrl+h"], get)).toEqual({ kind: "none" });
    // A disabled command (enablement false) does not take the key.
    expect(resolve(rules, ["ctrl+g"], get, (c) => c !== "ext.cmd")).toMatchObject({ rule: { command: "default.cmd" } });
  });

  it("user '-command' removes that command's rules (only the named key / when if given)", () => {
    const base = [
      { key: "ctrl+g", command: "a", source: "ext" },
      { key: "ctrl+h", command: "a", when: "editorTextFocus", source: "ext" },
      { key: "ctrl+j", command: "b", source: "ext" },
    ];
    expect(buildRules([...base, { key: "", command: "-a", source: "user" }]).map((r) => r.command)).toEqual(["b"]);
    expect(buildRules([...base, { key: "ctrl+h", command: "-a", source: "user" }]).map((r) => r.chords[0])).toEqual([
      "ctrl+g",
      "ctrl+j",
    ]);
    expect(buildRules([...base, { key: "ctrl+h", command: "-a", when: "other", source: "user" }])).toHaveLength(3);
    const warnings: string[] = [];
    expect(buildRules([{ key: "ctrl+", command: "x", source: "user" }], (w) => warnings.push(w))).toEqual([]);
    expect(warnings[0]).toMatch(/names no key/);
  });

  it("a first chord of a binding whose when holds waits for the second; the pair then resolves", () => {
    const rules = buildRules([
      { key: "ctrl+k ctrl+s", command: "shortcuts", source: "Default" },
      { key: "ctrl+k ctrl+w", command: "words", when: "ready", source: "ext" },
    ]);
    expect(resolve(rules, ["ctrl+k"], get)).toEqual({ kind: "chord" });
    expect(resolve(rules, ["ctrl+k", "ctrl+s"], get)).toMatchObject({ rule: { command: "shortcuts" } });
    expect(resolve(rules, ["ctrl+k", "ctrl+w"], get)).toEqual({ kind: "none" });
    expect(primaryKeybinding(rules, "words")?.chords).toEqual(["ctrl+k", "ctrl+w"]);
  });
});
