/**
 * Text editors and edits (VS Code's MainThreadTextEditors / ExtHostEditors pair): the window
 * tells the host which editors are visible and what their selections, visible ranges and
 * options are; the host asks the window to edit, reveal, decorate and show documents, and to
 * apply workspace edits as one undoable step per file.
 */
import { Schema } from "effect";
import { notification, request } from "../rpc-contract.js";
import { Range, UriString } from "../workbench.js";

/** anchor → active, zero-based, like `vscode.Selection`. */
export const SelectionDto = Schema.Struct({
  anchor: Schema.Struct({ line: Schema.Int, character: Schema.Int }),
  active: Schema.Struct({ line: Schema.Int, character: Schema.Int }),
});
export type SelectionDto = typeof SelectionDto.Type;

export const CursorStyle = Schema.Literals([
  "line",
  "block",
  "underline",
  "line-thin",
  "block-outline",
  "underline-thin",
]);
export const LineNumbersStyle = Schema.Literals(["off", "on", "relative", "interval"]);

export const EditorOptionsDto = Schema.Struct({
  tabSize: Schema.Int,
  indentSize: Schema.Int,
  insertSpaces: Schema.Boolean,
  cursorStyle: CursorStyle,
  lineNumbers: LineNumbersStyle,
});
export type EditorOptionsDto = typeof EditorOptionsDto.Type;

/** A change of options asked by an extension; "auto" re-detects the indentation from the text. */
export const EditorOptionsUpdate = Schema.Struct({
  tabSize: Schema.optionalKey(Schema.Union([Schema.Int, Schema.Literal("auto")])),
  indentSize: Schema.optionalKey(Schema.Union([Schema.Int, Schema.Literal("tabSize")])),
  insertSpaces: Schema.optionalKey(Schema.Union([Schema.Boolean, Schema.Literal("auto")])),
  cursorStyle: Schema.optionalKey(CursorStyle),
  lineNumbers: Schema.optionalKey(LineNumbersStyle),
});
export type EditorOptionsUpdate = typeof EditorOptionsUpdate.Type;

/** One visible editor: a group's editor showing one document (a new id when its document changes). */
export const TextEditorStateDto = Schema.Struct({
  id: Schema.String,
  uri: UriString,
  /** 1-based editor group column (`vscode.ViewColumn`). */
  viewColumn: Schema.Int,
  selections: Schema.Array(SelectionDto),
  visibleRanges: Schema.Array(Range),
  options: EditorOptionsDto,
});
export type TextEditorStateDto = typeof TextEditorStateDto.Type;

export const SelectionChangeKind = Schema.NullOr(Schema.Literals(["keyboard", "mouse", "command"]));
export type SelectionChangeKind = typeof SelectionChangeKind.Type;

/** A single edit: `text` null deletes `range`. */
export const SingleEditDto = Schema.Struct({ range: Range, text: Schema.NullOr(Schema.String) });
export type SingleEditDto = typeof SingleEditDto.Type;

export const EndOfLineDto = Schema.Literals(["LF", "CRLF"]);

export const RevealTypeDto = Schema.Literals(["default", "inCenter", "inCenterIfOutsideViewport", "atTop"]);
export type RevealTypeDto = typeof RevealTypeDto.Type;

/** A CSS colour, or a theme colour id resolved by the window's theme (`vscode.ThemeColor`). */
export const ColorDto = Schema.Union([
  Schema.Struct({ css: Schema.String }),
  Schema.Struct({ themeColor: Schema.String }),
]);
export type ColorDto = typeof ColorDto.Type;

/** Text put before/after a decorated range (`ThemableDecorationAttachmentRenderOptions`). */
export const AttachmentDto = Schema.Struct({
  contentText: Schema.optionalKey(Schema.String),
  color: Schema.optionalKey(ColorDto),
  backgroundColor: Schema.optionalKey(ColorDto),
  border: Schema.optionalKey(Schema.String),
  borderColor: Schema.optionalKey(ColorDto),
  fontStyle: Schema.optionalKey(Schema.String),
  fontWeight: Schema.optionalKey(Schema.String),
  textDecoration: Schema.optionalKey(Schema.String),
  margin: Schema.optionalKey(Schema.String),
  width: Schema.optionalKey(Schema.String),
  height: Schema.optionalKey(Schema.String),
});
export type AttachmentDto = typeof AttachmentDto.Type;

