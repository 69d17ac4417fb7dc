/**
 * Contributed menus as VS Code builds them: manifest checks (unknown / duplicate / misplaced
 * submenus reported, not thrown), VS Code's group and order sorting, `when` on entries and inside
 * submenus, empty submenus hidden, title bars split into `navigation` and the "…" menu.
 */
import { describe, expect, it } from "vitest";
import {
  collectMenuContributions,
  type MenuContributor,
} from "../../src/extension-host/services/menu-contributions.js";
import type { ExtensionManifest } from "../../src/extension-host/extensions/manifest.js";
import type { KeybindingsAndMenus } from "../../src/protocol/contracts/configuration.js";
import {
  parseGroup,
  resolveMenu,
  splitTitleBar,
  toMenuItems,
  type MenuGroup,
} from "../../src/renderer/src/workbench/menus/menu-model.js";

const ext = (id: string, contributes: NonNullable<ExtensionManifest["contributes"]>): MenuContributor => ({
  id,
  manifest: { name: id, publisher: "p", version: "1.0.0", engines: { vscode: "*" }, contributes },
});

const snapshot = (extensions: MenuContributor[]): KeybindingsAndMenus => {
  const { menus, submenuItems, submenus } = collectMenuContributions(extensions);
  const commands = extensions.flatMap((e) =>
    (e.manifest.contributes?.commands ?? []).map((c) => ({
      id: c.command,
      title: c.title,
      ...(typeof c.icon === "string" ? { icon: c.icon } : {}),
      ...(c.enablement ? { enablement: c.enablement } : {}),
    })),
  );
  return { keybindings: [], userKeybindingsFile: "file:///k.json", menus, commands, submenuItems, submenus };
};

const shape = (groups: ReadonlyArray<MenuGroup>): unknown =>
  groups.map((g) => ({
    group: g.id,
    entries: g.entries.map((e) => (e.kind === "command" ? e.command : { submenu: e.submenu, of: shape(e.groups) })),
  }));

const commands = ["a", "b", "c", "d", "e"].map((x) => ({ command: `x.${x}`, title: x.toUpperCase() }));

describe("menu contributions (host)", () => {
  it("reports a submenu entry naming no contributed submenu, and keeps the manifest's other entries", () => {
    const r = collectMenuContributions([
      ext("pub.one", {
        menus: {
          "view/title": [{ submenu: "nope" }, { command: "x.a" }, {}, { command: "x.b", submenu: "s" }],
          commandPalette: [{ submenu: "s" }],
        },
        submenus: [{ id: "s", label: "S" }],
      }),
    ]);
    expect(r.menus["view/title"]?.map((i) => i.command)).toEqual(["x.a"]);
    expect(r.submenuItems["view/title"]).toBeUndefined();
    expect(r.problems.map((p) => p.message)).toEqual([
      "menu `view/title`: the entry references a submenu `nope` which is not defined in the 'submenus' section",
      "menu `view/title`: an entry needs a `command` or a `submenu`",
      "menu `view/title`: an entry has both `command` (x.b) and `submenu` (s); it is ignored",
      "menu `commandPalette` cannot hold submenus (`s` is ignored)",
    ]);
    expect(r.problems.every((p) => p.extensionId === "pub.one")).toBe(true);
  });

  it("submenus are global: one extension may place another's; duplicates are reported once each", () => {
    const r = collectMenuContributions([
      ext("pub.one", {
        submenus: [
          { id: "s", label: "S", icon: "$(list-ordered)" },
          { id: "s", label: "again" },
        ],
      }),
      ext("pub.two", {
        submenus: [
          { id: "paths", label: "P", icon: "./icon.svg" },
          { id: "", label: "x" },
        ],
        menus: { "editor/title": [{ submenu: "s" }, { submenu: "s", group: "navigation" }] },
      }),
    ]);
    expect(r.submenus).toEqual([
      { id: "s", label: "S", icon: "$(list-ordered)" },
      { id: "paths", label: "P" },
    ]);
    expect(r.submenuItems["editor/title"]).toEqual([{ submenu: "s", extensionId: "pub.two" }]);
    expect(r.problems).toEqual([
      { extensionId: "pub.one", message: "the submenu `s` is already defined; this one is ignored" },
      { extensionId: "pub.two", message: "a submenu needs a non-empty `id` and `label`" },
      { extensionId: "pub.two", message: "the submenu `s` was already contributed to the `editor/title` menu" },
    ]);
  });
});

