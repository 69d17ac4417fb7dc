/**
 * The window's end of the language features: serves ExtHostLanguageFeaturesContract over
 * LanguageRequests, converting provider results to DTOs. Items a window may resolve later
 * (completions, code actions, lenses, links, hints, symbols, hierarchy items) are kept in a
 * bounded cache under the result set's id until the window releases it.
 */
import type { HandlerContext } from "../../protocol/peer.js";
import {
  ExtHostLanguageFeaturesContract,
  ProviderRejected,
  StaleReference,
} from "../../protocol/contracts/language-features.js";
import type { ProviderMetadataDto } from "../../protocol/language-features.js";
import { serve, type Registrar, type Served } from "../../protocol/rpc-contract.js";
import { CodeActionKind, Color } from "../api/language-types.js";
import type { DocumentModel } from "../documents.js";
import { jsonSafe, type CommandsService } from "./commands.js";
import {
  CommandRefs,
  codeActionDto,
  codeLensDto,
  colorInformationDto,
  colorPresentationDto,
  defined,
  documentLinkDto,
  documentSymbolDtos,
  foldingRangeDto,
  highlightDto,
  hierarchyItemDto,
  hoverDto,
  inlayHintDto,
  inlineCompletionDto,
  locationDto,
  locationLinkDto,
  rangeDto,
  selectionRangeChain,
  semanticTokensDto,
  signatureHelpDto,
  suggestionDto,
  textEditDtos,
  toDiagnostic,
  toPosition,
  toRange,
  workspaceEditDto,
  workspaceSymbolDto,
} from "./language-converters.js";
import { FEATURES as featureNames, hasMethod, type LanguageFeaturesService } from "./language-features.js";
import { LanguageRequests, type Item } from "./language-requests.js";

/** Result sets kept for resolve; the oldest go first beyond the bound. */
export class ItemCache {
  private readonly sets = new Map<number, Item[]>();
  private next = 1;
  constructor(private readonly maxSets = 200) {}

  add(items: Item[]): number {
    const id = this.next++;
    this.sets.set(id, items);
    while (this.sets.size > this.maxSets) this.sets.delete(this.sets.keys().next().value ?? 0);
    return id;
  }

  get(cacheId: number, index: number): Item {
    const item = this.sets.get(cacheId)?.[index];
    if (!item)
      throw new StaleReference({ message: `result ${cacheId}/${index} is no longer known (released or evicted)` });
    return item;
  }

  /** Replaces an item by its resolved form. */
  set(cacheId: number, index: number, item: unknown): void {
    const set = this.sets.get(cacheId);
    const old = set?.[index];
    if (set && old) set[index] = { entry: old.entry, item };
  }

  release(cacheId: number): void {
    this.sets.delete(cacheId);
  }
}

export interface LanguageFeaturesDeps {
  readonly service: LanguageFeaturesService;
  readonly commands: CommandsService;
  readonly commandRefs: CommandRefs;
  /** The window's document at that version (fails as the contract declares). */
  readonly document: (uri: string, version: number) => DocumentModel;
}

