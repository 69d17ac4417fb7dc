/**
 * The extension host proper: loads and activates extensions, keeps what they register
 * (commands, providers, diagnostics, status bar items, output channels), and serves the
 * workbench (ExtHost.* methods of src/protocol/workbench.ts). Every call into extension code
 * is guarded: a throw or rejection is written to that extension's Output channel and never
 * reaches the host or other extensions; providers that do not answer in time are skipped.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Schema } from "effect";
import type { RpcPeer } from "../protocol/peer.js";
import {
  DocumentChange,
  DocumentSnapshot,
  ExtHost,
  InitData,
  Position as PositionDto,
  Workbench,
  type CommandInfo,
  type CompletionItemDto,
  type DiagnosticDto,
  type FileEntry,
  type HoverDto,
  type StatusBarItemDto,
  type WorkspaceFolderDto,
} from "../protocol/workbench.js";
import { createVscodeApi } from "./api/vscode-api.js";
import { installVscodeModule, isInside } from "./api/vscode-module.js";
import { textDocument } from "./api/text-document.js";
import { CancellationTokenSource, EventEmitter, Position, Uri } from "./api/types.js";
import { DocumentStore, type DocumentModel } from "./documents.js";
import { ExtensionRuntime, type ExtensionModule } from "./extensions/extension-runtime.js";
import { FileMemento } from "./extensions/memento.js";
import type { ExtensionDescription, ScanProblem } from "./extensions/scanner.js";
import { collectEditorContributions } from "./extensions/contributions.js";

export interface CoreOptions {
  readonly extensions: ReadonlyArray<ExtensionDescription>;
  readonly problems: ReadonlyArray<ScanProblem>;
  readonly storageDir: string;
  /** How long a completion/hover provider may take before it is skipped. */
  readonly providerTimeoutMs?: number;
  readonly log: (message: string) => void;
}

export interface RegisteredCommand {
  readonly extensionId: string;
  readonly handler: (...args: unknown[]) => unknown;
}

export type DocumentSelector = string | { language?: string; scheme?: string; pattern?: string } | DocumentSelector[];

export interface ProviderEntry<P> {
  readonly extensionId: string;
  readonly selector: DocumentSelector;
  readonly provider: P;
}

const describe = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Turns a method's params into typed values, or throws a message the caller sees as RemoteError. */
const parse = <S extends Schema.Top>(schema: S, value: unknown, what: string): S["Type"] => {
  try {
    return Schema.decodeUnknownSync(schema as never)(value) as S["Type"];
  } catch (e) {
    throw new Error(`invalid ${what}: ${describe(e)}`, { cause: e });
  }
};

const UriParam = Schema.String;
const UriPositionParams = Schema.Tuple([UriParam, PositionDto]);

export class ExtensionHostCore {
  readonly documents = new DocumentStore();
  readonly commands = new Map<string, RegisteredCommand>();
  readonly completionProviders = new Set<ProviderEntry<CompletionProviderLike>>();
  readonly hoverProviders = new Set<ProviderEntry<HoverProviderLike>>();
  readonly statusBarItems = new Map<string, StatusBarItemDto>();
  readonly configuration = new Map<string, unknown>();
  workspaceFolders: WorkspaceFolderDto[] = [];
  activeUri: string | undefined;
  activeSelection: { start: PositionDto; end: PositionDto } | undefined;

  readonly onDidOpenTextDocument = new EventEmitter<DocumentModel>();
  readonly onDidChangeTextDocument = new EventEmitter<{ doc: DocumentModel; change: DocumentChange }>();
  readonly onDidSaveTextDocument = new EventEmitter<DocumentModel>();
  readonly onDidCloseTextDocument = new EventEmitter<DocumentModel>();
  readonly onDidChangeActiveEditor = new EventEmitter<DocumentModel | undefined>();
  readonly onDidChangeConfiguration = new EventEmitter<string>();

  private readonly runtimes: ExtensionRuntime[];
  private readonly apis = new Map<string, unknown>();
  private renderer: RpcPeer | undefined;
  private startupFinished = false;
  private readonly providerTimeoutMs: number;

  constructor(private readonly options: CoreOptions) {
    this.providerTimeoutMs = options.providerTimeoutMs ?? 1_500;
    const storage = (kind: string, id: string) => new FileMemento(join(options.storageDir, kind, `${id}.json`));
    this.runtimes = options.extensions.map(
      (d) => new ExtensionRuntime(d, storage("global", d.id), storage("workspace", d.id)),
    );
    for (const r of this.runtimes) this.collectConfigurationDefaults(r);
    installVscodeModule((file) => {
      const runtime = this.runtimes.find((r) => isInside(file, r.description.location));
      return runtime ? this.apiFor(runtime) : undefined;
    });
    for (const p of options.problems) options.log(`extension at ${p.location} not loaded: ${p.message}`);
  }

