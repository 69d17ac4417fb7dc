/**
 * Menu entries' `alt` commands (VS Code's MenuItemAction.alt): the manifest keeps a string `alt`
 * (also one no extension contributes: it may be a workbench command or registered later), reports a
 * non-string one and keeps the entry without it, notes an alt equal to the command; the window's
 * menu model carries the alt command's own title, icon and enablement, and shows / runs it instead
 * of the entry only while Alt is held and the alt command is enabled.
 */
import { describe, expect, it } from "vitest";
import { decodeManifest, type ExtensionManifest } from "../../src/extension-host/extensions/manifest.js";
import {
  collectMenuContributions,
  type MenuContributor,
} from "../../src/extension-host/services/menu-contributions.js";
import type { KeybindingsAndMenus } from "../../src/protocol/contracts/configuration.js";
import {
  resolveMenu,
  shownEntry,
  splitTitleBar,
  toMenuItems,
  type CommandEntry,
} from "../../src/renderer/src/workbench/menus/menu-model.js";

const ext = (id: string, contributes: NonNullable<ExtensionManifest["contributes"]>): MenuContributor => ({
  id,
  manifest: { name: id, publisher: "p", version: "1.0.0", engines: { vscode: "*" }, contributes },
});

const commands = [
  { command: "x.refresh", title: "Refresh", icon: "$(refresh)" },
  { command: "x.refreshAll", title: "Refresh All", icon: "$(refresh-all)", enablement: "canRefreshAll" },
  { command: "x.delete", title: "Delete" },
  { command: "x.deleteForever", title: "Delete Forever" },
];

const snapshot = (extensions: MenuContributor[]): KeybindingsAndMenus => {
  const { menus, submenuItems, submenus } = collectMenuContributions(extensions);
  const presentations = extensions.flatMap((e) =>
    (e.manifest.contributes?.commands ?? []).map((c) => ({
      id: c.command,
      title: c.title,
      ...(typeof c.icon === "string" ? { icon: c.icon } : {}),
      ...(c.enablement ? { enablement: c.enablement } : {}),
    })),
  );
  return {
    keybindings: [],
    userKeybindingsFile: "file:///k.json",
    menus,
    commands: presentations,
    submenuItems,
    submenus,
  };
};

describe("menu alt commands (host)", () => {
  it("keeps a string alt, also one no extension contributes; a non-string alt is reported and dropped, the entry kept", () => {
    const r = collectMenuContributions([
      ext("pub.one", {
        commands,
        menus: {
          "view/title": [
            { command: "x.refresh", alt: "x.refreshAll", group: "navigation" },
            { command: "x.delete", alt: "workbench.action.later" },
            { command: "x.deleteForever", alt: 42 },
            { command: "x.refreshAll", alt: { id: "x.refresh" } },
            { command: "x.delete", alt: "" },
          ],
        },
      }),
    ]);
    expect(r.menus["view/title"]).toEqual([
      { command: "x.refresh", alt: "x.refreshAll", group: "navigation", extensionId: "pub.one" },
      { command: "x.delete", alt: "workbench.action.later", extensionId: "pub.one" },
      { command: "x.deleteForever", extensionId: "pub.one" },
      { command: "x.refreshAll", extensionId: "pub.one" },
      { command: "x.delete", extensionId: "pub.one" },
    ]);
    expect(r.problems).toEqual([
      {
        extensionId: "pub.one",
        message:
          "menu `view/title`: property `alt` can be omitted or must be of type `string` (the entry for `x.deleteForever` is kept without it)",
      },
      {
        extensionId: "pub.one",
        message:
          "menu `view/title`: property `alt` can be omitted or must be of type `string` (the entry for `x.refreshAll` is kept without it)",
      },
    ]);
  });

  it("notes an alt naming the entry's own command, as VS Code does, and keeps it", () => {
    const r = collectMenuContributions([
      ext("pub.one", { commands, menus: { "editor/title": [{ command: "x.refresh", alt: "x.refresh" }] } }),
    ]);
    expect(r.menus["editor/title"]).toEqual([{ command: "x.refresh", alt: "x.refresh", extensionId: "pub.one" }]);
    expect(r.problems.map((p) => p.message)).toEqual([
      "menu `editor/title`: the entry references the same command as default and alt-command",
    ]);
  });

  it("a manifest with a non-string alt still decodes (the check is the menus', not the whole manifest's)", () => {
    const decoded = decodeManifest({
      name: "n",
      publisher: "p",
      version: "1.0.0",
      engines: { vscode: "*" },
      contributes: { menus: { "view/title": [{ command: "x.refresh", alt: ["x"] }] } },
    });
    expect(decoded._tag).toBe("Success");
  });
});

describe("menu alt commands (renderer model)", () => {
  const contributions = snapshot([
    ext("pub.one", {
      commands,
      menus: {
        "view/title": [
          { command: "x.refresh", alt: "x.refreshAll", group: "navigation" },
          { command: "x.delete", alt: "x.deleteForever", group: "navigation", when: "view == v" },
          { command: "x.deleteForever", alt: "unknown.command", group: "9_more" },
        ],
      },
    }),
  ]);
  const primary = (keys: Record<string, unknown>) =>
    splitTitleBar(resolveMenu(contributions, "view/title", (k) => keys[k])).primary as CommandEntry[];
  /** The navigation group sorts by title: Delete, then Refresh. */
  const both = (keys: Record<string, unknown>) => {
    const [del, refresh] = primary(keys);
    if (del?.command !== "x.delete" || refresh?.command !== "x.refresh") throw new Error("entries missing");
    return { del, refresh };
  };

  it("carries the alt command's own title, icon and enablement; an unknown alt shows as its id", () => {
    const { refresh, del } = both({ view: "v" });
    expect(refresh.alt).toMatchObject({
      command: "x.refreshAll",
      title: "Refresh All",
      icon: "refresh-all",
      enabled: false,
      alt: undefined,
    });
    expect(del.alt).toMatchObject({ command: "x.deleteForever", title: "Delete Forever", enabled: true });
    // The entry's `when` decides for both: hidden together.
    expect(primary({}).map((e) => e.command)).toEqual(["x.refresh"]);
    const more = resolveMenu(contributions, "view/title", () => undefined).find((g) => g.id === "9_more");
    expect((more?.entries[0] as CommandEntry).alt).toMatchObject({
      command: "unknown.command",
      title: "unknown.command",
    });
  });

  it("shows the alt only while Alt is held and only when the alt command is enabled", () => {
    const { refresh, del } = both({ view: "v" });
    expect(shownEntry(del, false).command).toBe("x.delete");
    expect(shownEntry(del, true).command).toBe("x.deleteForever");
    // x.refreshAll's enablement (canRefreshAll) is false: the button stays Refresh.
    expect(shownEntry(refresh, true).command).toBe("x.refresh");
    expect(shownEntry(both({ view: "v", canRefreshAll: true }).refresh, true)).toMatchObject({
      command: "x.refreshAll",
      icon: "refresh-all",
    });
  });

  it("a context menu item carries its alt, which runs the alt command through the same runner", () => {
    const ran: string[] = [];
    const items = toMenuItems(
      resolveMenu(contributions, "view/title", () => "v"),
      (e) => ran.push(e.command),
    );
    const del = items.find((i) => i !== "separator" && i.label === "Delete");
    if (!del || del === "separator" || !("run" in del) || !del.alt) throw new Error("Delete with alt missing");
    expect(del.alt).toMatchObject({ label: "Delete Forever", disabled: false });
    del.run();
    del.alt.run();
    expect(ran).toEqual(["x.delete", "x.deleteForever"]);
  });
});
