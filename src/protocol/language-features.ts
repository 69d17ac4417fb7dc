/**
 * Wire shapes of the language features (VS Code's extHost.protocol.ts `I*Dto`s, for what Monaco
 * shows). Positions are 0-based like the rest of the protocol. Items a provider may resolve later
 * carry the `cacheId` of their result set and their index in it (VS Code's ChainedCacheId).
 */
import { Schema } from "effect";
import { DiagnosticDto, Position, Range, UriString } from "./workbench.js";

export const LocationDto = Schema.Struct({ uri: UriString, range: Range });
export type LocationDto = typeof LocationDto.Type;

/** A Location or a LocationLink (`targetSelectionRange`/`originSelectionRange` only for links). */
export const LocationLinkDto = Schema.Struct({
  uri: UriString,
  range: Range,
  targetSelectionRange: Schema.optionalKey(Range),
  originSelectionRange: Schema.optionalKey(Range),
});
export type LocationLinkDto = typeof LocationLinkDto.Type;

export const TextEditDto = Schema.Struct({
  range: Range,
  text: Schema.String,
  isSnippet: Schema.optionalKey(Schema.Boolean),
});
export type TextEditDto = typeof TextEditDto.Type;

/** Text edits per document, and file operations, in the order the provider made them. */
export const WorkspaceEditEntryDto = Schema.Union([
  Schema.Struct({ kind: Schema.Literal("text"), uri: UriString, edits: Schema.Array(TextEditDto) }),
  Schema.Struct({
    kind: Schema.Literal("file"),
    from: Schema.optionalKey(UriString),
    to: Schema.optionalKey(UriString),
    overwrite: Schema.optionalKey(Schema.Boolean),
    ignoreIfExists: Schema.optionalKey(Schema.Boolean),
    recursive: Schema.optionalKey(Schema.Boolean),
  }),
]);
export const WorkspaceEditDto = Schema.Struct({ entries: Schema.Array(WorkspaceEditEntryDto) });
export type WorkspaceEditDto = typeof WorkspaceEditDto.Type;

/** A command to run in the extension host; its arguments stay there (`ref`, see `runCommand`). */
export const CommandDto = Schema.Struct({
  id: Schema.String,
  title: Schema.String,
  tooltip: Schema.optionalKey(Schema.String),
  ref: Schema.optionalKey(Schema.Int),
});
export type CommandDto = typeof CommandDto.Type;

export const MarkdownDto = Schema.Struct({ value: Schema.String, isTrusted: Schema.optionalKey(Schema.Boolean) });
export type MarkdownDto = typeof MarkdownDto.Type;

// ── completion ───────────────────────────────────────────────────────────────────────────────

export const CompletionContextDto = Schema.Struct({
  /** vscode.CompletionTriggerKind: 0 invoke, 1 trigger character, 2 incomplete re-trigger. */
  triggerKind: Schema.Int,
  triggerCharacter: Schema.optionalKey(Schema.String),
});

/** `vscode.CompletionItemKind` names by value (Monaco's enum has the same names, other numbers). */
export const COMPLETION_ITEM_KIND_NAMES = [
  "Text",
  "Method",
  "Function",
  "Constructor",
  "Field",
  "Variable",
  "Class",
  "Interface",
  "Module",
  "Property",
  "Unit",
  "Value",
  "Enum",
  "Keyword",
  "Snippet",
  "Color",
  "File",
  "Reference",
  "Folder",
  "EnumMember",
  "Constant",
  "Struct",
  "Event",
  "Operator",
  "TypeParameter",
  "User",
  "Issue",
] as const;

