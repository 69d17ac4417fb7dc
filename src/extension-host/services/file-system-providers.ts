/**
 * Non-`file` schemes: `workspace.registerTextDocumentContentProvider` (read-only virtual
 * documents) and `workspace.registerFileSystemProvider` (read, write, list). FilesService routes
 * every non-`file:` URI here, so editors open, edit and save them like files; a provider's change
 * event tells the windows, which reload clean editors of that URI. As in VS Code, the file of
 * every open editor is watched through the provider's `watch` (providers of remote or virtual file
 * systems often report changes only for what is watched).
 */
import { createHash } from "node:crypto";
import { FileModifiedOnDisk, FileSystemFailure } from "../../protocol/contracts/ext-host.js";
import { WorkbenchFileSystemProvidersContract } from "../../protocol/contracts/file-system-providers.js";
import type { FileContent, FileEntry } from "../../protocol/workbench.js";
import { proxy, type Proxy } from "../../protocol/rpc-contract.js";
import { CancellationTokenSource, Uri } from "../api/types.js";
import type { Session, Sessions } from "./sessions.js";

type Awaitable<T> = T | PromiseLike<T>;

export interface TextDocumentContentProvider {
  provideTextDocumentContent(uri: Uri, token: unknown): Awaitable<string | null | undefined>;
  onDidChange?: (listener: (uri: Uri) => unknown) => { dispose(): unknown };
}

/** FileType bits: File 1, Directory 2, SymbolicLink 64. */
export interface FileStat {
  readonly type: number;
  readonly ctime: number;
  readonly mtime: number;
  readonly size: number;
  readonly permissions?: number;
}

export interface FileSystemProvider {
  stat(uri: Uri): Awaitable<FileStat>;
  readDirectory(uri: Uri): Awaitable<ReadonlyArray<readonly [string, number]>>;
  createDirectory(uri: Uri): Awaitable<void>;
  readFile(uri: Uri): Awaitable<Uint8Array>;
  writeFile(uri: Uri, content: Uint8Array, options: { create: boolean; overwrite: boolean }): Awaitable<void>;
  delete(uri: Uri, options: { recursive: boolean }): Awaitable<void>;
  rename(oldUri: Uri, newUri: Uri, options: { overwrite: boolean }): Awaitable<void>;
  copy?(source: Uri, destination: Uri, options: { overwrite: boolean }): Awaitable<void>;
  watch?(uri: Uri, options: unknown): { dispose(): unknown };
  onDidChangeFile?: (listener: (events: ReadonlyArray<{ type: number; uri: Uri }>) => unknown) => {
    dispose(): unknown;
  };
}

type Registration =
  | { readonly kind: "content"; readonly extensionId: string; readonly provider: TextDocumentContentProvider }
  | {
      readonly kind: "fs";
      readonly extensionId: string;
      readonly provider: FileSystemProvider;
      readonly readonly: boolean;
      readonly caseSensitive: boolean;
    };

/** Schemes the host owns itself. */
const RESERVED = new Set(["file", "untitled", "vscode", "http", "https"]);

const etagOf = (text: string | Uint8Array): string => createHash("sha256").update(text).digest("hex");

const proxies = new WeakMap<Session, Proxy<typeof WorkbenchFileSystemProvidersContract>>();
const windowOf = (s: Session): Proxy<typeof WorkbenchFileSystemProvidersContract> => {
  let p = proxies.get(s);
  if (!p) {
    p = proxy(s.peer, WorkbenchFileSystemProvidersContract);
    proxies.set(s, p);
  }
  return p;
};

/** A provider's throw as the wire's FileSystemFailure, keeping FileSystemError's code (FileNotFound…). */
export const providerFailure = (uri: string, e: unknown): FileSystemFailure => {
  if (e instanceof FileSystemFailure) return e;
  const code = typeof e === "object" && e !== null && "code" in e ? String(e.code) : "Unknown";
  return new FileSystemFailure({ uri, code, message: `${uri}: ${e instanceof Error ? e.message : String(e)}` });
};

const schemeOf = (uri: string): string => /^([a-zA-Z][\w+.-]*):/.exec(uri)?.[1] ?? "";

/** One watched URI: how many open editors (over all windows) need it, and the provider's handle. */
interface Watch {
  refs: number;
  readonly provider: FileSystemProvider;
  readonly handle: { dispose(): unknown } | undefined;
}

