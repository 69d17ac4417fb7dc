/**
 * What the explorer's commands do, as in VS Code: new file / folder and rename through an inline
 * input (validated as you type), delete to the trash after a confirmation (Delete Permanently when
 * there is no trash), copy path, reveal. Open editors follow: a renamed file's editor takes the new
 * uri with its unsaved text, a deleted file's editor stays open marked deleted.
 */
import type { FileChange } from "../../../../protocol/contracts/files.js";
import { errorText, notify } from "../commands.js";
import { tagOf } from "../documents.js";
import type { WorkbenchServices } from "../workbench-services.js";
import { childUri, nameOf, parentOf } from "./explorer-model.js";

/**
 * The host first lets onWill…Files listeners (a language server updating imports) edit, for up to
 * 60 s as VS Code's files.participants.timeout: the call outlives that budget.
 */
const PARTICIPANTS = { timeoutMs: 75_000 };

/** The absolute path of a `file:` uri (posix, or `C:\…` on Windows). */
export const fsPathOf = (uri: string): string => {
  const path = decodeURIComponent(new URL(uri).pathname);
  return /^\/[A-Za-z]:/.test(path) ? path.slice(1).replace(/\//g, "\\") : path;
};

/** The path relative to the workspace folder (the absolute path outside it). */
export const relativePathOf = (services: WorkbenchServices, uri: string): string => {
  const folder = services.workspaceFolder.get();
  if (!folder || !uri.startsWith(`${folder}/`)) return fsPathOf(uri);
  return decodeURIComponent(uri.slice(folder.length + 1));
};

/** VS Code's validateFileName: an error message, or undefined when `name` may be used. */
export const validateName = (
  services: WorkbenchServices,
  parent: string,
  name: string,
  renaming?: string,
): string | undefined => {
  if (name.trim() === "") return "A file or folder name must be provided.";
  if (name.startsWith("/") || name.startsWith("\\")) return "A file or folder name cannot start with a slash.";
  const segments = name.split(/[\\/]/).filter(Boolean);
  if (segments.some((s) => s === "." || s === ".."))
    return `The name **${name}** is not valid as a file or folder name.`;
  const siblings = services.explorer.children.get().get(parent) ?? [];
  const first = segments[0] ?? name;
  const clash = siblings.find((e) => e.name === first && e.uri !== renaming);
  // "a/b" may go into an existing folder a; anything else that exists is a clash.
  if (clash && (segments.length === 1 || clash.kind !== "directory")) {
    return `A file or folder **${first}** already exists at this location. Please choose a different name.`;
  }
  return undefined;
};

/** Starts an inline New File / New Folder input in `parent` (the selected folder, or the file's folder). */
export const startNew = (services: WorkbenchServices, type: "file" | "folder", target?: string): void => {
  const root = services.workspaceFolder.get();
  if (!root) return;
  const at = target ?? services.explorer.selected.get() ?? root;
  const parent = at === root || services.explorer.entry(at)?.kind === "directory" ? at : parentOf(at);
  if (parent !== root) services.explorer.setExpanded(parent, true);
  services.sidebarView.set("explorer");
  services.explorer.edit.set({ kind: "new", type, parent });
};

export const startRename = (services: WorkbenchServices, uri?: string): void => {
  const target = uri ?? services.explorer.selected.get();
  if (!target || target === services.workspaceFolder.get()) return;
  services.explorer.edit.set({ kind: "rename", uri: target, parent: parentOf(target) });
};

const reportFailure = (services: WorkbenchServices, what: string, e: unknown): void =>
  notify(
    services,
    "error",
    `${what}: ${tagOf(e) === "FileOperationRefused" && e instanceof Error ? e.message : errorText(e)}`,
  );

/** Commits the inline input; answers an error message to keep it open, undefined when done. */
export const commitEdit = async (services: WorkbenchServices, value: string): Promise<string | undefined> => {
  const edit = services.explorer.edit.get();
  if (!edit) return undefined;
  const renaming = edit.kind === "rename" ? edit.uri : undefined;
  if (renaming && value === nameOf(renaming)) {
    services.explorer.edit.set(undefined);
    return undefined;
  }
  const invalid = validateName(services, edit.parent, value, renaming);
  if (invalid) return invalid;
  const target = childUri(edit.parent, value);
  services.explorer.edit.set(undefined);
  try {
    if (edit.kind === "rename") {
      const wasExpanded = services.explorer.expanded.get().has(edit.uri);
      await services.files.rename({ source: edit.uri, target }, PARTICIPANTS);
      services.documents.renamed(edit.uri, target);
      services.explorer.forget(edit.uri);
      if (wasExpanded) services.explorer.setExpanded(target, true);
    } else if (edit.type === "file") {
      await services.files.createFile(target, PARTICIPANTS);
    } else {
      await services.files.createFolder(target, PARTICIPANTS);
    }
  } catch (e) {
    reportFailure(
      services,
      edit.kind === "rename" ? `Unable to rename '${nameOf(edit.uri)}'` : `Unable to create '${value}'`,
      e,
    );
    return undefined;
  }
  // Shown at once (the watcher's event re-reads it again, harmlessly).
  await services.explorer.load(edit.parent);
  for (let folder = parentOf(target); folder.length > edit.parent.length; folder = parentOf(folder)) {
    services.explorer.setExpanded(folder, true);
    await services.explorer.load(folder);
  }
  services.explorer.selected.set(target);
  if (edit.kind === "new" && edit.type === "file") await services.documents.openFile(target);
  return undefined;
};

/** Delete (to the trash) after VS Code's confirmation; offers Delete Permanently when the trash fails. */
export const deleteEntry = async (services: WorkbenchServices, uri?: string, permanently = false): Promise<void> => {
  const target = uri ?? services.explorer.selected.get();
  if (!target || target === services.workspaceFolder.get()) return;
  const name = nameOf(target);
  const folder = services.explorer.entry(target)?.kind === "directory";
  const dirty = services.documents.open
    .get()
    .filter((d) => d.dirty && (d.uri === target || d.uri.startsWith(`${target}/`))).length;
  // VS Code asks about unsaved changes first (fileActions.ts deleteFiles); unlike VS Code, the text
  // is not lost: the editors stay open, marked deleted, and a save writes the file again.
  const what = folder ? "folder" : "file";
  const message =
    dirty === 0
      ? `Are you sure you want to ${permanently ? "permanently " : ""}delete '${name}'${folder ? " and its contents" : ""}?`
      : folder
        ? `You are deleting a folder with unsaved changes in ${dirty} file${dirty === 1 ? "" : "s"}. Do you want to continue?`
        : `You are deleting '${name}' with unsaved changes. Do you want to continue?`;
  const unsaved =
    dirty === 0
      ? ""
      : ` The unsaved changes stay in their open editors, marked deleted; saving writes the ${what} again.`;
  const choice = await services.showDialog(
    permanently
      ? { message, detail: `This action is irreversible!${unsaved}`, buttons: ["Delete", "Cancel"] }
      : {
          message,
          detail: `You can restore this ${what} from the Trash.${unsaved}`,
          buttons: ["Move to Trash", "Cancel"],
        },
  );
  if (choice !== 0) return;
  try {
    await services.files.delete({ uri: target, useTrash: !permanently }, PARTICIPANTS);
  } catch (e) {
    if (tagOf(e) === "FileOperationRefused" && (e as { reason?: string }).reason === "TrashUnavailable") {
      const again = await services.showDialog({
        message: `Failed to delete '${name}' using the Trash. Do you want to permanently delete instead?`,
        detail: e instanceof Error ? e.message : String(e),
        buttons: ["Delete Permanently", "Cancel"],
      });
      if (again !== 0) return;
      try {
        await services.files.delete({ uri: target, useTrash: false }, PARTICIPANTS);
      } catch (e2) {
        return reportFailure(services, `Unable to delete '${name}'`, e2);
      }
    } else {
      return reportFailure(services, `Unable to delete '${name}'`, e);
    }
  }
  services.documents.markDeleted(target);
  services.explorer.forget(target);
  await services.explorer.load(parentOf(target));
};

/** Copy Path / Copy Relative Path (VS Code's copyFilePath / copyRelativeFilePath). */
export const copyPath = async (
  services: WorkbenchServices,
  uri: string | undefined,
  relative: boolean,
): Promise<void> => {
  if (!uri) return;
  const text = relative ? relativePathOf(services, uri) : fsPathOf(uri);
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // No clipboard permission (a page without focus): the classic copy command still works.
    const area = document.createElement("textarea");
    area.value = text;
    document.body.append(area);
    area.select();
    document.execCommand("copy");
    area.remove();
  }
};

/** File: Reveal Active File in Explorer. */
export const revealActive = async (services: WorkbenchServices): Promise<void> => {
  const root = services.workspaceFolder.get();
  const active = services.documents.active.get();
  if (!root || !active) return;
  services.sidebarView.set("explorer");
  await services.explorer.reveal(root, active);
  requestAnimationFrame(() =>
    document
      .querySelector(`[data-testid="explorer-item"][data-uri="${CSS.escape(active)}"]`)
      ?.scrollIntoView({ block: "nearest" }),
  );
};

/** Disk changes seen by the host's watcher: the tree, and the open editors of those files. */
export const onFilesChanged = (services: WorkbenchServices, changes: ReadonlyArray<FileChange>): void => {
  services.explorer.onFilesChanged(changes);
  for (const c of changes) {
    if (c.kind === "deleted") services.documents.markDeleted(c.uri);
    else {
      if (c.kind === "created") services.documents.markDeleted(c.uri, false);
      if (services.documents.get(c.uri)) void services.documents.reloadIfClean(c.uri);
    }
  }
};
