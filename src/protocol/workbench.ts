/**
 * The contract between the renderer's workbench and the extension host: every method either
 * side serves, with effect/Schema shapes for the payloads. Both ends validate what they
 * receive with these schemas. Positions are zero-based (line, character), like VS Code's API.
 *
 * Naming: `ExtHost.*` methods are served by the extension host (the renderer calls them);
 * `Workbench.*` methods are served by the renderer (the extension host calls them).
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

export const DocumentSnapshot = Schema.Struct({
  uri: UriString,
  languageId: Schema.String,
  version: Schema.Int,
  text: Schema.String,
});
export type DocumentSnapshot = typeof DocumentSnapshot.Type;

export const DocumentChange = Schema.Struct({
  uri: UriString,
  /** The version after applying `changes`; always previous version + 1. */
  version: Schema.Int,
  changes: Schema.Array(TextChange),
});
export type DocumentChange = typeof DocumentChange.Type;

export const FileEntry = Schema.Struct({
  name: Schema.String,
  uri: UriString,
  kind: Schema.Literals(["file", "directory"]),
});
export type FileEntry = typeof FileEntry.Type;

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

// ── methods the extension host serves (renderer → host) ─────────────────────────────────────

export const ExtHost = {
  /** Handshake after every (re)connect: params [InitData]; result ExtensionInfo[]. */
  initialize: "extHost.initialize",
  /** Params []; result ExtensionInfo[]. */
  listExtensions: "extHost.listExtensions",

  /** Params [CommandInfo-less]: []; result CommandInfo[] (contributed + registered). */
  listCommands: "extHost.commands.list",
  /** Params [commandId, ...args]; result whatever the command returns (JSON). Activates onCommand:*. */
  executeCommand: "extHost.commands.execute",

  /** Notifications: the renderer's open documents, synced incrementally and versioned. */
  documentOpened: "extHost.documents.opened", // [DocumentSnapshot]
  documentChanged: "extHost.documents.changed", // [DocumentChange]
  documentSaved: "extHost.documents.saved", // [uri]
  documentClosed: "extHost.documents.closed", // [uri]
  /** Notification [uri | null, selection Range | null]: the focused editor changed. */
  activeEditorChanged: "extHost.editors.activeChanged",

  /** Params [uri, Position]; result CompletionItemDto[] (providers that time out are skipped). */
  provideCompletions: "extHost.languages.completions",
  /** Params [uri, Position]; result HoverDto | null. */
  provideHover: "extHost.languages.hover",

  /** File system, owned by the extension host. Params [uri]; result FileEntry[] sorted dirs first. */
  readDirectory: "extHost.fs.readDirectory",
  /** Params [uri]; result string (UTF-8). */
  readFile: "extHost.fs.readFile",
  /** Params [uri, content]; result null. Emits onDidSaveTextDocument when the doc is open. */
  writeFile: "extHost.fs.writeFile",

  /** Params []; result EditorContributions (see the editor contributions block below). */
  contributions: "extHost.extensions.contributions",
} as const;

export const InitData = Schema.Struct({
  workspaceFolders: Schema.Array(WorkspaceFolderDto),
  /** Documents open in the renderer right now (their text may be unsaved). */
  documents: Schema.Array(DocumentSnapshot),
  activeDocument: Schema.NullOr(UriString),
});
export type InitData = typeof InitData.Type;

// ── methods the renderer serves (host → renderer) ───────────────────────────────────────────

export const Workbench = {
  /** Params [MessageRequest]; result the chosen item or null. */
  showMessage: "workbench.window.showMessage",
  /** Params [QuickPickRequest]; result index (or indices when canPickMany) or null. */
  showQuickPick: "workbench.window.showQuickPick",
  /** Params [InputBoxRequest]; result string or null (cancelled). */
  showInputBox: "workbench.window.showInputBox",
  /** Params [uri]; opens (or focuses) an editor tab. Result null. */
  showTextDocument: "workbench.window.showTextDocument",

  /** Notifications for the Output panel: [channelName, text], [channelName], [channelName]. */
  outputAppend: "workbench.output.append",
  outputClear: "workbench.output.clear",
  outputShow: "workbench.output.show",

  /** Notifications: [StatusBarItemDto] upsert, [id] remove. */
  statusBarUpdate: "workbench.statusBar.update",
  statusBarRemove: "workbench.statusBar.remove",

  /** Notification [owner, uri, DiagnosticDto[]]: replaces owner's diagnostics for uri ([] clears). */
  diagnosticsSet: "workbench.diagnostics.set",
  /** Notification [owner]: clears all of owner's diagnostics. */
  diagnosticsClear: "workbench.diagnostics.clear",

  /** Notification []: registered commands changed; the palette should re-list. */
  commandsChanged: "workbench.commands.changed",
  /** Notification [ExtensionInfo[]]: an extension activated / failed. */
  extensionsChanged: "workbench.extensions.changed",
} as const;

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