/** The CSS-like look of decorations (`ThemableDecorationRenderOptions`). */
export const DecorationStyleDto = Schema.Struct({
  backgroundColor: Schema.optionalKey(ColorDto),
  outline: Schema.optionalKey(Schema.String),
  outlineColor: Schema.optionalKey(ColorDto),
  outlineStyle: Schema.optionalKey(Schema.String),
  outlineWidth: Schema.optionalKey(Schema.String),
  border: Schema.optionalKey(Schema.String),
  borderColor: Schema.optionalKey(ColorDto),
  borderRadius: Schema.optionalKey(Schema.String),
  borderSpacing: Schema.optionalKey(Schema.String),
  borderStyle: Schema.optionalKey(Schema.String),
  borderWidth: Schema.optionalKey(Schema.String),
  fontStyle: Schema.optionalKey(Schema.String),
  fontWeight: Schema.optionalKey(Schema.String),
  textDecoration: Schema.optionalKey(Schema.String),
  cursor: Schema.optionalKey(Schema.String),
  color: Schema.optionalKey(ColorDto),
  opacity: Schema.optionalKey(Schema.String),
  letterSpacing: Schema.optionalKey(Schema.String),
  overviewRulerColor: Schema.optionalKey(ColorDto),
  before: Schema.optionalKey(AttachmentDto),
  after: Schema.optionalKey(AttachmentDto),
});
export type DecorationStyleDto = typeof DecorationStyleDto.Type;

export const DecorationTypeDto = Schema.Struct({
  key: Schema.String,
  style: DecorationStyleDto,
  light: Schema.optionalKey(DecorationStyleDto),
  dark: Schema.optionalKey(DecorationStyleDto),
  isWholeLine: Schema.Boolean,
  rangeBehavior: Schema.Literals(["openOpen", "closedClosed", "openClosed", "closedOpen"]),
  overviewRulerLane: Schema.optionalKey(Schema.Literals(["left", "center", "right", "full"])),
});
export type DecorationTypeDto = typeof DecorationTypeDto.Type;

/** One decorated range; `hoverMessage` is markdown; `before`/`after` override the type's text per range. */
export const DecorationDto = Schema.Struct({
  range: Range,
  hoverMessage: Schema.optionalKey(Schema.Array(Schema.String)),
  before: Schema.optionalKey(AttachmentDto),
  after: Schema.optionalKey(AttachmentDto),
});
export type DecorationDto = typeof DecorationDto.Type;

/** Text edits of one file inside a workspace edit; `version` (when set) must still be the model's. */
export const FileTextEditsDto = Schema.Struct({
  uri: UriString,
  version: Schema.NullOr(Schema.Int),
  edits: Schema.Array(SingleEditDto),
  setEndOfLine: Schema.NullOr(EndOfLineDto),
});
export type FileTextEditsDto = typeof FileTextEditsDto.Type;

/** Why a workspace edit was refused (nothing was applied). */
export const ApplyResultDto = Schema.Struct({ applied: Schema.Boolean, reason: Schema.optionalKey(Schema.String) });
export type ApplyResultDto = typeof ApplyResultDto.Type;

export const ShowDocumentRequest = Schema.Struct({
  uri: UriString,
  /** 1-based column; -1 = beside the active one, null = the active group. */
  viewColumn: Schema.NullOr(Schema.Int),
  selection: Schema.NullOr(Range),
  preserveFocus: Schema.Boolean,
});
export type ShowDocumentRequest = typeof ShowDocumentRequest.Type;

