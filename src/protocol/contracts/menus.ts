/**
 * Contributed menus about resources: the window decides which entries show (their `when` with the
 * resource's context keys); the host runs the chosen command with `vscode.Uri` arguments, as VS
 * Code does — `explorer/context`: `(uri, selectedUris)`; `editor/title`, `editor/context`: `(uri)`.
 */
import { Schema } from "effect";
import { request } from "../rpc-contract.js";
import { UriString } from "../workbench.js";
import { CommandNotFound, ExtensionFailure } from "./ext-host.js";

export const ExtHostMenusContract = {
  runResourceMenuCommand: request("extHost.menus.runResourceCommand", {
    payload: Schema.Struct({
      command: Schema.String,
      resource: UriString,
      /** The selected resources the menu acts on (the resource itself when nothing else is selected). */
      resources: Schema.Array(UriString),
    }),
    success: Schema.Null,
    error: Schema.Union([CommandNotFound, ExtensionFailure]),
  }),
  runEditorMenuCommand: request("extHost.menus.runEditorCommand", {
    payload: Schema.Struct({ command: Schema.String, resource: UriString }),
    success: Schema.Null,
    error: Schema.Union([CommandNotFound, ExtensionFailure]),
  }),
} as const;
