/**
 * `vscode.languages` (VS Code's extHostLanguageFeatures + extHostDiagnostics +
 * extHostLanguages): every register*Provider checks its arguments like VS Code (a bad selector
 * or a provider without its method fails at registration, with the API's name, instead of
 * failing later for every request), stores the provider with its selector and metadata, and
 * subscribes to the provider's change event so windows re-ask.
 */
import type { HostServices } from "../host-services.js";
import type { ExtensionRuntime } from "../extensions/extension-runtime.js";
import { diagnosticDto } from "../services/language-converters.js";
import {
  isDocumentSelector,
  score,
  type DocumentSelector,
  type Feature,
  type ProviderMetadata,
} from "../services/language-features.js";
import { LanguageStatusSeverity } from "./enums.generated.js";
import type { SemanticTokensLegend } from "./language-types.js";
import { textDocument } from "./text-document.js";
import { Disposable, Uri, type Event } from "./types.js";

type ChangeKind = "codeLens" | "inlayHints" | "semanticTokens" | "foldingRange";

export interface LanguagesApiDeps {
  readonly ext: ExtensionRuntime;
  readonly host: HostServices;
  readonly track: <T extends { dispose(): unknown }>(d: T) => T;
  readonly guardedEvent: <T>(event: Event<T>) => Event<T>;
}

const illegal = (api: string, what: string): Error => new TypeError(`vscode.languages.${api}: ${what}`);

const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((c) => typeof c === "string");

