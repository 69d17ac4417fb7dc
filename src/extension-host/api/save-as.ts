/** `workspace.saveAs`: the window that shows the document runs File: Save As… for it. */
import type { Session } from "../services/sessions.js";
import { saveAsInWindow } from "../services/file-commands.js";
import * as types from "./vscode-types.js";

const { Uri } = types;

export const saveAsApi =
  (target: () => Session | undefined) =>
  async (uri: types.Uri): Promise<types.Uri | undefined> => {
    if (!(uri instanceof Uri)) throw new Error("vscode.workspace.saveAs: expected a vscode.Uri");
    const session = target();
    // VS Code: "an editor with the provided resource must be opened in order to be saved as".
    if (!session) return undefined;
    const saved = await saveAsInWindow(session, uri.toString());
    return saved === null ? undefined : Uri.parse(saved);
  };
