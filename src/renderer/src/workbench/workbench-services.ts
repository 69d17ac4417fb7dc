/**
 * Everything the extension host can ask of the workbench (Workbench.* methods), kept in small
 * stores the React components render. Incoming params are validated with the contract's
 * Schemas: a malformed request fails that request, nothing else.
 */
import { Schema } from "effect";
import type { EditorHostBridge } from "../../../preload/api.js";
import {
  CommandInfo,
  DiagnosticDto,
  ExtensionInfo,
  ExtHost,
  InputBoxRequest,
  MessageRequest,
  QuickPickRequest,
  StatusBarItemDto,
  Workbench,
} from "../../../protocol/workbench.js";
import type { ChannelClient } from "../channel/channel-client.js";
import { Documents } from "./documents.js";
import { EditorServices } from "./editor/editor-services.js";
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

const decode =
  <S extends Schema.Top>(schema: S) =>
  (value: unknown): S["Type"] =>
    Schema.decodeUnknownSync(schema as never)(value) as S["Type"];

const parseMessage = decode(MessageRequest);
const parseQuickPick = decode(QuickPickRequest);
const parseInputBox = decode(InputBoxRequest);
const parseStatusItem = decode(StatusBarItemDto);
const parseDiagnostics = decode(Schema.Array(DiagnosticDto));
const parseCommands = decode(Schema.Array(CommandInfo));
const parseExtensions = decode(Schema.Array(ExtensionInfo));
const parseString = decode(Schema.String);

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
  private nextNotification = 1;
  private initializedGeneration = -1;

  constructor(
    readonly client: ChannelClient,
    readonly bridge: EditorHostBridge | undefined,
  ) {
    this.documents = new Documents(client);
    this.editor = new EditorServices(client, this.documents, this.diagnostics);
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
  }

  async initialize(): Promise<void> {
    const folder = this.workspaceFolder.get();
    try {
      const infos = await this.client.call(ExtHost.initialize, [
        {
          workspaceFolders: folder
            ? [{ uri: folder, name: decodeURIComponent(folder.split("/").pop() ?? folder) }]
            : [],
          documents: this.documents.snapshots(),
          activeDocument: this.documents.active.get() ?? null,
        },
      ]);
      this.extensions.set(parseExtensions(infos));
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
      this.hostCommands.set(parseCommands(await this.client.call(ExtHost.listCommands, [])));
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
    const c = this.client;
    await c.register(Workbench.showMessage, (params) => {
      const request = parseMessage(params[0]);
      return new Promise<string | null>((resolve) => {
        const n: Notification = { id: this.nextNotification++, request, resolve };
        this.notifications.update((list) => [...list, n]);
      });
    });
    await c.register(Workbench.showQuickPick, (params) => {
      const request = parseQuickPick(params[0]);
      return new Promise<number | null>((resolve) => this.quickInput.set({ kind: "pick", request, resolve }));
    });
    await c.register(Workbench.showInputBox, (params) => {
      const request = parseInputBox(params[0]);
      return new Promise<string | null>((resolve) => this.quickInput.set({ kind: "input", request, resolve }));
    });
    await c.register(Workbench.showTextDocument, async (params) => {
      await this.documents.openFile(parseString(params[0]));
      return null;
    });
    await c.register(Workbench.outputAppend, (params) =>
      this.appendOutput(parseString(params[0]), parseString(params[1])),
    );
    await c.register(Workbench.outputClear, (params) =>
      this.output.update((m) => new Map(m).set(parseString(params[0]), "")),
    );
    await c.register(Workbench.outputShow, (params) => {
      this.outputChannel.set(parseString(params[0]));
      this.panel.set("output");
    });
    await c.register(Workbench.statusBarUpdate, (params) => {
      const item = parseStatusItem(params[0]);
      this.statusItems.update((m) => new Map(m).set(item.id, item));
    });
    await c.register(Workbench.statusBarRemove, (params) => {
      const id = parseString(params[0]);
      this.statusItems.update((m) => {
        const next = new Map(m);
        next.delete(id);
        return next;
      });
    });
    await c.register(Workbench.diagnosticsSet, (params) => {
      const owner = parseString(params[0]);
      const uri = parseString(params[1]);
      const list = parseDiagnostics(params[2]);
      this.diagnostics.update((all) => {
        const byUri = new Map(all.get(owner) ?? []);
        if (list.length === 0) byUri.delete(uri);
        else byUri.set(uri, list);
        return new Map(all).set(owner, byUri);
      });
    });
    await c.register(Workbench.diagnosticsClear, (params) => {
      const owner = parseString(params[0]);
      this.diagnostics.update((all) => {
        const next = new Map(all);
        next.delete(owner);
        return next;
      });
    });
    await c.register(Workbench.commandsChanged, () => void this.refreshCommands());
    await c.register(Workbench.extensionsChanged, (params) => this.extensions.set(parseExtensions(params[0])));
  }
}