export const SuggestionDto = Schema.Struct({
  index: Schema.Int,
  label: Schema.String,
  labelDetail: Schema.optionalKey(Schema.String),
  labelDescription: Schema.optionalKey(Schema.String),
  /** vscode.CompletionItemKind. */
  kind: Schema.Int,
  tags: Schema.optionalKey(Schema.Array(Schema.Int)),
  detail: Schema.optionalKey(Schema.String),
  documentation: Schema.optionalKey(MarkdownDto),
  sortText: Schema.optionalKey(Schema.String),
  filterText: Schema.optionalKey(Schema.String),
  preselect: Schema.optionalKey(Schema.Boolean),
  insertText: Schema.String,
  isSnippet: Schema.optionalKey(Schema.Boolean),
  keepWhitespace: Schema.optionalKey(Schema.Boolean),
  range: Schema.optionalKey(Schema.Struct({ inserting: Range, replacing: Range })),
  commitCharacters: Schema.optionalKey(Schema.Array(Schema.String)),
  additionalTextEdits: Schema.optionalKey(Schema.Array(TextEditDto)),
  command: Schema.optionalKey(CommandDto),
});
export type SuggestionDto = typeof SuggestionDto.Type;

export const CompletionResultDto = Schema.Struct({
  cacheId: Schema.Int,
  isIncomplete: Schema.Boolean,
  items: Schema.Array(SuggestionDto),
});
export type CompletionResultDto = typeof CompletionResultDto.Type;

// ── hover, signature help, highlights ───────────────────────────────────────────────────────

export const HoverResultDto = Schema.Struct({ contents: Schema.Array(MarkdownDto), range: Schema.optionalKey(Range) });
export type HoverResultDto = typeof HoverResultDto.Type;

export const SignatureHelpContextDto = Schema.Struct({
  /** vscode.SignatureHelpTriggerKind: 1 invoke, 2 trigger character, 3 content change. */
  triggerKind: Schema.Int,
  triggerCharacter: Schema.optionalKey(Schema.String),
  isRetrigger: Schema.Boolean,
});

export const ParameterDto = Schema.Struct({
  label: Schema.Union([Schema.String, Schema.Tuple([Schema.Int, Schema.Int])]),
  documentation: Schema.optionalKey(MarkdownDto),
});
export const SignatureDto = Schema.Struct({
  label: Schema.String,
  documentation: Schema.optionalKey(MarkdownDto),
  parameters: Schema.Array(ParameterDto),
  activeParameter: Schema.optionalKey(Schema.Int),
});
export const SignatureHelpDto = Schema.Struct({
  signatures: Schema.Array(SignatureDto),
  activeSignature: Schema.Int,
  activeParameter: Schema.Int,
});
export type SignatureHelpDto = typeof SignatureHelpDto.Type;

export const DocumentHighlightDto = Schema.Struct({
  range: Range,
  /** vscode.DocumentHighlightKind: 0 text, 1 read, 2 write. */
  kind: Schema.Int,
});
export type DocumentHighlightDto = typeof DocumentHighlightDto.Type;

// ── symbols ──────────────────────────────────────────────────────────────────────────────────

export interface DocumentSymbolDto {
  readonly name: string;
  readonly detail: string;
  /** vscode.SymbolKind. */
  readonly kind: number;
  readonly tags?: ReadonlyArray<number>;
  readonly range: Range;
  readonly selectionRange: Range;
  readonly children: ReadonlyArray<DocumentSymbolDto>;
}
export const DocumentSymbolDto: Schema.Codec<DocumentSymbolDto> = Schema.Struct({
  name: Schema.String,
  detail: Schema.String,
  kind: Schema.Int,
  tags: Schema.optionalKey(Schema.Array(Schema.Int)),
  range: Range,
  selectionRange: Range,
  children: Schema.Array(Schema.suspend((): Schema.Codec<DocumentSymbolDto> => DocumentSymbolDto)),
});

