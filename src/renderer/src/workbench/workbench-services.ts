/**
 * Everything the extension host can ask of the workbench (its WorkbenchContract), kept in small
 * stores the React components render. `serve` validates incoming params with the contract's
 * Schemas: a malformed request fails that request, nothing else.
 */
import type { EditorHostBridge } from "../../../preload/api.js";
import { ChannelContract } from "../../../protocol/contracts/channel.js";
import { ExtHostContract } from "../../../protocol/contracts/ext-host.js";
import { WorkbenchContract } from "../../../protocol/contracts/workbench.js";
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
import { Documents } from "./documents.js";
import { EditorServices } from "./editor/editor-services.js";
import { RecentList } from "./recent.js";
import { SearchModel } from "./search/search-model.js";
import { Store } from "./store.js";

export interface Notification {
  readonly id: number;
  readonly request: MessageRequest;
  readonly resolve: (item: string | null) => void;
}

export type QuickInput =
  | { readonly kind: "pick"; readonly request: QuickPickRequest; readonly resolve: (index: number | null) => void }
  | { readonly kind: "input"; readonly request: InputBoxRequest; readonly resolve: (value: string | null) => void };

export type PanelView = "problems" | "output" | "developer";

export class WorkbenchServices {
  readonly documents: Documents;
  readonly editor: EditorServices;
  readonly workspaceFolder = new Store<string | undefined>(undefined);
  readonly notifications = new Store<ReadonlyArray<Notification>>([]);
  readonly quickInput = new Store<QuickInput | undefined>(undefined);
  readonly output = new Store<ReadonlyMap<string, string>>(new Map());
  readonly outputChannel = new Store<string | undefined>(undefined);
  /** owner → uri → diagnostics */
  readonly diagnostics = new Store<ReadonlyMap<string, ReadonlyMap<string, ReadonlyArray<DiagnosticDto>>>>(new Map());
  readonly statusItems = new Store<ReadonlyMap<string, StatusBarItemDto>>(new Map());
  readonly hostCommands = new Store<ReadonlyArray<CommandInfo>>([]);
  readonly extensions = new Store<ReadonlyArray<ExtensionInfo>>([]);
  readonly panel = new Store<PanelView | undefined>("problems");
  readonly paletteOpen = new Store(false);
  /** Quick Open (Ctrl+P): its initial text when open. */
  readonly quickOpen = new Store<string | undefined>(undefined);
  readonly sidebarView = new Store<"explorer" | "search">("explorer");
  readonly recentFiles = new RecentList("direct-editor.recentFiles");
  readonly recentCommands = new RecentList("direct-editor.recentCommands");
  readonly search: SearchModel;
  private nextNotification = 1;
  private initializedGeneration = -1;

  /** The extension host, typed by its contract. */
  readonly host: Proxy<typeof ExtHostContract>;
  /** Liveness, echo and call-back, for the Developer panel. */
  readonly channel: Proxy<typeof ChannelContract>;

  constructor(
    readonly client: ChannelClient,
    readonly bridge: EditorHostBridge | undefined,
  ) {
    this.host = proxy(client, ExtHostContract);
    this.channel = proxy(client, ChannelContract);
    this.documents = new Documents(this.host);
    this.editor = new EditorServices(client, this.host, this.documents, this.diagnostics);
    this.search = new SearchModel(this.host, this.documents);
    // Quick Open lists recently opened files first.
    this.documents.active.subscribe(() => {
      const uri = this.documents.active.get();
      if (uri) this.recentFiles.touch(uri);
    });
  }

  async start(): Promise<void> {
    this.documents.restoreBackups();
    await this.registerHandlers();
    this.workspaceFolder.set((await this.bridge?.getInitialWorkspace?.()) ?? undefined);
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
      await this.refreshCommands();
    } catch (e) {
      this.appendOutput("Direct Editor", `initialize failed: ${e instanceof Error ? e.message : String(e)}\n`);
    }
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
      showInputBox: (request) =>
        new Promise<string | null>((resolve) => this.quickInput.set({ kind: "input", request, resolve })),
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
  }
}
