/**
 * A contributed menu as VS Code's MenuService builds it: the entries whose `when` holds, in groups
 * (`group@order`), sorted as VS Code sorts them — `navigation` first, entries without a group last,
 * other groups by name; inside a group by order, then title. A `{ "submenu": id }` entry carries
 * the submenu's own resolved groups and is left out when none of its items show. Title bars split
 * the result: the `navigation` group as inline buttons, every other group in the "…" menu. An entry's
 * `alt` command (VS Code's MenuItemAction.alt) rides along with its own title, icon and enablement:
 * toolbars and menus show and run it instead while Alt is held (alt-key.ts).
 */
import type { KeybindingsAndMenus } from "../../../../protocol/contracts/configuration.js";
import type { MenuItem, MenuItemAlt } from "../ContextMenu.js";
import { whenMatches, type ContextLookup } from "../keybindings/when.js";

const CODICON = /^\$\(([a-z0-9-]+)(~spin)?\)$/;

interface Placement {
  /** The group without its `@order`; "" when the entry has none. */
  readonly group: string;
  readonly order: number;
}

export interface CommandEntry extends Placement {
  readonly kind: "command";
  readonly command: string;
  readonly title: string;
  /** The command's category, shown in title-bar tooltips as VS Code does. */
  readonly category: string | undefined;
  /** A codicon name (from `$(name)`), else undefined. */
  readonly icon: string | undefined;
  readonly enabled: boolean;
  readonly extensionId: string;
  /** The entry's `alt` command, ready to replace it (same placement, no `alt` of its own). */
  readonly alt: CommandEntry | undefined;
}

export interface SubmenuEntry extends Placement {
  readonly kind: "submenu";
  readonly submenu: string;
  readonly title: string;
  readonly icon: string | undefined;
  readonly groups: ReadonlyArray<MenuGroup>;
}

export type MenuEntry = CommandEntry | SubmenuEntry;

export interface MenuGroup {
  readonly id: string;
  readonly entries: ReadonlyArray<MenuEntry>;
}

/** VS Code's parseMenuGroup: `"1_modification@2"` → group `1_modification`, order 2. */
export const parseGroup = (group: string | undefined): Placement => {
  if (!group) return { group: "", order: 0 };
  const at = group.lastIndexOf("@");
  if (at <= 0) return { group, order: 0 };
  return { group: group.slice(0, at), order: Number(group.slice(at + 1)) || 0 };
};

/** VS Code's MenuInfo._compareMenuItems. */
export const compareEntries = (a: Placement & { title: string }, b: Placement & { title: string }): number => {
  if (a.group !== b.group) {
    if (!a.group) return 1;
    if (!b.group) return -1;
    if (a.group === "navigation") return -1;
    if (b.group === "navigation") return 1;
    const byName = a.group.localeCompare(b.group);
    if (byName !== 0) return byName;
  }
  if (a.order !== b.order) return a.order < b.order ? -1 : 1;
  return a.title.localeCompare(b.title);
};

export const codiconOf = (icon: string | undefined): string | undefined => icon?.match(CODICON)?.[1];

/** The entries of menu `id` whose `when` holds under `get`, grouped and sorted. */
export const resolveMenu = (
  contributions: KeybindingsAndMenus | undefined,
  id: string,
  get: ContextLookup,
  /** Submenus already open above this one: a submenu that contains itself stops there. */
  open: ReadonlySet<string> = new Set([id]),
): MenuGroup[] => {
  if (!contributions) return [];
  const entries: MenuEntry[] = [];
  for (const item of contributions.menus[id] ?? []) {
    if (!whenMatches(item.when, get)) continue;
    const entry = (command: string, alt: CommandEntry | undefined): CommandEntry => {
      const p = contributions.commands.find((c) => c.id === command);
      return {
        kind: "command",
        ...parseGroup(item.group),
        command,
        title: p?.title ?? command,
        category: p?.category,
        icon: codiconOf(p?.icon),
        enabled: whenMatches(p?.enablement, get),
        extensionId: item.extensionId,
        alt,
      };
    };
    // The alt command has no `when` of its own (VS Code checks only its precondition).
    entries.push(entry(item.command, item.alt === undefined ? undefined : entry(item.alt, undefined)));
  }
  for (const item of contributions.submenuItems[id] ?? []) {
    if (open.has(item.submenu) || !whenMatches(item.when, get)) continue;
    const submenu = contributions.submenus.find((s) => s.id === item.submenu);
    if (!submenu) continue;
    const groups = resolveMenu(contributions, submenu.id, get, new Set([...open, submenu.id]));
    // VS Code hides a submenu none of whose items show.
    if (groups.length === 0) continue;
    entries.push({
      kind: "submenu",
      ...parseGroup(item.group),
      submenu: submenu.id,
      title: submenu.label,
      icon: codiconOf(submenu.icon),
      groups,
    });
  }
  entries.sort(compareEntries);
  const groups: MenuGroup[] = [];
  for (const e of entries) {
    const last = groups.at(-1);
    if (last && last.id === e.group) (last.entries as MenuEntry[]).push(e);
    else groups.push({ id: e.group, entries: [e] });
  }
  return groups;
};

/**
 * A title bar's split (VS Code's fillInActionBarActions with primary group `navigation`). The
 * editor title also inlines a `navigation` submenu holding a single entry as that entry
 * (VS Code's `shouldInlineGroup`).
 */
export const splitTitleBar = (
  groups: ReadonlyArray<MenuGroup>,
  options: { readonly inlineSingleEntrySubmenus?: boolean } = {},
): { primary: ReadonlyArray<MenuEntry>; secondary: ReadonlyArray<MenuGroup> } => {
  const navigation = groups.find((g) => g.id === "navigation")?.entries ?? [];
  const single = (e: MenuEntry): MenuEntry => {
    if (e.kind !== "submenu" || e.groups.length !== 1) return e;
    const only = e.groups[0]?.entries;
    return only?.length === 1 && only[0] ? single(only[0]) : e;
  };
  return {
    primary: options.inlineSingleEntrySubmenus ? navigation.map(single) : navigation,
    secondary: groups.filter((g) => g.id !== "navigation"),
  };
};

/**
 * The entry a toolbar button or menu item stands for: its `alt` while Alt is held and that command
 * is enabled (VS Code's MenuEntryActionViewItem `_wantsAltCommand`), else the entry itself.
 */
export const shownEntry = (entry: CommandEntry, altHeld: boolean): CommandEntry =>
  altHeld && entry.alt?.enabled ? entry.alt : entry;

/** Groups as a right-click / dropdown menu: separators between groups, submenus nested. */
export const toMenuItems = (groups: ReadonlyArray<MenuGroup>, run: (entry: CommandEntry) => unknown): MenuItem[] => {
  const out: MenuItem[] = [];
  for (const g of groups) {
    if (out.length > 0) out.push("separator");
    for (const e of g.entries) {
      out.push(
        e.kind === "command"
          ? {
              label: e.title,
              disabled: !e.enabled,
              run: () => run(e),
              ...(e.alt ? { alt: altItem(e.alt, run) } : {}),
            }
          : { label: e.title, submenu: toMenuItems(e.groups, run) },
      );
    }
  }
  return out;
};

const altItem = (alt: CommandEntry, run: (entry: CommandEntry) => unknown): MenuItemAlt => ({
  label: alt.title,
  disabled: !alt.enabled,
  run: () => run(alt),
});
