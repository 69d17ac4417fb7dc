/**
 * Saving, as VS Code's MainThreadSaveParticipant ⇄ ExtHostDocumentSaveParticipant: before a
 * window writes a document it lets the extension host take part (format on save, then every
 * `workspace.onWillSaveTextDocument` listener, whose `waitUntil` edits land in the window's
 * buffer before the text is read for the write). Also the dirty state of a document when it
 * changes without an edit (a save, a revert), for `TextDocument.isDirty`.
 */
import { Schema } from "effect";
import { notification, request } from "../rpc-contract.js";
import { UriString } from "../workbench.js";
import { DocumentNotOpen, NotAWorkbench } from "./ext-host.js";

/** `vscode.TextDocumentSaveReason`: Ctrl+S / File: Save / an extension's save, auto save after a delay, on focus out. */
export const SaveReasonDto = Schema.Literals(["manual", "afterDelay", "focusOut"]);
export type SaveReasonDto = typeof SaveReasonDto.Type;

/** The buffer's indentation, for the formatter (VS Code formats with the model's options). */
export const SaveFormattingOptions = Schema.Struct({ tabSize: Schema.Int, insertSpaces: Schema.Boolean });

export const SaveParticipation = Schema.Struct({
  /** Format on save ran and changed the text. */
  formatted: Schema.Boolean,
  /** One entry per onWillSaveTextDocument listener asked, in order: false when it failed, timed out or was skipped. */
  listeners: Schema.Array(Schema.Boolean),
});
export type SaveParticipation = typeof SaveParticipation.Type;

export const ExtHostDocumentsContract = {
  /**
   * Runs before the window reads the text it writes; edits are applied to the window's buffer
   * (through the workbench's applyWorkspaceTextEdits) before this answers. Never fails because
   * of an extension: failing participants are skipped and reported in their Output channel.
   */
  participateInSave: request("extHost.documents.participateInSave", {
    payload: Schema.Struct({ uri: UriString, reason: SaveReasonDto, options: SaveFormattingOptions }),
    success: SaveParticipation,
    error: Schema.Union([DocumentNotOpen, NotAWorkbench]),
  }),
  /** The dirty state changed without a text change (saved, reverted, reloaded from disk). */
  dirtyChanged: notification("extHost.documents.dirtyChanged", {
    payload: Schema.Struct({ uri: UriString, isDirty: Schema.Boolean }),
  }),
} as const;
