/**
 * Find in Files in the window: runs a search in the extension host, collects the batches it
 * streams (keyed by search id: a late batch of an older search is dropped), cancels the previous
 * search on a new query, and replaces — in open editors' models (their unsaved text is kept),
 * on disk through the host for the rest.
 */
import type { ExtHostContract } from "../../../../protocol/contracts/ext-host.js";
import type { Proxy } from "../../../../protocol/rpc-contract.js";
import {
  replacementEdits,
  searchRegExp,
  type FileMatches,
  type FindInFilesSummary,
  type SearchResultsBatch,
  type TextSearchQuery,
} from "../../../../protocol/search.js";
import type { Documents } from "../documents.js";
import { Store } from "../store.js";

export interface SearchOptions extends TextSearchQuery {
  readonly include: string;
  readonly exclude: string;
  readonly replacement: string;
}

export interface SearchState {
  readonly searchId: string | undefined;
  readonly status: "idle" | "running" | "done" | "cancelled" | "error";
  readonly files: ReadonlyArray<FileMatches>;
  readonly matches: number;
  readonly truncated: boolean;
  readonly message?: string;
}

const IDLE: SearchState = { searchId: undefined, status: "idle", files: [], matches: 0, truncated: false };
/** The window keeps at most this many matches (the host stops there too). */
export const MAX_MATCHES = 20_000;

export class SearchModel {
  readonly options = new Store<SearchOptions>({
    pattern: "",
    isRegExp: false,
    matchCase: false,
    wholeWord: false,
    include: "",
    exclude: "",
    replacement: "",
  });
  readonly state = new Store<SearchState>(IDLE);
  private controller: AbortController | undefined;
  private nextId = 1;
  private typingTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: Proxy<typeof ExtHostContract>,
    private readonly documents: Documents,
  ) {}

  /** Search as you type: the query runs once typing pauses (a new keystroke restarts the wait). */
  runSoon(delayMs = 300): void {
    clearTimeout(this.typingTimer);
    this.typingTimer = setTimeout(() => void this.run(), delayMs);
  }

  async run(): Promise<void> {
    clearTimeout(this.typingTimer);
    this.cancel();
    const options = this.options.get();
    if (options.pattern === "") return this.state.set(IDLE);
    const regex = searchRegExp(options);
    if (typeof regex === "string") return this.state.set({ ...IDLE, status: "error", message: regex });
    const searchId = `search-${this.nextId++}-${Date.now()}`;
    const controller = new AbortController();
    this.controller = controller;
    this.state.set({ ...IDLE, searchId, status: "running" });
    const { pattern, isRegExp, matchCase, wholeWord, include, exclude } = options;
    try {
      const summary: FindInFilesSummary = await this.host.findInFiles(
        { searchId, query: { pattern, isRegExp, matchCase, wholeWord }, include, exclude, maxResults: MAX_MATCHES },
        { signal: controller.signal, timeoutMs: 0 },
      );
      if (this.state.get().searchId !== searchId) return;
      this.state.update((s) => ({ ...s, status: "done", truncated: summary.truncated }));
    } catch (e) {
      if (this.state.get().searchId !== searchId) return;
      if (controller.signal.aborted) return;
      this.state.update((s) => ({ ...s, status: "error", message: e instanceof Error ? e.message : String(e) }));
    } finally {
      if (this.controller === controller) this.controller = undefined;
    }
  }

  /** Stops the running search; what it found so far stays. */
  cancel(): void {
    clearTimeout(this.typingTimer);
    if (!this.controller) return;
    this.controller.abort();
    this.controller = undefined;
    this.state.update((s) => (s.status === "running" ? { ...s, status: "cancelled" } : s));
  }

  /** A streamed batch (Workbench `searchResults`): only the running search's are kept. */
  onResults(batch: SearchResultsBatch): void {
    const s = this.state.get();
    if (batch.searchId !== s.searchId || s.status !== "running") return;
    let room = MAX_MATCHES - s.matches;
    const files: FileMatches[] = [];
    for (const f of batch.files) {
      if (room <= 0) break;
      const matches = f.matches.slice(0, room);
      room -= matches.length;
      files.push(matches.length === f.matches.length ? f : { uri: f.uri, matches });
    }
    const added = files.reduce((n, f) => n + f.matches.length, 0);
    this.state.set({
      ...s,
      files: [...s.files, ...files],
      matches: s.matches + added,
      truncated: s.truncated || room <= 0,
    });
  }

  /** Replaces every match of the current results; returns how many were replaced. */
  async replaceAll(): Promise<number> {
    this.cancel();
    const options = this.options.get();
    const regex = searchRegExp(options);
    if (typeof regex === "string") throw new Error(regex);
    const uris = this.state.get().files.map((f) => f.uri);
    let total = 0;
    const onDisk: string[] = [];
    for (const uri of uris) {
      const model = this.documents.model(uri);
      if (!model) {
        onDisk.push(uri);
        continue;
      }
      // Open: edit the model (undoable, the editor shows it, unsaved text is kept); a clean
      // document is saved afterwards so the disk matches, a dirty one stays dirty.
      const wasDirty = this.documents.get(uri)?.dirty ?? false;
      // One edit per match: the cursor, folding and decorations elsewhere stay; one undo step.
      const edits = replacementEdits(model.getValue(), regex, options.replacement, options.isRegExp);
      if (edits.length === 0) continue;
      model.pushEditOperations(
        [],
        edits.map((e) => {
          const start = model.getPositionAt(e.start);
          const end = model.getPositionAt(e.end);
          return {
            range: {
              startLineNumber: start.lineNumber,
              startColumn: start.column,
              endLineNumber: end.lineNumber,
              endColumn: end.column,
            },
            text: e.text,
          };
        }),
        () => null,
      );
      total += edits.length;
      if (!wasDirty) await this.documents.save(uri);
    }
    if (onDisk.length > 0) {
      const { pattern, isRegExp, matchCase, wholeWord } = options;
      const result = await this.host.replaceInFiles(
        { query: { pattern, isRegExp, matchCase, wholeWord }, replacement: options.replacement, uris: onDisk },
        { timeoutMs: 0 },
      );
      total += result.replaced.reduce((n, r) => n + r.count, 0);
    }
    this.state.set(IDLE);
    return total;
  }
}
