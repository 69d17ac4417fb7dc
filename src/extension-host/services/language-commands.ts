/**
 * VS Code's built-in `vscode.execute*Provider` commands (extHostApiCommands): extensions run
 * the providers of others with them. Same arguments and results as VS Code documents: a Uri
 * and a Position (or Range…) in, the providers' merged API values out.
 */
import type { CommandsService } from "./commands.js";
import { CodeActionTriggerKind, CompletionTriggerKind, SignatureHelpTriggerKind } from "../api/enums.generated.js";
import { CodeActionKind, CompletionList } from "../api/language-types.js";
import { Position, Range, Uri } from "../api/types.js";
import type { DocumentModel } from "../documents.js";
import { asList, completionItems } from "./language-converters.js";
import type { LanguageRequests } from "./language-requests.js";

/** The command API has no cancellation: a command's providers get a signal that never fires. */
const never = (): AbortSignal => new AbortController().signal;

const BUILTIN = "vscode";

export const registerLanguageCommands = (
  commands: CommandsService,
  requests: LanguageRequests,
  documentOf: (uri: string) => DocumentModel,
): void => {
  const uriArg = (command: string, v: unknown): DocumentModel => {
    if (v instanceof Uri) return documentOf(v.toString());
    if (typeof v === "string") return documentOf(v);
    throw new TypeError(`${command}: the first argument must be a Uri`);
  };
  const positionArg = (command: string, v: unknown): Position => {
    if (v instanceof Position) return v;
    if (
      typeof v === "object" &&
      v !== null &&
      Number.isInteger((v as Position).line) &&
      Number.isInteger((v as Position).character)
    )
      return new Position((v as Position).line, (v as Position).character);
    throw new TypeError(`${command}: expected a Position`);
  };
  const rangeArg = (command: string, v: unknown): Range => {
    if (v instanceof Range) return v;
    // A Range that crossed the wire as JSON: { start, end } (Selection's JSON is [anchor, active]).
    const r = v as { start?: unknown; end?: unknown } | null;
    if (typeof r === "object" && r !== null && r.start !== undefined && r.end !== undefined)
      return new Range(positionArg(command, r.start), positionArg(command, r.end));
    throw new TypeError(`${command}: expected a Range`);
  };
  const add = (id: string, handler: (...args: unknown[]) => unknown): void => {
    commands.register(id, { extensionId: BUILTIN, handler });
  };
  const atPosition = (id: string, run: (doc: DocumentModel, position: Position, ...rest: unknown[]) => unknown): void =>
    add(id, (uri, position, ...rest) => run(uriArg(id, uri), positionArg(id, position), ...rest));

  atPosition("vscode.executeDefinitionProvider", (d, p) => requests.locations("definition", d, p, never()));
  atPosition("vscode.executeDeclarationProvider", (d, p) => requests.locations("declaration", d, p, never()));
  atPosition("vscode.executeTypeDefinitionProvider", (d, p) => requests.locations("typeDefinition", d, p, never()));
  atPosition("vscode.executeImplementationProvider", (d, p) => requests.locations("implementation", d, p, never()));
  atPosition("vscode.executeReferenceProvider", (d, p) => requests.references(d, p, true, never()));
  atPosition("vscode.executeHoverProvider", (d, p) => requests.hovers(d, p, never()));
  atPosition("vscode.executeDocumentHighlights", (d, p) => requests.documentHighlights(d, p, never()));
  atPosition("vscode.executeSignatureHelpProvider", (d, p, triggerCharacter) =>
    requests.signatureHelp(
      d,
      p,
      typeof triggerCharacter === "string"
        ? { triggerKind: SignatureHelpTriggerKind.TriggerCharacter, triggerCharacter, isRetrigger: false }
        : { triggerKind: SignatureHelpTriggerKind.Invoke, isRetrigger: false },
      never(),
    ),
  );
  atPosition("vscode.executeCompletionItemProvider", async (d, p, triggerCharacter, itemResolveCount) => {
    const found = await requests.completions(
      d,
      p,
      typeof triggerCharacter === "string"
        ? { triggerKind: CompletionTriggerKind.TriggerCharacter, triggerCharacter }
        : { triggerKind: CompletionTriggerKind.Invoke },
      never(),
    );
    // The first `itemResolveCount` items are resolved, as VS Code does.
    const count = typeof itemResolveCount === "number" ? itemResolveCount : 0;
    const items = await Promise.all(
      found.items.map((i, index) => (index < count ? requests.resolveCompletion(i, never()) : i.item)),
    );
    return new CompletionList(completionItems(items).items as never, found.isIncomplete);
  });
  add("vscode.executeDocumentSymbolProvider", (uri) =>
    requests.documentSymbols(uriArg("vscode.executeDocumentSymbolProvider", uri), never()),
  );
  add("vscode.executeWorkspaceSymbolProvider", async (query) => {
    if (typeof query !== "string") throw new TypeError("vscode.executeWorkspaceSymbolProvider: query must be a string");
    return (await requests.workspaceSymbols(query, never())).map((i) => i.item);
  });
  add("vscode.executeCodeActionProvider", async (uri, rangeOrSelection, kind, itemResolveCount) => {
    const doc = uriArg("vscode.executeCodeActionProvider", uri);
    const range = rangeArg("vscode.executeCodeActionProvider", rangeOrSelection);
    const found = await requests.codeActions(
      doc,
      range,
      {
        diagnostics: [],
        ...(typeof kind === "string" ? { only: new CodeActionKind(kind) } : {}),
        triggerKind: CodeActionTriggerKind.Invoke,
      },
      never(),
    );
    const count = typeof itemResolveCount === "number" ? itemResolveCount : 0;
    return Promise.all(found.map((i, index) => (index < count ? requests.resolveCodeAction(i, never()) : i.item)));
  });
  add("vscode.executeCodeLensProvider", async (uri, itemResolveCount) => {
    const found = await requests.codeLenses(uriArg("vscode.executeCodeLensProvider", uri), never());
    const count = typeof itemResolveCount === "number" ? itemResolveCount : 0;
    return Promise.all(found.map((i, index) => (index < count ? requests.resolveCodeLens(i, never()) : i.item)));
  });
  add("vscode.executeFormatDocumentProvider", (uri, options) =>
    requests.formatDocument(uriArg("vscode.executeFormatDocumentProvider", uri), formattingOptions(options), never()),
  );
  add("vscode.executeFormatRangeProvider", (uri, range, options) =>
    requests.formatRange(
      uriArg("vscode.executeFormatRangeProvider", uri),
      rangeArg("vscode.executeFormatRangeProvider", range),
      formattingOptions(options),
      never(),
    ),
  );
  atPosition("vscode.executeFormatOnTypeProvider", (d, p, ch, options) => {
    if (typeof ch !== "string") throw new TypeError("vscode.executeFormatOnTypeProvider: ch must be a string");
    return requests.formatOnType(d, p, ch, formattingOptions(options), never());
  });
  atPosition("vscode.prepareRename", async (d, p) => (await requests.prepareRename(d, p, never()))?.value);
  atPosition("vscode.executeDocumentRenameProvider", async (d, p, newName) => {
    if (typeof newName !== "string")
      throw new TypeError("vscode.executeDocumentRenameProvider: newName must be a string");
    return (await requests.rename(d, p, newName, never()))?.value;
  });
  add("vscode.executeLinkProvider", async (uri, itemResolveCount) => {
    const found = await requests.documentLinks(uriArg("vscode.executeLinkProvider", uri), never());
    const count = typeof itemResolveCount === "number" ? itemResolveCount : 0;
    return Promise.all(found.map((i, index) => (index < count ? requests.resolveDocumentLink(i, never()) : i.item)));
  });
  add("vscode.executeDocumentColorProvider", (uri) =>
    requests.documentColors(uriArg("vscode.executeDocumentColorProvider", uri), never()),
  );
  add("vscode.executeColorPresentationProvider", (color, context) => {
    const c = context as { uri?: unknown; range?: unknown } | undefined;
    return requests.colorPresentations(
      uriArg("vscode.executeColorPresentationProvider", c?.uri),
      color,
      rangeArg("vscode.executeColorPresentationProvider", c?.range),
      never(),
    );
  });
  add("vscode.executeFoldingRangeProvider", (uri) =>
    requests.foldingRanges(uriArg("vscode.executeFoldingRangeProvider", uri), never()).then((r) => r ?? []),
  );
  add("vscode.executeSelectionRangeProvider", (uri, positions) => {
    const list = asList(positions).map((p) => positionArg("vscode.executeSelectionRangeProvider", p));
    return requests.selectionRanges(uriArg("vscode.executeSelectionRangeProvider", uri), list, never());
  });
  add(
    "vscode.provideDocumentSemanticTokens",
    async (uri) =>
      (await requests.semanticTokens(uriArg("vscode.provideDocumentSemanticTokens", uri), undefined, never()))?.value,
  );
  add("vscode.provideDocumentRangeSemanticTokens", (uri, range) =>
    requests.semanticTokensRange(
      uriArg("vscode.provideDocumentRangeSemanticTokens", uri),
      rangeArg("vscode.provideDocumentRangeSemanticTokens", range),
      never(),
    ),
  );
  add("vscode.provideDocumentSemanticTokensLegend", (uri) => {
    const doc = uriArg("vscode.provideDocumentSemanticTokensLegend", uri);
    return requests.service.ordered("documentSemanticTokens", doc)[0]?.metadata.legend;
  });
  add("vscode.executeInlayHintProvider", async (uri, range) =>
    (
      await requests.inlayHints(
        uriArg("vscode.executeInlayHintProvider", uri),
        rangeArg("vscode.executeInlayHintProvider", range),
        never(),
      )
    ).map((i) => i.item),
  );
  atPosition("vscode.prepareCallHierarchy", async (d, p) =>
    (await requests.prepareHierarchy("callHierarchy", d, p, never())).map((i) => i.item),
  );
  atPosition("vscode.prepareTypeHierarchy", async (d, p) =>
    (await requests.prepareHierarchy("typeHierarchy", d, p, never())).map((i) => i.item),
  );
  const hierarchy = (
    id: string,
    method:
      | "provideCallHierarchyIncomingCalls"
      | "provideCallHierarchyOutgoingCalls"
      | "provideTypeHierarchySupertypes"
      | "provideTypeHierarchySubtypes",
  ) =>
    add(id, (item) => {
      const entry = requests.ownerOf(item);
      if (!entry) throw new TypeError(`${id}: the item must come from vscode.prepare*Hierarchy`);
      return requests.hierarchy({ entry, item }, method, never());
    });
  hierarchy("vscode.provideIncomingCalls", "provideCallHierarchyIncomingCalls");
  hierarchy("vscode.provideOutgoingCalls", "provideCallHierarchyOutgoingCalls");
  hierarchy("vscode.provideSupertypes", "provideTypeHierarchySupertypes");
  hierarchy("vscode.provideSubtypes", "provideTypeHierarchySubtypes");
  atPosition("vscode.executeLinkedEditingProvider", (d, p) => requests.linkedEditingRanges(d, p, never()));
  atPosition("vscode.executeInlineCompletionItemProvider", (d, p) => requests.inlineCompletions(d, p, 0, never()));
};

const formattingOptions = (v: unknown): { tabSize: number; insertSpaces: boolean } => {
  const o = (typeof v === "object" && v !== null ? v : {}) as { tabSize?: unknown; insertSpaces?: unknown };
  return {
    tabSize: typeof o.tabSize === "number" ? o.tabSize : 4,
    insertSpaces: typeof o.insertSpaces === "boolean" ? o.insertSpaces : true,
  };
};
