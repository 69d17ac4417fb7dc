/**
 * Everything the extension host can ask of the workbench (its WorkbenchContract), kept in small
 * stores the React components render. `serve` validates incoming params with the contract's
 * Schemas: a malformed request fails that request, nothing else.
 */
import type { EditorHostBridge } from "../../../protocol/ipc.js";
import { ChannelContract } from "../../../protocol/contracts/channel.js";
import { ExtHostContract } from "../../../protocol/contracts/ext-host.js";
import { ExtHostDocumentsContract } from "../../../protocol/contracts/documents.js";
import { WorkbenchFileCommandsContract } from "../../../protocol/contracts/file-commands.js";
import { ExtHostFilesContract, WorkbenchFilesContract } from "../../../protocol/contracts/files.js";
import { WorkbenchContract } from "../../../protocol/contracts/workbench.js";
import { WorkbenchLanguageFeaturesContract } from "../../../protocol/contracts/language-features.js";
import { WorkbenchLanguageConfigurationContract } from "../../../protocol/contracts/language-configuration.js";
import { WorkbenchSchemasContract } from "../../../protocol/contracts/configuration-schemas.js";
import { proxy, serve, type Proxy } from "../../../protocol/rpc-contract.js";
import type {
  CommandInfo,
  DiagnosticDto,
  ExtensionInfo,
  InputBoxRequest,
  MessageRequest,
  QuickPickRequest,
  StatusBarItemDto,
} from "../../../protocol/workbench.js";
import type { ChannelClient } from "../channel/channel-client.js";
import { Documents, isDirty } from "./documents.js";
import { builtinCommands } from "./commands.js";
import { askBeforeClosingWindow } from "./file-flows.js";
import { EditorServices } from "./editor/editor-services.js";
import { installWorkspaceUndo } from "./editor/workspace-undo.js";
import { FeatureServices } from "./feature-services.js";
import type { PathDialogDeps } from "./path-dialogs.js";
import { ExplorerModel } from "./files/explorer-model.js";
import { saveAs } from "./files/editor-file-commands.js";
import { onFilesChanged } from "./files/file-operations.js";
import { RecentList } from "./recent.js";
import { SearchModel } from "./search/search-model.js";
import { SettingsServices } from "./settings/settings-services.js";
import { Store } from "./store.js";
import { loadWindowState, saveWindowState } from "./window-state.js";
import { ExtHostWindowReportsContract, type ColorThemeKindName } from "../../../protocol/contracts/window-reports.js";
import { WindowActivity } from "./window-activity.js";
import type { ThemeDefinition } from "./theme/theme-data.js";

/** Monaco's base theme → VS Code's ColorThemeKind name. */
const THEME_KINDS: Readonly<Record<ThemeDefinition["uiTheme"], ColorThemeKindName>> = {
  vs: "light",
  "vs-dark": "dark",
  "hc-black": "highContrast",
  "hc-light": "highContrastLight",
};
const themeKind = (theme: ThemeDefinition): ColorThemeKindName => THEME_KINDS[theme.uiTheme];

export interface Notification {
  readonly id: number;
  readonly request: MessageRequest;
  readonly resolve: (item: string | null) => void;
}

export type QuickInput =
  | { readonly kind: "pick"; readonly request: QuickPickRequest; readonly resolve: (index: number | null) => void }
  | { readonly kind: "input"; readonly request: InputBoxRequest; readonly resolve: (value: string | null) => void }
  | QueryPick;

/** An item of a QueryPick; `key` tells the asker which of its results was picked. */
export interface QueryPickItem {
  readonly key: number;
  readonly label: string;
  readonly description?: string;
}

/**
 * A pick whose items come from asking again as the user types (Ctrl+T asks the workspace symbol
 * providers with the query, as VS Code does): the previous question is aborted.
 */
export interface QueryPick {
  readonly kind: "query";
  readonly placeHolder: string;
  readonly search: (query: string, signal: AbortSignal) => Promise<ReadonlyArray<QueryPickItem>>;
  readonly resolve: (key: number | null) => void;
}

/** A modal question; `resolve` gets the index of the clicked button, or null (Escape = Cancel). */
export interface DialogRequest {
  readonly message: string;
  readonly detail?: string;
  readonly buttons: ReadonlyArray<string>;
  readonly resolve: (index: number | null) => void;
}

