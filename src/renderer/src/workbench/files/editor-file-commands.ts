/**
 * VS Code's everyday file commands on editors: Save All, Save As…, Revert File, Close All Editors,
 * Reopen Closed Editor, Previous Editor. They reuse the Save / Close flows (file-flows.ts), so the
 * same data-safety prompts and save participants apply.
 */
import { errorText, notify, type PaletteCommand } from "../commands.js";
import { tagOf } from "../documents.js";
import { askBeforeClosingWindow, saveDocument } from "../file-flows.js";
import { basename } from "../languages.js";
import { showSaveDialog } from "../path-dialogs.js";
import type { WorkbenchServices } from "../workbench-services.js";
import { rememberClosed, takeClosed } from "./closed-editors.js";

/** Saves every dirty document (each through File: Save's flow); true when all reached the disk. */
export const saveAll = async (services: WorkbenchServices): Promise<boolean> => {
  const dirty = services.documents.open.get().filter((d) => d.dirty);
  // In parallel: a failed save waits on its Retry notification and must not hold up the others.
  const results = await Promise.all(dirty.map((d) => saveDocument(services, d.uri)));
  return results.every(Boolean);
};

const exists = (services: WorkbenchServices, uri: string): Promise<boolean> =>
  services.host.readFile(uri).then(
    () => true,
    (e: unknown) => tagOf(e) === "BinaryFile",
  );

const parentName = (uri: string): string => basename(uri.slice(0, uri.lastIndexOf("/")));

/** VS Code's simple file dialog asks before replacing; the OS save dialog (Electron) asks on its own. */
const confirmReplace = async (services: WorkbenchServices, uri: string): Promise<boolean> =>
  (await services.showDialog({
    message: `'${basename(uri)}' already exists. Do you want to replace it?`,
    detail: `A file or folder with the name '${basename(uri)}' already exists in the folder '${parentName(uri)}'. Replacing it will overwrite its current contents.`,
    buttons: ["Replace", "Cancel"],
  })) === 0;

/**
 * File: Save As…: the editor's current text goes to the chosen file, which takes the tab's place;
 * the old document closes without being saved (its file keeps what it had). The new uri, or
 * undefined when cancelled or failed (then nothing changed).
 */
export const saveAs = async (services: WorkbenchServices, uri: string): Promise<string | undefined> => {
  const { documents } = services;
  if (!documents.model(uri)) return undefined;
  const target = await showSaveDialog(services.pathDialogs, { defaultUri: uri, title: "Save As", saveLabel: "Save" });
  if (target === null) return undefined;
  if (target === uri) return (await saveDocument(services, uri)) ? uri : undefined;
  if (!services.bridge?.showSaveDialog && (await exists(services, target)) && !(await confirmReplace(services, target)))
    return undefined;
  // Read after the dialog: typing while it was open counts.
  const text = documents.model(uri)?.getValue();
  if (text === undefined) return undefined; // closed meanwhile
  const open = documents.model(target);
  if (open) {
    // The target is open in another tab: it takes the text and is saved over the disk.
    open.pushStackElement();
    open.pushEditOperations([], [{ range: open.getFullModelRange(), text }], () => null);
    open.pushStackElement();
    if (!(await saveDocument(services, target, true))) return undefined;
    documents.setActive(target);
  } else {
    try {
      await services.host.writeFile({ uri: target, content: text, expectedEtag: null });
    } catch (e) {
      notify(services, "error", `Failed to save '${basename(target)}': ${errorText(e)}`);
      return undefined;
    }
    try {
      await documents.openFile(target);
    } catch (e) {
      // Written, but it cannot be shown (e.g. it became unreadable): keep the old tab.
      notify(services, "error", `Saved '${basename(target)}' but could not open it: ${errorText(e)}`);
      return target;
    }
  }
  // The new file takes the old tab's position.
  documents.open.update((docs) => {
    const moved = docs.find((d) => d.uri === target);
    if (!moved || !docs.some((d) => d.uri === uri)) return docs;
    return docs.filter((d) => d.uri !== target).map((d) => (d.uri === uri ? moved : d));
  });
  documents.close(uri);
  return target;
};

/** File: Revert File: the buffer takes the disk's text again, no prompt; one undo step (both as VS Code). */
export const revertActive = async (services: WorkbenchServices): Promise<void> => {
  const uri = services.documents.active.get();
  if (!uri || !services.documents.model(uri)) return;
  try {
    await services.documents.revert(uri);
  } catch (e) {
    notify(services, "error", `Failed to revert '${basename(uri)}': ${errorText(e)}`);
  }
};

/** View: Close All Editors: dirty ones ask first (one prompt for all, as VS Code); Cancel keeps every tab. */
export const closeAllEditors = async (services: WorkbenchServices): Promise<boolean> => {
  const before = services.documents.open.get().map((d) => d.uri);
  if (!(await askBeforeClosingWindow(services))) return false;
  for (const uri of before) {
    if (services.documents.get(uri)) services.documents.close(uri);
    rememberClosed(services, uri);
  }
  return true;
};

/** View: Reopen Closed Editor: the most recently closed file that is not open and still opens. */
export const reopenClosedEditor = async (services: WorkbenchServices): Promise<void> => {
  await takeClosed(services, async (uri) => {
    if (services.documents.get(uri)) return false;
    return services.documents.openFile(uri).then(
      () => true,
      () => false,
    );
  });
};

export const editorFileCommands = (services: WorkbenchServices): PaletteCommand[] => [
  {
    id: "workbench.action.files.saveAll",
    title: "File: Save All",
    source: "built-in",
    run: () => saveAll(services),
  },
  {
    id: "workbench.action.files.saveAs",
    title: "File: Save As...",
    source: "built-in",
    run: () => {
      const uri = services.documents.active.get();
      return uri ? saveAs(services, uri) : undefined;
    },
  },
  {
    id: "workbench.action.files.revert",
    title: "File: Revert File",
    source: "built-in",
    run: () => revertActive(services),
  },
  {
    id: "workbench.action.closeAllEditors",
    title: "View: Close All Editors",
    source: "built-in",
    run: () => closeAllEditors(services),
  },
  {
    id: "workbench.action.reopenClosedEditor",
    title: "View: Reopen Closed Editor",
    source: "built-in",
    run: () => reopenClosedEditor(services),
  },
  {
    id: "workbench.action.nextEditor",
    title: "View: Open Next Editor",
    source: "built-in",
    run: () => services.editor.groups.cycle(1),
  },
  {
    id: "workbench.action.previousEditor",
    title: "View: Open Previous Editor",
    source: "built-in",
    run: () => services.editor.groups.cycle(-1),
  },
];
