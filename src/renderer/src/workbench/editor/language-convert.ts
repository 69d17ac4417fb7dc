/**
 * Wire DTOs (0-based) ⇄ Monaco values (1-based), VS Code's enums → Monaco's, for the
 * language providers (monaco-providers.ts).
 */
import type {
  CommandDto,
  DocumentSymbolDto,
  LocationLinkDto,
  MarkdownDto,
  SuggestionDto,
  TextEditDto,
} from "../../../../protocol/language-features.js";
import { COMPLETION_ITEM_KIND_NAMES } from "../../../../protocol/language-features.js";
import type { DiagnosticDto, Position, Range } from "../../../../protocol/workbench.js";
import { monaco } from "./monaco.js";

/** The Monaco command that runs a provider's command in the extension host. */
export const RUN_HOST_COMMAND = "directEditor.languages.runHostCommand";

export const toPosition = (p: monaco.IPosition): Position => ({ line: p.lineNumber - 1, character: p.column - 1 });
export const fromPosition = (p: Position): monaco.Position => new monaco.Position(p.line + 1, p.character + 1);

export const toRange = (r: monaco.IRange): Range => ({
  start: { line: r.startLineNumber - 1, character: r.startColumn - 1 },
  end: { line: r.endLineNumber - 1, character: r.endColumn - 1 },
});
export const fromRange = (r: Range): monaco.Range =>
  new monaco.Range(r.start.line + 1, r.start.character + 1, r.end.line + 1, r.end.character + 1);

/** Extensions' markdown is shown without raw HTML and without command links unless trusted. */
export const fromMarkdown = (m: MarkdownDto): monaco.IMarkdownString => ({
  value: m.value,
  supportHtml: false,
  isTrusted: m.isTrusted === true,
});

export const fromTextEdit = (e: TextEditDto): monaco.languages.TextEdit => ({
  range: fromRange(e.range),
  text: e.text,
});

export const fromCommand = (c: CommandDto): monaco.languages.Command => ({
  id: RUN_HOST_COMMAND,
  title: c.title,
  ...(c.tooltip !== undefined ? { tooltip: c.tooltip } : {}),
  arguments: [{ id: c.id, ...(c.ref !== undefined ? { ref: c.ref } : {}) }],
});

export const fromLocationLink = (l: LocationLinkDto): monaco.languages.LocationLink => ({
  uri: monaco.Uri.parse(l.uri),
  range: fromRange(l.range),
  ...(l.targetSelectionRange ? { targetSelectionRange: fromRange(l.targetSelectionRange) } : {}),
  ...(l.originSelectionRange ? { originSelectionRange: fromRange(l.originSelectionRange) } : {}),
});

export const completionKind = (kind: number): monaco.languages.CompletionItemKind => {
  const name = COMPLETION_ITEM_KIND_NAMES[kind] ?? "Text";
  return monaco.languages.CompletionItemKind[name];
};

export const fromSuggestion = (
  s: SuggestionDto,
  defaultRange: monaco.IRange,
): monaco.languages.CompletionItem & { index: number } => {
  let rules = 0;
  if (s.isSnippet) rules |= monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet;
  if (s.keepWhitespace) rules |= monaco.languages.CompletionItemInsertTextRule.KeepWhitespace;
  return {
    index: s.index,
    label:
      s.labelDetail !== undefined || s.labelDescription !== undefined
        ? {
            label: s.label,
            ...(s.labelDetail !== undefined ? { detail: s.labelDetail } : {}),
            ...(s.labelDescription !== undefined ? { description: s.labelDescription } : {}),
          }
        : s.label,
    kind: completionKind(s.kind),
    insertText: s.insertText,
    range: s.range ? { insert: fromRange(s.range.inserting), replace: fromRange(s.range.replacing) } : defaultRange,
    ...(rules ? { insertTextRules: rules } : {}),
    ...(s.tags ? { tags: s.tags.map(() => monaco.languages.CompletionItemTag.Deprecated) } : {}),
    ...(s.detail !== undefined ? { detail: s.detail } : {}),
    ...(s.documentation ? { documentation: fromMarkdown(s.documentation) } : {}),
    ...(s.sortText !== undefined ? { sortText: s.sortText } : {}),
    ...(s.filterText !== undefined ? { filterText: s.filterText } : {}),
    ...(s.preselect ? { preselect: true } : {}),
    ...(s.commitCharacters ? { commitCharacters: [...s.commitCharacters] } : {}),
    ...(s.additionalTextEdits ? { additionalTextEdits: s.additionalTextEdits.map(fromTextEdit) } : {}),
    ...(s.command ? { command: fromCommand(s.command) } : {}),
  };
};

