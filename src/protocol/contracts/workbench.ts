/**
 * What the extension host asks of a workbench window (the renderer serves these), on behalf of
 * extensions: messages, pickers, editors, output, status bar, diagnostics, and document snapshots
 * when its copy of a document fell behind.
 */
import { Schema } from "effect";
import { NoPayload, notification, request } from "../rpc-contract.js";
import {
  DiagnosticDto,
  DocumentSnapshot,
  ExtensionInfo,
  InputBoxRequest,
  MessageRequest,
  QuickPickRequest,
  StatusBarItemDto,
  UriString,
} from "../workbench.js";
import { SearchResultsBatch } from "../search.js";

export const WorkbenchContract = {
  /** The chosen item, or null when dismissed. */
  showMessage: request("workbench.window.showMessage", {
    payload: MessageRequest,
    success: Schema.NullOr(Schema.String),
  }),
  /** The picked index (indices when canPickMany), or null when cancelled. */
  showQuickPick: request("workbench.window.showQuickPick", {
    payload: QuickPickRequest,
    success: Schema.NullOr(Schema.Union([Schema.Int, Schema.Array(Schema.Int)])),
  }),
  showInputBox: request("workbench.window.showInputBox", {
    payload: InputBoxRequest,
    success: Schema.NullOr(Schema.String),
  }),
  /** Opens (or focuses) an editor tab. */
  showTextDocument: request("workbench.window.showTextDocument", { payload: UriString, success: Schema.Null }),

  outputAppend: notification("workbench.output.append", {
    payload: Schema.Struct({ channel: Schema.String, text: Schema.String }),
  }),
  outputClear: notification("workbench.output.clear", { payload: Schema.String }),
  outputShow: notification("workbench.output.show", { payload: Schema.String }),

  statusBarUpdate: notification("workbench.statusBar.update", { payload: StatusBarItemDto }),
  statusBarRemove: notification("workbench.statusBar.remove", { payload: Schema.String }),

  /** Replaces `owner`'s diagnostics for `uri` ([] clears them). */
  diagnosticsSet: notification("workbench.diagnostics.set", {
    payload: Schema.Struct({ owner: Schema.String, uri: UriString, diagnostics: Schema.Array(DiagnosticDto) }),
  }),
  /** Clears all of `owner`'s diagnostics. */
  diagnosticsClear: notification("workbench.diagnostics.clear", { payload: Schema.String }),

  /** Registered commands changed: the palette re-lists. */
  commandsChanged: notification("workbench.commands.changed", { payload: NoPayload }),
  /** An extension activated or failed. */
  extensionsChanged: notification("workbench.extensions.changed", { payload: Schema.Array(ExtensionInfo) }),

  /** The window's current text of a document (null when it is not open there any more). */
  documentSnapshot: request("workbench.documents.snapshot", {
    payload: UriString,
    success: Schema.NullOr(DocumentSnapshot),
  }),

  // ── search ─────────────────────────────────────────────────────────────────────────────────
  /** A batch of Find in Files results, keyed by the window's search id, as the host finds them. */
  searchResults: notification("workbench.search.results", { payload: SearchResultsBatch }),
  // ── end search ─────────────────────────────────────────────────────────────────────────────
} as const;
