/**
 * `window.showOpenDialog` / `showSaveDialog` as VS Code documents them: options checked at the
 * call (naming the API and the option), VS Code's defaults (files yes, folders no, one item),
 * `undefined` when the user cancels.
 */
import type { OpenDialogRequest, SaveDialogRequest } from "../../protocol/contracts/dialogs.js";
import type { DialogsService } from "../services/dialogs.js";
import { Uri } from "./uri.js";

type Options = Record<string, unknown>;

const optionsOf = (api: string, value: unknown): Options => {
  if (value === undefined) return {};
  if (typeof value !== "object" || value === null) throw new TypeError(`${api}: options must be an object`);
  return value as Options;
};

const text = (api: string, options: Options, key: string): Record<string, string> => {
  const v = options[key];
  if (v === undefined) return {};
  if (typeof v !== "string") throw new TypeError(`${api}: options.${key} must be a string`);
  return { [key]: v };
};

const flag = (api: string, options: Options, key: string, fallback: boolean): boolean => {
  const v = options[key];
  if (v === undefined) return fallback;
  if (typeof v !== "boolean") throw new TypeError(`${api}: options.${key} must be a boolean`);
  return v;
};

const defaultUri = (api: string, options: Options): { defaultUri?: string } => {
  const v = options["defaultUri"];
  if (v === undefined) return {};
  if (!(v instanceof Uri)) throw new TypeError(`${api}: options.defaultUri must be a Uri`);
  return { defaultUri: v.toString() };
};

const filters = (api: string, options: Options): { filters?: Record<string, string[]> } => {
  const v = options["filters"];
  if (v === undefined) return {};
  const ok =
    typeof v === "object" &&
    v !== null &&
    Object.values(v).every((exts) => Array.isArray(exts) && exts.every((e) => typeof e === "string"));
  if (!ok)
    throw new TypeError(`${api}: options.filters must map names to arrays of extensions, e.g. { Images: ["png"] }`);
  return { filters: v as Record<string, string[]> };
};

export const createDialogsApi = (dialogs: DialogsService) => ({
  showOpenDialog: async (options?: unknown): Promise<Uri[] | undefined> => {
    const api = "vscode.window.showOpenDialog";
    const o = optionsOf(api, options);
    const request: OpenDialogRequest = {
      canSelectFiles: flag(api, o, "canSelectFiles", true),
      canSelectFolders: flag(api, o, "canSelectFolders", false),
      canSelectMany: flag(api, o, "canSelectMany", false),
      ...defaultUri(api, o),
      ...filters(api, o),
      ...text(api, o, "openLabel"),
      ...text(api, o, "title"),
    };
    const picked = await dialogs.open(request);
    return picked === null ? undefined : picked.map((u) => Uri.parse(u));
  },
  showSaveDialog: async (options?: unknown): Promise<Uri | undefined> => {
    const api = "vscode.window.showSaveDialog";
    const o = optionsOf(api, options);
    const request: SaveDialogRequest = {
      ...defaultUri(api, o),
      ...filters(api, o),
      ...text(api, o, "saveLabel"),
      ...text(api, o, "title"),
    };
    const picked = await dialogs.save(request);
    return picked === null ? undefined : Uri.parse(picked);
  },
});
