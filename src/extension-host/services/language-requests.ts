/**
 * One function per provider kind: asks the matching providers with VS Code's arguments and
 * merges their answers as VS Code does (all providers for lists; the best one that answers for
 * formatting, rename, signature help, semantic tokens, linked editing; completion by score
 * group, a lower group asked only when the better one had nothing). Results are API values
 * paired with the provider that gave them. Used by the window's contract and by the
 * `vscode.execute*Provider` commands.
 */
import {
  CodeActionTriggerKind,
  CompletionTriggerKind,
  InlineCompletionTriggerKind,
  SignatureHelpTriggerKind,
} from "../api/enums.generated.js";
import { CodeActionKind, type Diagnostic } from "../api/language-types.js";
import type { Position, Range } from "../api/types.js";
import type { DocumentModel } from "../documents.js";
import { asList, completionItems } from "./language-converters.js";
import {
  hasMethod,
  invoke,
  score,
  type Answer,
  type Feature,
  type LanguageFeaturesService,
  type ProviderEntry,
} from "./language-features.js";
import { textDocument } from "../api/text-document.js";

export interface FormattingOptions {
  readonly tabSize: number;
  readonly insertSpaces: boolean;
}

/** One item of a merged list, with the provider that made it (for resolve). */
export interface Item {
  readonly entry: ProviderEntry;
  readonly item: unknown;
}

const items = (answers: ReadonlyArray<Answer>): Item[] =>
  answers.flatMap((a) => asList(a.value).map((item) => ({ entry: a.entry, item })));

export class LanguageRequests {
  constructor(readonly service: LanguageFeaturesService) {}

  private ask(feature: Feature, doc: DocumentModel, signal: AbortSignal, method: string, args: ReadonlyArray<unknown>) {
    return this.service.ask(feature, doc, signal, (p, document, token) =>
      invoke(p, method, [document, ...args, token]),
    );
  }

  private first(
    feature: Feature,
    doc: DocumentModel,
    signal: AbortSignal,
    method: string,
    args: ReadonlyArray<unknown>,
  ) {
    return this.service.first(feature, doc, signal, (p, document, token) =>
      invoke(p, method, [document, ...args, token]),
    );
  }

  /** Score groups in order; the first group with any item wins. */
  async completions(
    doc: DocumentModel,
    position: Position,
    context: { triggerKind: CompletionTriggerKind; triggerCharacter?: string },
    signal: AbortSignal,
  ): Promise<{ items: Item[]; isIncomplete: boolean }> {
    const ordered = this.service.ordered("completion", doc);
    const groups = new Map<number, ProviderEntry[]>();
    for (const e of ordered) {
      const s = score(e.selector, doc);
      groups.set(s, [...(groups.get(s) ?? []), e]);
    }
    for (const group of groups.values()) {
      // A trigger character asks only the providers that declared it (VS Code's suggest model).
      const asked =
        context.triggerKind === CompletionTriggerKind.TriggerCharacter && context.triggerCharacter !== undefined
          ? group.filter((e) => e.metadata.triggerCharacters?.includes(context.triggerCharacter ?? ""))
          : group;
      const answers = await this.service.askEntries(asked, "provideCompletionItems", signal, (p, token) =>
        invoke(p, "provideCompletionItems", [textDocument(doc), position, token, context]),
      );
      let isIncomplete = false;
      const out: Item[] = [];
      for (const a of answers) {
        const list = completionItems(a.value);
        isIncomplete ||= list.isIncomplete;
        out.push(...list.items.map((item) => ({ entry: a.entry, item })));
      }
      if (out.length > 0 || isIncomplete || signal.aborted) return { items: out, isIncomplete };
    }
    return { items: [], isIncomplete: false };
  }

  async resolveCompletion(item: Item, signal: AbortSignal): Promise<unknown> {
    return (await this.service.askOne(item.entry, "resolveCompletionItem", signal, [item.item])) ?? item.item;
  }

  async hovers(doc: DocumentModel, position: Position, signal: AbortSignal): Promise<unknown[]> {
    return (await this.ask("hover", doc, signal, "provideHover", [position])).map((a) => a.value);
  }

