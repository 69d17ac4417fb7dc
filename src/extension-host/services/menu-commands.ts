/**
 * ExtHostMenusContract: a resource menu's entry runs its command with `vscode.Uri`s built from the
 * window's uri strings — `(resource, selectedResources)` from the explorer, `(resource)` from an
 * editor's title bar or context menu, as VS Code passes them.
 */
import type { ExtHostMenusContract } from "../../protocol/contracts/menus.js";
import type { Implementation } from "../../protocol/rpc-contract.js";
import { Uri } from "../api/uri.js";

export const menusImplementation = (
  execute: (command: string, args: readonly unknown[]) => Promise<unknown>,
): Implementation<typeof ExtHostMenusContract> => ({
  runResourceMenuCommand: async ({ command, resource, resources }) => {
    await execute(command, [Uri.parse(resource), resources.map((r) => Uri.parse(r))]);
    return null;
  },
  runEditorMenuCommand: async ({ command, resource }) => {
    await execute(command, [Uri.parse(resource)]);
    return null;
  },
});