export class FileSystemProviders {
  private readonly schemes = new Map<string, Registration>();
  private readonly watches = new Map<string, Watch>();

  constructor(
    private readonly sessions: Sessions,
    /** `onFileSystem:<scheme>` activation, before the first use of a scheme with no provider. */
    private readonly activateByEvent: (event: string) => Promise<void> = () => Promise.resolve(),
    private readonly log: (message: string) => void = () => undefined,
    /** Every window's open documents (a URI once per window showing it). */
    private readonly openDocuments: () => ReadonlyArray<string> = () => [],
  ) {}

  /**
   * An editor of `uri` opened: the provider watches it (not recursively), once however many
   * windows show it, as VS Code's file service does for an open model outside a watched folder.
   */
  watchOpen(uri: string): void {
    const existing = this.watches.get(uri);
    if (existing) {
      existing.refs++;
      return;
    }
    const r = this.schemes.get(schemeOf(uri));
    if (r?.kind !== "fs" || typeof r.provider.watch !== "function") return;
    let handle: { dispose(): unknown } | undefined;
    try {
      handle = r.provider.watch(Uri.parse(uri), { recursive: false, excludes: [] });
    } catch (e) {
      this.log(`${r.extensionId}: watch(${uri}) failed: ${e instanceof Error ? e.message : String(e)}`);
    }
    this.watches.set(uri, { refs: 1, provider: r.provider, handle });
  }

  /** The last editor of `uri` closed: the provider's watch is disposed. */
  unwatchOpen(uri: string): void {
    const watch = this.watches.get(uri);
    if (!watch || --watch.refs > 0) return;
    this.watches.delete(uri);
    this.disposeWatch(uri, watch);
  }

