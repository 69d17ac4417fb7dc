/**
 * The extension host's composition root: builds the feature services, gives each extension its
 * `vscode` API facade, and serves the workbench contract on each connection as its own session.
 * Like VS Code's extHost.api.impl.ts + extensionHostMain.ts: wiring only, no feature logic.
 */
import { readdirSync, readFileSync, statSync, existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ExtHostContract, NotAWorkbench } from "../protocol/contracts/ext-host.js";
import { ExtHostTextEditorsContract } from "../protocol/contracts/text-editors.js";
import { ExtHostDocumentsContract } from "../protocol/contracts/documents.js";
import type { RpcPeer } from "../protocol/peer.js";
import { serve } from "../protocol/rpc-contract.js";
import { extensionContext } from "./api/extension-context.js";
import { setDocumentSaver } from "./api/text-document.js";
import { BUILTIN_LANGUAGES, createVscodeApi, languageOf } from "./api/vscode-api.js";
import { DocumentModel } from "./documents.js";
import { saveApi } from "./api/workspace-edit.js";
import { installVscodeModule, isInside } from "./api/vscode-module.js";
import { collectEditorContributions } from "./extensions/contributions.js";
import type { ExtensionDescription, ScanProblem } from "./extensions/scanner.js";
import type { ExtensionRuntime } from "./extensions/extension-runtime.js";
import { CommandsService, jsonSafe } from "./services/commands.js";
import { ConfigurationService } from "./services/configuration.js";
import { serveConfiguration, WorkbenchSettings } from "./services/configuration-host.js";
import { DocumentsService } from "./services/documents.js";
import { ExtensionsService } from "./services/extensions.js";
import { FileExcludes, globsTest } from "./services/file-excludes.js";
import { FilesService } from "./services/files.js";
import { FileWatcherService } from "./services/file-watcher.js";
import { WindowReports } from "./services/window-reports.js";
import { ExtHostWindowReportsContract } from "../protocol/contracts/window-reports.js";
import { DiagnosticsService } from "./services/diagnostics.js";
import { CommandRefs, textEditDtos, toPosition } from "./services/language-converters.js";
import { lookup } from "./services/configuration-model.js";
import { SaveParticipantsService } from "./services/save-participants.js";
import { LanguageConfigurationsService } from "./services/language-configurations.js";
import { setWordPatterns } from "./api/text-document.js";
import { LanguageRequests } from "./services/language-requests.js";
import { toCompletionDtos, toHoverDto } from "./services/type-converters.js";
import { LanguageFeaturesService } from "./services/language-features.js";
import { serveLanguageFeatures } from "./services/language-features-rpc.js";
import { registerLanguageCommands } from "./services/language-commands.js";
import { knownCommands, schemaText } from "./services/configuration-schemas.js";
import { LanguageWindows } from "./services/language-windows.js";
import { SearchService, SEARCH_ONLY_EXCLUDES } from "./services/search.js";
import { FileOperationParticipants } from "./services/file-operation-participants.js";
import { WorkspaceFilesService } from "./services/workspace-files.js";
import { Sessions, type Session } from "./services/sessions.js";
import { TextEditorsService } from "./services/text-editors.js";
import { WorkspaceEditService } from "./services/workspace-edit.js";
import { WindowService } from "./services/window.js";
import { ExtHostViewsContract } from "../protocol/contracts/views.js";
import { TreeViewsService, treeViewsImplementation } from "./services/tree-views.js";
import { ExtHostViewMenusContract } from "../protocol/contracts/view-menus.js";
import { viewMenusImplementation } from "./services/view-menus.js";
import { reportMenuProblems } from "./services/menu-contributions.js";
import { ExtHostMenusContract } from "../protocol/contracts/menus.js";
import { menusImplementation } from "./services/menu-commands.js";
import { ExtHostQuickInputContract } from "../protocol/contracts/quick-input.js";
import { QuickInputService } from "./services/quick-input.js";
import { DialogsService } from "./services/dialogs.js";
import { ExtHostProgressContract } from "../protocol/contracts/progress.js";
import { ProgressService } from "./services/progress.js";
import { FileSystemProviders } from "./services/file-system-providers.js";
import { SecretsService } from "./services/secrets.js";
import { EnvService } from "./services/env.js";
import { WorkspaceFoldersService } from "./services/workspace-folders.js";

export interface HostOptions {
  readonly extensions: ReadonlyArray<ExtensionDescription>;
  readonly problems: ReadonlyArray<ScanProblem>;
  readonly storageDir: string;
  /** The user's settings.json and keybindings.json (default: `User` beside the storage folder). */
  readonly userDir?: string;
  /** Extensions run under `direct-editor test`: their context says ExtensionMode.Test. */
  readonly testMode?: boolean;
  /** How long a completion/hover provider may take before it is skipped. */
  readonly providerTimeoutMs?: number;
  /** Open-document characters one window may hold (see DocumentsService). */
  readonly maxDocumentChars?: number;
  readonly log: (message: string) => void;
}

