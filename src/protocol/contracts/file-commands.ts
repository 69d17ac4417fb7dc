/**
 * The editor's file commands reached from the extension host: `workspace.saveAs` asks the window
 * that owns the buffer to run File: Save As… (its dialog, its tab switch).
 */
import { Schema } from "effect";
import { request } from "../rpc-contract.js";
import { UriString } from "../workbench.js";

export const WorkbenchFileCommandsContract = {
  /** The new file's uri; null when cancelled, failed, or the document is not open in that window. */
  saveAs: request("workbench.fileCommands.saveAs", {
    payload: Schema.Struct({ uri: UriString }),
    success: Schema.NullOr(UriString),
  }),
} as const;