export type PanelView = "problems" | "output" | "developer";

export class WorkbenchServices {
  readonly documents: Documents;
  readonly editor: EditorServices;
  readonly workspaceFolder = new Store<string | undefined>(undefined);
  readonly notifications = new Store<ReadonlyArray<Notification>>([]);
  readonly quickInput = new Store<QuickInput | undefined>(undefined);
  /** Asks in the quick input box (an extension's showInputBox, a path dialog without the OS one); null when dismissed. */
  readonly askInput = (request: InputBoxRequest): Promise<string | null> =>
    new Promise((resolve) => this.quickInput.set({ kind: "input", request, resolve }));
  readonly output = new Store<ReadonlyMap<string, string>>(new Map());
  readonly outputChannel = new Store<string | undefined>(undefined);
  /** owner → uri → diagnostics */
  readonly diagnostics = new Store<ReadonlyMap<string, ReadonlyMap<string, ReadonlyArray<DiagnosticDto>>>>(new Map());
  readonly statusItems = new Store<ReadonlyMap<string, StatusBarItemDto>>(new Map());
  readonly hostCommands = new Store<ReadonlyArray<CommandInfo>>([]);
  readonly extensions = new Store<ReadonlyArray<ExtensionInfo>>([]);
  readonly panel = new Store<PanelView | undefined>("problems");
  readonly paletteOpen = new Store(false);
  readonly dialog = new Store<DialogRequest | undefined>(undefined);
  /** Quick Open (Ctrl+P): its initial text when open. */
  readonly quickOpen = new Store<string | undefined>(undefined);
  /** `explorer`, `search` or an extension's view container id (the activity bar's choice). */
  readonly sidebarView = new Store<string>("explorer");
  readonly recentFiles = new RecentList("direct-editor.recentFiles");
  readonly recentCommands = new RecentList("direct-editor.recentCommands");
  readonly search: SearchModel;
  readonly settings: SettingsServices;
  /** Views, quick input, progress, env and extension file systems (their own contracts). */
  readonly features: FeatureServices;
  /** What the Open / Save dialogs need: the OS dialogs when the app has them, else the input box. */
  readonly pathDialogs: PathDialogDeps;
  private nextNotification = 1;
  private initializedGeneration = -1;
  /** Tabs of the window before a reload, reopened after the first initialize. */
  private tabsToRestore: { tabs: ReadonlyArray<string>; active: string | null } | undefined;
  /** Reload Window flushed the backups: the page may unload without asking. */
  private reloading = false;
  /** The user answered the close prompt (Save / Don't Save): the window may unload now. */
  private closeConfirmed = false;

  /** The extension host, typed by its contract. */
  readonly host: Proxy<typeof ExtHostContract>;
  /** Tells the host the theme's kind and the window's focus, after each initialize and change. */
  private readonly sendWindowReports: () => void;
  /** Explorer file operations (new, rename, delete) on the host. */
  readonly files: Proxy<typeof ExtHostFilesContract>;
  readonly explorer: ExplorerModel;
  /** Liveness, echo and call-back, for the Developer panel. */
  readonly channel: Proxy<typeof ChannelContract>;

  constructor(
    readonly client: ChannelClient,
    readonly bridge: EditorHostBridge | undefined,
  ) {
    this.host = proxy(client, ExtHostContract);
    this.channel = proxy(client, ChannelContract);
    this.files = proxy(client, ExtHostFilesContract);
    this.explorer = new ExplorerModel(this.host);
    this.documents = new Documents(this.host);
    this.documents.extHostDocuments = proxy(client, ExtHostDocumentsContract);
    this.editor = new EditorServices(client, this.host, this.documents, this.diagnostics);
    const reports = proxy(client, ExtHostWindowReportsContract);
    const activity = new WindowActivity();
    this.sendWindowReports = () => {
      if (this.client.state()._tag !== "Connected") return;
      reports.colorThemeChanged(themeKind(this.editor.themes.current.get()));
      reports.windowStateChanged(activity.state.get());
    };
    this.editor.themes.current.subscribe(this.sendWindowReports);
    activity.state.subscribe(this.sendWindowReports);
    installWorkspaceUndo((request) => this.showDialog(request));
    this.search = new SearchModel(this.host, this.documents);
    this.settings = new SettingsServices(this);
    this.pathDialogs = { bridge, ask: this.askInput, workspaceFolder: () => this.workspaceFolder.get() };
    this.features = new FeatureServices(client, bridge, this.documents, this.pathDialogs);
    // Quick Open lists recently opened files first.
    this.documents.active.subscribe(() => {
      const uri = this.documents.active.get();
      if (uri) this.recentFiles.touch(uri);
    });
  }

