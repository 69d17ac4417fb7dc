/**
 * `explorer/context`: extensions' entries in the Explorer's right-click menu, after the built-in
 * ones. Their `when` sees the clicked resource (`resourceFilename`, `resourceExtname`,
 * `explorerResourceIsFolder`…); the host runs the command with `vscode.Uri`s (ExtHostMenusContract).
 */
import type { FileEntry } from "../../../../protocol/workbench.js";
import { errorText, notify } from "../commands.js";
import type { MenuItem } from "../ContextMenu.js";
import type { WorkbenchServices } from "../workbench-services.js";
import { menusHost } from "./menu-commands.js";
import { toMenuItems } from "./menu-model.js";

/** The context keys VS Code's explorer sets for the resource under the menu. */
export const resourceContextKeys = (e: FileEntry): Record<string, unknown> => {
  const dot = e.name.lastIndexOf(".");
  return {
    resource: e.uri,
    resourceScheme: e.uri.split(":")[0],
    resourceFilename: e.name,
    resourceExtname: e.kind === "file" && dot > 0 ? e.name.slice(dot) : "",
    explorerResourceIsFolder: e.kind === "directory",
    explorerResourceIsRoot: false,
  };
};

/** The contributed entries for `e`, preceded by a separator when there are any. */
export const explorerContributedItems = (services: WorkbenchServices, e: FileEntry): MenuItem[] => {
  const items = toMenuItems(services.settings.menuGroups("explorer/context", resourceContextKeys(e)), (entry) => {
    if (!services.settings.isEnabled(entry.command)) return;
    return menusHost(services)
      .runResourceMenuCommand({ command: entry.command, resource: e.uri, resources: [e.uri] }, { timeoutMs: 0 })
      .catch((err: unknown) => notify(services, "error", errorText(err)));
  });
  return items.length > 0 ? ["separator", ...items] : [];
};
