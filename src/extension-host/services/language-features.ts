/**
 * Language features: the providers extensions register, asked in parallel for a window's
 * document. Each provider gets a CancellationToken that fires when the window cancels the
 * request (`$cancel` → the handler's AbortSignal); slow or failing providers are skipped.
 */
import { basename } from "node:path";
import type { CompletionItemDto, HoverDto, Position as PositionDto } from "../../protocol/workbench.js";
import { textDocument } from "../api/text-document.js";
import { CancellationTokenSource, Position } from "../api/types.js";
import type { DocumentModel } from "../documents.js";
import type { ExtensionsService } from "./extensions.js";
import { toCompletionDtos, toHoverDto } from "./type-converters.js";

export type DocumentSelector = string | { language?: string; scheme?: string; pattern?: string } | DocumentSelector[];

export interface ProviderEntry<P> {
  readonly extensionId: string;
  readonly selector: DocumentSelector;
  readonly provider: P;
}

export interface CompletionProviderLike {
  provideCompletionItems(doc: unknown, position: unknown, token: unknown, context: unknown): unknown;
}
export interface HoverProviderLike {
  provideHover(doc: unknown, position: unknown, token: unknown): unknown;
}

const TIMED_OUT = Symbol("timed out");
const CANCELLED = Symbol("cancelled");

export class LanguageFeaturesService {
  readonly completionProviders = new Set<ProviderEntry<CompletionProviderLike>>();
  readonly hoverProviders = new Set<ProviderEntry<HoverProviderLike>>();

  constructor(
    private readonly extensions: ExtensionsService,
    private readonly providerTimeoutMs: number,
  ) {}

  register<P>(set: Set<ProviderEntry<P>>, entry: ProviderEntry<P>): () => void {
    set.add(entry);
    return () => set.delete(entry);
  }

  async completions(doc: DocumentModel, position: PositionDto, signal: AbortSignal): Promise<CompletionItemDto[]> {
    const lists = await this.ask(this.completionProviders, doc, "completion provider", signal, (p, token) =>
      p.provideCompletionItems(textDocument(doc), new Position(position.line, position.character), token, {
        triggerKind: 0,
      }),
    );
    return lists.flatMap((l) => toCompletionDtos(l));
  }

  async hover(doc: DocumentModel, position: PositionDto, signal: AbortSignal): Promise<HoverDto | null> {
    const hovers = await this.ask(this.hoverProviders, doc, "hover provider", signal, (p, token) =>
      p.provideHover(textDocument(doc), new Position(position.line, position.character), token),
    );
    return toHoverDto(hovers);
  }

  /** Asks every matching provider, in parallel; slow, failing or cancelled ones give nothing. */
  private async ask<P>(
    providers: Iterable<ProviderEntry<P>>,
    doc: DocumentModel,
    what: string,
    signal: AbortSignal,
    call: (provider: P, token: unknown) => unknown,
  ): Promise<unknown[]> {
    // One source per provider: a provider skipped for being slow is cancelled alone.
    const sources: CancellationTokenSource[] = [];
    const cancel = (): void => sources.forEach((s) => s.cancel());
    signal.addEventListener("abort", cancel, { once: true });
    const cancelled = new Promise<typeof CANCELLED>((resolve) => {
      if (signal.aborted) resolve(CANCELLED);
      signal.addEventListener("abort", () => resolve(CANCELLED), { once: true });
    });
    try {
      const matching = [...providers].filter((p) => matchesSelector(p.selector, doc));
      const answers = await Promise.all(
        matching.map(async (entry) => {
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
            return r === CANCELLED ? undefined : r;
          } catch {
            return undefined;
          } finally {
            clearTimeout(timer);
          }
        }),
      );
      return answers.filter((a) => a !== undefined && a !== null);
    } finally {
      signal.removeEventListener("abort", cancel);
      sources.forEach((s) => s.dispose());
    }
  }
}

export const matchesSelector = (selector: DocumentSelector, doc: DocumentModel): boolean => {
  if (Array.isArray(selector)) return selector.some((s) => matchesSelector(s, doc));
  if (typeof selector === "string") return selector === "*" || selector === doc.languageId;
  if (selector.language && selector.language !== "*" && selector.language !== doc.languageId) return false;
  if (selector.scheme && !doc.uri.startsWith(`${selector.scheme}:`)) return false;
  if (selector.pattern) {
    const ext = selector.pattern.match(/\*\.([\w.]+)$/)?.[1];
    if (ext && !basename(doc.uri).endsWith(`.${ext}`)) return false;
  }
  return true;
};