  get extensions(): readonly ExtensionRuntime[] {
    return this.runtimes;
  }

  // ── the workbench connection ──────────────────────────────────────────────────────────────

  /** Serves the workbench methods on a new connection; the newest one is the workbench. */
  attach(peer: RpcPeer): () => void {
    this.renderer = peer;
    const handlers: Array<[string, (params: ReadonlyArray<unknown>) => unknown]> = [
      [ExtHost.initialize, (p) => this.initialize(parse(InitData, p[0], "init data"))],
      [ExtHost.listExtensions, () => this.runtimes.map((r) => r.info())],
      [ExtHost.listCommands, () => this.listCommands()],
      [ExtHost.executeCommand, (p) => this.executeCommand(parse(Schema.String, p[0], "command id"), p.slice(1))],
      [ExtHost.documentOpened, (p) => this.documentOpened(parse(DocumentSnapshot, p[0], "document"))],
      [ExtHost.documentChanged, (p) => this.documentChanged(parse(DocumentChange, p[0], "document change"))],
      [ExtHost.documentSaved, (p) => this.documentSaved(parse(UriParam, p[0], "uri"))],
      [ExtHost.documentClosed, (p) => this.documentClosed(parse(UriParam, p[0], "uri"))],
      [ExtHost.activeEditorChanged, (p) => this.activeEditorChanged(p)],
      [ExtHost.provideCompletions, (p) => this.provideCompletions(...parse(UriPositionParams, p, "params"))],
      [ExtHost.provideHover, (p) => this.provideHover(...parse(UriPositionParams, p, "params"))],
      [ExtHost.readDirectory, (p) => this.readDirectory(parse(UriParam, p[0], "uri"))],
      [ExtHost.readFile, (p) => readFileSync(fileURLToPath(parse(UriParam, p[0], "uri")), "utf8")],
      [ExtHost.writeFile, (p) => this.writeFile(parse(UriParam, p[0], "uri"), parse(Schema.String, p[1], "content"))],
    ];
    // ── editor contributions (Monaco branch): languages, grammars, themes with their files ──
    handlers.push([ExtHost.contributions, () => collectEditorContributions(this.runtimes.map((r) => r.description))]);
    const disposers = handlers.map(([method, handler]) => peer.register(method, handler));
    return () => {
      disposers.forEach((d) => d());
      if (this.renderer === peer) this.renderer = undefined;
    };
  }

  /** Fire-and-forget to the workbench; dropped when none is connected (it re-syncs on connect). */
  notifyWorkbench(method: string, params: ReadonlyArray<unknown>): void {
    this.renderer?.notify(method, params);
  }

  callWorkbench(method: string, params: ReadonlyArray<unknown>): Promise<unknown> {
    if (!this.renderer || this.renderer.isClosed) return Promise.reject(new Error("no workbench is connected"));
    return this.renderer.call(method, params, { timeoutMs: 0 });
  }

  // ── extension errors ─────────────────────────────────────────────────────────────────────

  /** Writes to the extension's own Output channel, where its author will look. */
  reportError(extensionId: string, what: string, e: unknown): void {
    const detail = e instanceof Error ? (e.stack ?? e.message) : String(e);
    this.options.log(`[${extensionId}] ${what}: ${describe(e)}`);
    this.notifyWorkbench(Workbench.outputAppend, [`Extension: ${extensionId}`, `[error] ${what}: ${detail}\n`]);
  }

