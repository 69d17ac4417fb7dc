/**
 * Which folders the windows have open, and `workspace.onDidChangeWorkspaceFolders`: a window that
 * (re)initializes with other folders fires one event with what it added and removed, as VS Code
 * does when folders are added to or removed from a workspace.
 */
import type { WorkspaceFolderDto } from "../../protocol/workbench.js";
import { EventEmitter } from "../api/types.js";
import type { Session } from "./sessions.js";

export interface WorkspaceFoldersChange {
  readonly added: ReadonlyArray<WorkspaceFolderDto>;
  readonly removed: ReadonlyArray<WorkspaceFolderDto>;
}

export class WorkspaceFoldersService {
  readonly onDidChange = new EventEmitter<WorkspaceFoldersChange>();

  /** Sets `session`'s folders; fires when the set of folder uris changed. */
  update(session: Session, folders: ReadonlyArray<WorkspaceFolderDto>): void {
    const before = session.workspaceFolders;
    session.workspaceFolders = [...folders];
    const known = new Set(before.map((f) => f.uri));
    const now = new Set(folders.map((f) => f.uri));
    const added = folders.filter((f) => !known.has(f.uri));
    const removed = before.filter((f) => !now.has(f.uri));
    if (added.length > 0 || removed.length > 0) this.onDidChange.fire({ added, removed });
  }
}
