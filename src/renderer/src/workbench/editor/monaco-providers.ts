/**
 * The extension host's language providers as Monaco providers (VS Code's
 * MainThreadLanguageFeatures): for each language with an open model, one Monaco provider per
 * feature the host has providers for, re-registered when the host's providers change (their
 * trigger characters and semantic tokens legend are fixed at registration in Monaco). Each
 * call carries the model's version and Monaco's CancellationToken as an AbortSignal. Result
 * sets the host keeps for resolve are released when Monaco disposes them.
 */
import type { ExtHostLanguageFeaturesContract } from "../../../../protocol/contracts/language-features.js";
import type { ProviderMetadataDto, WorkspaceEditDto } from "../../../../protocol/language-features.js";
import type { Proxy } from "../../../../protocol/rpc-contract.js";
import {
  RUN_HOST_COMMAND,
  fromCommand,
  fromDocumentSymbol,
  fromLocationLink,
  fromMarker,
  fromMarkdown,
  fromRange,
  fromSuggestion,
  fromTextEdit,
  toMarker,
  toPosition,
  toRange,
} from "./language-convert.js";
import { monaco } from "./monaco.js";
import { SEMANTIC_MONACO_LEGEND } from "./semantic-colors.js";
import { SemanticTokenResults, SemanticTokenStyler } from "./semantic-token-styles.js";
import type { WorkspaceModels } from "./workspace-edits.js";

type Host = Proxy<typeof ExtHostLanguageFeaturesContract>;
type ResultsKind = "codeLens" | "inlayHints" | "semanticTokens" | "foldingRange";

/** Aborted when Monaco cancels the request. */
const signalOf = (token: monaco.CancellationToken): AbortSignal => {
  const controller = new AbortController();
  if (token.isCancellationRequested) controller.abort();
  else token.onCancellationRequested(() => controller.abort());
  return controller.signal;
};

const TIMEOUT_MS = 10_000;

export class MonacoLanguageProviders {
  private readonly registered = new Map<string, monaco.IDisposable[]>();
  private readonly changed = new Map<ResultsKind, monaco.Emitter<void>>();
  private generation = 0;
  private readonly commandRegistration: monaco.IDisposable;

  constructor(
    private readonly lf: Host,
    private readonly models: WorkspaceModels,
    private readonly versionOf: (model: monaco.editor.ITextModel) => number = (m) => m.getVersionId(),
    /** Shows a provider's refusal (e.g. "cannot rename a keyword") the way the workbench shows messages. */
    private readonly report: (message: string) => void = () => undefined,
  ) {
    for (const kind of ["codeLens", "inlayHints", "semanticTokens", "foldingRange"] as const)
      this.changed.set(kind, new monaco.Emitter<void>());
    // Commands of code actions, lenses and completions run in the host, with the arguments it kept.
    this.commandRegistration = monaco.editor.registerCommand(RUN_HOST_COMMAND, (_accessor, arg: unknown) => {
      const { id, ref } = (arg ?? {}) as { id?: unknown; ref?: unknown };
      if (typeof id !== "string") return;
      void this.lf
        .runCommand({ id, ...(typeof ref === "number" ? { ref } : {}) })
        .catch((e: unknown) => this.report(e instanceof Error ? e.message : String(e)));
    });
  }

  /** The host's providers changed: every language's Monaco providers are registered again. */
  refresh(): void {
    for (const language of [...this.registered.keys()]) {
      for (const d of this.registered.get(language) ?? []) d.dispose();
      this.registered.delete(language);
      void this.ensure(language);
    }
  }

  resultsChanged(kind: ResultsKind): void {
    this.changed.get(kind)?.fire();
  }

  /** Registers the providers `languageId` has in the host (idempotent until the next refresh). */
  async ensure(languageId: string, uri?: string): Promise<void> {
    if (this.registered.has(languageId)) return;
    const disposables: monaco.IDisposable[] = [];
    this.registered.set(languageId, disposables);
    const generation = this.generation;
    const sample =
      uri ??
      monaco.editor
        .getModels()
        .find((m) => m.getLanguageId() === languageId)
        ?.uri.toString() ??
      "untitled:x";
    const meta = await this.lf
      .providerMetadata({ uri: sample, languageId }, { timeoutMs: TIMEOUT_MS })
      .catch(() => undefined);
    // Lost a race with refresh() or a disconnect: leave it to the next ensure.
    if (!meta || this.registered.get(languageId) !== disposables || generation !== this.generation) {
      if (this.registered.get(languageId) === disposables && !meta) this.registered.delete(languageId);
      return;
    }
    disposables.push(...this.register(languageId, meta));
  }