  async start(): Promise<void> {
    this.documents.restoreBackups();
    await this.registerHandlers();
    await this.settings.start();
    // A reload of this window (sessionStorage survives it) reopens its folder and tabs.
    const saved = loadWindowState();
    this.tabsToRestore = saved && { tabs: saved.tabs, active: saved.active };
    this.workspaceFolder.set(saved?.folder ?? (await this.bridge?.getInitialWorkspace?.()) ?? undefined);
    const persist = () => this.persistWindow();
    this.workspaceFolder.subscribe(persist);
    this.documents.open.subscribe(persist);
    this.documents.active.subscribe(persist);
    persist();
    window.addEventListener("beforeunload", (e) => {
      this.documents.flushBackups();
      // Unsaved buffers hold the window open: the browser asks natively; in Electron main hears
      // will-prevent-unload and hands the question back to us (onCloseRequested below).
      if (!this.reloading && !this.closeConfirmed && this.documents.open.get().some(isDirty)) e.preventDefault();
    });
    this.bridge?.onCloseRequested?.(() => {
      void askBeforeClosingWindow(this).then((close) => {
        if (!close) return;
        this.closeConfirmed = true;
        void this.bridge?.confirmClose?.();
      });
    });
    // Every new connection may be a new extension host: tell it everything it must know.
    const onState = () => {
      const s = this.client.state();
      if (s._tag === "Connected" && s.generation !== this.initializedGeneration) {
        this.initializedGeneration = s.generation;
        void this.initialize();
      }
    };
    this.client.subscribe(onState);
    onState();
    // A second launch of the app asked to open its folder here.
    this.bridge?.onOpenFolderRequest?.((uri) => void this.openFolder(uri));
  }

  async initialize(): Promise<void> {
    const folder = this.workspaceFolder.get();
    try {
      // The host replays its extensions' UI state (status bar, diagnostics, output) on initialize.
      this.statusItems.set(new Map());
      this.diagnostics.set(new Map());
      this.output.set(new Map());
      const infos = await this.host.initialize({
        workspaceFolders: folder ? [{ uri: folder, name: decodeURIComponent(folder.split("/").pop() ?? folder) }] : [],
        documents: this.documents.snapshots(),
        activeDocument: this.documents.active.get() ?? null,
      });
      this.extensions.set(infos);
      this.sendWindowReports();
      await this.features.reload();
      this.editor.textEditors.resend();
      await this.restoreTabs();
      await this.refreshCommands();
      void this.settings.loadSettings(); // the folder (its workspace settings) may have changed
    } catch (e) {
      this.appendOutput("Direct Editor", `initialize failed: ${e instanceof Error ? e.message : String(e)}\n`);
    }
  }

  /** Once, after the first initialize: the tabs open before a reload, in order, and the active one. */
  private async restoreTabs(): Promise<void> {
    const restore = this.tabsToRestore;
    if (!restore) return;
    for (const uri of restore.tabs) {
      await this.documents.openFile(uri).catch((e: unknown) => {
        this.appendOutput("Direct Editor", `could not reopen ${uri}: ${e instanceof Error ? e.message : String(e)}\n`);
      });
    }
    const order = new Map(restore.tabs.map((uri, i) => [uri, i]));
    this.documents.open.update((docs) =>
      [...docs].sort((a, b) => (order.get(a.uri) ?? order.size) - (order.get(b.uri) ?? order.size)),
    );
    const active = restore.active ?? this.documents.active.get();
    if (active && this.documents.get(active)) this.documents.setActive(active);
    this.tabsToRestore = undefined;
    this.persistWindow();
  }

  private persistWindow(): void {
    if (this.tabsToRestore) return; // not yet restored: keep the saved tabs
    saveWindowState({
      folder: this.workspaceFolder.get() ?? null,
      tabs: this.documents.open.get().map((d) => d.uri),
      active: this.documents.active.get() ?? null,
    });
  }

