/**
 * ExtHostViewMenusContract: a tree item's `view/item/context` entry runs its command with the
 * elements behind the window's handles (VS Code's TreeView action runner: `(element)`, or
 * `(element, selectedElements)` when the item is one of several selected).
 */
import type { ExtHostViewMenusContract } from "../../protocol/contracts/view-menus.js";
import type { Implementation } from "../../protocol/rpc-contract.js";
import type { TreeViewsService } from "./tree-views.js";

export const viewMenusImplementation = (
  views: TreeViewsService,
  execute: (command: string, args: readonly unknown[]) => Promise<unknown>,
): Implementation<typeof ExtHostViewMenusContract> => ({
  runTreeItemMenuCommand: async ({ viewId, handle, selection, command }) => {
    await execute(command, views.view(viewId).menuArguments(handle, selection));
    return null;
  },
});