export const serveLanguageFeatures = (registrar: Registrar, deps: LanguageFeaturesDeps): Served => {
  const { service, commandRefs: refs } = deps;
  const requests = new LanguageRequests(service);
  const cache = new ItemCache();
  const at = (p: { uri: string; version: number }) => deps.document(p.uri, p.version);
  const cached = <T>(items: Item[], convert: (item: unknown, index: number, entry: Item["entry"]) => T | undefined) => {
    const cacheId = cache.add(items);
    return { cacheId, list: items.map((i, index) => convert(i.item, index, i.entry)).filter(defined) };
  };
  const rejected = (extensionId: string, e: unknown) =>
    new ProviderRejected({ extensionId, message: e instanceof Error ? e.message : String(e) });

  return serve(registrar, ExtHostLanguageFeaturesContract, {
    providerMetadata: ({ uri, languageId }) => providerMetadata(service, { uri, languageId }),
    releaseCache: (cacheId) => cache.release(cacheId),
    runCommand: async ({ id, ref }) => {
      const kept = ref === undefined ? { command: id, args: [] } : refs.get(ref);
      if (!kept || kept.command !== id)
        throw new StaleReference({ message: `command ${id} (${ref}) is no longer known` });
      const result = await deps.commands.execute(kept.command, kept.args);
      return jsonSafe(result);
    },

    completions: async (p, { signal }) => {
      const r = await requests.completions(at(p), toPosition(p.position), p.context, signal);
      const { cacheId, list } = cached(r.items, (item, index) => suggestionDto(item, index, refs));
      return { cacheId, isIncomplete: r.isIncomplete, items: list };
    },
    resolveCompletion: async ({ cacheId, index }, { signal }) => {
      const item = cache.get(cacheId, index);
      const resolved = await requests.resolveCompletion(item, signal);
      cache.set(cacheId, index, resolved);
      const dto = suggestionDto(resolved, index, refs) ?? suggestionDto(item.item, index, refs);
      if (!dto) throw new StaleReference({ message: `completion ${cacheId}/${index} has no label` });
      return dto;
    },
    hover: async (p, { signal }) => hoverDto(await requests.hovers(at(p), toPosition(p.position), signal)),
    signatureHelp: async (p, { signal }) =>
      signatureHelpDto(await requests.signatureHelp(at(p), toPosition(p.position), p.context, signal)) ?? null,
    definition: (p, ctx) => locations("definition", p, ctx),
    declaration: (p, ctx) => locations("declaration", p, ctx),
    typeDefinition: (p, ctx) => locations("typeDefinition", p, ctx),
    implementation: (p, ctx) => locations("implementation", p, ctx),
    references: async (p, { signal }) =>
      (await requests.references(at(p), toPosition(p.position), p.includeDeclaration, signal))
        .map(locationDto)
        .filter(defined),
    documentHighlights: async (p, { signal }) =>
      (await requests.documentHighlights(at(p), toPosition(p.position), signal)).map(highlightDto).filter(defined),
    documentSymbols: async (p, { signal }) => documentSymbolDtos(await requests.documentSymbols(at(p), signal)),
    workspaceSymbols: async ({ query }, { signal }) => {
      const { cacheId, list } = cached(await requests.workspaceSymbols(query, signal), workspaceSymbolDto);
      return { cacheId, symbols: list };
    },
    resolveWorkspaceSymbol: async ({ cacheId, index }, { signal }) => {
      const resolved = await requests.resolveWorkspaceSymbol(cache.get(cacheId, index), signal);
      cache.set(cacheId, index, resolved);
      const dto = workspaceSymbolDto(resolved, index);
      if (!dto) throw new StaleReference({ message: `workspace symbol ${cacheId}/${index} resolved to nothing` });
      return dto;
    },
    codeActions: async (p, { signal }) => {
      const context = {
        diagnostics: p.context.diagnostics.map(toDiagnostic),
        ...(p.context.only !== undefined ? { only: new CodeActionKind(p.context.only) } : {}),
        triggerKind: p.context.triggerKind,
      };
      const found = await requests.codeActions(at(p), toRange(p.range), context, signal);
      const { cacheId, list } = cached(found, (item, index, entry) =>
        codeActionDto(item, index, refs, hasMethod(entry.provider, "resolveCodeAction")),
      );
      return { cacheId, actions: list };
    },
    resolveCodeAction: async ({ cacheId, index }, { signal }) => {
      const resolved = await requests.resolveCodeAction(cache.get(cacheId, index), signal);
      cache.set(cacheId, index, resolved);
      const dto = codeActionDto(resolved, index, refs, false);
      if (!dto) throw new StaleReference({ message: `code action ${cacheId}/${index} resolved to nothing` });
      return dto;
    },
    codeLenses: async (p, { signal }) => {
      const { cacheId, list } = cached(await requests.codeLenses(at(p), signal), (item, index) =>
        codeLensDto(item, index, refs),
      );
      return { cacheId, lenses: list };
    },
    resolveCodeLens: async ({ cacheId, index }, { signal }) => {
      const item = cache.get(cacheId, index);
      const resolved = await requests.resolveCodeLens(item, signal);
      cache.set(cacheId, index, resolved);
      const dto = codeLensDto(resolved, index, refs) ?? codeLensDto(item.item, index, refs);
      if (!dto) throw new StaleReference({ message: `code lens ${cacheId}/${index} has no range` });
      return dto;
    },
    formatDocument: async (p, { signal }) => textEditDtos(await requests.formatDocument(at(p), p.options, signal)),
    formatRange: async (p, { signal }) =>
      textEditDtos(await requests.formatRange(at(p), toRange(p.range), p.options, signal)),
    formatOnType: async (p, { signal }) =>
      textEditDtos(await requests.formatOnType(at(p), toPosition(p.position), p.ch, p.options, signal)),
    prepareRename: async (p, { signal }) => {
      const doc = at(p);
      let answer;
      try {
        answer = await requests.prepareRename(doc, toPosition(p.position), signal);
      } catch (e) {
        const [entry] = service.ordered("rename", doc);
        throw rejected(entry?.extensionId ?? "", e);
      }
      if (!answer) return null;
      const v = answer.value;
      if (v === undefined || v === null) {
        // No prepareRename: VS Code renames the word at the position.
        if (hasMethod(answer.entry.provider, "prepareRename")) return null;
        const word = wordAt(doc, p.position);
        return word ? { range: word.range, text: word.text } : null;
      }
      const range = rangeDto(v) ?? rangeDto((v as { range?: unknown }).range);
      if (!range) return null;
      const placeholder = (v as { placeholder?: unknown }).placeholder;
      const text =
        typeof placeholder === "string"
          ? placeholder
          : doc.text.slice(doc.offsetAt(range.start), doc.offsetAt(range.end));
      return { range, text };
    },
    rename: async (p, { signal }) => {
      const doc = at(p);
      try {
        const answer = await requests.rename(doc, toPosition(p.position), p.newName, signal);
        return (answer && workspaceEditDto(answer.value)) ?? null;
      } catch (e) {
        const [entry] = service.ordered("rename", doc);
        throw rejected(entry?.extensionId ?? "", e);
      }
    },
    documentLinks: async (p, { signal }) => {
      const { cacheId, list } = cached(await requests.documentLinks(at(p), signal), documentLinkDto);
      return { cacheId, links: list };
    },
    resolveDocumentLink: async ({ cacheId, index }, { signal }) => {
      const item = cache.get(cacheId, index);
      const resolved = await requests.resolveDocumentLink(item, signal);
      cache.set(cacheId, index, resolved);
      const dto = documentLinkDto(resolved, index) ?? documentLinkDto(item.item, index);
      if (!dto) throw new StaleReference({ message: `link ${cacheId}/${index} has no range` });
      return dto;
    },
    documentColors: async (p, { signal }) =>
      (await requests.documentColors(at(p), signal)).map(colorInformationDto).filter(defined),
    colorPresentations: async (p, { signal }) => {
      const c = p.color;
      return (
        await requests.colorPresentations(at(p), new Color(c.red, c.green, c.blue, c.alpha), toRange(p.range), signal)
      )
        .map(colorPresentationDto)
        .filter(defined);
    },
    foldingRanges: async (p, { signal }) =>
      (await requests.foldingRanges(at(p), signal))?.map(foldingRangeDto).filter(defined) ?? null,
    selectionRanges: async (p, { signal }) =>
      (await requests.selectionRanges(at(p), p.positions.map(toPosition), signal)).map(selectionRangeChain),
    semanticTokensLegend: ({ uri, languageId }) => providerMetadata(service, { uri, languageId }).semanticTokensLegend,
    semanticTokens: async (p, { signal }) => {
      const answer = await requests.semanticTokens(at(p), p.previousResultId, signal);
      return (answer && semanticTokensDto(answer.value)) ?? null;
    },
    semanticTokensRange: async (p, { signal }) =>
      semanticTokensDto(await requests.semanticTokensRange(at(p), toRange(p.range), signal)) ?? null,
    inlayHints: async (p, { signal }) => {
      const { cacheId, list } = cached(await requests.inlayHints(at(p), toRange(p.range), signal), (item, index) =>
        inlayHintDto(item, index, refs),
      );
      return { cacheId, hints: list };
    },
    resolveInlayHint: async ({ cacheId, index }, { signal }) => {
      const item = cache.get(cacheId, index);
      const resolved = await requests.resolveInlayHint(item, signal);
      cache.set(cacheId, index, resolved);
      const dto = inlayHintDto(resolved, index, refs) ?? inlayHintDto(item.item, index, refs);
      if (!dto) throw new StaleReference({ message: `inlay hint ${cacheId}/${index} has no label` });
      return dto;
    },
    prepareCallHierarchy: (p, ctx) => prepareHierarchy("callHierarchy", p, ctx),
    incomingCalls: (r, ctx) => calls(r, "provideCallHierarchyIncomingCalls", "from", ctx),
    outgoingCalls: (r, ctx) => calls(r, "provideCallHierarchyOutgoingCalls", "to", ctx),
    prepareTypeHierarchy: (p, ctx) => prepareHierarchy("typeHierarchy", p, ctx),
    supertypes: (r, ctx) => types(r, "provideTypeHierarchySupertypes", ctx),
    subtypes: (r, ctx) => types(r, "provideTypeHierarchySubtypes", ctx),
    linkedEditingRanges: async (p, { signal }) => {
      const v = await requests.linkedEditingRanges(at(p), toPosition(p.position), signal);
      if (typeof v !== "object" || v === null) return null;
      const ranges = ((v as { ranges?: unknown }).ranges as unknown[] | undefined)?.map(rangeDto).filter(defined) ?? [];
      const pattern = (v as { wordPattern?: unknown }).wordPattern;
      return { ranges, ...(pattern instanceof RegExp ? { wordPattern: pattern.source } : {}) };
    },
    inlineCompletions: async (p, { signal }) =>
      (await requests.inlineCompletions(at(p), toPosition(p.position), p.triggerKind, signal))
        .map((i) => inlineCompletionDto(i, refs))
        .filter(defined),
  });

  async function locations(
    feature: "definition" | "declaration" | "typeDefinition" | "implementation",
    p: { uri: string; version: number; position: { line: number; character: number } },
    { signal }: HandlerContext,
  ) {
    return (await requests.locations(feature, at(p), toPosition(p.position), signal))
      .map(locationLinkDto)
      .filter(defined);
  }

  async function prepareHierarchy(
    kind: "callHierarchy" | "typeHierarchy",
    p: { uri: string; version: number; position: { line: number; character: number } },
    { signal }: HandlerContext,
  ) {
    const found = await requests.prepareHierarchy(kind, at(p), toPosition(p.position), signal);
    const cacheId = cache.add(found);
    return found.map((i, index) => hierarchyItemDto(i.item, cacheId, index)).filter(defined);
  }

  async function calls(
    r: { cacheId: number; index: number },
    method: "provideCallHierarchyIncomingCalls" | "provideCallHierarchyOutgoingCalls",
    key: "from" | "to",
    { signal }: HandlerContext,
  ) {
    const item = cache.get(r.cacheId, r.index);
    const found = await requests.hierarchy(item, method, signal);
    const cacheId = cache.add(found.map((c) => ({ entry: item.entry, item: (c as Record<string, unknown>)[key] })));
    return found.flatMap((c, index) => {
      const dto = hierarchyItemDto((c as Record<string, unknown>)[key], cacheId, index);
      const fromRanges = ((c as { fromRanges?: unknown }).fromRanges as unknown[] | undefined) ?? [];
      return dto ? [{ item: dto, fromRanges: fromRanges.map(rangeDto).filter(defined) }] : [];
    });
  }

  async function types(
    r: { cacheId: number; index: number },
    method: "provideTypeHierarchySupertypes" | "provideTypeHierarchySubtypes",
    { signal }: HandlerContext,
  ) {
    const item = cache.get(r.cacheId, r.index);
    const found = await requests.hierarchy(item, method, signal);
    const cacheId = cache.add(found.map((t) => ({ entry: item.entry, item: t })));
    return found.map((t, index) => hierarchyItemDto(t, cacheId, index)).filter(defined);
  }
};