describe("menu model (renderer)", () => {
  it("parses group@order as VS Code does", () => {
    expect(parseGroup("1_mod@3")).toEqual({ group: "1_mod", order: 3 });
    expect(parseGroup("a@b@2")).toEqual({ group: "a@b", order: 2 });
    expect(parseGroup("@2")).toEqual({ group: "@2", order: 0 });
    expect(parseGroup("nav@x")).toEqual({ group: "nav", order: 0 });
    expect(parseGroup(undefined)).toEqual({ group: "", order: 0 });
  });

  it("sorts navigation first, groups by name, no group last; in a group by order then title", () => {
    const c = snapshot([
      ext("p.e", {
        commands,
        menus: {
          m: [
            { command: "x.a" },
            { command: "x.b", group: "2_z@1" },
            { command: "x.e", group: "10_a" },
            { command: "x.c", group: "2_z" },
            { command: "x.d", group: "navigation@5" },
            { command: "x.a", group: "navigation@5" },
          ],
        },
      }),
    ]);
    expect(shape(resolveMenu(c, "m", () => undefined))).toEqual([
      { group: "navigation", entries: ["x.a", "x.d"] },
      { group: "10_a", entries: ["x.e"] },
      { group: "2_z", entries: ["x.c", "x.b"] },
      { group: "", entries: ["x.a"] },
    ]);
  });

  it("resolves submenus with their own when and groups, hides empty ones and stops a submenu that contains itself", () => {
    const c = snapshot([
      ext("p.e", {
        commands: [...commands, { command: "x.off", title: "Off", enablement: "ready" }],
        submenus: [
          { id: "sort", label: "Sort", icon: "$(list-ordered)" },
          { id: "empty", label: "Empty" },
          { id: "loop", label: "Loop" },
        ],
        menus: {
          "view/title": [
            { submenu: "sort", group: "navigation@1" },
            { submenu: "empty", group: "navigation" },
            { command: "x.a", group: "1_more" },
            { submenu: "loop", group: "2_loop" },
          ],
          sort: [
            { command: "x.b", group: "1_by@2" },
            { command: "x.c", group: "1_by@1", when: "showC" },
            { command: "x.off", group: "2_other" },
          ],
          empty: [{ command: "x.d", when: "false" }],
          loop: [{ submenu: "loop" }, { command: "x.e" }],
        },
      }),
    ]);
    const keys = new Map<string, unknown>([["showC", true]]);
    const groups = resolveMenu(c, "view/title", (k) => keys.get(k));
    expect(shape(groups)).toEqual([
      {
        group: "navigation",
        entries: [
          {
            submenu: "sort",
            of: [
              { group: "1_by", entries: ["x.c", "x.b"] },
              { group: "2_other", entries: ["x.off"] },
            ],
          },
        ],
      },
      { group: "1_more", entries: ["x.a"] },
      { group: "2_loop", entries: [{ submenu: "loop", of: [{ group: "", entries: ["x.e"] }] }] },
    ]);
    const sort = groups[0]?.entries[0];
    expect(sort?.kind === "submenu" && sort.icon).toBe("list-ordered");

    // The title bar: navigation inline, the rest in "…"; a context menu nests, with separators.
    const { primary, secondary } = splitTitleBar(groups);
    expect(primary.map((e) => e.title)).toEqual(["Sort"]);
    expect(secondary.map((g) => g.id)).toEqual(["1_more", "2_loop"]);
    const ran: string[] = [];
    const items = toMenuItems(groups, (e) => ran.push(e.command));
    const sub = items[0];
    const nested = sub !== undefined && sub !== "separator" && "submenu" in sub ? sub.submenu : [];
    expect(nested.map((i) => (i === "separator" ? "-" : i.label))).toEqual(["C", "B", "-", "Off"]);
    const off = nested[3];
    expect(off !== undefined && off !== "separator" && "run" in off && off.disabled).toBe(true);
    expect(items.slice(1).map((i) => (i === "separator" ? "-" : i.label))).toEqual(["-", "A", "-", "Loop"]);

    // `when` re-read: without showC the entry leaves the submenu.
    keys.delete("showC");
    expect(shape(resolveMenu(c, "sort", (k) => keys.get(k)))).toEqual([
      { group: "1_by", entries: ["x.b"] },
      { group: "2_other", entries: ["x.off"] },
    ]);
    const a = items[2];
    if (a !== "separator" && a !== undefined && "run" in a) a.run();
    expect(ran).toEqual(["x.a"]);
  });

  it("the editor title inlines a navigation submenu with a single entry as that entry; view titles keep it", () => {
    const c = snapshot([
      ext("p.e", {
        commands,
        submenus: [
          { id: "one", label: "One" },
          { id: "two", label: "Two" },
        ],
        menus: {
          "editor/title": [
            { submenu: "one", group: "navigation@1" },
            { submenu: "two", group: "navigation@2" },
          ],
          one: [{ command: "x.a" }, { command: "x.b", when: "false" }],
          two: [{ command: "x.c" }, { command: "x.d" }],
        },
      }),
    ]);
    const groups = resolveMenu(c, "editor/title", () => undefined);
    const names = (entries: ReadonlyArray<{ kind: string; title: string }>) =>
      entries.map((e) => `${e.kind}:${e.title}`);
    expect(names(splitTitleBar(groups, { inlineSingleEntrySubmenus: true }).primary)).toEqual([
      "command:A",
      "submenu:Two",
    ]);
    expect(names(splitTitleBar(groups).primary)).toEqual(["submenu:One", "submenu:Two"]);
  });
});
