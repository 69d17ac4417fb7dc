/**
 * Language features: the providers extensions register (VS Code's ExtHostLanguageFeatures +
 * LanguageFeatureRegistry). Providers are asked in score order (best selector match first, then
 * the newest registration), each with its own CancellationToken that fires when the window
 * cancels the request (its AbortSignal) or when the provider is skipped for being slow; a
 * provider that throws is reported in its extension's Output channel and skipped, the others'
 * answers still count. Results stay API values here: the contract end (language-features-rpc)
 * converts them to DTOs, the `vscode.execute*Provider` commands hand them back to extensions.
 */
import picomatch from "picomatch";
import { textDocument } from "../api/text-document.js";
import { CancellationTokenSource, Position, Uri } from "../api/types.js";
import type { DocumentModel } from "../documents.js";
import type { ExtensionsService } from "./extensions.js";

/** `vscode.DocumentSelector`, as extensions pass it (RelativePattern or glob string as pattern). */
export type DocumentFilter = {
  readonly language?: string;
  readonly scheme?: string;
  readonly pattern?:
    string | { readonly baseUri?: { readonly fsPath: string }; readonly base?: string; readonly pattern: string };
  readonly notebookType?: string;
};
export type DocumentSelector = string | DocumentFilter | ReadonlyArray<string | DocumentFilter>;

/** The provider kinds of `vscode.languages.register*Provider`. */
export const FEATURES = {
  completion: "provideCompletionItems",
  hover: "provideHover",
  signatureHelp: "provideSignatureHelp",
  definition: "provideDefinition",
  declaration: "provideDeclaration",
  typeDefinition: "provideTypeDefinition",
  implementation: "provideImplementation",
  references: "provideReferences",
  documentHighlight: "provideDocumentHighlights",
  documentSymbol: "provideDocumentSymbols",
  workspaceSymbol: "provideWorkspaceSymbols",
  codeAction: "provideCodeActions",
  codeLens: "provideCodeLenses",
  documentFormatting: "provideDocumentFormattingEdits",
  rangeFormatting: "provideDocumentRangeFormattingEdits",
  onTypeFormatting: "provideOnTypeFormattingEdits",
  rename: "provideRenameEdits",
  documentLink: "provideDocumentLinks",
  color: "provideDocumentColors",
  foldingRange: "provideFoldingRanges",
  selectionRange: "provideSelectionRanges",
  documentSemanticTokens: "provideDocumentSemanticTokens",
  rangeSemanticTokens: "provideDocumentRangeSemanticTokens",
  inlayHints: "provideInlayHints",
  callHierarchy: "prepareCallHierarchy",
  typeHierarchy: "prepareTypeHierarchy",
  linkedEditing: "provideLinkedEditingRanges",
  inlineCompletion: "provideInlineCompletionItems",
} as const;
export type Feature = keyof typeof FEATURES;
export type ResultsKind = "codeLens" | "inlayHints" | "semanticTokens" | "foldingRange";

/** What some features declare at registration (trigger characters, legend…). */
export interface ProviderMetadata {
  readonly triggerCharacters?: ReadonlyArray<string>;
  readonly retriggerCharacters?: ReadonlyArray<string>;
  readonly legend?: { readonly tokenTypes: ReadonlyArray<string>; readonly tokenModifiers: ReadonlyArray<string> };
  readonly providedCodeActionKinds?: ReadonlyArray<string>;
  readonly displayName?: string;
}

export interface ProviderEntry {
  readonly handle: number;
  readonly feature: Feature;
  readonly extensionId: string;
  readonly selector: DocumentSelector;
  readonly provider: object;
  readonly metadata: ProviderMetadata;
}

/** One provider's answer, with the provider that gave it (for resolve and commands). */
export interface Answer<T = unknown> {
  readonly entry: ProviderEntry;
  readonly value: T;
}

/** The document a provider is asked about: what `score` needs. */
export interface ScoredDocument {
  readonly uri: string;
  readonly languageId: string;
}

const TIMED_OUT = Symbol("timed out");
const CANCELLED = Symbol("cancelled");

/** Calls `provider[name](...args)` when the provider has that method; undefined otherwise. */
export const invoke = (provider: object, name: string, args: ReadonlyArray<unknown>): unknown => {
  const fn: unknown = (provider as Record<string, unknown>)[name];
  if (typeof fn !== "function") return undefined;
  const result: unknown = Reflect.apply(fn, provider, args);
  return result;
};

