/**
 * A tree view's `view/item/context` menu, as VS Code's TreeMenus: entries whose `when` holds with
 * `view` = the view's id and `viewItem` = the item's contextValue; the `inline` group shows as
 * icon buttons on the row, the others in the right-click menu (a separator between groups,
 * `{ "submenu": id }` entries as nested menus); an entry's `alt` command replaces it while Alt is
 * held, run with the same element. The
 * host runs the command with the tree's elements (ExtHostViewMenusContract).
 */
import { ExtHostViewMenusContract } from "../../../../protocol/contracts/view-menus.js";
import type { TreeItemDto } from "../../../../protocol/contracts/views.js";
import { proxy, type Proxy } from "../../../../protocol/rpc-contract.js";
import { errorText, notify } from "../commands.js";
import type { MenuItem } from "../ContextMenu.js";
import { toMenuItems, type CommandEntry, type MenuGroup } from "../menus/menu-model.js";
import type { WorkbenchServices } from "../workbench-services.js";
import type { TreeModel } from "./views-model.js";

export interface InlineAction {
  readonly command: string;
  readonly title: string;
  readonly icon: string | undefined;
  readonly enabled: boolean;
  /** Set for a submenu: `command` is then the submenu's id. */
  readonly submenu?: ReadonlyArray<MenuItem>;
  /** The entry's `alt` command: the button shows and runs it while Alt is held. */
  readonly alt?: InlineAction;
}

const inlineCommand = (e: CommandEntry): InlineAction => ({
  command: e.command,
  title: e.title,
  icon: e.icon,
  enabled: e.enabled,
  ...(e.alt ? { alt: inlineCommand(e.alt) } : {}),
});

const hosts = new WeakMap<WorkbenchServices, Proxy<typeof ExtHostViewMenusContract>>();

export class TreeItemMenus {
  private readonly host: Proxy<typeof ExtHostViewMenusContract>;

  constructor(
    private readonly services: WorkbenchServices,
    private readonly tree: TreeModel,
  ) {
    let host = hosts.get(services);
    if (!host) {
      host = proxy(services.client, ExtHostViewMenusContract);
      hosts.set(services, host);
    }
    this.host = host;
  }

  private groups(item: TreeItemDto): MenuGroup[] {
    return this.services.settings.menuGroups("view/item/context", {
      view: this.tree.viewId,
      viewItem: item.contextValue,
    });
  }

  /** The row's icon buttons (group `inline`); a submenu there is a button opening a dropdown. */
  inline(item: TreeItemDto): InlineAction[] {
    return this.groups(item)
      .filter((g) => g.id === "inline")
      .flatMap((g) => g.entries)
      .map((e) =>
        e.kind === "command"
          ? inlineCommand(e)
          : {
              command: e.submenu,
              title: e.title,
              icon: e.icon,
              enabled: true,
              submenu: toMenuItems(e.groups, (c) => this.run(item, c.command)),
            },
      );
  }

  /** The right-click menu: every other group, in order, separated; submenus nested. */
  contextMenu(item: TreeItemDto): MenuItem[] {
    return toMenuItems(
      this.groups(item).filter((g) => g.id !== "inline"),
      (e) => this.run(item, e.command),
    );
  }

  async run(item: TreeItemDto, command: string): Promise<void> {
    if (!this.services.settings.isEnabled(command)) return;
    try {
      await this.host.runTreeItemMenuCommand(
        { viewId: this.tree.viewId, handle: item.handle, selection: this.tree.selection, command },
        { timeoutMs: 0 },
      );
    } catch (e) {
      notify(this.services, "error", errorText(e));
    }
  }
}
