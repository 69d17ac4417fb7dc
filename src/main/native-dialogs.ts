/**
 * `window.showOpenDialog` / `showSaveDialog` in Electron: the window's request (checked again
 * here: it comes over IPC) as the OS dialog's options, and its answer as `file://` URIs.
 */
import { fileURLToPath, pathToFileURL } from "node:url";
import type { OpenDialogOptions, OpenDialogReturnValue, SaveDialogOptions, SaveDialogReturnValue } from "electron";
import { Schema } from "effect";
import { OpenDialogRequest, SaveDialogRequest } from "../protocol/contracts/dialogs.js";

const decodeOpen = Schema.decodeUnknownSync(OpenDialogRequest);
const decodeSave = Schema.decodeUnknownSync(SaveDialogRequest);

/** A `file:` default becomes a path; other schemes have no place in an OS dialog. */
const defaultPath = (uri: string | undefined): { defaultPath?: string } =>
  uri?.startsWith("file:") ? { defaultPath: fileURLToPath(uri) } : {};

const filters = (f: Readonly<Record<string, ReadonlyArray<string>>> | undefined) =>
  f ? { filters: Object.entries(f).map(([name, extensions]) => ({ name, extensions: [...extensions] })) } : {};

export const openDialogOptions = (raw: unknown): OpenDialogOptions => {
  const r = decodeOpen(raw);
  const properties: NonNullable<OpenDialogOptions["properties"]> = [];
  if (r.canSelectFiles) properties.push("openFile");
  if (r.canSelectFolders) properties.push("openDirectory");
  if (r.canSelectMany) properties.push("multiSelections");
  return {
    properties,
    ...defaultPath(r.defaultUri),
    ...filters(r.filters),
    ...(r.openLabel !== undefined ? { buttonLabel: r.openLabel } : {}),
    ...(r.title !== undefined ? { title: r.title } : {}),
  };
};

export const saveDialogOptions = (raw: unknown): SaveDialogOptions => {
  const r = decodeSave(raw);
  return {
    // Replacing a file asks first everywhere (macOS and Windows do it anyway; Linux only when asked).
    properties: ["showOverwriteConfirmation", "createDirectory"],
    ...defaultPath(r.defaultUri),
    ...filters(r.filters),
    ...(r.saveLabel !== undefined ? { buttonLabel: r.saveLabel } : {}),
    ...(r.title !== undefined ? { title: r.title } : {}),
  };
};

export const openDialogAnswer = (result: OpenDialogReturnValue): string[] | null =>
  result.canceled || result.filePaths.length === 0 ? null : result.filePaths.map((p) => pathToFileURL(p).toString());

export const saveDialogAnswer = (result: SaveDialogReturnValue): string | null =>
  result.canceled || !result.filePath ? null : pathToFileURL(result.filePath).toString();
