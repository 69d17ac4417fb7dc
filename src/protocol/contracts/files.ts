/**
 * Explorer file operations (window → host) and file-watcher events (host → window). The host owns
 * the disk; the window asks it to create, rename and delete, and hears what changed on disk.
 */
import { Schema } from "effect";
import { notification, request } from "../rpc-contract.js";
import { UriString } from "../workbench.js";
import { FileSystemFailure, NotAWorkbench } from "./ext-host.js";

/** What an explorer operation refused before touching the disk (VS Code's FileOperationResult). */
export class FileOperationRefused extends Schema.TaggedError<FileOperationRefused>()("FileOperationRefused", {
  uri: UriString,
  /** FileExists, FileNotFound, InvalidName, OutsideWorkspace, TrashUnavailable. */
  reason: Schema.Literals(["FileExists", "FileNotFound", "InvalidName", "OutsideWorkspace", "TrashUnavailable"]),
  message: Schema.String,
}) {}

const OperationErrors = Schema.Union([FileOperationRefused, FileSystemFailure, NotAWorkbench]);

export const FileChangeKind = Schema.Literals(["created", "changed", "deleted"]);
export type FileChangeKind = typeof FileChangeKind.Type;

export const FileChange = Schema.Struct({ uri: UriString, kind: FileChangeKind });
export type FileChange = typeof FileChange.Type;

export const ExtHostFilesContract = {
  /** A new empty file; fails with FileExists rather than overwrite. */
  createFile: request("extHost.files.createFile", { payload: UriString, success: Schema.Null, error: OperationErrors }),
  createFolder: request("extHost.files.createFolder", {
    payload: UriString,
    success: Schema.Null,
    error: OperationErrors,
  }),
  /** Never overwrites: an existing target fails with FileExists. */
  rename: request("extHost.files.rename", {
    payload: Schema.Struct({ source: UriString, target: UriString }),
    success: Schema.Null,
    error: OperationErrors,
  }),
  /** To the OS trash when `useTrash` (TrashUnavailable when there is none), else permanently; folders recursively. */
  delete: request("extHost.files.delete", {
    payload: Schema.Struct({ uri: UriString, useTrash: Schema.Boolean }),
    success: Schema.Null,
    error: OperationErrors,
  }),
} as const;

export const WorkbenchFilesContract = {
  /** Coalesced watcher events under the window's folders (created/deleted/changed on disk, by anyone). */
  filesChanged: notification("workbench.files.changed", { payload: Schema.Array(FileChange) }),
  /** `files.exclude` changed: the explorer re-reads what it shows. */
  excludesChanged: notification("workbench.files.excludesChanged", { payload: Schema.Array(Schema.String) }),
} as const;