export const hasMethod = (provider: object, name: string): boolean =>
  typeof (provider as Record<string, unknown>)[name] === "function";

export class LanguageFeaturesService {
  private readonly entries = new Set<ProviderEntry>();
  private nextHandle = 1;
  private readonly changeListeners = new Set<() => void>();

  constructor(
    private readonly extensions: ExtensionsService,
    private readonly providerTimeoutMs: number,
  ) {}

  /** Stores a provider; the returned function takes it back. */
  register(
    feature: Feature,
    extensionId: string,
    selector: DocumentSelector,
    provider: object,
    metadata: ProviderMetadata = {},
  ): () => void {
    const entry: ProviderEntry = { handle: this.nextHandle++, feature, extensionId, selector, provider, metadata };
    this.entries.add(entry);
    this.changed();
    return () => {
      if (this.entries.delete(entry)) this.changed();
    };
  }

  private readonly resultListeners = new Set<(kind: ResultsKind) => void>();

  /** A provider's onDidChange* fired: windows re-ask for that kind of result. */
  resultsChanged(kind: ResultsKind): void {
    for (const l of this.resultListeners) l(kind);
  }

  onDidChangeResults(listener: (kind: ResultsKind) => void): () => void {
    this.resultListeners.add(listener);
    return () => this.resultListeners.delete(listener);
  }