export const createLanguagesApi = (deps: LanguagesApiDeps): Record<string, unknown> => {
  const { ext, host, track } = deps;
  const service = host.languages;

  /** Checks and stores one provider; `methods` are the ones VS Code requires of it. */
  const register = (
    api: string,
    feature: Feature,
    selector: unknown,
    provider: unknown,
    methods: ReadonlyArray<string>,
    metadata: ProviderMetadata = {},
    changeEvent?: { name: string; kind: ChangeKind },
  ): Disposable => {
    if (!isDocumentSelector(selector))
      throw illegal(api, "selector must be a language id, a DocumentFilter or an array of them");
    if (typeof provider !== "object" || provider === null) throw illegal(api, "provider must be an object");
    for (const m of methods) {
      if (typeof (provider as Record<string, unknown>)[m] !== "function")
        throw illegal(api, `provider must have a '${m}' method`);
    }
    const unregister = service.register(feature, ext.id, selector, provider, metadata);
    const disposables: Array<{ dispose(): unknown }> = [];
    const event: unknown = changeEvent && (provider as Record<string, unknown>)[changeEvent.name];
    if (changeEvent && typeof event === "function") {
      const kind = changeEvent.kind;
      const d: unknown = Reflect.apply(event, provider, [() => service.resultsChanged(kind)]);
      if (typeof d === "object" && d !== null && typeof (d as { dispose?: unknown }).dispose === "function")
        disposables.push(d as { dispose(): unknown });
    }
    return track(
      new Disposable(() => {
        unregister();
        for (const d of disposables) d.dispose();
      }),
    );
  };

  const chars = (api: string, v: unknown, what: string): string[] => {
    if (v === undefined) return [];
    if (!isStringArray(v)) throw illegal(api, `${what} must be strings`);
    return v;
  };

  // ── diagnostics ─────────────────────────────────────────────────────────────────────────
  let collectionCount = 0;
  const createDiagnosticCollection = (name?: string) => {
    if (name !== undefined && typeof name !== "string")
      throw illegal("createDiagnosticCollection", "name must be a string");
    const owner = name ?? `${ext.id}.diagnostics.${++collectionCount}`;
    const collection = host.diagnostics.createCollection(
      owner,
      (uri, list) =>
        host.window.setDiagnostics(
          owner,
          uri,
          list.map(diagnosticDto).filter((d) => d !== undefined),
        ),
      () => host.window.clearDiagnostics(owner),
    );
    return track(Object.assign(collection, { name: name ?? owner }));
  };

  const getDiagnostics = (resource?: Uri) => {
    if (resource === undefined) return host.diagnostics.all().map(([uri, list]) => [Uri.parse(uri), list] as const);
    if (!(resource instanceof Uri)) throw illegal("getDiagnostics", "resource must be a vscode.Uri");
    return host.diagnostics.get(resource.toString());
  };

  // ── language status items ───────────────────────────────────────────────────────────────
  const createLanguageStatusItem = (id: string, selector: DocumentSelector) => {
    if (typeof id !== "string" || !id) throw illegal("createLanguageStatusItem", "id must be a non-empty string");
    if (!isDocumentSelector(selector)) throw illegal("createLanguageStatusItem", "selector is not a DocumentSelector");
    return track(languageStatusItem(`${ext.id}.${id}`, ext.id, selector, host));
  };

  return {
    getLanguages: () => Promise.resolve(host.knownLanguages()),
    setTextDocumentLanguage: async (document: { uri: Uri }, languageId: string) => {
      if (typeof languageId !== "string" || !languageId)
        throw illegal("setTextDocumentLanguage", "languageId must be a non-empty string");
      if (!document || !(document.uri instanceof Uri))
        throw illegal("setTextDocumentLanguage", "expected a TextDocument");
      const uri = document.uri.toString();
      if (!host.documents.get(uri)) throw illegal("setTextDocumentLanguage", `document ${uri} is not open`);
      await host.languageWindows.setDocumentLanguage(uri, languageId);
      const doc = host.documents.get(uri);
      if (!doc) throw illegal("setTextDocumentLanguage", `document ${uri} was closed`);
      return textDocument(doc);
    },
    match: (selector: DocumentSelector, document: { uri: Uri; languageId: string }) => {
      if (!isDocumentSelector(selector)) throw illegal("match", "selector is not a DocumentSelector");
      return score(selector, { uri: document.uri.toString(), languageId: document.languageId });
    },
    onDidChangeDiagnostics: deps.guardedEvent(host.diagnostics.onDidChange),
    getDiagnostics,
    createDiagnosticCollection,
    createLanguageStatusItem,

    registerCompletionItemProvider: (selector: unknown, provider: unknown, ...triggerCharacters: unknown[]) =>
      register("registerCompletionItemProvider", "completion", selector, provider, ["provideCompletionItems"], {
        triggerCharacters: chars("registerCompletionItemProvider", triggerCharacters, "trigger characters"),
      }),
    registerInlineCompletionItemProvider: (selector: unknown, provider: unknown) =>
      register("registerInlineCompletionItemProvider", "inlineCompletion", selector, provider, [
        "provideInlineCompletionItems",
      ]),
    registerCodeActionsProvider: (
      selector: unknown,
      provider: unknown,
      metadata?: { providedCodeActionKinds?: ReadonlyArray<{ value: string }> },
    ) => {
      const kinds = metadata?.providedCodeActionKinds;
      if (kinds !== undefined && (!Array.isArray(kinds) || !kinds.every((k) => typeof k?.value === "string")))
        throw illegal("registerCodeActionsProvider", "providedCodeActionKinds must be CodeActionKinds");
      return register(
        "registerCodeActionsProvider",
        "codeAction",
        selector,
        provider,
        ["provideCodeActions"],
        kinds ? { providedCodeActionKinds: kinds.map((k) => k.value) } : {},
      );
    },
    registerCodeLensProvider: (selector: unknown, provider: unknown) =>
      register(
        "registerCodeLensProvider",
        "codeLens",
        selector,
        provider,
        ["provideCodeLenses"],
        {},
        {
          name: "onDidChangeCodeLenses",
          kind: "codeLens",
        },
      ),
    registerDefinitionProvider: (selector: unknown, provider: unknown) =>
      register("registerDefinitionProvider", "definition", selector, provider, ["provideDefinition"]),
    registerImplementationProvider: (selector: unknown, provider: unknown) =>
      register("registerImplementationProvider", "implementation", selector, provider, ["provideImplementation"]),
    registerTypeDefinitionProvider: (selector: unknown, provider: unknown) =>
      register("registerTypeDefinitionProvider", "typeDefinition", selector, provider, ["provideTypeDefinition"]),
    registerDeclarationProvider: (selector: unknown, provider: unknown) =>
      register("registerDeclarationProvider", "declaration", selector, provider, ["provideDeclaration"]),
    registerHoverProvider: (selector: unknown, provider: unknown) =>
      register("registerHoverProvider", "hover", selector, provider, ["provideHover"]),
    registerDocumentHighlightProvider: (selector: unknown, provider: unknown) =>
      register("registerDocumentHighlightProvider", "documentHighlight", selector, provider, [
        "provideDocumentHighlights",
      ]),
    registerDocumentSymbolProvider: (selector: unknown, provider: unknown, metadata?: { label?: string }) =>
      register(
        "registerDocumentSymbolProvider",
        "documentSymbol",
        selector,
        provider,
        ["provideDocumentSymbols"],
        metadata?.label ? { displayName: metadata.label } : {},
      ),
    registerWorkspaceSymbolProvider: (provider: unknown) =>
      register("registerWorkspaceSymbolProvider", "workspaceSymbol", "*", provider, ["provideWorkspaceSymbols"]),
    registerReferenceProvider: (selector: unknown, provider: unknown) =>
      register("registerReferenceProvider", "references", selector, provider, ["provideReferences"]),
    registerRenameProvider: (selector: unknown, provider: unknown) =>
      register("registerRenameProvider", "rename", selector, provider, ["provideRenameEdits"]),
    registerDocumentSemanticTokensProvider: (selector: unknown, provider: unknown, legend: unknown) =>
      register(
        "registerDocumentSemanticTokensProvider",
        "documentSemanticTokens",
        selector,
        provider,
        ["provideDocumentSemanticTokens"],
        { legend: checkLegend("registerDocumentSemanticTokensProvider", legend) },
        { name: "onDidChangeSemanticTokens", kind: "semanticTokens" },
      ),
    registerDocumentRangeSemanticTokensProvider: (selector: unknown, provider: unknown, legend: unknown) =>
      register(
        "registerDocumentRangeSemanticTokensProvider",
        "rangeSemanticTokens",
        selector,
        provider,
        ["provideDocumentRangeSemanticTokens"],
        { legend: checkLegend("registerDocumentRangeSemanticTokensProvider", legend) },
      ),
    registerDocumentFormattingEditProvider: (selector: unknown, provider: unknown) =>
      register("registerDocumentFormattingEditProvider", "documentFormatting", selector, provider, [
        "provideDocumentFormattingEdits",
      ]),
    registerDocumentRangeFormattingEditProvider: (selector: unknown, provider: unknown) =>
      register("registerDocumentRangeFormattingEditProvider", "rangeFormatting", selector, provider, [
        "provideDocumentRangeFormattingEdits",
      ]),
    registerOnTypeFormattingEditProvider: (
      selector: unknown,
      provider: unknown,
      firstTriggerCharacter: unknown,
      ...moreTriggerCharacter: unknown[]
    ) => {
      if (typeof firstTriggerCharacter !== "string" || !firstTriggerCharacter)
        throw illegal("registerOnTypeFormattingEditProvider", "firstTriggerCharacter must be a non-empty string");
      const triggerCharacters = [
        firstTriggerCharacter,
        ...chars("registerOnTypeFormattingEditProvider", moreTriggerCharacter, "more trigger characters"),
      ];
      return register(
        "registerOnTypeFormattingEditProvider",
        "onTypeFormatting",
        selector,
        provider,
        ["provideOnTypeFormattingEdits"],
        { triggerCharacters },
      );
    },
    registerSignatureHelpProvider: (selector: unknown, provider: unknown, first?: unknown, ...rest: unknown[]) => {
      // (selector, provider, ...triggerCharacters) or (selector, provider, { triggerCharacters, retriggerCharacters })
      const metadata =
        typeof first === "object" && first !== null && !Array.isArray(first)
          ? {
              triggerCharacters: chars(
                "registerSignatureHelpProvider",
                (first as { triggerCharacters?: unknown }).triggerCharacters ?? [],
                "triggerCharacters",
              ),
              retriggerCharacters: chars(
                "registerSignatureHelpProvider",
                (first as { retriggerCharacters?: unknown }).retriggerCharacters ?? [],
                "retriggerCharacters",
              ),
            }
          : {
              triggerCharacters: chars(
                "registerSignatureHelpProvider",
                first === undefined ? rest : [first, ...rest],
                "trigger characters",
              ),
              retriggerCharacters: [],
            };
      return register(
        "registerSignatureHelpProvider",
        "signatureHelp",
        selector,
        provider,
        ["provideSignatureHelp"],
        metadata,
      );
    },
    registerDocumentLinkProvider: (selector: unknown, provider: unknown) =>
      register("registerDocumentLinkProvider", "documentLink", selector, provider, ["provideDocumentLinks"]),
    registerColorProvider: (selector: unknown, provider: unknown) =>
      register("registerColorProvider", "color", selector, provider, [
        "provideDocumentColors",
        "provideColorPresentations",
      ]),
    registerInlayHintsProvider: (selector: unknown, provider: unknown) =>
      register(
        "registerInlayHintsProvider",
        "inlayHints",
        selector,
        provider,
        ["provideInlayHints"],
        {},
        {
          name: "onDidChangeInlayHints",
          kind: "inlayHints",
        },
      ),
    registerFoldingRangeProvider: (selector: unknown, provider: unknown) =>
      register(
        "registerFoldingRangeProvider",
        "foldingRange",
        selector,
        provider,
        ["provideFoldingRanges"],
        {},
        {
          name: "onDidChangeFoldingRanges",
          kind: "foldingRange",
        },
      ),
    registerSelectionRangeProvider: (selector: unknown, provider: unknown) =>
      register("registerSelectionRangeProvider", "selectionRange", selector, provider, ["provideSelectionRanges"]),
    registerCallHierarchyProvider: (selector: unknown, provider: unknown) =>
      register("registerCallHierarchyProvider", "callHierarchy", selector, provider, [
        "prepareCallHierarchy",
        "provideCallHierarchyIncomingCalls",
        "provideCallHierarchyOutgoingCalls",
      ]),
    registerTypeHierarchyProvider: (selector: unknown, provider: unknown) =>
      register("registerTypeHierarchyProvider", "typeHierarchy", selector, provider, [
        "prepareTypeHierarchy",
        "provideTypeHierarchySupertypes",
        "provideTypeHierarchySubtypes",
      ]),
    registerLinkedEditingRangeProvider: (selector: unknown, provider: unknown) =>
      register("registerLinkedEditingRangeProvider", "linkedEditing", selector, provider, [
        "provideLinkedEditingRanges",
      ]),
  };
};