  async signatureHelp(
    doc: DocumentModel,
    position: Position,
    context: {
      triggerKind: SignatureHelpTriggerKind;
      triggerCharacter?: string;
      isRetrigger: boolean;
      activeSignatureHelp?: unknown;
    },
    signal: AbortSignal,
  ): Promise<unknown> {
    return (await this.first("signatureHelp", doc, signal, "provideSignatureHelp", [position, context]))?.value;
  }

  /** definition, declaration, typeDefinition, implementation: every provider's locations, in order. */
  async locations(
    feature: "definition" | "declaration" | "typeDefinition" | "implementation",
    doc: DocumentModel,
    position: Position,
    signal: AbortSignal,
  ): Promise<unknown[]> {
    const method = {
      definition: "provideDefinition",
      declaration: "provideDeclaration",
      typeDefinition: "provideTypeDefinition",
      implementation: "provideImplementation",
    }[feature];
    return items(await this.ask(feature, doc, signal, method, [position])).map((i) => i.item);
  }

  async references(doc: DocumentModel, position: Position, includeDeclaration: boolean, signal: AbortSignal) {
    return items(
      await this.ask("references", doc, signal, "provideReferences", [position, { includeDeclaration }]),
    ).map((i) => i.item);
  }

  async documentHighlights(doc: DocumentModel, position: Position, signal: AbortSignal): Promise<unknown[]> {
    // VS Code uses the first provider that answers.
    return asList((await this.first("documentHighlight", doc, signal, "provideDocumentHighlights", [position]))?.value);
  }

  async documentSymbols(doc: DocumentModel, signal: AbortSignal): Promise<unknown[]> {
    return items(await this.ask("documentSymbol", doc, signal, "provideDocumentSymbols", [])).map((i) => i.item);
  }

  async workspaceSymbols(query: string, signal: AbortSignal): Promise<Item[]> {
    const answers = await this.service.askEntries(
      this.service.all("workspaceSymbol"),
      "provideWorkspaceSymbols",
      signal,
      (p, token) => invoke(p, "provideWorkspaceSymbols", [query, token]),
    );
    return items(answers);
  }

  async resolveWorkspaceSymbol(item: Item, signal: AbortSignal): Promise<unknown> {
    return (await this.service.askOne(item.entry, "resolveWorkspaceSymbol", signal, [item.item])) ?? item.item;
  }

  /** Providers whose `providedCodeActionKinds` exclude the requested `only` kind are not asked. */
  async codeActions(
    doc: DocumentModel,
    range: Range,
    context: { diagnostics: Diagnostic[]; only?: CodeActionKind; triggerKind: CodeActionTriggerKind },
    signal: AbortSignal,
  ): Promise<Item[]> {
    const only = context.only;
    const entries = this.service.ordered("codeAction", doc).filter((e) => {
      const kinds = e.metadata.providedCodeActionKinds;
      return !only || !kinds || kinds.some((k) => only.intersects(new CodeActionKind(k)));
    });
    const answers = await this.service.askEntries(entries, "provideCodeActions", signal, (p, token) =>
      invoke(p, "provideCodeActions", [textDocument(doc), range, context, token]),
    );
    return items(answers).filter(({ item }) => {
      if (!only) return true;
      const kind = (item as { kind?: unknown }).kind;
      return kind instanceof CodeActionKind ? only.contains(kind) : false;
    });
  }

  async resolveCodeAction(item: Item, signal: AbortSignal): Promise<unknown> {
    return (await this.service.askOne(item.entry, "resolveCodeAction", signal, [item.item])) ?? item.item;
  }

  async codeLenses(doc: DocumentModel, signal: AbortSignal): Promise<Item[]> {
    return items(await this.ask("codeLens", doc, signal, "provideCodeLenses", []));
  }

  async resolveCodeLens(item: Item, signal: AbortSignal): Promise<unknown> {
    return (await this.service.askOne(item.entry, "resolveCodeLens", signal, [item.item])) ?? item.item;
  }

  async formatDocument(doc: DocumentModel, options: FormattingOptions, signal: AbortSignal): Promise<unknown[]> {
    return asList(
      (await this.first("documentFormatting", doc, signal, "provideDocumentFormattingEdits", [options]))?.value,
    );
  }

