/**
 * The value shapes the workbench and the extension host exchange, as effect/Schema. The
 * methods that carry them are declared in contracts/ext-host.ts and contracts/workbench.ts.
 * Positions are zero-based (line, character), like VS Code's API.
 */
import { Schema } from "effect";

// ── value shapes ────────────────────────────────────────────────────────────────────────────

/** `file:///abs/path` strings on the wire (Uri objects live only inside the extension host). */
export const UriString = Schema.String;
export const Position = Schema.Struct({ line: Schema.Int, character: Schema.Int });
export const Range = Schema.Struct({ start: Position, end: Position });
export type Position = typeof Position.Type;
export type Range = typeof Range.Type;

/** One incremental edit: replace `range` (in the previous version) with `text`. */
export const TextChange = Schema.Struct({ range: Range, text: Schema.String });
export type TextChange = typeof TextChange.Type;

/** The line break a document's text uses (Monaco normalises every line break of a model to one). */
export const EndOfLineSequence = Schema.Literals(["\n", "\r\n"]);
export type EndOfLineSequence = typeof EndOfLineSequence.Type;

export const DocumentSnapshot = Schema.Struct({
  uri: UriString,
  languageId: Schema.String,
  version: Schema.Int,
  text: Schema.String,
  /** Absent: taken from the text (its first line break, else "\n"). */
  eol: Schema.optionalKey(EndOfLineSequence),
  /** Unsaved changes (a restored backup, say); absent: false. */
  isDirty: Schema.optionalKey(Schema.Boolean),
});
export type DocumentSnapshot = typeof DocumentSnapshot.Type;

export const DocumentChange = Schema.Struct({
  uri: UriString,
  /** The version after applying `changes`; always previous version + 1. */
  version: Schema.Int,
  changes: Schema.Array(TextChange),
  /** Dirtiness after the change (undoing back to the saved text makes it false); absent: unchanged. */
  isDirty: Schema.optionalKey(Schema.Boolean),
  /** The new line break when the change switched it (LF ⇄ CRLF); absent: unchanged. */
  eol: Schema.optionalKey(EndOfLineSequence),
  /** `TextDocumentChangeReason`: the change is an undo or a redo. */
  reason: Schema.optionalKey(Schema.Literals(["undo", "redo"])),
});
export type DocumentChange = typeof DocumentChange.Type;

export const FileEntry = Schema.Struct({
  name: Schema.String,
  uri: UriString,
  kind: Schema.Literals(["file", "directory"]),
});
export type FileEntry = typeof FileEntry.Type;

/** A text file as read from disk; `etag` identifies that content (SHA-256 of its bytes). */
export const FileContent = Schema.Struct({
  text: Schema.String,
  etag: Schema.String,
  /** A content provider's virtual document, or a read-only file system: the editor refuses edits. */
  readonly: Schema.optionalKey(Schema.Boolean),
});
export type FileContent = typeof FileContent.Type;

/** An image for the editor area's preview (binary files are never opened as text). */
export const ImagePreview = Schema.Struct({ mime: Schema.String, base64: Schema.String });
export type ImagePreview = typeof ImagePreview.Type;

export const CommandInfo = Schema.Struct({
  id: Schema.String,
  title: Schema.String,
  category: Schema.optionalKey(Schema.String),
  /** Extension id `publisher.name` that contributes it. */
  extensionId: Schema.String,
});
export type CommandInfo = typeof CommandInfo.Type;

export const Severity = Schema.Literals(["error", "warning", "information", "hint"]);
export type Severity = typeof Severity.Type;

export const DiagnosticDto = Schema.Struct({
  range: Range,
  message: Schema.String,
  severity: Severity,
  source: Schema.optionalKey(Schema.String),
  code: Schema.optionalKey(Schema.Union([Schema.String, Schema.Number])),
  /** The link of a `{ value, target }` code. */
  codeTarget: Schema.optionalKey(UriString),
  /** vscode.DiagnosticTag: 1 unnecessary, 2 deprecated. */
  tags: Schema.optionalKey(Schema.Array(Schema.Int)),
  relatedInformation: Schema.optionalKey(
    Schema.Array(Schema.Struct({ location: Schema.Struct({ uri: UriString, range: Range }), message: Schema.String })),
  ),
});
export type DiagnosticDto = typeof DiagnosticDto.Type;

export const CompletionItemDto = Schema.Struct({
  label: Schema.String,
  /** VS Code's CompletionItemKind name, e.g. "Function", "Keyword", "Text". */
  kind: Schema.optionalKey(Schema.String),
  detail: Schema.optionalKey(Schema.String),
  documentation: Schema.optionalKey(Schema.String),
  insertText: Schema.optionalKey(Schema.String),
  /** Range replaced on accept; defaults to the word at the cursor. */
  range: Schema.optionalKey(Range),
});
export type CompletionItemDto = typeof CompletionItemDto.Type;