const checkLegend = (api: string, legend: unknown): SemanticTokensLegend => {
  if (
    typeof legend !== "object" ||
    legend === null ||
    !isStringArray((legend as SemanticTokensLegend).tokenTypes) ||
    !isStringArray((legend as SemanticTokensLegend).tokenModifiers)
  )
    throw illegal(api, "legend must be a SemanticTokensLegend");
  return legend as SemanticTokensLegend;
};

/** `LanguageStatusItem`: a status bar entry shown while the active editor's document matches. */
const languageStatusItem = (itemId: string, extensionId: string, selector: DocumentSelector, host: HostServices) => {
  const state = {
    name: undefined as string | undefined,
    text: "",
    detail: undefined as string | undefined,
    severity: LanguageStatusSeverity.Information as LanguageStatusSeverity,
    command: undefined as { command: string; title: string } | undefined,
    busy: false,
    accessibilityInformation: undefined as unknown,
  };
  let disposed = false;
  const update = () => {
    if (disposed) return;
    const active = host.documents.active()?.doc;
    const visible = active !== undefined && score(selector, active) > 0;
    host.window.updateStatusBarItem({
      id: itemId,
      extensionId,
      text: `${state.busy ? "$(sync~spin) " : ""}${state.text}`,
      alignment: "right",
      priority: -100,
      visible,
      ...(state.detail || state.name ? { tooltip: state.detail ?? state.name ?? "" } : {}),
      ...(state.command ? { command: state.command.command } : {}),
    });
  };
  const off = host.documents.onDidChangeActiveEditor.event(update);
  const item = {
    id: itemId.slice(extensionId.length + 1),
    selector,
    dispose: () => {
      disposed = true;
      off.dispose();
      host.window.removeStatusBarItem(itemId);
    },
  };
  for (const key of Object.keys(state) as Array<keyof typeof state>) {
    Object.defineProperty(item, key, {
      enumerable: true,
      get: () => state[key],
      set: (v: never) => {
        state[key] = v;
        queueMicrotask(update);
      },
    });
  }
  queueMicrotask(update);
  return item;
};