  private disposeWatch(uri: string, watch: Watch): void {
    try {
      watch.handle?.dispose();
    } catch (e) {
      this.log(`disposing the watch of ${uri} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  has(scheme: string): boolean {
    return this.schemes.has(scheme);
  }

  fileSystem(scheme: string): FileSystemProvider | undefined {
    const r = this.schemes.get(scheme);
    return r?.kind === "fs" ? r.provider : undefined;
  }

  isReadonly(scheme: string): boolean {
    const r = this.schemes.get(scheme);
    return r?.kind === "content" || (r?.kind === "fs" && r.readonly);
  }

  registerContentProvider(extensionId: string, scheme: string, provider: TextDocumentContentProvider): () => void {
    this.checkScheme(scheme, "registerTextDocumentContentProvider");
    if (!provider || typeof provider.provideTextDocumentContent !== "function") {
      throw new Error(
        "vscode.workspace.registerTextDocumentContentProvider: the provider must implement provideTextDocumentContent",
      );
    }
    return this.add(
      scheme,
      { kind: "content", extensionId, provider },
      provider.onDidChange?.((uri) => this.changed([uri])),
    );
  }

  /** The host's own documents under a reserved scheme (`vscode://schemas/…`): no extension may take it. */
  registerCoreContentProvider(scheme: "vscode", provider: TextDocumentContentProvider): () => void {
    if (this.schemes.has(scheme)) throw new Error(`a provider for '${scheme}' is already registered`);
    return this.add(scheme, { kind: "content", extensionId: "vscode", provider }, undefined);
  }

  registerFileSystemProvider(
    extensionId: string,
    scheme: string,
    provider: FileSystemProvider,
    options: { isCaseSensitive?: boolean; isReadonly?: boolean | unknown } = {},
  ): () => void {
    this.checkScheme(scheme, "registerFileSystemProvider");
    for (const m of [
      "stat",
      "readDirectory",
      "readFile",
      "writeFile",
      "createDirectory",
      "delete",
      "rename",
    ] as const) {
      if (!provider || typeof provider[m] !== "function") {
        throw new Error(`vscode.workspace.registerFileSystemProvider: the provider must implement ${m}`);
      }
    }
    const registration: Registration = {
      kind: "fs",
      extensionId,
      provider,
      // isReadonly may be a MarkdownString (the reason): any value means read-only.
      readonly: Boolean(options.isReadonly),
      caseSensitive: options.isCaseSensitive !== false,
    };
    const watch = provider.onDidChangeFile?.((events) => this.changed(events.map((e) => e.uri)));
    const unregister = this.add(scheme, registration, watch);
    // Editors restored before the provider came (its extension activates on first use) watch now.
    for (const uri of this.openDocuments()) if (schemeOf(uri) === scheme) this.watchOpen(uri);
    return unregister;
  }

  async readFile(uri: string): Promise<FileContent> {
    const r = await this.registration(uri);
    try {
      if (r.kind === "content") {
        const cts = new CancellationTokenSource();
        const text = await r.provider.provideTextDocumentContent(Uri.parse(uri), cts.token);
        cts.dispose();
        if (typeof text !== "string") throw Object.assign(new Error("no content provided"), { code: "FileNotFound" });
        return { text, etag: etagOf(text), readonly: true };
      }
      const bytes = await r.provider.readFile(Uri.parse(uri));
      return { text: new TextDecoder().decode(bytes), etag: etagOf(bytes), ...(r.readonly ? { readonly: true } : {}) };
    } catch (e) {
      throw providerFailure(uri, e);
    }
  }

  async writeFile(uri: string, content: string, expectedEtag: string | null): Promise<string> {
    const r = await this.registration(uri);
    if (r.kind === "content" || r.readonly) {
      throw new FileSystemFailure({ uri, code: "NoPermissions", message: `${uri} is read-only` });
    }
    const target = Uri.parse(uri);
    try {
      if (expectedEtag !== null) {
        const current = await Promise.resolve(r.provider.readFile(target)).catch(() => undefined);
        if (current && etagOf(current) !== expectedEtag) {
          throw new FileModifiedOnDisk({ uri, message: `${uri} changed since it was opened` });
        }
      }
      const bytes = new TextEncoder().encode(content);
      await r.provider.writeFile(target, bytes, { create: true, overwrite: true });
      return etagOf(bytes);
    } catch (e) {
      if (e instanceof FileModifiedOnDisk) throw e;
      throw providerFailure(uri, e);
    }
  }

  async readDirectory(uri: string): Promise<FileEntry[]> {
    const r = await this.registration(uri);
    if (r.kind === "content")
      throw new FileSystemFailure({ uri, code: "FileNotADirectory", message: `${uri} is not a directory` });
    try {
      const base = Uri.parse(uri);
      const entries = await r.provider.readDirectory(base);
      return entries
        .map(([name, type]): FileEntry => ({
          name,
          uri: Uri.joinPath(base, name).toString(),
          kind: type & 2 ? "directory" : "file",
        }))
        .sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === "directory" ? -1 : 1));
    } catch (e) {
      throw providerFailure(uri, e);
    }
  }

  private async registration(uri: string): Promise<Registration> {
    const scheme = schemeOf(uri);
    if (scheme && !this.schemes.has(scheme)) await this.activateByEvent(`onFileSystem:${scheme}`);
    const r = this.schemes.get(scheme);
    if (!r) {
      throw new FileSystemFailure({
        uri,
        code: "Unavailable",
        message: `no file system provider for scheme '${scheme}'`,
      });
    }
    return r;
  }

  private checkScheme(scheme: string, api: string): void {
    if (typeof scheme !== "string" || !/^[a-zA-Z][\w+.-]*$/.test(scheme)) {
      throw new Error(`vscode.workspace.${api}: '${String(scheme)}' is not a valid URI scheme`);
    }
    if (RESERVED.has(scheme)) throw new Error(`vscode.workspace.${api}: the scheme '${scheme}' is reserved`);
    if (this.schemes.has(scheme))
      throw new Error(`vscode.workspace.${api}: a provider for '${scheme}' is already registered`);
  }

  private add(
    scheme: string,
    registration: Registration,
    subscription: { dispose(): unknown } | undefined,
  ): () => void {
    this.schemes.set(scheme, registration);
    return () => {
      subscription?.dispose();
      if (this.schemes.get(scheme) === registration) this.schemes.delete(scheme);
      // The provider is gone: so are its watches (open editors of the scheme watch nothing now).
      if (registration.kind !== "fs") return;
      for (const [uri, watch] of this.watches) {
        if (watch.provider !== registration.provider) continue;
        this.watches.delete(uri);
        this.disposeWatch(uri, watch);
      }
    };
  }

  /** Windows reload clean editors of these URIs. */
  private changed(uris: ReadonlyArray<Uri>): void {
    const list = [...new Set(uris.map((u) => u.toString()))];
    if (list.length > 0) this.sessions.broadcast((s) => windowOf(s).resourcesChanged(list));
  }
}