export const WorkspaceSymbolDto = Schema.Struct({
  index: Schema.Int,
  name: Schema.String,
  containerName: Schema.String,
  kind: Schema.Int,
  tags: Schema.optionalKey(Schema.Array(Schema.Int)),
  /** The range is missing when the provider defers it to resolveWorkspaceSymbol. */
  location: Schema.Struct({ uri: UriString, range: Schema.optionalKey(Range) }),
});
export type WorkspaceSymbolDto = typeof WorkspaceSymbolDto.Type;
export const WorkspaceSymbolsDto = Schema.Struct({ cacheId: Schema.Int, symbols: Schema.Array(WorkspaceSymbolDto) });

// ── code actions, code lens ─────────────────────────────────────────────────────────────────

export const CodeActionContextDto = Schema.Struct({
  diagnostics: Schema.Array(DiagnosticDto),
  only: Schema.optionalKey(Schema.String),
  /** vscode.CodeActionTriggerKind: 1 invoke, 2 automatic (lightbulb). */
  triggerKind: Schema.Int,
});

export const CodeActionDto = Schema.Struct({
  index: Schema.Int,
  title: Schema.String,
  kind: Schema.optionalKey(Schema.String),
  diagnostics: Schema.optionalKey(Schema.Array(DiagnosticDto)),
  edit: Schema.optionalKey(WorkspaceEditDto),
  command: Schema.optionalKey(CommandDto),
  isPreferred: Schema.optionalKey(Schema.Boolean),
  disabled: Schema.optionalKey(Schema.String),
  /** The provider has resolveCodeAction and the action has no edit yet. */
  needsResolve: Schema.optionalKey(Schema.Boolean),
});
export type CodeActionDto = typeof CodeActionDto.Type;
export const CodeActionsDto = Schema.Struct({ cacheId: Schema.Int, actions: Schema.Array(CodeActionDto) });

export const CodeLensDto = Schema.Struct({ index: Schema.Int, range: Range, command: Schema.optionalKey(CommandDto) });
export type CodeLensDto = typeof CodeLensDto.Type;
export const CodeLensesDto = Schema.Struct({ cacheId: Schema.Int, lenses: Schema.Array(CodeLensDto) });

// ── formatting, rename ──────────────────────────────────────────────────────────────────────

export const FormattingOptionsDto = Schema.Struct({ tabSize: Schema.Int, insertSpaces: Schema.Boolean });

export const RenameLocationDto = Schema.Struct({ range: Range, text: Schema.String });
export type RenameLocationDto = typeof RenameLocationDto.Type;

// ── links, colors, folding, selection ranges ────────────────────────────────────────────────

export const DocumentLinkDto = Schema.Struct({
  index: Schema.Int,
  range: Range,
  target: Schema.optionalKey(UriString),
  tooltip: Schema.optionalKey(Schema.String),
});
export type DocumentLinkDto = typeof DocumentLinkDto.Type;
export const DocumentLinksDto = Schema.Struct({ cacheId: Schema.Int, links: Schema.Array(DocumentLinkDto) });

export const ColorDto = Schema.Struct({
  red: Schema.Number,
  green: Schema.Number,
  blue: Schema.Number,
  alpha: Schema.Number,
});
export const ColorInformationDto = Schema.Struct({ range: Range, color: ColorDto });
export type ColorInformationDto = typeof ColorInformationDto.Type;
export const ColorPresentationDto = Schema.Struct({
  label: Schema.String,
  textEdit: Schema.optionalKey(TextEditDto),
  additionalTextEdits: Schema.optionalKey(Schema.Array(TextEditDto)),
});
export type ColorPresentationDto = typeof ColorPresentationDto.Type;

export const FoldingRangeDto = Schema.Struct({
  start: Schema.Int,
  end: Schema.Int,
  kind: Schema.optionalKey(Schema.Literals(["comment", "imports", "region"])),
});
export type FoldingRangeDto = typeof FoldingRangeDto.Type;

// ── semantic tokens, inlay hints ────────────────────────────────────────────────────────────

export const SemanticTokensLegendDto = Schema.Struct({
  tokenTypes: Schema.Array(Schema.String),
  tokenModifiers: Schema.Array(Schema.String),
});
export type SemanticTokensLegendDto = typeof SemanticTokensLegendDto.Type;

