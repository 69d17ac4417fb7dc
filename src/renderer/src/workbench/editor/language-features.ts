/**
 * Extensions' language features in Monaco: one completion and one hover provider per language
 * (registered the first time a model of that language opens) that ask the extension host, and
 * the Problems store mirrored into model markers. Monaco's CancellationToken becomes an
 * AbortSignal, so a request Monaco no longer needs is cancelled on the wire (`$cancel`).
 */
import type { ExtHostContract } from "../../../../protocol/contracts/ext-host.js";
import type { Proxy } from "../../../../protocol/rpc-contract.js";
import type { DiagnosticDto, Position } from "../../../../protocol/workbench.js";
import type { Store } from "../store.js";
import { monaco } from "./monaco.js";

type Diagnostics = ReadonlyMap<string, ReadonlyMap<string, ReadonlyArray<DiagnosticDto>>>;

const KIND: Record<string, monaco.languages.CompletionItemKind> = {
  Function: monaco.languages.CompletionItemKind.Function,
  Method: monaco.languages.CompletionItemKind.Method,
  Variable: monaco.languages.CompletionItemKind.Variable,
  Class: monaco.languages.CompletionItemKind.Class,
  Keyword: monaco.languages.CompletionItemKind.Keyword,
  Property: monaco.languages.CompletionItemKind.Property,
  Constant: monaco.languages.CompletionItemKind.Constant,
  Text: monaco.languages.CompletionItemKind.Text,
};

const SEVERITY: Record<DiagnosticDto["severity"], monaco.MarkerSeverity> = {
  error: monaco.MarkerSeverity.Error,
  warning: monaco.MarkerSeverity.Warning,
  information: monaco.MarkerSeverity.Info,
  hint: monaco.MarkerSeverity.Hint,
};

const toPosition = (p: monaco.IPosition): Position => ({ line: p.lineNumber - 1, character: p.column - 1 });

/** Aborted when Monaco cancels the request. */
export const signalOf = (token: monaco.CancellationToken): AbortSignal => {
  const controller = new AbortController();
  if (token.isCancellationRequested) controller.abort();
  else token.onCancellationRequested(() => controller.abort());
  return controller.signal;
};

export class LanguageFeatures {
  private readonly languages = new Set<string>();
  private readonly disposables: monaco.IDisposable[] = [];

  constructor(
    private readonly host: Proxy<typeof ExtHostContract>,
    /** The model version the host must have for a request to be answered. */
    private readonly versionOf: (model: monaco.editor.ITextModel) => number = (model) => model.getVersionId(),
  ) {}

  /** Idempotent: providers for `languageId` are registered once. */
  ensureProviders(languageId: string): void {
    if (this.languages.has(languageId)) return;
    this.languages.add(languageId);
    this.disposables.push(
      monaco.languages.registerCompletionItemProvider(languageId, {
        provideCompletionItems: async (model, position, _context, token) => {
          const items = await this.host
            .provideCompletions(
              { uri: model.uri.toString(), version: this.versionOf(model), position: toPosition(position) },
              { timeoutMs: 5_000, signal: signalOf(token) },
            )
            .catch(() => []);
          const word = model.getWordUntilPosition(position);
          const range = new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn);
          return {
            suggestions: items.map((i) => ({
              label: i.label,
              kind: KIND[i.kind ?? ""] ?? monaco.languages.CompletionItemKind.Text,
              insertText: i.insertText ?? i.label,
              range: i.range
                ? new monaco.Range(
                    i.range.start.line + 1,
                    i.range.start.character + 1,
                    i.range.end.line + 1,
                    i.range.end.character + 1,
                  )
                : range,
              ...(i.detail ? { detail: i.detail } : {}),
              ...(i.documentation ? { documentation: i.documentation } : {}),
            })),
          };
        },
      }),
      monaco.languages.registerHoverProvider(languageId, {
        provideHover: async (model, position, token) => {
          const result = await this.host
            .provideHover(
              { uri: model.uri.toString(), version: this.versionOf(model), position: toPosition(position) },
              { timeoutMs: 5_000, signal: signalOf(token) },
            )
            .catch(() => null);
          if (!result || result.contents.length === 0) return null;
          // Monaco renders markdown without raw HTML (supportHtml is off): extensions cannot inject markup.
          return { contents: result.contents.map((value) => ({ value, supportHtml: false, isTrusted: false })) };
        },
      }),
    );
  }

  /** Keeps every model's markers equal to the Problems store (owner by owner). */
  mirrorDiagnostics(diagnostics: Store<Diagnostics>): () => void {
    let previous: Diagnostics = new Map();
    const sync = () => {
      const current = diagnostics.get();
      for (const owner of new Set([...previous.keys(), ...current.keys()])) {
        const before = previous.get(owner);
        const after = current.get(owner);
        if (before === after) continue;
        for (const uri of new Set([...(before?.keys() ?? []), ...(after?.keys() ?? [])])) {
          const model = monaco.editor.getModel(monaco.Uri.parse(uri));
          if (model) monaco.editor.setModelMarkers(model, owner, (after?.get(uri) ?? []).map(toMarker));
        }
      }
      previous = current;
    };
    sync();
    const off = diagnostics.subscribe(sync);
    // A model opened later gets the markers already known for it.
    const onModel = monaco.editor.onDidCreateModel((model) => {
      for (const [owner, byUri] of diagnostics.get()) {
        const list = byUri.get(model.uri.toString());
        if (list) monaco.editor.setModelMarkers(model, owner, list.map(toMarker));
      }
    });
    return () => {
      off();
      onModel.dispose();
    };
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
    this.languages.clear();
  }
}

const toMarker = (d: DiagnosticDto): monaco.editor.IMarkerData => ({
  severity: SEVERITY[d.severity],
  message: d.message,
  startLineNumber: d.range.start.line + 1,
  startColumn: d.range.start.character + 1,
  endLineNumber: d.range.end.line + 1,
  endColumn: d.range.end.character + 1,
  ...(d.source ? { source: d.source } : {}),
});
