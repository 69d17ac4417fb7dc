/**
 * What a workbench window asks of the extension host. A connection becomes a window's session
 * by calling `initialize`; the other methods act on that session (its documents, its editor).
 */
import { Schema } from "effect";
import { NoPayload, notification, request } from "../rpc-contract.js";
import {
  CommandInfo,
  CompletionItemDto,
  EditorContributions,
  DocumentChange,
  DocumentSnapshot,
  ExtensionInfo,
  FileContent,
  FileEntry,
  HoverDto,
  ImagePreview,
  InitData,
  Position,
  Range,
  UriString,
} from "../workbench.js";
import {
  FindInFilesRequest,
  FindInFilesSummary,
  ReplaceInFilesRequest,
  ReplaceInFilesResult,
  WorkspaceFiles,
} from "../search.js";

// ── typed failures (they keep their class across the wire) ─────────────────────────────────

/** The request named a document version the host does not have; it has asked for a snapshot. */
export class DocumentVersionMismatch extends Schema.TaggedError<DocumentVersionMismatch>()("DocumentVersionMismatch", {
  uri: UriString,
  expected: Schema.Int,
  received: Schema.Int,
  message: Schema.String,
}) {}

export class DocumentNotOpen extends Schema.TaggedError<DocumentNotOpen>()("DocumentNotOpen", {
  uri: UriString,
  message: Schema.String,
}) {}

export class CommandNotFound extends Schema.TaggedError<CommandNotFound>()("CommandNotFound", {
  command: Schema.String,
  message: Schema.String,
}) {}

/** A command or provider of an extension threw; the details are in its Output channel. */
export class ExtensionFailure extends Schema.TaggedError<ExtensionFailure>()("ExtensionFailure", {
  extensionId: Schema.String,
  message: Schema.String,
}) {}

export class FileSystemFailure extends Schema.TaggedError<FileSystemFailure>()("FileSystemFailure", {
  uri: UriString,
  /** Node's error code (ENOENT, EACCES, EISDIR…) when there is one. */
  code: Schema.String,
  message: Schema.String,
}) {}

/** The file changed on disk since the version the writer read: saving would overwrite someone else's change. */
export class FileModifiedOnDisk extends Schema.TaggedError<FileModifiedOnDisk>()("FileModifiedOnDisk", {
  uri: UriString,
  message: Schema.String,
}) {}

/** The file is not text (NUL bytes or invalid UTF-8 at its start): opening it as text would corrupt it on save. */
export class BinaryFile extends Schema.TaggedError<BinaryFile>()("BinaryFile", {
  uri: UriString,
  /** Bytes on disk. */
  size: Schema.Number,
  message: Schema.String,
}) {}

/** A per-session limit (open-document bytes…) would be exceeded. */
export class QuotaExceeded extends Schema.TaggedError<QuotaExceeded>()("QuotaExceeded", {
  quota: Schema.String,
  limit: Schema.Number,
  message: Schema.String,
}) {}

/** A workbench method was called on a connection that never called `initialize`. */
export class NotAWorkbench extends Schema.TaggedError<NotAWorkbench>()("NotAWorkbench", {
  message: Schema.String,
}) {}

/** A Find in Files query that is not a valid RegExp or glob. */
export class InvalidSearchQuery extends Schema.TaggedError<InvalidSearchQuery>()("InvalidSearchQuery", {
  message: Schema.String,
}) {}

const DocumentErrors = Schema.Union([DocumentVersionMismatch, DocumentNotOpen, NotAWorkbench]);

/** A position in a given version of a document: stale requests fail instead of answering for other text. */
export const DocumentPosition = Schema.Struct({ uri: UriString, version: Schema.Int, position: Position });
export type DocumentPosition = typeof DocumentPosition.Type;