/** Full tokens, or edits to the tokens of `previousResultId` (VS Code's delta encoding). */
export const SemanticTokensDto = Schema.Union([
  Schema.Struct({
    type: Schema.Literal("full"),
    resultId: Schema.optionalKey(Schema.String),
    data: Schema.Array(Schema.Int),
  }),
  Schema.Struct({
    type: Schema.Literal("delta"),
    resultId: Schema.optionalKey(Schema.String),
    edits: Schema.Array(
      Schema.Struct({ start: Schema.Int, deleteCount: Schema.Int, data: Schema.optionalKey(Schema.Array(Schema.Int)) }),
    ),
  }),
]);
export type SemanticTokensDto = typeof SemanticTokensDto.Type;

export const InlayHintLabelPartDto = Schema.Struct({
  value: Schema.String,
  tooltip: Schema.optionalKey(MarkdownDto),
  location: Schema.optionalKey(LocationDto),
  command: Schema.optionalKey(CommandDto),
});
export const InlayHintDto = Schema.Struct({
  index: Schema.Int,
  position: Position,
  label: Schema.Union([Schema.String, Schema.Array(InlayHintLabelPartDto)]),
  /** vscode.InlayHintKind: 1 type, 2 parameter. */
  kind: Schema.optionalKey(Schema.Int),
  tooltip: Schema.optionalKey(MarkdownDto),
  textEdits: Schema.optionalKey(Schema.Array(TextEditDto)),
  paddingLeft: Schema.optionalKey(Schema.Boolean),
  paddingRight: Schema.optionalKey(Schema.Boolean),
});
export type InlayHintDto = typeof InlayHintDto.Type;
export const InlayHintsDto = Schema.Struct({ cacheId: Schema.Int, hints: Schema.Array(InlayHintDto) });

// ── hierarchies, linked editing, inline completions ─────────────────────────────────────────

export const HierarchyItemDto = Schema.Struct({
  /** Refers to the provider's item, kept in the host (cacheId + index). */
  cacheId: Schema.Int,
  index: Schema.Int,
  name: Schema.String,
  kind: Schema.Int,
  detail: Schema.optionalKey(Schema.String),
  uri: UriString,
  range: Range,
  selectionRange: Range,
});
export type HierarchyItemDto = typeof HierarchyItemDto.Type;
export const HierarchyCallDto = Schema.Struct({ item: HierarchyItemDto, fromRanges: Schema.Array(Range) });
export type HierarchyCallDto = typeof HierarchyCallDto.Type;

export const LinkedEditingRangesDto = Schema.Struct({
  ranges: Schema.Array(Range),
  wordPattern: Schema.optionalKey(Schema.String),
});

export const InlineCompletionDto = Schema.Struct({
  insertText: Schema.String,
  isSnippet: Schema.optionalKey(Schema.Boolean),
  filterText: Schema.optionalKey(Schema.String),
  range: Schema.optionalKey(Range),
  command: Schema.optionalKey(CommandDto),
});
export type InlineCompletionDto = typeof InlineCompletionDto.Type;

// ── what the window must know to register Monaco providers for a document ──────────────────

export const ProviderMetadataDto = Schema.Struct({
  /** Features with at least one provider for this document. */
  features: Schema.Array(Schema.String),
  completionTriggerCharacters: Schema.Array(Schema.String),
  signatureHelpTriggerCharacters: Schema.Array(Schema.String),
  signatureHelpRetriggerCharacters: Schema.Array(Schema.String),
  onTypeFormattingTriggerCharacters: Schema.Array(Schema.String),
  /** The legend of the best-scoring semantic tokens provider (full or range). */
  semanticTokensLegend: Schema.NullOr(SemanticTokensLegendDto),
  semanticTokensDelta: Schema.Boolean,
});
export type ProviderMetadataDto = typeof ProviderMetadataDto.Type;
