/**
 * Saving and closing as a user sees them: nothing typed is lost silently. A failed save says
 * why and offers Retry (the buffer stays dirty and backed up); a file changed on disk is not
 * overwritten without asking; closing a dirty tab asks Save / Don't Save / Cancel.
 */
import { errorText } from "./commands.js";
import { isDirty, tagOf } from "./documents.js";
import { rememberClosed } from "./files/closed-editors.js";
import { basename } from "./languages.js";
import type { WorkbenchServices } from "./workbench-services.js";

/** True when the buffer reached the disk (or there was nothing to write). */
export const saveDocument = async (services: WorkbenchServices, uri: string, overwrite = false): Promise<boolean> => {
  try {
    await services.documents.save(uri, { overwrite });
    return true;
  } catch (e) {
    if (tagOf(e) === "FileModifiedOnDisk") return resolveConflict(services, uri);
    return new Promise<boolean>((resolve) =>
      services.notifications.update((list) => [
        ...list,
        {
          id: Date.now() + Math.random(),
          request: {
            severity: "error",
            message: `Failed to save '${basename(uri)}': ${errorText(e)}`,
            items: ["Retry"],
            extensionId: "Direct Editor",
          },
          resolve: (item) => resolve(item === "Retry" ? saveDocument(services, uri, overwrite) : false),
        },
      ]),
    );
  }
};

/** The disk changed since the buffer was read: Overwrite, Revert (load the disk's text) or Cancel. */
const resolveConflict = async (services: WorkbenchServices, uri: string): Promise<boolean> => {
  const choice = await services.showDialog({
    message: `'${basename(uri)}' changed on disk since you opened it.`,
    detail: "Overwrite it with your changes, or revert to the version on disk (your changes can be undone back)?",
    buttons: ["Overwrite", "Revert", "Cancel"],
  });
  if (choice === 0) return saveDocument(services, uri, true);
  if (choice === 1) {
    try {
      await services.documents.revert(uri);
      return true;
    } catch (e) {
      services.notifications.update((list) => [
        ...list,
        {
          id: Date.now() + Math.random(),
          request: {
            severity: "error",
            message: `Failed to revert '${basename(uri)}': ${errorText(e)}`,
            items: [],
            extensionId: "Direct Editor",
          },
          resolve: () => undefined,
        },
      ]);
    }
  }
  return false;
};

/** Closes a tab; a dirty one asks first, like VS Code (Escape = Cancel keeps it open). */
export const closeDocument = async (services: WorkbenchServices, uri: string): Promise<boolean> => {
  const doc = services.documents.get(uri);
  if (!doc) return true;
  if (doc.dirty) {
    const choice = await services.showDialog({
      message: `Do you want to save the changes you made to ${basename(uri)}?`,
      detail: "Your changes will be lost if you don't save them.",
      buttons: ["Save", "Don't Save", "Cancel"],
    });
    if (choice === null || choice === 2) return false;
    if (choice === 0 && !(await saveDocument(services, uri))) return false;
  }
  services.documents.close(uri);
  rememberClosed(services, uri);
  return true;
};

/**
 * The window is closing with unsaved text: Save (All) / Don't Save / Cancel, as VS Code asks
 * with hot exit off. True when the window may close: everything saved, or the user chose to
 * discard (the buffers and their backups are dropped, so nothing comes back unasked).
 */
export const askBeforeClosingWindow = async (services: WorkbenchServices): Promise<boolean> => {
  const dirty = services.documents.open.get().filter(isDirty);
  const [first] = dirty;
  if (!first) return true;
  const one = dirty.length === 1;
  const choice = await services.showDialog({
    message: one
      ? `Do you want to save the changes you made to ${basename(first.uri)}?`
      : `Do you want to save the changes to the following ${dirty.length} files?`,
    detail: `${one ? "" : `${dirty.map((d) => basename(d.uri)).join("\n")}\n\n`}Your changes will be lost if you don't save them.`,
    buttons: [one ? "Save" : "Save All", "Don't Save", "Cancel"],
  });
  if (choice === null || choice === 2) return false;
  if (choice === 0) {
    for (const d of dirty) if (!(await saveDocument(services, d.uri))) return false;
    return true;
  }
  for (const d of dirty) services.documents.close(d.uri);
  return true;
};
