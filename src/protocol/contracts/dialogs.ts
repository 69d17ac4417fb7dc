/**
 * `window.showOpenDialog` / `showSaveDialog`: the window asks main for the OS dialog (Electron)
 * or, in a browser, asks for a path in its own input box, as VS Code's simple file dialog does.
 * URIs are `file://` strings; null means cancelled.
 */
import { Schema } from "effect";
import { request } from "../rpc-contract.js";

/** VS Code's filters: a name → extensions without the dot, e.g. `{ Images: ["png", "jpg"] }`. */
const Filters = Schema.Record(Schema.String, Schema.Array(Schema.String));

export const OpenDialogRequest = Schema.Struct({
  defaultUri: Schema.optionalKey(Schema.String),
  openLabel: Schema.optionalKey(Schema.String),
  canSelectFiles: Schema.Boolean,
  canSelectFolders: Schema.Boolean,
  canSelectMany: Schema.Boolean,
  filters: Schema.optionalKey(Filters),
  title: Schema.optionalKey(Schema.String),
});
export type OpenDialogRequest = typeof OpenDialogRequest.Type;

export const SaveDialogRequest = Schema.Struct({
  defaultUri: Schema.optionalKey(Schema.String),
  saveLabel: Schema.optionalKey(Schema.String),
  filters: Schema.optionalKey(Filters),
  title: Schema.optionalKey(Schema.String),
});
export type SaveDialogRequest = typeof SaveDialogRequest.Type;

export const WorkbenchDialogsContract = {
  showOpenDialog: request("workbench.window.showOpenDialog", {
    payload: OpenDialogRequest,
    success: Schema.NullOr(Schema.Array(Schema.String)),
  }),
  showSaveDialog: request("workbench.window.showSaveDialog", {
    payload: SaveDialogRequest,
    success: Schema.NullOr(Schema.String),
  }),
} as const;
