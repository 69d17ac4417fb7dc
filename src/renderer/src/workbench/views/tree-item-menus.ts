/**
 * A tree view's `view/item/context` menu, as VS Code's TreeMenus: entries whose `when` holds with
 * `view` = the view's id and `viewItem` = the item's contextValue; the `inline` group shows as
 * icon buttons on the row, the others in the right-click menu (a separator between groups). The
 * host runs the command with the tree's elements (ExtHostViewMenusContract).
 */
import type { MenuItemDto } from "../../../../protocol/contracts/configuration.js";
import { ExtHostViewMenusContract } from "../../../../protocol/contracts/view-menus.js";
import type { TreeItemDto } from "../../../../protocol/contracts/views.js";
import { proxy, type Proxy } from "../../../../protocol/rpc-contract.js";
import { errorText, notify } from "../commands.js";
import type { MenuItem } from "../ContextMenu.js";
import type { WorkbenchServices } from "../workbench-services.js";
import type { TreeModel } from "./views-model.js";

const CODICON = /^\$\(([a-z0-9-]+)(~spin)?\)$/;

export interface InlineAction {
  readonly command: string;
  readonly title: string;
  readonly icon: string | undefined;
  readonly enabled: boolean;
}

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

  private entries(item: TreeItemDto): MenuItemDto[] {
    return this.services.settings.menu("view/item/context", { view: this.tree.viewId, viewItem: item.contextValue });
  }

  private title(command: string): string {
    return this.services.settings.presentation(command)?.title ?? command;
  }

  /** The row's icon buttons (group `inline`). */
  inline(item: TreeItemDto): InlineAction[] {
    return this.entries(item)
      .filter((e) => (e.group ?? "").split("@")[0] === "inline")
      .map((e) => ({
        command: e.command,
        title: this.title(e.command),
        icon: this.services.settings.presentation(e.command)?.icon?.match(CODICON)?.[1],
        enabled: this.services.settings.isEnabled(e.command),
      }));
  }

  /** The right-click menu: every other group, in order, separated. */
  contextMenu(item: TreeItemDto): MenuItem[] {
    const out: MenuItem[] = [];
    let group: string | undefined;
    for (const e of this.entries(item)) {
      const g = (e.group ?? "").split("@")[0] ?? "";
      if (g === "inline") continue;
      if (group !== undefined && g !== group) out.push("separator");
      group = g;
      out.push({
        label: this.title(e.command),
        disabled: !this.services.settings.isEnabled(e.command),
        run: () => this.run(item, e.command),
      });
    }
    return out;
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
