/**
 * Saving and closing as a user sees them: nothing typed is lost silently. A failed save says
 * why and offers Retry (the buffer stays dirty and backed up); a file changed on disk is not
 * overwritten without asking; closing a dirty tab asks Save / Don't Save / Cancel.
 */
import { errorText } from "./commands.js";
import { tagOf } from "./documents.js";
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
  return true;
};
