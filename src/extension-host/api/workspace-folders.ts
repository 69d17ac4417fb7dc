/** `workspace.getWorkspaceFolder` / `asRelativePath`: which folder holds a resource, and the path inside it. */
import { Uri } from "./uri.js";

export interface WorkspaceFolder {
  readonly uri: Uri;
  readonly name: string;
  readonly index: number;
}

const sameOrigin = (a: Uri, b: Uri): boolean => a.scheme === b.scheme && a.authority === b.authority;
const withSlash = (path: string): string => (path.endsWith("/") ? path : `${path}/`);

/** The innermost folder containing `uri` (the folder itself counts unless `strictlyInside`). */
export const folderOf = (
  folders: readonly WorkspaceFolder[],
  uri: Uri,
  strictlyInside = false,
): WorkspaceFolder | undefined => {
  let best: WorkspaceFolder | undefined;
  for (const f of folders) {
    if (!sameOrigin(f.uri, uri)) continue;
    const inside = uri.path.startsWith(withSlash(f.uri.path)) && uri.path !== withSlash(f.uri.path);
    const isRoot = uri.path === f.uri.path || uri.path === withSlash(f.uri.path);
    if ((inside || (isRoot && !strictlyInside)) && (!best || f.uri.path.length > best.uri.path.length)) best = f;
  }
  return best;
};

/**
 * The path of `pathOrUri` relative to its workspace folder, with '/' separators, prefixed by the
 * folder name when asked (by default: when there are several folders). Outside every folder the
 * input path is returned unchanged.
 */
export const relativePath = (
  folders: readonly WorkspaceFolder[],
  pathOrUri: string | Uri,
  includeWorkspaceFolder?: boolean,
): string => {
  const [uri, path] = typeof pathOrUri === "string" ? [Uri.file(pathOrUri), pathOrUri] : [pathOrUri, pathOrUri.fsPath];
  const folder = folderOf(folders, uri, true);
  if (!folder) return path;
  const relative = uri.path.slice(withSlash(folder.uri.path).length);
  return (includeWorkspaceFolder ?? folders.length > 1) ? `${folder.name}/${relative}` : relative;
};