  /** Range formatting, else (like VS Code) nothing: document formatters are not used for ranges. */
  async formatRange(doc: DocumentModel, range: Range, options: FormattingOptions, signal: AbortSignal) {
    return asList(
      (await this.first("rangeFormatting", doc, signal, "provideDocumentRangeFormattingEdits", [range, options]))
        ?.value,
    );
  }

  async formatOnType(
    doc: DocumentModel,
    position: Position,
    ch: string,
    options: FormattingOptions,
    signal: AbortSignal,
  ) {
    const entries = this.service
      .ordered("onTypeFormatting", doc)
      .filter((e) => e.metadata.triggerCharacters?.includes(ch));
    const [answer] = await this.service.askEntries(
      entries.slice(0, 1),
      "provideOnTypeFormattingEdits",
      signal,
      (p, token) => invoke(p, "provideOnTypeFormattingEdits", [textDocument(doc), position, ch, options, token]),
    );
    return asList(answer?.value);
  }

  /**
   * The first provider with prepareRename decides; a throw there is the message the user sees
   * (VS Code shows it instead of the rename box). Without prepareRename: the word range.
   */
  async prepareRename(
    doc: DocumentModel,
    position: Position,
    signal: AbortSignal,
  ): Promise<{ entry: ProviderEntry; value: unknown } | undefined> {
    const [entry] = this.service.ordered("rename", doc);
    if (!entry) return undefined;
    if (!hasMethod(entry.provider, "prepareRename")) return { entry, value: undefined };
    // Not guarded: the rejection's message is shown, not logged as a failure.
    const value: unknown = await invoke(entry.provider, "prepareRename", [
      textDocument(doc),
      position,
      tokenOf(signal),
    ]);
    return { entry, value };
  }

  /** The first provider that returns an edit; a throw is the message shown (ProviderRejected). */
  async rename(
    doc: DocumentModel,
    position: Position,
    newName: string,
    signal: AbortSignal,
  ): Promise<{ entry: ProviderEntry; value: unknown } | undefined> {
    for (const entry of this.service.ordered("rename", doc)) {
      const value: unknown = await invoke(entry.provider, "provideRenameEdits", [
        textDocument(doc),
        position,
        newName,
        tokenOf(signal),
      ]);
      if (value !== undefined && value !== null) return { entry, value };
    }
    return undefined;
  }

  async documentLinks(doc: DocumentModel, signal: AbortSignal): Promise<Item[]> {
    return items(await this.ask("documentLink", doc, signal, "provideDocumentLinks", []));
  }

  async resolveDocumentLink(item: Item, signal: AbortSignal): Promise<unknown> {
    return (await this.service.askOne(item.entry, "resolveDocumentLink", signal, [item.item])) ?? item.item;
  }

  async documentColors(doc: DocumentModel, signal: AbortSignal): Promise<unknown[]> {
    return items(await this.ask("color", doc, signal, "provideDocumentColors", [])).map((i) => i.item);
  }

  async colorPresentations(doc: DocumentModel, color: unknown, range: Range, signal: AbortSignal): Promise<unknown[]> {
    const [entry] = this.service.ordered("color", doc);
    if (!entry) return [];
    return asList(
      await this.service.askOne(entry, "provideColorPresentations", signal, [
        color,
        { document: textDocument(doc), range },
      ]),
    );
  }

  /** Undefined when no provider answered (all failed, timed out or returned nothing). */
  async foldingRanges(doc: DocumentModel, signal: AbortSignal): Promise<unknown[] | undefined> {
    const answers = await this.ask("foldingRange", doc, signal, "provideFoldingRanges", [{}]);
    return answers.length === 0 ? undefined : items(answers).map((i) => i.item);
  }

  async selectionRanges(doc: DocumentModel, positions: Position[], signal: AbortSignal): Promise<unknown[]> {
    return asList((await this.first("selectionRange", doc, signal, "provideSelectionRanges", [positions]))?.value);
  }

