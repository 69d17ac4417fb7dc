/** What the host asks a window for when it generates the settings.json / keybindings.json schemas. */
import { Schema } from "effect";
import { NoPayload, request } from "../rpc-contract.js";
import { CommandInfo } from "../workbench.js";

export const WorkbenchSchemasContract = {
  /** The window's own commands (`workbench.action.*`): keybindings.json may bind them too. */
  workbenchCommands: request("workbench.schemas.workbenchCommands", {
    payload: NoPayload,
    success: Schema.Array(CommandInfo),
  }),
} as const;
