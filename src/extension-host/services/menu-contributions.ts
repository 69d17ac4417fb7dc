/**
 * `contributes.menus` and `contributes.submenus` of every extension, checked as VS Code's
 * menusExtensionPoint checks them: an entry needs a `command` or a `submenu`; a `submenu` entry must
 * name a submenu some extension contributes (submenus are global, like commands); the command
 * palette takes no submenus; the same submenu twice in one menu counts once. A bad entry is
 * dropped and reported against its extension, the rest of the manifest still applies. An entry's
 * `alt` (the command shown while Alt is held) is kept even when no extension contributes that
 * command (it may be a workbench command or one registered later); a non-string `alt` is reported
 * and dropped, the entry kept.
 */
import type { MenuItemDto, SubmenuDto, SubmenuItemDto } from "../../protocol/contracts/configuration.js";
import type { ExtensionManifest } from "../extensions/manifest.js";

export interface MenuContributor {
  readonly id: string;
  readonly manifest: ExtensionManifest;
}

export interface MenuContributionProblem {
  readonly extensionId: string;
  readonly message: string;
}

export interface MenuContributions {
  readonly menus: Record<string, MenuItemDto[]>;
  readonly submenuItems: Record<string, SubmenuItemDto[]>;
  readonly submenus: SubmenuDto[];
  readonly problems: MenuContributionProblem[];
}

/** Menus whose entries are commands only (VS Code: `supportsSubmenus: false`). */
const NO_SUBMENUS = new Set(["commandPalette"]);

export const collectMenuContributions = (extensions: ReadonlyArray<MenuContributor>): MenuContributions => {
  const problems: MenuContributionProblem[] = [];
  const submenus = new Map<string, SubmenuDto>();
  for (const ext of extensions) {
    for (const s of ext.manifest.contributes?.submenus ?? []) {
      if (s.id.trim() === "" || s.label.trim() === "") {
        problems.push({ extensionId: ext.id, message: "a submenu needs a non-empty `id` and `label`" });
        continue;
      }
      if (submenus.has(s.id)) {
        problems.push({
          extensionId: ext.id,
          message: `the submenu \`${s.id}\` is already defined; this one is ignored`,
        });
        continue;
      }
      // Only `$(codicon)` icons are drawn; an image path leaves the label.
      const icon = typeof s.icon === "string" && s.icon.startsWith("$(") ? s.icon : undefined;
      submenus.set(s.id, { id: s.id, label: s.label, ...(icon ? { icon } : {}) });
    }
  }

  const menus: Record<string, MenuItemDto[]> = {};
  const submenuItems: Record<string, SubmenuItemDto[]> = {};
  for (const ext of extensions) {
    for (const [menu, items] of Object.entries(ext.manifest.contributes?.menus ?? {})) {
      for (const item of items) {
        const placement = {
          ...(item.when ? { when: item.when } : {}),
          ...(item.group ? { group: item.group } : {}),
          extensionId: ext.id,
        };
        if (item.command !== undefined && item.submenu !== undefined) {
          problems.push({
            extensionId: ext.id,
            message: `menu \`${menu}\`: an entry has both \`command\` (${item.command}) and \`submenu\` (${item.submenu}); it is ignored`,
          });
        } else if (item.command !== undefined) {
          const alt = altOf(menu, item.command, item.alt);
          for (const message of alt.problems) problems.push({ extensionId: ext.id, message });
          (menus[menu] ??= []).push({ command: item.command, ...(alt.id ? { alt: alt.id } : {}), ...placement });
        } else if (item.submenu !== undefined) {
          const problem = submenuProblem(menu, item.submenu, submenus, submenuItems[menu]);
          if (problem) problems.push({ extensionId: ext.id, message: problem });
          else (submenuItems[menu] ??= []).push({ submenu: item.submenu, ...placement });
        } else {
          problems.push({
            extensionId: ext.id,
            message: `menu \`${menu}\`: an entry needs a \`command\` or a \`submenu\``,
          });
        }
      }
    }
  }
  return { menus, submenuItems, submenus: [...submenus.values()], problems };
};

/** VS Code's checks of `alt` (menusExtensionPoint): its type, and the same command as the entry's. */
const altOf = (menu: string, command: string, alt: unknown): { id: string | undefined; problems: string[] } => {
  if (alt === undefined) return { id: undefined, problems: [] };
  if (typeof alt !== "string") {
    return {
      id: undefined,
      problems: [
        `menu \`${menu}\`: property \`alt\` can be omitted or must be of type \`string\` (the entry for \`${command}\` is kept without it)`,
      ],
    };
  }
  if (alt.trim() === "") return { id: undefined, problems: [] };
  // Unlike VS Code's registry ours cannot see the workbench's own commands, so an id no extension
  // contributes is kept silently: it resolves (or shows as its id) in the window.
  const problems =
    alt === command ? [`menu \`${menu}\`: the entry references the same command as default and alt-command`] : [];
  return { id: alt, problems };
};

const submenuProblem = (
  menu: string,
  submenu: string,
  known: ReadonlyMap<string, SubmenuDto>,
  already: ReadonlyArray<SubmenuItemDto> | undefined,
): string | undefined => {
  if (NO_SUBMENUS.has(menu)) return `menu \`${menu}\` cannot hold submenus (\`${submenu}\` is ignored)`;
  if (!known.has(submenu)) {
    return `menu \`${menu}\`: the entry references a submenu \`${submenu}\` which is not defined in the 'submenus' section`;
  }
  if (submenu === menu) return `the submenu \`${submenu}\` cannot contain itself`;
  if (already?.some((i) => i.submenu === submenu)) {
    return `the submenu \`${submenu}\` was already contributed to the \`${menu}\` menu`;
  }
  return undefined;
};

/** Once per host: each extension's menu problems go to its output channel, as VS Code logs them. */
export const reportMenuProblems = (
  runtimes: ReadonlyArray<{ readonly id: string; readonly description: { readonly manifest: ExtensionManifest } }>,
  report: (extensionId: string, message: string) => void,
): void => {
  const { problems } = collectMenuContributions(runtimes.map((r) => ({ id: r.id, manifest: r.description.manifest })));
  for (const p of problems) report(p.extensionId, p.message);
};
