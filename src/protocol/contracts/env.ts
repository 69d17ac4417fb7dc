/** `env.clipboard` and `env.openExternal`: things only the window (or main behind it) can do. */
import { Schema } from "effect";
import { notification, request } from "../rpc-contract.js";

export const WorkbenchEnvContract = {
  /** The window's clipboard text (null: the page may not read it, e.g. unfocused). */
  clipboardRead: request("workbench.env.clipboardRead", {
    payload: Schema.Void,
    success: Schema.NullOr(Schema.String),
  }),
  clipboardWrite: notification("workbench.env.clipboardWrite", { payload: Schema.String }),
  /** An http(s) or mailto URI, already validated by the host; true when it was handed on. */
  openExternal: request("workbench.env.openExternal", { payload: Schema.String, success: Schema.Boolean }),
} as const;