export class HostServices {
  readonly sessions = new Sessions();
  readonly window = new WindowService(this.sessions);
  readonly extensions: ExtensionsService;
  readonly commands: CommandsService;
  readonly documents: DocumentsService;
  readonly languages: LanguageFeaturesService;
  readonly files = new FilesService();
  readonly search = new SearchService(this.files);
  readonly configuration: ConfigurationService;
  readonly treeViews: TreeViewsService;
  readonly quickInput = new QuickInputService(this.sessions);
  readonly dialogs = new DialogsService(this.sessions);
  readonly progress = new ProgressService(this.sessions);
  readonly windowReports = new WindowReports();
  readonly fileSystemProviders: FileSystemProviders;
  readonly secrets: SecretsService;
  readonly env = new EnvService(this.sessions);
  readonly workspaceFolders = new WorkspaceFoldersService();
  readonly diagnostics = new DiagnosticsService();
  readonly languageConfigurations = new LanguageConfigurationsService(this.sessions);
  readonly languageWindows: LanguageWindows;
  /** Arguments of the commands providers returned, kept until the window runs one. */
  readonly commandRefs = new CommandRefs();
  readonly languageRequests: LanguageRequests;
  readonly textEditors: TextEditorsService;
  readonly workspaceEdits: WorkspaceEditService;
  readonly saveParticipants: SaveParticipantsService;
  readonly excludes: FileExcludes;
  readonly watcher: FileWatcherService;
  readonly workspaceFiles: WorkspaceFilesService;
  readonly fileOperations: FileOperationParticipants;
  readonly settings: WorkbenchSettings;
  private readonly apis = new Map<string, unknown>();

  constructor(readonly options: HostOptions) {
    this.secrets = new SecretsService(join(options.storageDir, "secrets.json"));
    this.extensions = new ExtensionsService(options, this.window);
    this.extensions.contextFor = (runtime) =>
      extensionContext(runtime, {
        storageDir: options.storageDir,
        workspaceFolder: this.sessions.target()?.workspaceFolders[0]?.uri,
        testMode: options.testMode === true,
        secrets: this.secrets,
        log: options.log,
      });
    this.commands = new CommandsService(this.extensions, this.sessions);
    this.documents = new DocumentsService(this.sessions, options.log, options.maxDocumentChars);
    // Generous: a language server's first answer waits for its project to load (seconds on a
    // busy machine), and a skipped answer is not asked again. This only guards against hangs.
    this.languages = new LanguageFeaturesService(this.extensions, options.providerTimeoutMs ?? 10_000);
    this.settings = new WorkbenchSettings(this.extensions.runtimes, this.sessions, {
      userDir: options.userDir ?? join(options.storageDir, "..", "User"),
    });
    this.configuration = this.settings.configuration;
    reportMenuProblems(this.extensions.runtimes, (id, message) =>
      this.extensions.reportError(id, "contributes.menus", message),
    );
    this.fileSystemProviders = new FileSystemProviders(
      this.sessions,
      (e) => this.extensions.activateByEvent(e),
      options.log,
      () => this.sessions.workbenches.flatMap((s) => s.documents.all.map((d) => d.uri)),
    );
    this.files.providers = this.fileSystemProviders;
    this.documents.onDidOpen.event((doc) => this.fileSystemProviders.watchOpen(doc.uri));
    this.documents.onDidClose.event((doc) => this.fileSystemProviders.unwatchOpen(doc.uri));
    // settings.json / keybindings.json schemas, generated on each read from the current registry.
    this.fileSystemProviders.registerCoreContentProvider("vscode", {
      provideTextDocumentContent: (uri) =>
        schemaText(uri, {
          settings: () => this.configuration.schemas(),
          commands: () => knownCommands(this.commands.list(), this.sessions.target()),
        }),
    });
    // `vscode.open`: any scheme with a provider (or file:) opens in the window's editor.
    this.commands.register("vscode.open", {
      extensionId: "vscode",
      handler: async (uri: unknown) => {
        if (uri === undefined || uri === null) throw new Error("vscode.open: a URI is required");
        await this.window.showTextDocument(String(uri));
      },
    });
    this.treeViews = new TreeViewsService(this.sessions, this.extensions.runtimes, (e) =>
      this.extensions.activateByEvent(e),
    );
    this.languageWindows = new LanguageWindows(this.sessions, this.languages);
    this.languageRequests = new LanguageRequests(this.languages);
    registerLanguageCommands(this.commands, this.languageRequests, (uri) => this.documentForCommand(uri));
    this.excludes = new FileExcludes(this.configuration);
    this.watcher = new FileWatcherService(this.excludes, options.log);
    this.fileOperations = new FileOperationParticipants({
      apply: (session, ops) => this.workspaceEdits.apply(session, ops),
      reportError: (extensionId, what, e) => this.extensions.reportError(extensionId, what, e),
      log: options.log,
      timeoutMs: (session) => {
        const v = lookup(this.configuration.values(session.workspaceFolders[0]?.uri), "files.participants.timeout");
        return typeof v === "number" && Number.isFinite(v) ? v : 60_000;
      },
    });
    this.workspaceFiles = new WorkspaceFilesService(
      this.sessions,
      this.files,
      this.excludes,
      this.watcher,
      this.fileOperations,
    );
    this.textEditors = new TextEditorsService(this.sessions, this.documents);
    this.workspaceEdits = new WorkspaceEditService(this.textEditors, this.fileOperations);
    this.saveParticipants = new SaveParticipantsService({
      apply: async (session, doc, { edits, setEndOfLine }) =>
        (
          await this.workspaceEdits.apply(session, [
            { kind: "text", uri: doc.uri, version: doc.version, edits, setEndOfLine },
          ])
        ).applied,
      formatOnSave: (session, doc) =>
        lookup(
          this.configuration.values(
            session.workspaceFolders.find((f) => doc.uri.startsWith(`${f.uri}/`))?.uri,
            doc.languageId,
          ),
          "editor.formatOnSave",
        ) === true,
      format: async (doc, options, signal) =>
        textEditDtos(await this.languageRequests.formatDocument(doc, options, signal)).map(({ range, text }) => ({
          range,
          text,
        })),
      reportError: (extensionId, what, e) => this.extensions.reportError(extensionId, what, e),
      log: options.log,
    });
    this.extensions.onDidChange((infos) =>
      this.sessions.broadcast((s) => {
        s.workbench.extensionsChanged(infos);
        s.workbench.commandsChanged();
      }),
    );
    setWordPatterns((languageId) => this.languageConfigurations.wordPattern(languageId));
    setDocumentSaver((uri) => saveApi(this.textEditors, () => this.sessions.target()).saveDocument(uri));
    installVscodeModule((file) => {
      const runtime = this.extensions.runtimes.find((r) => isInside(file, r.description.location));
      return runtime ? this.apiFor(runtime) : undefined;
    });
  }

