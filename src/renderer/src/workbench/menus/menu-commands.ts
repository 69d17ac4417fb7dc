/**
 * Runs a contributed menu entry about a resource. Extension commands get `vscode.Uri` arguments
 * built by the host (ExtHostMenusContract), as VS Code passes them; the workbench's own commands
 * and the focused editor's actions run as they do from the palette.
 */
import { ExtHostMenusContract } from "../../../../protocol/contracts/menus.js";
import { proxy, type Proxy } from "../../../../protocol/rpc-contract.js";
import { builtinCommands, errorText, notify } from "../commands.js";
import type { WorkbenchServices } from "../workbench-services.js";

const hosts = new WeakMap<WorkbenchServices, Proxy<typeof ExtHostMenusContract>>();
export const menusHost = (services: WorkbenchServices): Proxy<typeof ExtHostMenusContract> => {
  let host = hosts.get(services);
  if (!host) {
    host = proxy(services.client, ExtHostMenusContract);
    hosts.set(services, host);
  }
  return host;
};

const isWorkbenchCommand = (services: WorkbenchServices, command: string): boolean =>
  builtinCommands(services).some((c) => c.id === command) || services.editor.focused.get()?.getAction(command) != null;

/** An `editor/title` or `editor/context` entry: the command gets the editor's resource. */
export const runEditorMenuCommand = async (
  services: WorkbenchServices,
  command: string,
  resource: string | undefined,
): Promise<void> => {
  if (resource === undefined || isWorkbenchCommand(services, command)) return services.settings.runCommand(command);
  if (!services.settings.isEnabled(command)) return;
  try {
    await menusHost(services).runEditorMenuCommand({ command, resource }, { timeoutMs: 0 });
  } catch (e) {
    notify(services, "error", errorText(e));
  }
};