export const fromDocumentSymbol = (s: DocumentSymbolDto): monaco.languages.DocumentSymbol => ({
  name: s.name,
  detail: s.detail,
  // vscode.SymbolKind and Monaco's SymbolKind share their numbering (File = 0 … TypeParameter = 25).
  kind: s.kind as monaco.languages.SymbolKind,
  tags: (s.tags ?? []).map(() => monaco.languages.SymbolTag.Deprecated),
  range: fromRange(s.range),
  selectionRange: fromRange(s.selectionRange),
  children: s.children.map(fromDocumentSymbol),
});

const SEVERITY: Record<DiagnosticDto["severity"], monaco.MarkerSeverity> = {
  error: monaco.MarkerSeverity.Error,
  warning: monaco.MarkerSeverity.Warning,
  information: monaco.MarkerSeverity.Info,
  hint: monaco.MarkerSeverity.Hint,
};

export const toMarker = (d: DiagnosticDto): monaco.editor.IMarkerData => ({
  severity: SEVERITY[d.severity],
  message: d.message,
  startLineNumber: d.range.start.line + 1,
  startColumn: d.range.start.character + 1,
  endLineNumber: d.range.end.line + 1,
  endColumn: d.range.end.character + 1,
  ...(d.source ? { source: d.source } : {}),
  ...(d.code !== undefined
    ? { code: d.codeTarget ? { value: String(d.code), target: monaco.Uri.parse(d.codeTarget) } : String(d.code) }
    : {}),
  ...(d.tags
    ? {
        tags: d.tags.map((t) => (t === 1 ? monaco.MarkerTag.Unnecessary : monaco.MarkerTag.Deprecated)),
      }
    : {}),
  ...(d.relatedInformation
    ? {
        relatedInformation: d.relatedInformation.map((r) => ({
          resource: monaco.Uri.parse(r.location.uri),
          message: r.message,
          startLineNumber: r.location.range.start.line + 1,
          startColumn: r.location.range.start.character + 1,
          endLineNumber: r.location.range.end.line + 1,
          endColumn: r.location.range.end.character + 1,
        })),
      }
    : {}),
});

const SEVERITY_NAME = new Map<monaco.MarkerSeverity, DiagnosticDto["severity"]>([
  [monaco.MarkerSeverity.Error, "error"],
  [monaco.MarkerSeverity.Warning, "warning"],
  [monaco.MarkerSeverity.Info, "information"],
  [monaco.MarkerSeverity.Hint, "hint"],
]);

/** The diagnostics a code action provider gets in its context, from Monaco's markers. */
export const fromMarker = (m: monaco.editor.IMarkerData): DiagnosticDto => ({
  range: toRange(m),
  message: m.message,
  severity: SEVERITY_NAME.get(m.severity) ?? "error",
  ...(m.source ? { source: m.source } : {}),
  ...(typeof m.code === "string"
    ? { code: m.code }
    : m.code
      ? { code: m.code.value, codeTarget: m.code.target.toString() }
      : {}),
  ...(m.tags ? { tags: m.tags.map((t) => (t === monaco.MarkerTag.Unnecessary ? 1 : 2)) } : {}),
});