/** Renderer → host: the window's editors. */
export const ExtHostTextEditorsContract = {
  /** The visible editors and which one is active (null: none has focus / no text editor). */
  editorsChanged: notification("extHost.textEditors.changed", {
    payload: Schema.Struct({ editors: Schema.Array(TextEditorStateDto), activeId: Schema.NullOr(Schema.String) }),
  }),
  selectionChanged: notification("extHost.textEditors.selection", {
    payload: Schema.Struct({ id: Schema.String, selections: Schema.Array(SelectionDto), kind: SelectionChangeKind }),
  }),
  visibleRangesChanged: notification("extHost.textEditors.visibleRanges", {
    payload: Schema.Struct({ id: Schema.String, visibleRanges: Schema.Array(Range) }),
  }),
  optionsChanged: notification("extHost.textEditors.options", {
    payload: Schema.Struct({ id: Schema.String, options: EditorOptionsDto }),
  }),
} as const;

/** Host → renderer: what extensions do to editors. Requests on a gone editor answer false. */
export const WorkbenchTextEditorsContract = {
  /** false when the editor is gone or its document is no longer at `version`. */
  applyEdits: request("workbench.textEditors.applyEdits", {
    payload: Schema.Struct({
      id: Schema.String,
      version: Schema.Int,
      edits: Schema.Array(SingleEditDto),
      setEndOfLine: Schema.NullOr(EndOfLineDto),
      undoStopBefore: Schema.Boolean,
      undoStopAfter: Schema.Boolean,
    }),
    success: Schema.Boolean,
  }),
  /** Inserts a snippet (Monaco's snippet controller) at each range (replacing it). */
  insertSnippet: request("workbench.textEditors.insertSnippet", {
    payload: Schema.Struct({
      id: Schema.String,
      version: Schema.Int,
      snippet: Schema.String,
      ranges: Schema.Array(Range),
      undoStopBefore: Schema.Boolean,
      undoStopAfter: Schema.Boolean,
    }),
    success: Schema.Boolean,
  }),
  setSelections: request("workbench.textEditors.setSelections", {
    payload: Schema.Struct({ id: Schema.String, selections: Schema.Array(SelectionDto) }),
    success: Schema.Boolean,
  }),
  setOptions: request("workbench.textEditors.setOptions", {
    payload: Schema.Struct({ id: Schema.String, options: EditorOptionsUpdate }),
    success: Schema.Boolean,
  }),
  revealRange: request("workbench.textEditors.revealRange", {
    payload: Schema.Struct({ id: Schema.String, range: Range, revealType: RevealTypeDto }),
    success: Schema.Boolean,
  }),
  registerDecorationType: notification("workbench.textEditors.registerDecorationType", {
    payload: DecorationTypeDto,
  }),
  removeDecorationType: notification("workbench.textEditors.removeDecorationType", { payload: Schema.String }),
  setDecorations: notification("workbench.textEditors.setDecorations", {
    payload: Schema.Struct({ id: Schema.String, key: Schema.String, decorations: Schema.Array(DecorationDto) }),
  }),
  /** Opens (or focuses) the document in a group; answers the id of the editor showing it. */
  showDocument: request("workbench.textEditors.showDocument", {
    payload: ShowDocumentRequest,
    success: Schema.NullOr(Schema.String),
  }),
  /**
   * Text edits of a workspace edit: all files are opened (unopened ones become dirty tabs) and
   * checked first; then each file's edits are one undoable step. Nothing is applied when any
   * file's version moved on or its edits overlap.
   */
  applyWorkspaceTextEdits: request("workbench.textEditors.applyWorkspaceTextEdits", {
    payload: Schema.Struct({ files: Schema.Array(FileTextEditsDto) }),
    success: ApplyResultDto,
  }),
  /**
   * An open document's file was renamed (its model follows, keeping text and undo) or deleted
   * (`to` null: its tab closes) by a workspace edit.
   */
  documentMoved: request("workbench.textEditors.documentMoved", {
    payload: Schema.Struct({ from: UriString, to: Schema.NullOr(UriString) }),
    success: Schema.Boolean,
  }),
  /** Saves open documents (`TextDocument.save`, `workspace.save/saveAll`); null = every dirty one. */
  saveDocuments: request("workbench.textEditors.saveDocuments", {
    payload: Schema.Struct({ uris: Schema.NullOr(Schema.Array(UriString)), includeUntitled: Schema.Boolean }),
    success: Schema.Struct({ saved: Schema.Array(UriString), failed: Schema.Array(UriString) }),
  }),
} as const;