  /** Runs extension code; a throw or rejection is reported and rethrown as a plain message. */
  async guard<T>(extensionId: string, what: string, fn: () => T | Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      this.reportError(extensionId, what, e);
      throw new Error(`${what} failed in extension '${extensionId}': ${describe(e)}`, { cause: e });
    }
  }

  // ── activation ──────────────────────────────────────────────────────────────────────────

  async activateByEvent(event: string): Promise<void> {
    const matching = this.runtimes.filter(
      (r) => r.activationEvents.includes(event) || r.activationEvents.includes("*"),
    );
    await Promise.all(matching.map((r) => this.activate(r, event).catch(() => undefined)));
  }

  activate(runtime: ExtensionRuntime, reason: string): Promise<void> {
    runtime.activation ??= this.doActivate(runtime, reason);
    return runtime.activation;
  }

  private async doActivate(runtime: ExtensionRuntime, reason: string): Promise<void> {
    const { manifest, location } = runtime.description;
    const started = performance.now();
    try {
      if (manifest.main) {
        const requireFromExtension = createRequire(join(location, "package.json"));
        const mod = requireFromExtension(resolve(location, manifest.main)) as ExtensionModule;
        runtime.module = mod;
        if (typeof mod.activate === "function") {
          runtime.exports = await this.guard(runtime.id, "activate", () => mod.activate!(this.contextFor(runtime)));
        }
      }
      runtime.activated = true;
      runtime.activationMs = Math.round((performance.now() - started) * 10) / 10;
      this.options.log(`activated ${runtime.id} (${reason}) in ${runtime.activationMs} ms`);
    } catch (e) {
      runtime.error = describe(e);
      if (!(e instanceof Error && e.message.includes("failed in extension"))) {
        this.reportError(runtime.id, "loading", e);
      }
      throw e;
    } finally {
      this.notifyWorkbench(Workbench.extensionsChanged, [this.runtimes.map((r) => r.info())]);
      this.notifyWorkbench(Workbench.commandsChanged, []);
    }
  }

  async deactivateAll(): Promise<void> {
    for (const r of this.runtimes.filter((x) => x.activated)) {
      await this.guard(r.id, "deactivate", () => r.module?.deactivate?.()).catch(() => undefined);
      for (const d of r.subscriptions.splice(0)) {
        try {
          d.dispose();
        } catch (e) {
          this.reportError(r.id, "dispose", e);
        }
      }
    }
  }

  private contextFor(runtime: ExtensionRuntime): unknown {
    const { location } = runtime.description;
    return {
      subscriptions: runtime.subscriptions,
      extensionPath: location,
      extensionUri: Uri.file(location),
      globalState: mementoApi(runtime.globalState),
      workspaceState: mementoApi(runtime.workspaceState),
      storagePath: join(this.options.storageDir, "workspace", runtime.id),
      globalStoragePath: join(this.options.storageDir, "global", runtime.id),
      asAbsolutePath: (relative: string) => join(location, relative),
      extension: { id: runtime.id, extensionPath: location, packageJSON: runtime.description.manifest },
    };
  }

  apiFor(runtime: ExtensionRuntime): unknown {
    let api = this.apis.get(runtime.id);
    if (!api) {
      api = createVscodeApi(runtime, this);
      this.apis.set(runtime.id, api);
    }
    return api;
  }

  private collectConfigurationDefaults(runtime: ExtensionRuntime): void {
    const c = runtime.description.manifest.contributes?.configuration;
    // Array.isArray does not narrow readonly arrays, hence the explicit shape.
    const sections = (c === undefined ? [] : Array.isArray(c) ? c : [c]) as ReadonlyArray<{
      readonly properties?: Readonly<Record<string, { readonly default?: unknown }>>;
    }>;
    for (const section of sections) {
      for (const [key, prop] of Object.entries(section.properties ?? {})) {
        if (!this.configuration.has(key) && prop.default !== undefined) this.configuration.set(key, prop.default);
      }
    }
  }

  // ── ExtHost.* ───────────────────────────────────────────────────────────────────────────

  private async initialize(init: InitData): Promise<unknown> {
    this.workspaceFolders = [...init.workspaceFolders];
    for (const d of init.documents) this.documents.open(d);
    this.activeUri = init.activeDocument ?? undefined;
    await this.activateByEvent("*");
    for (const r of this.runtimes) {
      for (const event of r.activationEvents) {
        if (
          event.startsWith("workspaceContains:") &&
          this.workspaceContains(event.slice("workspaceContains:".length))
        ) {
          await this.activate(r, event).catch(() => undefined);
        }
      }
    }
    for (const d of init.documents) await this.activateByEvent(`onLanguage:${d.languageId}`);
    if (!this.startupFinished) {
      this.startupFinished = true;
      // Not awaited: onStartupFinished must not delay the workbench.
      void this.activateByEvent("onStartupFinished");
    }
    return this.runtimes.map((r) => r.info());
  }

  /** `workspaceContains:` with a path, or a glob such as `**` + `/*.ext` (searched, bounded). */
  private workspaceContains(pattern: string): boolean {
    const folders = this.workspaceFolders.map((f) => fileURLToPath(f.uri));
    if (!pattern.includes("*")) return folders.some((f) => existsSync(join(f, pattern)));
    const regex = new RegExp(
      `^${pattern
        .replace(/[.+^${}()|[\]\\]/g, "\\$&")
        .replace(/\*\*\//g, "(?:.*/)?")
        .replace(/\*/g, "[^/]*")}$`,
    );
    let budget = 5_000;
    const walk = (root: string, dir: string): boolean => {
      for (const name of safeReaddir(dir)) {
        if (--budget < 0) return false;
        if (name === "node_modules" || name.startsWith(".")) continue;
        const full = join(dir, name);
        const rel = full
          .slice(root.length + 1)
          .split("\\")
          .join("/");
        if (regex.test(rel)) return true;
        if (isDirectory(full) && walk(root, full)) return true;
      }
      return false;
    };
    return folders.some((f) => walk(f, f));
  }

  private listCommands(): CommandInfo[] {
    const out = new Map<string, CommandInfo>();
    for (const r of this.runtimes) {
      for (const c of r.description.manifest.contributes?.commands ?? []) {
        out.set(c.command, {
          id: c.command,
          title: c.title,
          ...(c.category ? { category: c.category } : {}),
          extensionId: r.id,
        });
      }
    }
    for (const [id, c] of this.commands) if (!out.has(id)) out.set(id, { id, title: id, extensionId: c.extensionId });
    return [...out.values()];
  }

  async executeCommand(id: string, args: ReadonlyArray<unknown>): Promise<unknown> {
    await this.activateByEvent(`onCommand:${id}`);
    const command = this.commands.get(id);
    if (!command) throw new Error(`command '${id}' not found`);
    const result = await this.guard(command.extensionId, `command '${id}'`, () => command.handler(...args));
    return jsonSafe(result);
  }

  private documentOpened(snapshot: DocumentSnapshot): void {
    const doc = this.documents.open(snapshot);
    void this.activateByEvent(`onLanguage:${doc.languageId}`).then(() => this.onDidOpenTextDocument.fire(doc));
  }

  private documentChanged(change: DocumentChange): void {
    const doc = this.documents.change(change);
    this.onDidChangeTextDocument.fire({ doc, change });
  }

  private documentSaved(uri: string): void {
    const doc = this.documents.get(uri);
    if (doc) this.onDidSaveTextDocument.fire(doc);
  }

  private documentClosed(uri: string): void {
    const doc = this.documents.close(uri);
    if (doc) this.onDidCloseTextDocument.fire(doc);
  }

  private activeEditorChanged(params: ReadonlyArray<unknown>): void {
    const uri = params[0] === null ? undefined : parse(UriParam, params[0], "uri");
    this.activeUri = uri;
    this.activeSelection = undefined;
    this.onDidChangeActiveEditor.fire(uri ? this.documents.get(uri) : undefined);
  }

  /** Asks every matching provider, in parallel; slow or failing ones are skipped. */
  private async askProviders<P, R>(
    providers: Iterable<ProviderEntry<P>>,
    uri: string,
    what: string,
    ask: (entry: ProviderEntry<P>, doc: DocumentModel) => unknown,
  ): Promise<R[]> {
    const doc = this.documents.get(uri);
    if (!doc) return [];
    const matching = [...providers].filter((p) => matchesSelector(p.selector, doc));
    const answers = await Promise.all(
      matching.map((entry) =>
        withTimeout(
          this.guard(entry.extensionId, what, () => ask(entry, doc)),
          this.providerTimeoutMs,
        ).then(
          (r) =>
            r === TIMED_OUT
              ? (this.reportError(entry.extensionId, what, `no answer within ${this.providerTimeoutMs} ms; skipped`),
                undefined)
              : r,
          () => undefined,
        ),
      ),
    );
    return answers.filter((a) => a !== undefined && a !== null) as R[];
  }

  private async provideCompletions(uri: string, position: PositionDto): Promise<CompletionItemDto[]> {
    const lists = await this.askProviders<CompletionProviderLike, unknown>(
      this.completionProviders,
      uri,
      "completion provider",
      (entry, doc) =>
        entry.provider.provideCompletionItems(
          textDocument(doc),
          new Position(position.line, position.character),
          new CancellationTokenSource().token,
          { triggerKind: 0 },
        ),
    );
    return lists.flatMap((l) => toCompletionDtos(l));
  }

  private async provideHover(uri: string, position: PositionDto): Promise<HoverDto | null> {
    const hovers = await this.askProviders<HoverProviderLike, { contents: unknown[]; range?: unknown }>(
      this.hoverProviders,
      uri,
      "hover provider",
      (entry, doc) =>
        entry.provider.provideHover(
          textDocument(doc),
          new Position(position.line, position.character),
          new CancellationTokenSource().token,
        ),
    );
    if (hovers.length === 0) return null;
    return { contents: hovers.flatMap((h) => h.contents.map(markdownText)) };
  }

  private readDirectory(uri: string): FileEntry[] {
    const dir = fileURLToPath(uri);
    return safeReaddir(dir)
      .map((name) => {
        const full = join(dir, name);
        return {
          name,
          uri: pathToFileURL(full).toString(),
          kind: isDirectory(full) ? ("directory" as const) : ("file" as const),
        };
      })
      .sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === "directory" ? -1 : 1));
  }

  private writeFile(uri: string, content: string): null {
    const path = fileURLToPath(uri);
    mkdirSync(resolve(path, ".."), { recursive: true });
    writeFileSync(path, content);
    return null;
  }

  pushDiagnostics(owner: string, uri: string, diagnostics: DiagnosticDto[]): void {
    this.notifyWorkbench(Workbench.diagnosticsSet, [owner, uri, diagnostics]);
  }
}