export const HoverDto = Schema.Struct({
  /** Markdown strings. */
  contents: Schema.Array(Schema.String),
  range: Schema.optionalKey(Range),
});
export type HoverDto = typeof HoverDto.Type;

export const ExtensionInfo = Schema.Struct({
  id: Schema.String,
  displayName: Schema.String,
  version: Schema.String,
  location: Schema.String,
  builtin: Schema.Boolean,
  activated: Schema.Boolean,
  activationEvents: Schema.Array(Schema.String),
  /** Milliseconds `activate` took, once activated. */
  activationMs: Schema.optionalKey(Schema.Number),
  /** Why activation failed, if it did. */
  error: Schema.optionalKey(Schema.String),
});
export type ExtensionInfo = typeof ExtensionInfo.Type;

export const MessageRequest = Schema.Struct({
  severity: Schema.Literals(["information", "warning", "error"]),
  message: Schema.String,
  items: Schema.Array(Schema.String),
  modal: Schema.optionalKey(Schema.Boolean),
  extensionId: Schema.String,
});
export type MessageRequest = typeof MessageRequest.Type;

export const QuickPickItemDto = Schema.Struct({
  label: Schema.String,
  description: Schema.optionalKey(Schema.String),
  detail: Schema.optionalKey(Schema.String),
});
export const QuickPickRequest = Schema.Struct({
  items: Schema.Array(QuickPickItemDto),
  placeHolder: Schema.optionalKey(Schema.String),
  canPickMany: Schema.optionalKey(Schema.Boolean),
});
export type QuickPickRequest = typeof QuickPickRequest.Type;

export const InputBoxRequest = Schema.Struct({
  prompt: Schema.optionalKey(Schema.String),
  placeHolder: Schema.optionalKey(Schema.String),
  value: Schema.optionalKey(Schema.String),
  password: Schema.optionalKey(Schema.Boolean),
});
export type InputBoxRequest = typeof InputBoxRequest.Type;

export const StatusBarItemDto = Schema.Struct({
  id: Schema.String,
  extensionId: Schema.String,
  text: Schema.String,
  tooltip: Schema.optionalKey(Schema.String),
  command: Schema.optionalKey(Schema.String),
  alignment: Schema.Literals(["left", "right"]),
  priority: Schema.Number,
  visible: Schema.Boolean,
});
export type StatusBarItemDto = typeof StatusBarItemDto.Type;

export const WorkspaceFolderDto = Schema.Struct({ uri: UriString, name: Schema.String });
export type WorkspaceFolderDto = typeof WorkspaceFolderDto.Type;

export const InitData = Schema.Struct({
  workspaceFolders: Schema.Array(WorkspaceFolderDto),
  /** Documents open in the renderer right now (their text may be unsaved). */
  documents: Schema.Array(DocumentSnapshot),
  activeDocument: Schema.NullOr(UriString),
});
export type InitData = typeof InitData.Type;

// ── editor contributions (languages, TextMate grammars, colour themes) ─────────────────────
// What the renderer's Monaco needs from extensions' `contributes`, with the referenced files'
// JSON inlined: the renderer cannot read extension folders itself.

export const LanguageContributionDto = Schema.Struct({
  id: Schema.String,
  extensions: Schema.Array(Schema.String),
  filenames: Schema.Array(Schema.String),
  aliases: Schema.Array(Schema.String),
  /** The parsed language-configuration.json (JSONC), or null when there is none. */
  configuration: Schema.NullOr(Schema.Record(Schema.String, Schema.Unknown)),
});
export type LanguageContributionDto = typeof LanguageContributionDto.Type;

export const GrammarContributionDto = Schema.Struct({
  scopeName: Schema.String,
  language: Schema.NullOr(Schema.String),
  /** The parsed .tmLanguage.json. */
  grammar: Schema.Record(Schema.String, Schema.Unknown),
  embeddedLanguages: Schema.Record(Schema.String, Schema.String),
});
export type GrammarContributionDto = typeof GrammarContributionDto.Type;

export const ThemeContributionDto = Schema.Struct({
  /** `id` from the manifest, or its label. */
  id: Schema.String,
  label: Schema.String,
  uiTheme: Schema.Literals(["vs", "vs-dark", "hc-black", "hc-light"]),
  /** The parsed theme JSON: `colors`, `tokenColors`. */
  theme: Schema.Record(Schema.String, Schema.Unknown),
});
export type ThemeContributionDto = typeof ThemeContributionDto.Type;

export const EditorContributions = Schema.Struct({
  languages: Schema.Array(LanguageContributionDto),
  grammars: Schema.Array(GrammarContributionDto),
  themes: Schema.Array(ThemeContributionDto),
  /** Files that could not be read or parsed, e.g. "ext.id: syntaxes/x.json: …". */
  problems: Schema.Array(Schema.String),
});
export type EditorContributions = typeof EditorContributions.Type;