  /** The `vscode` module object of one extension (created once, on its first `require`). */
  apiFor(runtime: ExtensionRuntime): unknown {
    let api = this.apis.get(runtime.id);
    if (!api) {
      api = createVscodeApi(runtime, this);
      this.apis.set(runtime.id, api);
    }
    return api;
  }

  /** The languages extensions contribute and the ones the editor knows by file extension. */
  knownLanguages(): string[] {
    const ids = new Set(BUILTIN_LANGUAGES);
    for (const r of this.extensions.runtimes) {
      for (const l of r.description.manifest.contributes?.languages ?? []) ids.add(l.id);
    }
    return [...ids];
  }

  /** The open document of `uri`, else the file read from disk (as VS Code opens it for execute* commands). */
  private documentForCommand(uri: string): DocumentModel {
    const open = this.documents.get(uri);
    if (open) return open;
    const parsed = new URL(uri);
    if (parsed.protocol !== "file:") throw new Error(`no open document ${uri}`);
    return new DocumentModel(uri, languageOf(parsed.pathname), 1, readFileSync(fileURLToPath(uri), "utf8"));
  }

  /** A new connection: a session that becomes a window's workbench when it calls `initialize`. */
  attach(peer: RpcPeer): () => void {
    const session = this.sessions.open(peer);
    const workbench = (): Session => {
      if (!session.isWorkbench) throw new NotAWorkbench({ message: "call extHost.initialize first" });
      return session;
    };
    const stop = serve(this.sessions.registrar(session), ExtHostContract, {
      initialize: async (init) => {
        this.workspaceFolders.update(session, init.workspaceFolders);
        this.documents.resetSession(session, init.documents);
        session.activeUri = init.activeDocument ?? undefined;
        this.sessions.bound(session);
        await this.extensions.activateForWorkspace(
          (pattern) => this.workspaceContains(session, pattern),
          init.documents.map((d) => d.languageId),
        );
        return this.extensions.infos();
      },
      listExtensions: () => this.extensions.infos(),
      contributions: () => collectEditorContributions(this.extensions.runtimes.map((r) => r.description)),
      listCommands: () => this.commands.list(),
      executeCommand: async ({ id, args }) => jsonSafe(await this.commands.execute(id, args)),
      documentOpened: (snapshot) => {
        const doc = this.documents.open(workbench(), snapshot);
        void this.extensions.activateByEvent(`onLanguage:${doc.languageId}`);
        return null;
      },
      documentChanged: (change) => this.documents.change(workbench(), change),
      documentSaved: (uri) => this.documents.saved(workbench(), uri),
      documentClosed: (uri) => this.documents.close(workbench(), uri),
      activeEditorChanged: ({ uri, selection }) => this.documents.activeChanged(workbench(), uri, selection),
      provideCompletions: async ({ uri, version, position }, { signal }) => {
        const doc = this.documents.at(workbench(), uri, version);
        const found = await this.languageRequests.completions(doc, toPosition(position), { triggerKind: 0 }, signal);
        return found.items.flatMap((i) => toCompletionDtos([i.item]));
      },
      provideHover: async ({ uri, version, position }, { signal }) =>
        toHoverDto(
          await this.languageRequests.hovers(
            this.documents.at(workbench(), uri, version),
            toPosition(position),
            signal,
          ),
        ),
      readDirectory: (uri) => this.workspaceFiles.readDirectory(session, uri),
      readFile: (uri) => this.files.readFile(uri),
      readImage: (uri) => this.files.readImage(uri),
      writeFile: ({ uri, content, expectedEtag }) => this.files.writeFile(uri, content, expectedEtag),
      listWorkspaceFiles: ({ maxResults }) =>
        this.search.listFiles(
          folderUris(workbench()),
          maxResults,
          globsTest([...this.excludes.filesExcludeGlobs(folderUris(workbench())[0]), ...SEARCH_ONLY_EXCLUDES]),
        ),
      findInFiles: (request, { signal }) =>
        this.search.findInFiles(
          folderUris(workbench()),
          request,
          signal,
          (files) => session.workbench.searchResults({ searchId: request.searchId, files }),
          (uri) => session.documents.get(uri)?.text,
        ),
      replaceInFiles: ({ query, replacement, uris }) =>
        this.search.replaceInFiles(folderUris(workbench()), query, replacement, uris),
    });
    const registrar = this.sessions.registrar(session);
    const stopViews = serve(
      registrar,
      ExtHostViewsContract,
      treeViewsImplementation(
        this.treeViews,
        (id, what, fn) => this.extensions.guard(id, what, fn),
        (id, args) => this.commands.execute(id, args),
      ),
    );
    const stopViewMenus = serve(
      registrar,
      ExtHostViewMenusContract,
      viewMenusImplementation(this.treeViews, (id, args) => this.commands.execute(id, args)),
    );
    const stopMenus = serve(
      registrar,
      ExtHostMenusContract,
      menusImplementation((id, args) => this.commands.execute(id, args)),
    );
    const stopQuickInput = serve(registrar, ExtHostQuickInputContract, this.quickInput.implementation());
    const stopProgress = serve(registrar, ExtHostProgressContract, this.progress.implementation());
    const stopWindowReports = serve(registrar, ExtHostWindowReportsContract, {
      colorThemeChanged: (kind) => this.windowReports.colorTheme.changed(session, kind),
      windowStateChanged: (state) => this.windowReports.state.changed(session, state),
    });
    const stopLanguages = serveLanguageFeatures(this.sessions.registrar(session), {
      service: this.languages,
      commands: this.commands,
      commandRefs: this.commandRefs,
      document: (uri, version) => this.documents.at(workbench(), uri, version),
    });
    const stopEditors = serve(
      this.sessions.registrar(session),
      ExtHostTextEditorsContract,
      this.textEditors.implementation(session),
    );
    const stopFiles = this.workspaceFiles.serve(session);
    const stopDocuments = serve(this.sessions.registrar(session), ExtHostDocumentsContract, {
      participateInSave: ({ uri, reason, options }, { signal }) =>
        this.saveParticipants.participate(workbench(), uri, reason, options, signal),
      dirtyChanged: ({ uri, isDirty }) => this.documents.dirtyChanged(workbench(), uri, isDirty),
    });
    const stopConfiguration = serveConfiguration(this.sessions.registrar(session), this.settings, session, () =>
      workbench(),
    );
    return () => {
      stop();
      stopConfiguration();
      stopLanguages();
      stopEditors();
      stopFiles();
      stopDocuments();
      stopViews();
      stopViewMenus();
      stopMenus();
      stopQuickInput();
      stopProgress();
      stopWindowReports();
      this.sessions.close(session);
    };
  }

  /** `workspaceContains:` with a path, or a glob such as `**` + `/*.ext` (searched, bounded). */
  private workspaceContains(session: Session, pattern: string): boolean {
    const folders = session.workspaceFolders.map((f) => fileURLToPath(f.uri));
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
}

const folderUris = (session: Session): string[] => session.workspaceFolders.map((f) => f.uri);

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
