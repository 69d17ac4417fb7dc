/**
 * `workspace.onWillSaveTextDocument` (VS Code's ExtHostDocumentSaveParticipant, API side): the
 * event an extension gets, with `waitUntil`, and its TextEdits turned into the window's edits.
 * Ordering, budgets and the skipping of bad listeners live in services/save-participants.ts.
 */
import type { SaveReasonDto } from "../../protocol/contracts/documents.js";
import type { SingleEditDto } from "../../protocol/contracts/text-editors.js";
import type { DocumentModel } from "../documents.js";
import type { ParticipantEdits, SaveParticipantsService } from "../services/save-participants.js";
import { textDocument } from "./text-document.js";
import * as types from "./vscode-types.js";
import { deliverWithWaitUntil } from "./wait-until.js";

const { Disposable, EndOfLine, TextDocumentSaveReason, TextEdit } = types;

const REASONS: Readonly<Record<SaveReasonDto, types.TextDocumentSaveReason>> = {
  manual: TextDocumentSaveReason.Manual,
  afterDelay: TextDocumentSaveReason.AfterDelay,
  focusOut: TextDocumentSaveReason.FocusOut,
};

/** Arrays of TextEdit only, as VS Code takes them; anything else a thenable resolved to is ignored. */
export const willSaveEdits = (values: ReadonlyArray<unknown>): ParticipantEdits => {
  const edits: SingleEditDto[] = [];
  let setEndOfLine: ParticipantEdits["setEndOfLine"] = null;
  for (const value of values) {
    if (!Array.isArray(value) || !value.every((e) => e instanceof TextEdit)) continue;
    for (const e of value as types.TextEdit[]) {
      if (e.newEol !== undefined) setEndOfLine = e.newEol === EndOfLine.CRLF ? "CRLF" : "LF";
      // TextEdit.setEndOfLine is an empty edit at 0:0 that only carries the line break.
      if (e.newEol !== undefined && e.newText === "" && e.range.isEmpty) continue;
      edits.push({
        range: {
          start: { line: e.range.start.line, character: e.range.start.character },
          end: { line: e.range.end.line, character: e.range.end.character },
        },
        text: e.newText,
      });
    }
  }
  return { edits, setEndOfLine };
};

type Listener = (e: unknown) => unknown;

export const createWillSaveEvent =
  (extensionId: string, service: SaveParticipantsService, track: <T extends { dispose(): unknown }>(d: T) => T) =>
  (listener: Listener, thisArgs?: unknown, disposables?: Array<{ dispose(): unknown }>): types.Disposable => {
    if (typeof listener !== "function")
      throw new TypeError("vscode.workspace.onWillSaveTextDocument: listener must be a function");
    const remove = service.add({
      extensionId,
      fire: (doc: DocumentModel, reason: SaveReasonDto) =>
        deliverWithWaitUntil(
          listener,
          thisArgs,
          { document: textDocument(doc), reason: REASONS[reason] },
          "waitUntil can not be called async",
        ),
      edits: willSaveEdits,
    });
    const d = track(new Disposable(remove));
    disposables?.push(d);
    return d;
  };