  dispose(): void {
    this.generation++;
    for (const list of this.registered.values()) for (const d of list) d.dispose();
    this.registered.clear();
    this.commandRegistration.dispose();
  }

  private doc(model: monaco.editor.ITextModel) {
    return { uri: model.uri.toString(), version: this.versionOf(model) };
  }

  private opts(token: monaco.CancellationToken) {
    return { timeoutMs: TIMEOUT_MS, signal: signalOf(token) };
  }

  private register(language: string, meta: ProviderMetadataDto): monaco.IDisposable[] {
    const has = (f: string) => meta.features.includes(f);
    const l = monaco.languages;
    const out: monaco.IDisposable[] = [];
    const lf = this.lf;
    const at = (model: monaco.editor.ITextModel, position: monaco.Position) => ({
      ...this.doc(model),
      position: toPosition(position),
    });

    if (has("completion")) {
      out.push(
        l.registerCompletionItemProvider(language, {
          triggerCharacters: [...meta.completionTriggerCharacters],
          provideCompletionItems: async (model, position, context, token) => {
            const r = await lf
              .completions(
                {
                  ...at(model, position),
                  context: {
                    triggerKind: context.triggerKind,
                    ...(context.triggerCharacter !== undefined ? { triggerCharacter: context.triggerCharacter } : {}),
                  },
                },
                this.opts(token),
              )
              .catch(() => undefined);
            if (!r) return { suggestions: [] };
            const word = model.getWordUntilPosition(position);
            const range = new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn);
            return {
              suggestions: r.items.map((i) => Object.assign(fromSuggestion(i, range), { cacheId: r.cacheId })),
              incomplete: r.isIncomplete,
              dispose: () => lf.releaseCache(r.cacheId),
            };
          },
          resolveCompletionItem: async (item, token) => {
            const { cacheId, index } = item as monaco.languages.CompletionItem & { cacheId?: number; index?: number };
            if (cacheId === undefined || index === undefined) return item;
            const resolved = await lf.resolveCompletion({ cacheId, index }, this.opts(token)).catch(() => undefined);
            if (!resolved) return item;
            const full = fromSuggestion(resolved, item.range as monaco.IRange);
            // Only what resolve may add; the range and insert text stay as shown.
            return {
              ...item,
              ...(full.documentation ? { documentation: full.documentation } : {}),
              ...(full.detail !== undefined ? { detail: full.detail } : {}),
              ...(full.additionalTextEdits ? { additionalTextEdits: full.additionalTextEdits } : {}),
              ...(full.command ? { command: full.command } : {}),
            };
          },
        }),
      );
    }
    if (has("hover")) {
      out.push(
        l.registerHoverProvider(language, {
          provideHover: async (model, position, token) => {
            const r = await lf.hover(at(model, position), this.opts(token)).catch(() => null);
            if (!r) return null;
            return { contents: r.contents.map(fromMarkdown), ...(r.range ? { range: fromRange(r.range) } : {}) };
          },
        }),
      );
    }
    if (has("signatureHelp")) {
      out.push(
        l.registerSignatureHelpProvider(language, {
          signatureHelpTriggerCharacters: [...meta.signatureHelpTriggerCharacters],
          signatureHelpRetriggerCharacters: [...meta.signatureHelpRetriggerCharacters],
          provideSignatureHelp: async (model, position, token, context) => {
            const r = await lf
              .signatureHelp(
                {
                  ...at(model, position),
                  context: {
                    triggerKind: context.triggerKind,
                    isRetrigger: context.isRetrigger,
                    ...(context.triggerCharacter !== undefined ? { triggerCharacter: context.triggerCharacter } : {}),
                  },
                },
                this.opts(token),
              )
              .catch(() => null);
            if (!r || r.signatures.length === 0) return null;
            return {
              value: {
                activeSignature: r.activeSignature,
                activeParameter: r.activeParameter,
                signatures: r.signatures.map((s) => ({
                  label: s.label,
                  ...(s.documentation ? { documentation: fromMarkdown(s.documentation) } : {}),
                  ...(s.activeParameter !== undefined ? { activeParameter: s.activeParameter } : {}),
                  parameters: s.parameters.map((p) => ({
                    label: typeof p.label === "string" ? p.label : [p.label[0], p.label[1]],
                    ...(p.documentation ? { documentation: fromMarkdown(p.documentation) } : {}),
                  })),
                })),
              },
              dispose: () => undefined,
            };
          },
        }),
      );
    }
    const locations =
      (method: "definition" | "declaration" | "typeDefinition" | "implementation") =>
      async (model: monaco.editor.ITextModel, position: monaco.Position, token: monaco.CancellationToken) => {
        const links = await lf[method](at(model, position), this.opts(token)).catch(() => []);
        // Peek needs a model for every target file.
        await this.models.ensurePreviews(links.map((x) => x.uri));
        return links.map(fromLocationLink);
      };
    if (has("definition"))
      out.push(l.registerDefinitionProvider(language, { provideDefinition: locations("definition") }));
    if (has("declaration"))
      out.push(l.registerDeclarationProvider(language, { provideDeclaration: locations("declaration") }));
    if (has("typeDefinition"))
      out.push(l.registerTypeDefinitionProvider(language, { provideTypeDefinition: locations("typeDefinition") }));
    if (has("implementation"))
      out.push(l.registerImplementationProvider(language, { provideImplementation: locations("implementation") }));
    if (has("references")) {
      out.push(
        l.registerReferenceProvider(language, {
          provideReferences: async (model, position, context, token) => {
            const refs = await lf
              .references({ ...at(model, position), includeDeclaration: context.includeDeclaration }, this.opts(token))
              .catch(() => []);
            await this.models.ensurePreviews(refs.map((r) => r.uri));
            return refs.map((r) => ({ uri: monaco.Uri.parse(r.uri), range: fromRange(r.range) }));
          },
        }),
      );
    }
    if (has("documentHighlight")) {
      out.push(
        l.registerDocumentHighlightProvider(language, {
          provideDocumentHighlights: async (model, position, token) =>
            (await lf.documentHighlights(at(model, position), this.opts(token)).catch(() => [])).map((h) => ({
              range: fromRange(h.range),
              kind: h.kind as monaco.languages.DocumentHighlightKind,
            })),
        }),
      );
    }
    if (has("documentSymbol")) {
      out.push(
        l.registerDocumentSymbolProvider(language, {
          provideDocumentSymbols: async (model, token) =>
            (await lf.documentSymbols(this.doc(model), this.opts(token)).catch(() => [])).map(fromDocumentSymbol),
        }),
      );
    }
    if (has("codeAction")) {
      out.push(
        l.registerCodeActionProvider(language, {
          provideCodeActions: async (model, range, context, token) => {
            const r = await lf
              .codeActions(
                {
                  ...this.doc(model),
                  range: toRange(range),
                  context: {
                    diagnostics: context.markers.map(fromMarker),
                    triggerKind: context.trigger,
                    ...(context.only !== undefined ? { only: context.only } : {}),
                  },
                },
                this.opts(token),
              )
              .catch(() => undefined);
            if (!r) return { actions: [], dispose: () => undefined };
            const actions = r.actions.map((a) => {
              // An edit into files that are not open is converted only when the action is applied
              // (Monaco resolves an action without edit first): listing actions opens no tabs.
              const deferred = a.edit && !this.models.allOpen(a.edit) ? a.edit : undefined;
              return {
                title: a.title,
                ...(a.kind !== undefined ? { kind: a.kind } : {}),
                ...(a.isPreferred ? { isPreferred: true } : {}),
                ...(a.disabled !== undefined ? { disabled: a.disabled } : {}),
                ...(a.diagnostics ? { diagnostics: a.diagnostics.map(toMarker) } : {}),
                ...(a.edit && !deferred ? { edit: this.models.toOpenEdit(a.edit) } : {}),
                ...(a.command ? { command: fromCommand(a.command) } : {}),
                ...(a.needsResolve ? { cacheId: r.cacheId, index: a.index } : {}),
                ...(deferred ? { deferredEdit: deferred } : {}),
              };
            });
            return { actions, dispose: () => lf.releaseCache(r.cacheId) };
          },
          resolveCodeAction: async (action, token) => {
            const { cacheId, index, deferredEdit } = action as monaco.languages.CodeAction & {
              cacheId?: number;
              index?: number;
              deferredEdit?: WorkspaceEditDto;
            };
            if (deferredEdit) return { ...action, edit: await this.models.toMonacoEdit(deferredEdit) };
            if (cacheId === undefined || index === undefined) return action;
            const resolved = await lf.resolveCodeAction({ cacheId, index }, this.opts(token)).catch(() => undefined);
            if (!resolved?.edit) return action;
            return { ...action, edit: await this.models.toMonacoEdit(resolved.edit) };
          },
        }),
      );
    }
    if (has("codeLens")) {
      const codeLens: monaco.languages.CodeLensProvider = {
        onDidChange: (listener) => this.event("codeLens")(() => listener(codeLens)),
        provideCodeLenses: async (model, token) => {
          const r = await lf.codeLenses(this.doc(model), this.opts(token)).catch(() => undefined);
          if (!r) return { lenses: [], dispose: () => undefined };
          return {
            lenses: r.lenses.map((lens) => ({
              id: `${r.cacheId}/${lens.index}`,
              range: fromRange(lens.range),
              ...(lens.command ? { command: fromCommand(lens.command) } : {}),
            })),
            dispose: () => lf.releaseCache(r.cacheId),
          };
        },
        resolveCodeLens: async (_model, lens, token) => {
          const [cacheId, index] = (lens.id ?? "").split("/").map(Number);
          if (lens.command || cacheId === undefined || index === undefined || Number.isNaN(index)) return lens;
          const r = await lf.resolveCodeLens({ cacheId, index }, this.opts(token)).catch(() => undefined);
          return r?.command ? { ...lens, command: fromCommand(r.command) } : lens;
        },
      };
      out.push(l.registerCodeLensProvider(language, codeLens));
    }
    if (has("documentFormatting")) {
      out.push(
        l.registerDocumentFormattingEditProvider(language, {
          provideDocumentFormattingEdits: async (model, options, token) =>
            (
              await lf
                .formatDocument(
                  { ...this.doc(model), options: { tabSize: options.tabSize, insertSpaces: options.insertSpaces } },
                  this.opts(token),
                )
                .catch(() => [])
            ).map(fromTextEdit),
        }),
      );
    }
    if (has("rangeFormatting")) {
      out.push(
        l.registerDocumentRangeFormattingEditProvider(language, {
          provideDocumentRangeFormattingEdits: async (model, range, options, token) =>
            (
              await lf
                .formatRange(
                  {
                    ...this.doc(model),
                    range: toRange(range),
                    options: { tabSize: options.tabSize, insertSpaces: options.insertSpaces },
                  },
                  this.opts(token),
                )
                .catch(() => [])
            ).map(fromTextEdit),
        }),
      );
    }
    if (has("onTypeFormatting") && meta.onTypeFormattingTriggerCharacters.length > 0) {
      out.push(
        l.registerOnTypeFormattingEditProvider(language, {
          autoFormatTriggerCharacters: [...meta.onTypeFormattingTriggerCharacters],
          provideOnTypeFormattingEdits: async (model, position, ch, options, token) =>
            (
              await lf
                .formatOnType(
                  {
                    ...at(model, position),
                    ch,
                    options: { tabSize: options.tabSize, insertSpaces: options.insertSpaces },
                  },
                  this.opts(token),
                )
                .catch(() => [])
            ).map(fromTextEdit),
        }),
      );
    }
    if (has("rename")) {
      const reason = (e: unknown) => (e instanceof Error ? e.message : String(e));
      out.push(
        l.registerRenameProvider(language, {
          resolveRenameLocation: async (model, position, token) => {
            try {
              const r = await lf.prepareRename(at(model, position), this.opts(token));
              // Monaco shows rejectReason where the rename box would be (as VS Code does).
              return r
                ? { range: fromRange(r.range), text: r.text }
                : { range: new monaco.Range(1, 1, 1, 1), text: "", rejectReason: "The element can't be renamed." };
            } catch (e) {
              return { range: new monaco.Range(1, 1, 1, 1), text: "", rejectReason: reason(e) };
            }
          },
          provideRenameEdits: async (model, position, newName, token) => {
            try {
              const edit = await lf.rename({ ...at(model, position), newName }, this.opts(token));
              if (!edit) return { edits: [], rejectReason: "No result." };
              return await this.models.toMonacoEdit(edit);
            } catch (e) {
              return { edits: [], rejectReason: reason(e) };
            }
          },
        }),
      );
    }
    if (has("documentLink")) {
      out.push(
        l.registerLinkProvider(language, {
          provideLinks: async (model, token) => {
            const r = await lf.documentLinks(this.doc(model), this.opts(token)).catch(() => undefined);
            if (!r) return { links: [] };
            return {
              links: r.links.map((link) =>
                Object.assign(
                  {
                    range: fromRange(link.range),
                    ...(link.target !== undefined ? { url: link.target } : {}),
                    ...(link.tooltip !== undefined ? { tooltip: link.tooltip } : {}),
                  },
                  { cacheId: r.cacheId, index: link.index },
                ),
              ),
              dispose: () => lf.releaseCache(r.cacheId),
            };
          },
          resolveLink: async (link, token) => {
            const { cacheId, index } = link as monaco.languages.ILink & { cacheId?: number; index?: number };
            if (link.url !== undefined || cacheId === undefined || index === undefined) return link;
            const r = await lf.resolveDocumentLink({ cacheId, index }, this.opts(token)).catch(() => undefined);
            return r?.target !== undefined ? { ...link, url: r.target } : link;
          },
        }),
      );
    }
    if (has("color")) {
      out.push(
        l.registerColorProvider(language, {
          provideDocumentColors: async (model, token) =>
            (await lf.documentColors(this.doc(model), this.opts(token)).catch(() => [])).map((c) => ({
              range: fromRange(c.range),
              color: c.color,
            })),
          provideColorPresentations: async (model, info, token) =>
            (
              await lf
                .colorPresentations(
                  { ...this.doc(model), color: info.color, range: toRange(info.range) },
                  this.opts(token),
                )
                .catch(() => [])
            ).map((p) => ({
              label: p.label,
              ...(p.textEdit ? { textEdit: fromTextEdit(p.textEdit) } : {}),
              ...(p.additionalTextEdits ? { additionalTextEdits: p.additionalTextEdits.map(fromTextEdit) } : {}),
            })),
        }),
      );
    }
    if (has("foldingRange")) {
      const kinds = {
        comment: monaco.languages.FoldingRangeKind.Comment,
        imports: monaco.languages.FoldingRangeKind.Imports,
        region: monaco.languages.FoldingRangeKind.Region,
      };
      const folding: monaco.languages.FoldingRangeProvider = {
        onDidChange: (listener) => this.event("foldingRange")(() => listener(folding)),
        // Null (no provider answered, or the call failed) lets Monaco fold by indentation instead.
        provideFoldingRanges: async (model, _context, token) =>
          (await lf.foldingRanges(this.doc(model), this.opts(token)).catch(() => null))?.map((f) => ({
            start: f.start + 1,
            end: f.end + 1,
            ...(f.kind ? { kind: kinds[f.kind] } : {}),
          })) ?? null,
      };
      out.push(l.registerFoldingRangeProvider(language, folding));
    }
    if (has("selectionRange")) {
      out.push(
        l.registerSelectionRangeProvider(language, {
          provideSelectionRanges: async (model, positions, token) =>
            (
              await lf
                .selectionRanges({ ...this.doc(model), positions: positions.map(toPosition) }, this.opts(token))
                .catch(() => [])
            ).map((chain) => chain.map((r) => ({ range: fromRange(r) }))),
        }),
      );
    }
    const legend = meta.semanticTokensLegend;
    const styler = legend ? new SemanticTokenStyler(legend) : undefined;
    if (styler && has("documentSemanticTokens")) {
      const results = new SemanticTokenResults(styler);
      out.push(
        l.registerDocumentSemanticTokensProvider(language, {
          onDidChange: this.event("semanticTokens"),
          getLegend: () => SEMANTIC_MONACO_LEGEND,
          provideDocumentSemanticTokens: async (model, lastResultId, token) => {
            const uri = model.uri.toString();
            const previousResultId = meta.semanticTokensDelta ? results.previousResultId(uri, lastResultId) : undefined;
            const r = await lf
              .semanticTokens(
                { ...this.doc(model), ...(previousResultId !== undefined ? { previousResultId } : {}) },
                this.opts(token),
              )
              .catch(() => null);
            return r ? results.accept(uri, r) : null;
          },
          releaseDocumentSemanticTokens: () => undefined,
        }),
      );
    }
    if (styler && has("rangeSemanticTokens")) {
      out.push(
        l.registerDocumentRangeSemanticTokensProvider(language, {
          getLegend: () => SEMANTIC_MONACO_LEGEND,
          provideDocumentRangeSemanticTokens: async (model, range, token) => {
            const r = await lf
              .semanticTokensRange({ ...this.doc(model), range: toRange(range) }, this.opts(token))
              .catch(() => null);
            return r?.type === "full" ? { data: styler.restyle(r.data) } : null;
          },
        }),
      );
    }
    if (has("inlayHints")) {
      out.push(
        l.registerInlayHintsProvider(language, {
          onDidChangeInlayHints: this.event("inlayHints"),
          provideInlayHints: async (model, range, token) => {
            const r = await lf
              .inlayHints({ ...this.doc(model), range: toRange(range) }, this.opts(token))
              .catch(() => undefined);
            if (!r) return { hints: [], dispose: () => undefined };
            return {
              hints: r.hints.map((h) =>
                Object.assign(
                  {
                    position: { lineNumber: h.position.line + 1, column: h.position.character + 1 },
                    label:
                      typeof h.label === "string"
                        ? h.label
                        : h.label.map((p) => ({
                            label: p.value,
                            ...(p.tooltip ? { tooltip: fromMarkdown(p.tooltip) } : {}),
                            ...(p.location
                              ? {
                                  location: {
                                    uri: monaco.Uri.parse(p.location.uri),
                                    range: fromRange(p.location.range),
                                  },
                                }
                              : {}),
                            ...(p.command ? { command: fromCommand(p.command) } : {}),
                          })),
                    ...(h.kind !== undefined ? { kind: h.kind as monaco.languages.InlayHintKind } : {}),
                    ...(h.tooltip ? { tooltip: fromMarkdown(h.tooltip) } : {}),
                    ...(h.textEdits ? { textEdits: h.textEdits.map(fromTextEdit) } : {}),
                    ...(h.paddingLeft ? { paddingLeft: true } : {}),
                    ...(h.paddingRight ? { paddingRight: true } : {}),
                  },
                  { cacheId: r.cacheId, index: h.index },
                ),
              ),
              dispose: () => lf.releaseCache(r.cacheId),
            };
          },
          resolveInlayHint: async (hint, token) => {
            const { cacheId, index } = hint as monaco.languages.InlayHint & { cacheId?: number; index?: number };
            if (cacheId === undefined || index === undefined) return hint;
            const r = await lf.resolveInlayHint({ cacheId, index }, this.opts(token)).catch(() => undefined);
            return r?.tooltip ? { ...hint, tooltip: fromMarkdown(r.tooltip) } : hint;
          },
        }),
      );
    }
    if (has("linkedEditing")) {
      out.push(
        l.registerLinkedEditingRangeProvider(language, {
          provideLinkedEditingRanges: async (model, position, token) => {
            const r = await lf.linkedEditingRanges(at(model, position), this.opts(token)).catch(() => null);
            if (!r) return null;
            const wordPattern = r.wordPattern !== undefined ? safeRegExp(r.wordPattern) : undefined;
            return { ranges: r.ranges.map(fromRange), ...(wordPattern ? { wordPattern } : {}) };
          },
        }),
      );
    }
    if (has("inlineCompletion")) {
      out.push(
        l.registerInlineCompletionsProvider(language, {
          provideInlineCompletions: async (model, position, context, token) => {
            const items = await lf
              .inlineCompletions({ ...at(model, position), triggerKind: context.triggerKind }, this.opts(token))
              .catch(() => []);
            return {
              items: items.map((i) => ({
                insertText: i.isSnippet ? { snippet: i.insertText } : i.insertText,
                ...(i.range ? { range: fromRange(i.range) } : {}),
                ...(i.filterText !== undefined ? { filterText: i.filterText } : {}),
                ...(i.command ? { command: fromCommand(i.command) } : {}),
              })),
            };
          },
          disposeInlineCompletions: () => undefined,
        }),
      );
    }
    return out;
  }

  private event(kind: ResultsKind): monaco.IEvent<void> {
    const emitter = this.changed.get(kind);
    if (!emitter) throw new Error(`no change event for ${kind}`);
    return emitter.event;
  }

  /** A model opened: its language gets the host's providers. */
  onModel(model: monaco.editor.ITextModel): void {
    void this.ensure(model.getLanguageId(), model.uri.toString());
  }
}

const safeRegExp = (source: string): RegExp | undefined => {
  try {
    return new RegExp(source);
  } catch {
    return undefined;
  }
};
