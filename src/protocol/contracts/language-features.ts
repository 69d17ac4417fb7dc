/**
 * Language features between a window and the extension host: one request per provider kind
 * (VS Code's MainThreadLanguageFeatures ↔ ExtHostLanguageFeatures), and the host's notices
 * that providers or their results changed. Every request is cancellable (the window's
 * AbortSignal becomes each provider's CancellationToken); providers that time out or throw
 * are skipped and reported in their extension's Output channel.
 */
import { Schema } from "effect";
import { notification, request } from "../rpc-contract.js";
import {
  CodeActionContextDto,
  CodeActionDto,
  CodeActionsDto,
  CodeLensDto,
  CodeLensesDto,
  ColorDto,
  ColorInformationDto,
  ColorPresentationDto,
  CompletionContextDto,
  CompletionResultDto,
  DocumentHighlightDto,
  DocumentLinkDto,
  DocumentLinksDto,
  DocumentSymbolDto,
  FoldingRangeDto,
  FormattingOptionsDto,
  HierarchyCallDto,
  HierarchyItemDto,
  HoverResultDto,
  InlayHintDto,
  InlayHintsDto,
  InlineCompletionDto,
  LinkedEditingRangesDto,
  LocationDto,
  LocationLinkDto,
  ProviderMetadataDto,
  RenameLocationDto,
  SemanticTokensDto,
  SemanticTokensLegendDto,
  SignatureHelpContextDto,
  SignatureHelpDto,
  SuggestionDto,
  TextEditDto,
  WorkspaceEditDto,
  WorkspaceSymbolDto,
  WorkspaceSymbolsDto,
} from "../language-features.js";
import { Position, Range, UriString } from "../workbench.js";
import {
  CommandNotFound,
  DocumentNotOpen,
  DocumentVersionMismatch,
  ExtensionFailure,
  NotAWorkbench,
} from "./ext-host.js";

/** A provider refused: prepareRename/rename threw, and VS Code shows the message to the user. */
export class ProviderRejected extends Schema.TaggedError<ProviderRejected>()("ProviderRejected", {
  extensionId: Schema.String,
  message: Schema.String,
}) {}

/** A resolve/command referred to a result set the host no longer has (released or evicted). */
export class StaleReference extends Schema.TaggedError<StaleReference>()("StaleReference", {
  message: Schema.String,
}) {}

const DocumentErrors = Schema.Union([DocumentVersionMismatch, DocumentNotOpen, NotAWorkbench]);

const Doc = { uri: UriString, version: Schema.Int };
const AtPosition = Schema.Struct({ ...Doc, position: Position });
const OfDocument = Schema.Struct(Doc);
const Resolve = Schema.Struct({ cacheId: Schema.Int, index: Schema.Int });

