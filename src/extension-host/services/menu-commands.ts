/**
 * ExtHostMenusContract: an `explorer/context` entry runs its command with `vscode.Uri`s built from
 * the window's uri strings — `(resource, selectedResources)`, VS Code's explorer arguments.
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
});