  /** Fires (once per tick) when providers come or go. */
  onDidChangeProviders(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  private changeScheduled = false;
  private changed(): void {
    if (this.changeScheduled) return;
    this.changeScheduled = true;
    queueMicrotask(() => {
      this.changeScheduled = false;
      for (const l of this.changeListeners) l();
    });
  }

  /** The providers of `feature` for a document, best first (VS Code's LanguageFeatureRegistry.ordered). */
  ordered(feature: Feature, doc: ScoredDocument): ProviderEntry[] {
    return [...this.entries]
      .filter((e) => e.feature === feature)
      .map((e) => ({ e, s: score(e.selector, doc) }))
      .filter((x) => x.s > 0)
      .sort((a, b) => b.s - a.s || b.e.handle - a.e.handle)
      .map((x) => x.e);
  }

  /** Every provider of `feature`, newest first (workspace symbols have no document). */
  all(feature: Feature): ProviderEntry[] {
    return [...this.entries].filter((e) => e.feature === feature).sort((a, b) => b.handle - a.handle);
  }

  /**
   * Asks the best-matching providers of `feature` for `doc` in parallel; answers come back in
   * score order, without the providers that gave nothing, threw, timed out or were cancelled.
   */
  ask(
    feature: Feature,
    doc: DocumentModel,
    signal: AbortSignal,
    call: (provider: object, document: unknown, token: unknown) => unknown,
  ): Promise<Answer[]> {
    return this.askEntries(this.ordered(feature, doc), FEATURES[feature], signal, (p, token) =>
      call(p, textDocument(doc), token),
    );
  }

  /** Asks the given providers (in the given order): see `ask`. */
  async askEntries(
    entries: ReadonlyArray<ProviderEntry>,
    what: string,
    signal: AbortSignal,
    call: (provider: object, token: unknown) => unknown,
  ): Promise<Answer[]> {
    // One source per provider: a provider skipped for being slow is cancelled alone.
    const sources: CancellationTokenSource[] = [];
    const cancel = (): void => sources.forEach((s) => s.cancel());
    signal.addEventListener("abort", cancel, { once: true });
    const cancelled = new Promise<typeof CANCELLED>((resolve) => {
      if (signal.aborted) resolve(CANCELLED);
      signal.addEventListener("abort", () => resolve(CANCELLED), { once: true });
    });
    try {
      const answers = await Promise.all(
        entries.map(async (entry): Promise<Answer | undefined> => {
          const source = new CancellationTokenSource();
          sources.push(source);
          if (signal.aborted) source.cancel();
          let timer: ReturnType<typeof setTimeout> | undefined;
          const timedOut = new Promise<typeof TIMED_OUT>((resolve) => {
            timer = setTimeout(() => resolve(TIMED_OUT), this.providerTimeoutMs);
          });
          try {
            const r = await Promise.race([
              this.extensions.guard(entry.extensionId, what, () => call(entry.provider, source.token)),
              timedOut,
              cancelled,
            ]);
            if (r === TIMED_OUT) {
              source.cancel();
              this.extensions.reportError(
                entry.extensionId,
                what,
                `no answer within ${this.providerTimeoutMs} ms; skipped`,
              );
              return undefined;
            }
            if (r === CANCELLED || r === undefined || r === null) return undefined;
            return { entry, value: r };
          } catch {
            return undefined;
          } finally {
            clearTimeout(timer);
          }
        }),
      );
      return answers.filter((a): a is Answer => a !== undefined);
    } finally {
      signal.removeEventListener("abort", cancel);
      sources.forEach((s) => s.dispose());
    }
  }

  /** Asks one provider (resolve*, hierarchy calls): undefined when it has no such method or failed. */
  async askOne(
    entry: ProviderEntry,
    method: string,
    signal: AbortSignal,
    args: ReadonlyArray<unknown>,
  ): Promise<unknown> {
    if (!hasMethod(entry.provider, method)) return undefined;
    const [answer] = await this.askEntries([entry], method, signal, (p, token) => invoke(p, method, [...args, token]));
    return answer?.value;
  }

  /** Like `ask` for the first provider only that answers (formatting, rename, semantic tokens…). */
  async first(
    feature: Feature,
    doc: DocumentModel,
    signal: AbortSignal,
    call: (provider: object, document: unknown, token: unknown) => unknown,
  ): Promise<Answer | undefined> {
    for (const entry of this.ordered(feature, doc)) {
      const [answer] = await this.askEntries([entry], FEATURES[feature], signal, (p, token) =>
        call(p, textDocument(doc), token),
      );
      if (answer) return answer;
      if (signal.aborted) return undefined;
    }
    return undefined;
  }
}

/** A document position as the API value providers take. */
export const apiPosition = (p: { line: number; character: number }): Position => new Position(p.line, p.character);

/**
 * VS Code's `score(selector, uri, language)`: 10 for an exact match of each given field, 5 for
 * `*`, 0 when a given field does not match; an array scores its best member.
 */
export const score = (selector: DocumentSelector, doc: ScoredDocument): number => {
  if (isSelectorArray(selector)) return Math.max(0, ...selector.map((s) => score(s, doc)));
  if (typeof selector === "string") return selector === "*" ? 5 : selector === doc.languageId ? 10 : 0;
  const uri = Uri.parse(doc.uri);
  let ret = 0;
  if (selector.scheme !== undefined) {
    if (selector.scheme === uri.scheme) ret = 10;
    else if (selector.scheme === "*") ret = 5;
    else return 0;
  }
  if (selector.language !== undefined) {
    if (selector.language === doc.languageId) ret = 10;
    else if (selector.language === "*") ret = Math.max(ret, 5);
    else return 0;
  }
  if (selector.notebookType !== undefined) return 0;
  if (selector.pattern !== undefined) {
    if (matchesPattern(selector.pattern, uri)) ret = 10;
    else return 0;
  }
  return ret;
};

const isSelectorArray = (s: DocumentSelector): s is ReadonlyArray<string | DocumentFilter> => Array.isArray(s);

const matchesPattern = (pattern: NonNullable<DocumentFilter["pattern"]>, uri: Uri): boolean => {
  const path = uri.scheme === "file" ? uri.fsPath : uri.path;
  if (typeof pattern === "string") {
    // A pattern without a slash is matched against any path (VS Code prefixes `**/` the same way).
    const glob = pattern.includes("/") ? pattern : `**/${pattern}`;
    return picomatch.isMatch(path, glob, { dot: true });
  }
  const base = pattern.baseUri?.fsPath ?? pattern.base ?? "";
  const rel = path.startsWith(`${base}/`) ? path.slice(base.length + 1) : undefined;
  return rel !== undefined && picomatch.isMatch(rel, pattern.pattern, { dot: true });
};

/** Is `value` a DocumentSelector? (what register* checks before storing a provider) */
export const isDocumentSelector = (value: unknown): value is DocumentSelector => {
  const isFilter = (f: unknown): boolean =>
    typeof f === "string" ||
    (typeof f === "object" &&
      f !== null &&
      !Array.isArray(f) &&
      ["language", "scheme", "notebookType"].every(
        (k) => (f as Record<string, unknown>)[k] === undefined || typeof (f as Record<string, unknown>)[k] === "string",
      ) &&
      ((f as DocumentFilter).pattern === undefined ||
        typeof (f as DocumentFilter).pattern === "string" ||
        typeof (f as { pattern: { pattern?: unknown } }).pattern.pattern === "string"));
  return Array.isArray(value) ? value.length > 0 && value.every(isFilter) : isFilter(value);
};
