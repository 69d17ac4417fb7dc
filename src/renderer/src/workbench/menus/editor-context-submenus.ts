/**
 * `{ "submenu": id }` entries of `editor/context` in Monaco's own right-click menu. Monaco's public
 * `addAction` only places commands at the menu's top level, so the submenu goes to the menu registry
 * its context menu reads (as VS Code registers extension submenus), scoped to one editor by
 * `editorId`; each item is an editor action without a menu place, listed in the submenu's MenuId.
 */
import type * as monaco from "monaco-editor/editor/editor.api.js";
import { MenuId, MenuRegistry } from "monaco-editor/platform/actions/common/actions.js";
import { ContextKeyExpr } from "monaco-editor/platform/contextkey/common/contextkey.js";
import type { CommandEntry, MenuGroup } from "./menu-model.js";

/** One MenuId per contributed submenu for the page's lifetime: MenuId throws on a second `new`. */
const menuIds = new Map<string, MenuId>();
const menuIdFor = (submenu: string): MenuId => {
  let id = menuIds.get(submenu);
  if (!id) {
    id = new MenuId(`direct.submenu.${submenu}`);
    menuIds.set(submenu, id);
  }
  return id;
};

/**
 * Registers the submenus among `groups` (already filtered by `when`) for `editor`; the returned
 * disposable takes them back. Called as the menu opens, so each opening sees the current state.
 */
export const registerEditorContextSubmenus = (
  editor: monaco.editor.IStandaloneCodeEditor,
  groups: ReadonlyArray<MenuGroup>,
  run: (entry: CommandEntry) => unknown,
  /** The menu opens with Alt held: entries with an `alt` command show that one. */
  useAlt = false,
): monaco.IDisposable => {
  const disposables: monaco.IDisposable[] = [];
  const when = ContextKeyExpr.equals("editorId", editor.getId());
  const fill = (menu: MenuId, gs: ReadonlyArray<MenuGroup>, topLevel: boolean) => {
    for (const g of gs) {
      for (const entry of g.entries) {
        const e = entry.kind === "command" && useAlt && entry.alt ? entry.alt : entry;
        const group = g.id || (topLevel ? "navigation" : "");
        if (e.kind === "submenu") {
          const sub = menuIdFor(e.submenu);
          disposables.push(
            MenuRegistry.appendMenuItem(menu, { submenu: sub, title: e.title, group, order: e.order, when }),
          );
          fill(sub, e.groups, false);
        } else if (!topLevel) {
          // Top-level commands are settings-services' editor actions already.
          const actionId = `menu.editorSubmenu.${menu.id}.${e.command}`;
          disposables.push(editor.addAction({ id: actionId, label: e.title, run: () => void run(e) }));
          // A command whose `enablement` is false shows greyed out, as in VS Code.
          const command = {
            id: `${editor.getId()}:${actionId}`,
            title: e.title,
            ...(e.enabled ? {} : { precondition: ContextKeyExpr.false() }),
          };
          disposables.push(MenuRegistry.appendMenuItem(menu, { command, group, order: e.order, when }));
        }
      }
    }
  };
  fill(MenuId.EditorContext, groups, true);
  return { dispose: () => disposables.forEach((d) => d.dispose()) };
};
