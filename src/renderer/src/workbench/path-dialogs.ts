/**
 * Open / save dialogs for `window.showOpenDialog` / `showSaveDialog`: the OS dialog through the
 * bridge in Electron; in a browser, which has none that yields a path, a path input in the
 * window (VS Code's "simple file dialog" idea), prefilled with the default or the workspace.
 */
import type { OpenDialogRequest, SaveDialogRequest } from "../../../protocol/contracts/dialogs.js";
import type { EditorHostBridge } from "../../../protocol/ipc.js";
import type { InputBoxRequest } from "../../../protocol/workbench.js";

export interface PathDialogDeps {
  readonly bridge: EditorHostBridge | undefined;
  /** Shows the window's input box; null when dismissed. */
  readonly ask: (request: InputBoxRequest) => Promise<string | null>;
  /** The open folder's `file://` URI, for relative answers and the starting value. */
  readonly workspaceFolder: () => string | undefined;
}

const pathOf = (uri: string | undefined): string | undefined =>
  uri?.startsWith("file://") ? decodeURIComponent(new URL(uri).pathname) : undefined;

/** An absolute path, or one relative to the workspace folder, as a `file://` URI. */
export const fileUriOf = (answer: string, folder: string | undefined): string | undefined => {
  const trimmed = answer.trim();
  if (trimmed === "") return undefined;
  const base = pathOf(folder);
  const absolute = trimmed.startsWith("/") ? trimmed : base ? `${base.replace(/\/$/, "")}/${trimmed}` : undefined;
  if (!absolute) return undefined;
  const url = new URL("file:///");
  url.pathname = absolute;
  return url.toString();
};

const startValue = (defaultUri: string | undefined, folder: string | undefined): string => {
  const path = pathOf(defaultUri) ?? pathOf(folder);
  return path ? (pathOf(defaultUri) ? path : `${path.replace(/\/$/, "")}/`) : "";
};

const filtersHint = (filters: Readonly<Record<string, ReadonlyArray<string>>> | undefined): string =>
  filters
    ? ` — ${Object.entries(filters)
        .map(([name, exts]) => `${name}: ${exts.map((e) => `*.${e}`).join(", ")}`)
        .join("; ")}`
    : "";

export const showOpenDialog = async (deps: PathDialogDeps, request: OpenDialogRequest): Promise<string[] | null> => {
  if (deps.bridge?.showOpenDialog) return deps.bridge.showOpenDialog(request);
  const what = request.canSelectFolders && !request.canSelectFiles ? "Folder" : "File";
  const answer = await deps.ask({
    prompt: `${request.title ?? `${request.openLabel ?? "Open"} ${what}`}: an absolute path, or one relative to the workspace${filtersHint(request.filters)}`,
    value: startValue(request.defaultUri, deps.workspaceFolder()),
  });
  const uri = answer === null ? undefined : fileUriOf(answer, deps.workspaceFolder());
  return uri ? [uri] : null;
};

export const showSaveDialog = async (deps: PathDialogDeps, request: SaveDialogRequest): Promise<string | null> => {
  if (deps.bridge?.showSaveDialog) return deps.bridge.showSaveDialog(request);
  const answer = await deps.ask({
    prompt: `${request.title ?? request.saveLabel ?? "Save As"}: an absolute path, or one relative to the workspace${filtersHint(request.filters)}`,
    value: startValue(request.defaultUri, deps.workspaceFolder()),
  });
  return answer === null ? null : (fileUriOf(answer, deps.workspaceFolder()) ?? null);
};
