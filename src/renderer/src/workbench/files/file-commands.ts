/** Palette commands of the explorer and the notification centre (VS Code's ids and titles). */
import type { PaletteCommand } from "../commands.js";
import { clearAllNotifications, notificationCenterOpen } from "../Notifications.js";
import type { WorkbenchServices } from "../workbench-services.js";
import { copyPath, deleteEntry, revealActive, startNew, startRename } from "./file-operations.js";

export const fileCommands = (services: WorkbenchServices): PaletteCommand[] => [
  { id: "explorer.newFile", title: "File: New File…", source: "built-in", run: () => startNew(services, "file") },
  { id: "explorer.newFolder", title: "File: New Folder…", source: "built-in", run: () => startNew(services, "folder") },
  { id: "renameFile", title: "Explorer: Rename…", source: "built-in", run: () => startRename(services) },
  { id: "deleteFile", title: "Explorer: Delete", source: "built-in", run: () => deleteEntry(services) },
  {
    id: "workbench.files.action.showActiveFileInExplorer",
    title: "File: Reveal Active File in Explorer View",
    source: "built-in",
    run: () => revealActive(services),
  },
  {
    id: "copyFilePath",
    title: "File: Copy Path of Active File",
    source: "built-in",
    run: () => copyPath(services, services.documents.active.get(), false),
  },
  {
    id: "copyRelativeFilePath",
    title: "File: Copy Relative Path of Active File",
    source: "built-in",
    run: () => copyPath(services, services.documents.active.get(), true),
  },
  {
    id: "notifications.showList",
    title: "Notifications: Show Notifications",
    source: "built-in",
    run: () => notificationCenterOpen.set(true),
  },
  {
    id: "notifications.hideList",
    title: "Notifications: Hide Notifications",
    source: "built-in",
    run: () => notificationCenterOpen.set(false),
  },
  {
    id: "notifications.clearAll",
    title: "Notifications: Clear All Notifications",
    source: "built-in",
    run: () => clearAllNotifications(services),
  },
];