/** What Monaco must know at registration: trigger characters and the semantic tokens legend. */
export const providerMetadata = (
  service: LanguageFeaturesService,
  doc: { uri: string; languageId: string },
): ProviderMetadataDto => {
  const chars = (
    feature: "completion" | "signatureHelp" | "onTypeFormatting",
    key: "triggerCharacters" | "retriggerCharacters",
  ) => [...new Set(service.ordered(feature, doc).flatMap((e) => e.metadata[key] ?? []))];
  const features = Object.keys(featureNames).filter(
    (f) => service.ordered(f as keyof typeof featureNames, doc).length > 0,
  );
  const [tokens] = service.ordered("documentSemanticTokens", doc);
  const [rangeTokens] = service.ordered("rangeSemanticTokens", doc);
  const legend = (tokens ?? rangeTokens)?.metadata.legend;
  return {
    features,
    completionTriggerCharacters: chars("completion", "triggerCharacters"),
    signatureHelpTriggerCharacters: chars("signatureHelp", "triggerCharacters"),
    signatureHelpRetriggerCharacters: chars("signatureHelp", "retriggerCharacters"),
    onTypeFormattingTriggerCharacters: chars("onTypeFormatting", "triggerCharacters"),
    semanticTokensLegend: legend
      ? { tokenTypes: [...legend.tokenTypes], tokenModifiers: [...legend.tokenModifiers] }
      : null,
    semanticTokensDelta: tokens ? hasMethod(tokens.provider, "provideDocumentSemanticTokensEdits") : false,
  };
};

const wordAt = (doc: DocumentModel, p: { line: number; character: number }) => {
  const line = doc.lineText(p.line);
  const re = /[\p{L}\p{N}_$]+/gu;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    if (m.index <= p.character && p.character <= m.index + m[0].length) {
      return {
        text: m[0],
        range: { start: { line: p.line, character: m.index }, end: { line: p.line, character: m.index + m[0].length } },
      };
    }
  }
  return undefined;
};