export interface CompletionProviderLike {
  provideCompletionItems(doc: unknown, position: unknown, token: unknown, context: unknown): unknown;
}
export interface HoverProviderLike {
  provideHover(doc: unknown, position: unknown, token: unknown): unknown;
}

const TIMED_OUT = Symbol("timed out");
const withTimeout = <T>(p: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> =>
  new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => resolvePromise(TIMED_OUT), ms);
    p.then(
      (v) => (clearTimeout(timer), resolvePromise(v)),
      (e: unknown) => (clearTimeout(timer), reject(e)),
    );
  });

const safeReaddir = (dir: string): string[] => {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
};
const isDirectory = (p: string): boolean => {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
};

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

const markdownText = (c: unknown): string =>
  typeof c === "string"
    ? c
    : typeof c === "object" && c !== null && "value" in c
      ? String((c as { value: unknown }).value)
      : String(c);

const COMPLETION_KINDS = [
  "Text",
  "Method",
  "Function",
  "Constructor",
  "Field",
  "Variable",
  "Class",
  "Interface",
  "Module",
  "Property",
  "Unit",
  "Value",
  "Enum",
  "Keyword",
  "Snippet",
  "Color",
  "File",
  "Reference",
  "Folder",
];

const toCompletionDtos = (list: unknown): CompletionItemDto[] => {
  const items = Array.isArray(list)
    ? list
    : typeof list === "object" && list !== null && "items" in list
      ? (list as { items: unknown[] }).items
      : [];
  return items.flatMap((raw): CompletionItemDto[] => {
    if (typeof raw !== "object" || raw === null) return [];
    const i = raw as {
      label?: unknown;
      kind?: unknown;
      detail?: unknown;
      documentation?: unknown;
      insertText?: unknown;
      range?: unknown;
    };
    const label =
      typeof i.label === "string"
        ? i.label
        : typeof i.label === "object" && i.label && "label" in i.label
          ? String((i.label as { label: unknown }).label)
          : undefined;
    if (!label) return [];
    const range = i.range as { start?: PositionDto; end?: PositionDto } | undefined;
    return [
      {
        label,
        ...(typeof i.kind === "number" && COMPLETION_KINDS[i.kind] ? { kind: COMPLETION_KINDS[i.kind]! } : {}),
        ...(typeof i.detail === "string" ? { detail: i.detail } : {}),
        ...(i.documentation !== undefined ? { documentation: markdownText(i.documentation) } : {}),
        ...(typeof i.insertText === "string"
          ? { insertText: i.insertText }
          : typeof i.insertText === "object" && i.insertText && "value" in i.insertText
            ? { insertText: String((i.insertText as { value: unknown }).value) }
            : {}),
        ...(range?.start && range.end
          ? {
              range: {
                start: { line: range.start.line, character: range.start.character },
                end: { line: range.end.line, character: range.end.character },
              },
            }
          : {}),
      },
    ];
  });
};

/** Command results cross the wire as JSON; anything else becomes its JSON form or null. */
const jsonSafe = (v: unknown): unknown => {
  if (v === undefined) return null;
  try {
    return JSON.parse(JSON.stringify(v)) as unknown;
  } catch {
    return null;
  }
};

const mementoApi = (m: FileMemento) => ({
  keys: () => m.keys(),
  get: <T>(key: string, defaultValue?: T) => m.get(key, defaultValue),
  update: (key: string, value: unknown) => m.update(key, value),
});