export const ExtHostLanguageFeaturesContract = {
  /** Trigger characters, legends… of the providers that match a document (VS Code's $register*Support data). */
  providerMetadata: request("extHost.languages.providerMetadata", {
    payload: Schema.Struct({ uri: UriString, languageId: Schema.String }),
    success: ProviderMetadataDto,
  }),
  /** Forgets the items of a result set (completions, code actions, lenses, links, hints, symbols). */
  releaseCache: notification("extHost.languages.releaseCache", { payload: Schema.Int }),
  /** Runs a command a provider returned, with the arguments the host kept for it. */
  runCommand: request("extHost.languages.runCommand", {
    payload: Schema.Struct({ id: Schema.String, ref: Schema.optionalKey(Schema.Int) }),
    success: Schema.Unknown,
    error: Schema.Union([CommandNotFound, ExtensionFailure, StaleReference]),
  }),

  completions: request("extHost.languages.provideCompletionItems", {
    payload: Schema.Struct({ ...Doc, position: Position, context: CompletionContextDto }),
    success: CompletionResultDto,
    error: DocumentErrors,
  }),
  resolveCompletion: request("extHost.languages.resolveCompletionItem", {
    payload: Resolve,
    success: SuggestionDto,
    error: StaleReference,
  }),
  hover: request("extHost.languages.provideHover", {
    payload: AtPosition,
    success: Schema.NullOr(HoverResultDto),
    error: DocumentErrors,
  }),
  signatureHelp: request("extHost.languages.provideSignatureHelp", {
    payload: Schema.Struct({ ...Doc, position: Position, context: SignatureHelpContextDto }),
    success: Schema.NullOr(SignatureHelpDto),
    error: DocumentErrors,
  }),
  definition: request("extHost.languages.provideDefinition", {
    payload: AtPosition,
    success: Schema.Array(LocationLinkDto),
    error: DocumentErrors,
  }),
  declaration: request("extHost.languages.provideDeclaration", {
    payload: AtPosition,
    success: Schema.Array(LocationLinkDto),
    error: DocumentErrors,
  }),
  typeDefinition: request("extHost.languages.provideTypeDefinition", {
    payload: AtPosition,
    success: Schema.Array(LocationLinkDto),
    error: DocumentErrors,
  }),
  implementation: request("extHost.languages.provideImplementation", {
    payload: AtPosition,
    success: Schema.Array(LocationLinkDto),
    error: DocumentErrors,
  }),
  references: request("extHost.languages.provideReferences", {
    payload: Schema.Struct({ ...Doc, position: Position, includeDeclaration: Schema.Boolean }),
    success: Schema.Array(LocationDto),
    error: DocumentErrors,
  }),
  documentHighlights: request("extHost.languages.provideDocumentHighlights", {
    payload: AtPosition,
    success: Schema.Array(DocumentHighlightDto),
    error: DocumentErrors,
  }),
  documentSymbols: request("extHost.languages.provideDocumentSymbols", {
    payload: OfDocument,
    success: Schema.Array(DocumentSymbolDto),
    error: DocumentErrors,
  }),
  workspaceSymbols: request("extHost.languages.provideWorkspaceSymbols", {
    payload: Schema.Struct({ query: Schema.String }),
    success: WorkspaceSymbolsDto,
  }),
  resolveWorkspaceSymbol: request("extHost.languages.resolveWorkspaceSymbol", {
    payload: Resolve,
    success: WorkspaceSymbolDto,
    error: StaleReference,
  }),
  codeActions: request("extHost.languages.provideCodeActions", {
    payload: Schema.Struct({ ...Doc, range: Range, context: CodeActionContextDto }),
    success: CodeActionsDto,
    error: DocumentErrors,
  }),
  resolveCodeAction: request("extHost.languages.resolveCodeAction", {
    payload: Resolve,
    success: CodeActionDto,
    error: StaleReference,
  }),
  codeLenses: request("extHost.languages.provideCodeLenses", {
    payload: OfDocument,
    success: CodeLensesDto,
    error: DocumentErrors,
  }),
  resolveCodeLens: request("extHost.languages.resolveCodeLens", {
    payload: Resolve,
    success: CodeLensDto,
    error: StaleReference,
  }),
  formatDocument: request("extHost.languages.provideDocumentFormattingEdits", {
    payload: Schema.Struct({ ...Doc, options: FormattingOptionsDto }),
    success: Schema.Array(TextEditDto),
    error: DocumentErrors,
  }),
  formatRange: request("extHost.languages.provideDocumentRangeFormattingEdits", {
    payload: Schema.Struct({ ...Doc, range: Range, options: FormattingOptionsDto }),
    success: Schema.Array(TextEditDto),
    error: DocumentErrors,
  }),
  formatOnType: request("extHost.languages.provideOnTypeFormattingEdits", {
    payload: Schema.Struct({ ...Doc, position: Position, ch: Schema.String, options: FormattingOptionsDto }),
    success: Schema.Array(TextEditDto),
    error: DocumentErrors,
  }),
  /** null: no provider can rename here. ProviderRejected carries the message to show. */
  prepareRename: request("extHost.languages.prepareRename", {
    payload: AtPosition,
    success: Schema.NullOr(RenameLocationDto),
    error: Schema.Union([DocumentVersionMismatch, DocumentNotOpen, NotAWorkbench, ProviderRejected]),
  }),
  rename: request("extHost.languages.provideRenameEdits", {
    payload: Schema.Struct({ ...Doc, position: Position, newName: Schema.String }),
    success: Schema.NullOr(WorkspaceEditDto),
    error: Schema.Union([DocumentVersionMismatch, DocumentNotOpen, NotAWorkbench, ProviderRejected]),
  }),
  documentLinks: request("extHost.languages.provideDocumentLinks", {
    payload: OfDocument,
    success: DocumentLinksDto,
    error: DocumentErrors,
  }),
  resolveDocumentLink: request("extHost.languages.resolveDocumentLink", {
    payload: Resolve,
    success: DocumentLinkDto,
    error: StaleReference,
  }),
  documentColors: request("extHost.languages.provideDocumentColors", {
    payload: OfDocument,
    success: Schema.Array(ColorInformationDto),
    error: DocumentErrors,
  }),
  colorPresentations: request("extHost.languages.provideColorPresentations", {
    payload: Schema.Struct({ ...Doc, color: ColorDto, range: Range }),
    success: Schema.Array(ColorPresentationDto),
    error: DocumentErrors,
  }),
  /** Null when no provider answered: the editor then folds by indentation, as VS Code does. */
  foldingRanges: request("extHost.languages.provideFoldingRanges", {
    payload: OfDocument,
    success: Schema.NullOr(Schema.Array(FoldingRangeDto)),
    error: DocumentErrors,
  }),
  /** One chain per position, innermost first. */
  selectionRanges: request("extHost.languages.provideSelectionRanges", {
    payload: Schema.Struct({ ...Doc, positions: Schema.Array(Position) }),
    success: Schema.Array(Schema.Array(Range)),
    error: DocumentErrors,
  }),
  semanticTokensLegend: request("extHost.languages.semanticTokensLegend", {
    payload: Schema.Struct({ uri: UriString, languageId: Schema.String }),
    success: Schema.NullOr(SemanticTokensLegendDto),
  }),
  /** Delta when `previousResultId` is known to the provider and it implements edits. */
  semanticTokens: request("extHost.languages.provideDocumentSemanticTokens", {
    payload: Schema.Struct({ ...Doc, previousResultId: Schema.optionalKey(Schema.String) }),
    success: Schema.NullOr(SemanticTokensDto),
    error: DocumentErrors,
  }),
  semanticTokensRange: request("extHost.languages.provideDocumentRangeSemanticTokens", {
    payload: Schema.Struct({ ...Doc, range: Range }),
    success: Schema.NullOr(SemanticTokensDto),
    error: DocumentErrors,
  }),
  inlayHints: request("extHost.languages.provideInlayHints", {
    payload: Schema.Struct({ ...Doc, range: Range }),
    success: InlayHintsDto,
    error: DocumentErrors,
  }),
  resolveInlayHint: request("extHost.languages.resolveInlayHint", {
    payload: Resolve,
    success: InlayHintDto,
    error: StaleReference,
  }),
  prepareCallHierarchy: request("extHost.languages.prepareCallHierarchy", {
    payload: AtPosition,
    success: Schema.Array(HierarchyItemDto),
    error: DocumentErrors,
  }),
  incomingCalls: request("extHost.languages.provideCallHierarchyIncomingCalls", {
    payload: Resolve,
    success: Schema.Array(HierarchyCallDto),
    error: StaleReference,
  }),
  outgoingCalls: request("extHost.languages.provideCallHierarchyOutgoingCalls", {
    payload: Resolve,
    success: Schema.Array(HierarchyCallDto),
    error: StaleReference,
  }),
  prepareTypeHierarchy: request("extHost.languages.prepareTypeHierarchy", {
    payload: AtPosition,
    success: Schema.Array(HierarchyItemDto),
    error: DocumentErrors,
  }),
  supertypes: request("extHost.languages.provideTypeHierarchySupertypes", {
    payload: Resolve,
    success: Schema.Array(HierarchyItemDto),
    error: StaleReference,
  }),
  subtypes: request("extHost.languages.provideTypeHierarchySubtypes", {
    payload: Resolve,
    success: Schema.Array(HierarchyItemDto),
    error: StaleReference,
  }),
  linkedEditingRanges: request("extHost.languages.provideLinkedEditingRanges", {
    payload: AtPosition,
    success: Schema.NullOr(LinkedEditingRangesDto),
    error: DocumentErrors,
  }),
  inlineCompletions: request("extHost.languages.provideInlineCompletionItems", {
    payload: Schema.Struct({ ...Doc, position: Position, triggerKind: Schema.Int }),
    success: Schema.Array(InlineCompletionDto),
    error: DocumentErrors,
  }),
} as const;

/** What the host tells windows about providers. */
export const WorkbenchLanguageFeaturesContract = {
  /** A provider was registered or disposed: re-read providerMetadata for open documents. */
  providersChanged: notification("workbench.languages.providersChanged", { payload: Schema.Null }),
  /** A provider's onDidChange* fired (code lenses, inlay hints, semantic tokens, folding ranges). */
  resultsChanged: notification("workbench.languages.resultsChanged", {
    payload: Schema.Literals(["codeLens", "inlayHints", "semanticTokens", "foldingRange"]),
  }),
  /** `languages.setTextDocumentLanguage`: the window re-opens its model in that language. */
  setDocumentLanguage: request("workbench.languages.setDocumentLanguage", {
    payload: Schema.Struct({ uri: UriString, languageId: Schema.String }),
    success: Schema.Null,
  }),
} as const;
