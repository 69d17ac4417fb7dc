/**
 * Every DiagnosticCollection of every extension (VS Code's ExtHostDiagnostics): what
 * `languages.getDiagnostics` reads, and `onDidChangeDiagnostics`, whose changed uris are
 * coalesced per tick as VS Code debounces them.
 */
import type { Diagnostic } from "../api/language-types.js";
import { EventEmitter, Uri } from "../api/types.js";

type Entries = ReadonlyArray<readonly [Uri, ReadonlyArray<Diagnostic> | undefined]>;

export class DiagnosticsService {
  private readonly collections = new Set<Map<string, Diagnostic[]>>();
  private readonly changes = new EventEmitter<{ readonly uris: readonly Uri[] }>();
  readonly onDidChange = this.changes.event;
  private pending = new Map<string, Uri>();

  /** Merged over collections, in creation order. */
  get(uri: string): Diagnostic[] {
    return [...this.collections].flatMap((c) => c.get(uri) ?? []);
  }

  all(): Array<[string, Diagnostic[]]> {
    const out = new Map<string, Diagnostic[]>();
    for (const c of this.collections) {
      for (const [uri, list] of c) out.set(uri, [...(out.get(uri) ?? []), ...list]);
    }
    return [...out];
  }

  private fire(uris: Iterable<Uri>): void {
    const first = this.pending.size === 0;
    for (const u of uris) this.pending.set(u.toString(), u);
    if (!first) return;
    setTimeout(() => {
      const list = [...this.pending.values()];
      this.pending = new Map();
      if (list.length > 0) this.changes.fire({ uris: list });
    }, 0);
  }

  /**
   * A `vscode.DiagnosticCollection`. `push` shows a uri's diagnostics in the windows (an empty
   * list removes them), `clearAll` removes the collection's everywhere.
   */
  createCollection(owner: string, push: (uri: string, list: ReadonlyArray<Diagnostic>) => void, clearAll: () => void) {
    const data = new Map<string, Diagnostic[]>();
    const uris = new Map<string, Uri>();
    this.collections.add(data);
    let disposed = false;
    const check = (): void => {
      if (disposed) throw new Error(`illegal state - DiagnosticCollection '${owner}' is disposed`);
    };
    const sync = (keys: Iterable<string>): void => {
      const changed: Uri[] = [];
      for (const key of keys) {
        push(key, data.get(key) ?? []);
        const u = uris.get(key);
        if (u) changed.push(u);
      }
      this.fire(changed);
    };
    const asUri = (u: unknown, api: string): Uri => {
      if (!(u instanceof Uri)) throw new TypeError(`DiagnosticCollection.${api}: expected a vscode.Uri`);
      return u;
    };
    const clear = (): void => {
      check();
      const all = [...uris.values()];
      data.clear();
      clearAll();
      this.fire(all);
    };
    const collection = {
      name: owner,
      set(first: Uri | Entries | undefined, diagnostics?: ReadonlyArray<Diagnostic> | undefined): void {
        if (!first) return clear();
        check();
        if (first instanceof Uri) {
          const key = first.toString();
          uris.set(key, first);
          if (!diagnostics) data.delete(key);
          else data.set(key, [...diagnostics]);
          return sync([key]);
        }
        if (!Array.isArray(first))
          throw new TypeError("DiagnosticCollection.set: expected a Uri or [Uri, Diagnostic[]] entries");
        // Entries of one uri are merged; [uri, undefined] drops what came before it (VS Code).
        const touched = new Set<string>();
        for (const [u, list] of first) {
          const key = asUri(u, "set").toString();
          uris.set(key, u);
          if (!touched.has(key)) {
            touched.add(key);
            data.set(key, []);
          }
          if (!list) data.set(key, []);
          else data.get(key)?.push(...list);
        }
        for (const key of touched) if (data.get(key)?.length === 0) data.delete(key);
        sync(touched);
      },
      delete(uri: Uri): void {
        check();
        const key = asUri(uri, "delete").toString();
        if (data.delete(key)) sync([key]);
      },
      clear,
      forEach(
        callback: (uri: Uri, diagnostics: ReadonlyArray<Diagnostic>, collection: unknown) => unknown,
        thisArg?: unknown,
      ): void {
        check();
        for (const [key, list] of data)
          callback.call(thisArg, uris.get(key) ?? Uri.parse(key), Object.freeze([...list]), collection);
      },
      get(uri: Uri): ReadonlyArray<Diagnostic> | undefined {
        check();
        const list = data.get(asUri(uri, "get").toString());
        return list && Object.freeze([...list]);
      },
      has(uri: Uri): boolean {
        check();
        return data.has(asUri(uri, "has").toString());
      },
      *[Symbol.iterator](): IterableIterator<[Uri, ReadonlyArray<Diagnostic>]> {
        check();
        for (const [key, list] of data) yield [uris.get(key) ?? Uri.parse(key), Object.freeze([...list])];
      },
      dispose: (): void => {
        if (disposed) return;
        const all = [...uris.values()];
        data.clear();
        clearAll();
        this.collections.delete(data);
        disposed = true;
        this.fire(all);
      },
    };
    return collection;
  }
}
