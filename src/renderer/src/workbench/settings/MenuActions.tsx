/**
 * `contributes.menus` rendered as title-bar buttons: `editor/title` in each editor group's tab
 * bar, `view/title` in a view's header. Items show their command's `$(codicon)` icon (else its
 * title), are hidden while their `when` is false and disabled while the command's `enablement` is.
 */
import { useStore } from "../store.js";
import type { WorkbenchServices } from "../workbench-services.js";

const CODICON = /^\$\(([a-z0-9-]+)(~spin)?\)$/;

export const MenuActions = ({
  services,
  menu,
  overlay = {},
  testId,
}: {
  services: WorkbenchServices;
  menu: "editor/title" | "view/title";
  overlay?: Readonly<Record<string, unknown>>;
  testId: string;
}) => {
  // Re-evaluated when menus, context keys or the active editor change.
  useStore(services.settings.contributions);
  useStore(services.settings.contextKeys.version);
  const items = services.settings.menu(menu, overlay);
  if (items.length === 0) return null;
  return (
    <span className="menu-actions">
      {items.map((item) => {
        const p = services.settings.presentation(item.command);
        const title = p ? (p.category ? `${p.category}: ${p.title}` : p.title) : item.command;
        const icon = p?.icon?.match(CODICON)?.[1];
        const enabled = services.settings.isEnabled(item.command);
        return (
          <button
            key={`${item.extensionId}:${item.command}`}
            type="button"
            className="menu-action"
            title={title}
            aria-label={title}
            disabled={!enabled}
            data-testid={testId}
            data-command={item.command}
            onClick={() => void services.settings.runCommand(item.command)}
          >
            {icon ? <span className={`codicon codicon-${icon}`} aria-hidden="true" /> : title}
          </button>
        );
      })}
    </span>
  );
};
