/**
 * `contributes.menus` rendered as a title bar, as VS Code's MenuWorkbenchToolBar: `editor/title` in
 * each editor group's tab bar, `view/title` in a view's header. The `navigation` group shows inline
 * — commands as their `$(codicon)` icon (else their title), submenus as a button opening a
 * dropdown — and every other group goes to the "…" menu. Items are hidden while their `when` is
 * false and disabled while the command's `enablement` is. While Alt is held (or Shift with the
 * pointer on it) a button whose entry has an enabled `alt` command shows that command's icon and
 * title, and a click runs it with the same arguments (VS Code's MenuEntryActionViewItem).
 */
import { openDropdownMenu } from "../ContextMenu.js";
import { runEditorMenuCommand } from "../menus/menu-commands.js";
import { useState } from "react";
import { useModifierKeys, wantsAltInToolbar } from "../menus/alt-key.js";
import { shownEntry, splitTitleBar, toMenuItems, type CommandEntry } from "../menus/menu-model.js";
import { useStore } from "../store.js";
import type { WorkbenchServices } from "../workbench-services.js";

export const MenuActions = ({
  services,
  menu,
  overlay = {},
  testId,
  resource,
}: {
  services: WorkbenchServices;
  menu: "editor/title" | "view/title";
  overlay?: Readonly<Record<string, unknown>>;
  testId: string;
  /** The editor's resource: `editor/title` commands get it as a `vscode.Uri`, as in VS Code. */
  resource?: string | undefined;
}) => {
  // Re-evaluated when menus, context keys or the active editor change.
  useStore(services.settings.contributions);
  useStore(services.settings.contextKeys.version);
  const modifiers = useModifierKeys();
  // The button under the pointer: Shift switches only that one (Alt switches them all).
  const [hovered, setHovered] = useState<string | undefined>(undefined);
  const { primary, secondary } = splitTitleBar(services.settings.menuGroups(menu, overlay), {
    inlineSingleEntrySubmenus: menu === "editor/title",
  });
  if (primary.length === 0 && secondary.length === 0) return null;
  const run = (e: CommandEntry) =>
    menu === "editor/title"
      ? runEditorMenuCommand(services, e.command, resource)
      : services.settings.runCommand(e.command);
  return (
    <span className="menu-actions">
      {primary.map((entry) => {
        if (entry.kind === "submenu") {
          return (
            <button
              key={`submenu:${entry.submenu}`}
              type="button"
              className="menu-action"
              title={entry.title}
              aria-label={entry.title}
              aria-haspopup="menu"
              data-testid={`${testId}-submenu`}
              data-submenu={entry.submenu}
              onClick={(e) => openDropdownMenu(e.currentTarget, toMenuItems(entry.groups, run))}
            >
              {entry.icon ? <span className={`codicon codicon-${entry.icon}`} aria-hidden="true" /> : entry.title}
            </button>
          );
        }
        const key = `${entry.extensionId}:${entry.command}`;
        const shown = shownEntry(entry, wantsAltInToolbar(modifiers, hovered === key));
        const title = shown.category ? `${shown.category}: ${shown.title}` : shown.title;
        return (
          <button
            key={key}
            onMouseEnter={() => setHovered(key)}
            onMouseLeave={() => setHovered((h) => (h === key ? undefined : h))}
            type="button"
            className="menu-action"
            title={title}
            aria-label={title}
            disabled={!shown.enabled}
            data-testid={testId}
            data-command={entry.command}
            data-alt-command={shown === entry ? undefined : shown.command}
            onClick={() => void run(shown)}
          >
            {shown.icon ? <span className={`codicon codicon-${shown.icon}`} aria-hidden="true" /> : title}
          </button>
        );
      })}
      {secondary.length > 0 && (
        <button
          type="button"
          className="menu-action"
          title="More Actions..."
          aria-label="More Actions..."
          aria-haspopup="menu"
          data-testid={`${testId}-more`}
          onClick={(e) => openDropdownMenu(e.currentTarget, toMenuItems(secondary, run))}
        >
          <span className="codicon codicon-more" aria-hidden="true" />
        </button>
      )}
    </span>
  );
};