  /** The best provider only (VS Code does not merge semantic tokens). Delta when it can. */
  async semanticTokens(doc: DocumentModel, previousResultId: string | undefined, signal: AbortSignal) {
    const [entry] = this.service.ordered("documentSemanticTokens", doc);
    if (!entry) return undefined;
    const useDelta = previousResultId !== undefined && hasMethod(entry.provider, "provideDocumentSemanticTokensEdits");
    const [answer] = await this.service.askEntries([entry], "provideDocumentSemanticTokens", signal, (p, token) =>
      useDelta
        ? invoke(p, "provideDocumentSemanticTokensEdits", [textDocument(doc), previousResultId, token])
        : invoke(p, "provideDocumentSemanticTokens", [textDocument(doc), token]),
    );
    return answer && { entry, value: answer.value };
  }

  async semanticTokensRange(doc: DocumentModel, range: Range, signal: AbortSignal) {
    return (await this.first("rangeSemanticTokens", doc, signal, "provideDocumentRangeSemanticTokens", [range]))?.value;
  }

  async inlayHints(doc: DocumentModel, range: Range, signal: AbortSignal): Promise<Item[]> {
    return items(await this.ask("inlayHints", doc, signal, "provideInlayHints", [range]));
  }

  async resolveInlayHint(item: Item, signal: AbortSignal): Promise<unknown> {
    return (await this.service.askOne(item.entry, "resolveInlayHint", signal, [item.item])) ?? item.item;
  }

  async prepareHierarchy(
    kind: "callHierarchy" | "typeHierarchy",
    doc: DocumentModel,
    position: Position,
    signal: AbortSignal,
  ) {
    const method = kind === "callHierarchy" ? "prepareCallHierarchy" : "prepareTypeHierarchy";
    const answer = await this.first(kind, doc, signal, method, [position]);
    const found = answer ? asList(answer.value).map((item) => ({ entry: answer.entry, item })) : [];
    for (const i of found) if (typeof i.item === "object" && i.item !== null) this.itemOwners.set(i.item, i.entry);
    return found;
  }

  /** Which provider made a hierarchy item (for `vscode.provideIncomingCalls(item)` and friends). */
  private readonly itemOwners = new WeakMap<object, ProviderEntry>();

  ownerOf(item: unknown): ProviderEntry | undefined {
    return typeof item === "object" && item !== null ? this.itemOwners.get(item) : undefined;
  }

  async hierarchy(
    item: Item,
    method:
      | "provideCallHierarchyIncomingCalls"
      | "provideCallHierarchyOutgoingCalls"
      | "provideTypeHierarchySupertypes"
      | "provideTypeHierarchySubtypes",
    signal: AbortSignal,
  ): Promise<unknown[]> {
    const found = asList(await this.service.askOne(item.entry, method, signal, [item.item]));
    // The items found can be asked about in turn (incoming calls of a caller…).
    const key = method.endsWith("IncomingCalls") ? "from" : method.endsWith("OutgoingCalls") ? "to" : undefined;
    for (const f of found) {
      const next: unknown = key && typeof f === "object" && f !== null ? (f as Record<string, unknown>)[key] : f;
      if (typeof next === "object" && next !== null) this.itemOwners.set(next, item.entry);
    }
    return found;
  }

  async linkedEditingRanges(doc: DocumentModel, position: Position, signal: AbortSignal): Promise<unknown> {
    return (await this.first("linkedEditing", doc, signal, "provideLinkedEditingRanges", [position]))?.value;
  }

  async inlineCompletions(
    doc: DocumentModel,
    position: Position,
    triggerKind: InlineCompletionTriggerKind,
    signal: AbortSignal,
  ) {
    const answers = await this.ask("inlineCompletion", doc, signal, "provideInlineCompletionItems", [
      position,
      { triggerKind, selectedCompletionInfo: undefined },
    ]);
    return answers.flatMap((a) => completionItems(a.value).items);
  }
}

/** A CancellationToken over an AbortSignal, for the calls not made through `askEntries`. */
const tokenOf = (signal: AbortSignal) => ({
  get isCancellationRequested() {
    return signal.aborted;
  },
  onCancellationRequested: (listener: () => void) => {
    signal.addEventListener("abort", listener, { once: true });
    return { dispose: () => signal.removeEventListener("abort", listener) };
  },
});

export { CodeActionTriggerKind, CompletionTriggerKind, InlineCompletionTriggerKind, SignatureHelpTriggerKind };