export const ExtHostContract = {
  /** Binds this connection as a window's session (or re-binds it after a reconnect). */
  initialize: request("extHost.initialize", {
    payload: InitData,
    success: Schema.Array(ExtensionInfo),
    error: QuotaExceeded,
  }),
  listExtensions: request("extHost.listExtensions", { payload: NoPayload, success: Schema.Array(ExtensionInfo) }),
  /** Extensions' languages, TextMate grammars and colour themes, with their files inlined. */
  contributions: request("extHost.extensions.contributions", { payload: NoPayload, success: EditorContributions }),

  /** Contributed + registered commands. */
  listCommands: request("extHost.commands.list", { payload: NoPayload, success: Schema.Array(CommandInfo) }),
  /** Activates `onCommand:<id>` extensions first. The result is the command's, as JSON. */
  executeCommand: request("extHost.commands.execute", {
    payload: Schema.Struct({ id: Schema.String, args: Schema.Array(Schema.Unknown) }),
    success: Schema.Unknown,
    error: Schema.Union([CommandNotFound, ExtensionFailure]),
  }),

  /** The session's open documents, synced incrementally and versioned. */
  documentOpened: request("extHost.documents.opened", {
    payload: DocumentSnapshot,
    success: Schema.Null,
    error: Schema.Union([QuotaExceeded, NotAWorkbench]),
  }),
  /** A version gap makes the host ask the window for a snapshot (Workbench `documentSnapshot`). */
  documentChanged: notification("extHost.documents.changed", { payload: DocumentChange }),
  documentSaved: notification("extHost.documents.saved", { payload: UriString }),
  documentClosed: notification("extHost.documents.closed", { payload: UriString }),
  /** The focused editor of the window changed (null: none). */
  activeEditorChanged: notification("extHost.editors.activeChanged", {
    payload: Schema.Struct({ uri: Schema.NullOr(UriString), selection: Schema.NullOr(Range) }),
  }),

  /** Providers that time out are skipped; cancelling the call cancels their tokens. */
  provideCompletions: request("extHost.languages.completions", {
    payload: DocumentPosition,
    success: Schema.Array(CompletionItemDto),
    error: DocumentErrors,
  }),
  provideHover: request("extHost.languages.hover", {
    payload: DocumentPosition,
    success: Schema.NullOr(HoverDto),
    error: DocumentErrors,
  }),

  /** The file system, owned by the extension host. Directories first, then by name. */
  readDirectory: request("extHost.fs.readDirectory", {
    payload: UriString,
    success: Schema.Array(FileEntry),
    error: FileSystemFailure,
  }),
  /** UTF-8 text and its version on disk; binary content fails with BinaryFile. */
  readFile: request("extHost.fs.readFile", {
    payload: UriString,
    success: FileContent,
    error: Schema.Union([FileSystemFailure, BinaryFile]),
  }),
  /** PNG, JPEG, GIF, WebP, BMP or ICO files up to 10 MiB, for the preview of a BinaryFile. */
  readImage: request("extHost.fs.readImage", { payload: UriString, success: ImagePreview, error: FileSystemFailure }),
  /**
   * Fires onDidSaveTextDocument when the document is open. `expectedEtag` is the version the
   * text was based on: when the disk holds another one the write fails with FileModifiedOnDisk
   * (null: overwrite whatever is there). Answers the new version.
   */
  writeFile: request("extHost.fs.writeFile", {
    payload: Schema.Struct({ uri: UriString, content: Schema.String, expectedEtag: Schema.NullOr(Schema.String) }),
    success: Schema.String,
    error: Schema.Union([FileSystemFailure, FileModifiedOnDisk]),
  }),

  // ── search: Quick Open and Find in Files (src/extension-host/services/search.ts) ──────────
  /** The workspace's files minus the default excludes (.git, node_modules…), bounded. */
  listWorkspaceFiles: request("extHost.search.listFiles", {
    payload: Schema.Struct({ maxResults: Schema.optionalKey(Schema.Int) }),
    success: WorkspaceFiles,
    error: NotAWorkbench,
  }),
  /** Streams matches to the window (Workbench `searchResults`); resolves when done or cancelled. */
  findInFiles: request("extHost.search.findInFiles", {
    payload: FindInFilesRequest,
    success: FindInFilesSummary,
    error: Schema.Union([InvalidSearchQuery, NotAWorkbench]),
  }),
  /** Replaces on disk through the files service: for files the window does not have open. */
  replaceInFiles: request("extHost.search.replaceInFiles", {
    payload: ReplaceInFilesRequest,
    success: ReplaceInFilesResult,
    error: Schema.Union([InvalidSearchQuery, FileSystemFailure, NotAWorkbench]),
  }),
  // ── end search ─────────────────────────────────────────────────────────────────────────────
} as const;