  /** Asks a modal question; a second dialog cancels the first. */
  showDialog(request: Omit<DialogRequest, "resolve">): Promise<number | null> {
    return new Promise((resolve) => {
      const previous = this.dialog.get();
      this.dialog.set({ ...request, resolve });
      previous?.resolve(null);
    });
  }

  answerDialog(d: DialogRequest, index: number | null): void {
    if (this.dialog.get() === d) this.dialog.set(undefined);
    d.resolve(index);
  }

  /** Developer: Reload Window. Unsaved text is in the backups (flushed now), so no question. */
  reloadWindow(): void {
    this.documents.flushBackups();
    this.reloading = true;
    location.reload();
  }

  async openFolder(uri: string): Promise<void> {
    this.workspaceFolder.set(uri);
    await this.initialize();
  }

  async refreshCommands(): Promise<void> {
    try {
      this.hostCommands.set(await this.host.listCommands());
    } catch {
      // Disconnected: the next initialize refreshes the list.
    }
  }

  appendOutput(channel: string, text: string): void {
    this.output.update((m) => new Map(m).set(channel, (m.get(channel) ?? "") + text));
    this.outputChannel.set(this.outputChannel.get() ?? channel);
  }

  dismiss(n: Notification, item: string | null): void {
    this.notifications.update((list) => list.filter((x) => x !== n));
    n.resolve(item);
  }

  private async registerHandlers(): Promise<void> {
    const served = serve(this.client, WorkbenchContract, {
      showMessage: (request) =>
        new Promise<string | null>((resolve) => {
          const n: Notification = { id: this.nextNotification++, request, resolve };
          this.notifications.update((list) => [...list, n]);
        }),
      showQuickPick: (request) =>
        new Promise<number | null>((resolve) => this.quickInput.set({ kind: "pick", request, resolve })),
      showInputBox: this.askInput,
      showTextDocument: async (uri) => {
        await this.documents.openFile(uri);
        return null;
      },
      outputAppend: ({ channel, text }) => this.appendOutput(channel, text),
      outputClear: (channel) => this.output.update((m) => new Map(m).set(channel, "")),
      outputShow: (channel) => {
        this.outputChannel.set(channel);
        this.panel.set("output");
      },
      statusBarUpdate: (item) => this.statusItems.update((m) => new Map(m).set(item.id, item)),
      statusBarRemove: (id) =>
        this.statusItems.update((m) => {
          const next = new Map(m);
          next.delete(id);
          return next;
        }),
      diagnosticsSet: ({ owner, uri, diagnostics }) =>
        this.diagnostics.update((all) => {
          const byUri = new Map(all.get(owner) ?? []);
          if (diagnostics.length === 0) byUri.delete(uri);
          else byUri.set(uri, diagnostics);
          return new Map(all).set(owner, byUri);
        }),
      diagnosticsClear: (owner) =>
        this.diagnostics.update((all) => {
          const next = new Map(all);
          next.delete(owner);
          return next;
        }),
      commandsChanged: () => void this.refreshCommands(),
      extensionsChanged: (infos) => this.extensions.set(infos),
      documentSnapshot: (uri) => this.documents.snapshot(uri) ?? null,
      searchResults: (batch) => this.search.onResults(batch),
    });
    await served.ready;
    await this.features.serve();
    await serve(this.client, WorkbenchFilesContract, {
      filesChanged: (changes) => onFilesChanged(this, changes),
      excludesChanged: () => this.explorer.refresh(),
    }).ready;
    await serve(this.client, WorkbenchLanguageFeaturesContract, this.editor.languageFeatures.workbenchHandlers()).ready;
    await serve(this.client, WorkbenchLanguageConfigurationContract, this.editor.apiLanguageConfigurations.handlers())
      .ready;
    await serve(this.client, WorkbenchFileCommandsContract, {
      saveAs: async ({ uri }) => (await saveAs(this, uri)) ?? null,
    }).ready;
    await serve(this.client, WorkbenchSchemasContract, {
      workbenchCommands: () => builtinCommands(this).map(({ id, title }) => ({ id, title, extensionId: "vscode" })),
    }).ready;
  }
}
