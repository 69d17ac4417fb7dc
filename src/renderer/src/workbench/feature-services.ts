/**
 * The window's side of the feature contracts: views, quick input, notification progress, env
 * (clipboard, openExternal) and extension file systems. Served next to WorkbenchContract.
 */
import type { EditorHostBridge } from "../../../protocol/ipc.js";
import { WorkbenchDialogsContract } from "../../../protocol/contracts/dialogs.js";
import { WorkbenchEnvContract } from "../../../protocol/contracts/env.js";
import { WorkbenchFileSystemProvidersContract } from "../../../protocol/contracts/file-system-providers.js";
import { ExtHostProgressContract, WorkbenchProgressContract } from "../../../protocol/contracts/progress.js";
import {
  ExtHostQuickInputContract,
  WorkbenchQuickInputContract,
  type QuickInputStateDto,
} from "../../../protocol/contracts/quick-input.js";
import { WorkbenchViewsContract } from "../../../protocol/contracts/views.js";
import { proxy, serve, type Proxy } from "../../../protocol/rpc-contract.js";
import type { ChannelClient } from "../channel/channel-client.js";
import type { Documents } from "./documents.js";
import { showOpenDialog, showSaveDialog, type PathDialogDeps } from "./path-dialogs.js";
import { Store } from "./store.js";
import { ViewsModel } from "./views/views-model.js";

export interface ProgressToast {
  readonly id: number;
  readonly title?: string;
  readonly source: string;
  readonly cancellable: boolean;
  readonly message?: string;
  readonly percent?: number;
}

/** Schemes a window hands to the OS (the host checks too). */
const EXTERNAL = /^(https?|mailto):/i;

export class FeatureServices {
  readonly views: ViewsModel;
  readonly quickInput = new Store<QuickInputStateDto | undefined>(undefined);
  readonly quickHost: Proxy<typeof ExtHostQuickInputContract>;
  readonly progress = new Store<ReadonlyArray<ProgressToast>>([]);
  readonly progressHost: Proxy<typeof ExtHostProgressContract>;

  constructor(
    private readonly client: ChannelClient,
    private readonly bridge: EditorHostBridge | undefined,
    private readonly documents: Documents,
    private readonly pathDialogs: PathDialogDeps,
  ) {
    this.views = new ViewsModel(client);
    this.quickHost = proxy(client, ExtHostQuickInputContract);
    this.progressHost = proxy(client, ExtHostProgressContract);
  }

  /** After each initialize: a new host may have other extensions; its inputs and toasts are gone. */
  async reload(): Promise<void> {
    this.quickInput.set(undefined);
    this.progress.set([]);
    await this.views.reload();
  }

  async openExternal(uri: string): Promise<boolean> {
    if (!EXTERNAL.test(uri)) return false;
    if (this.bridge?.openExternal) return this.bridge.openExternal(uri);
    return window.open(uri, "_blank", "noopener,noreferrer") !== null;
  }

  /** The input the user dismissed or that another replaced. */
  hideQuickInput(id: number): void {
    if (this.quickInput.get()?.id === id) this.quickInput.set(undefined);
    this.quickHost.quickInputHidden({ id });
  }

  cancelProgress(id: number): void {
    this.progressHost.progressCancel(id);
  }

  async serve(): Promise<void> {
    const served = [
      serve(this.client, WorkbenchViewsContract, this.views.implementation()),
      serve(this.client, WorkbenchDialogsContract, {
        showOpenDialog: (request) => showOpenDialog(this.pathDialogs, request),
        showSaveDialog: (request) => showSaveDialog(this.pathDialogs, request),
      }),
      serve(this.client, WorkbenchQuickInputContract, {
        quickInputShow: (state) => {
          const previous = this.quickInput.get();
          // Another input replaces the one showing: its extension hears onDidHide.
          if (previous && previous.id !== state.id) this.quickHost.quickInputHidden({ id: previous.id });
          this.quickInput.set(state);
        },
        quickInputHide: (id) => {
          if (this.quickInput.get()?.id === id) this.quickInput.set(undefined);
        },
      }),
      serve(this.client, WorkbenchProgressContract, {
        progressStart: ({ id, title, cancellable, source }) =>
          this.progress.update((list) => [
            ...list,
            { id, source, cancellable, ...(title !== undefined ? { title } : {}) },
          ]),
        progressReport: ({ id, message, percent }) =>
          this.progress.update((list) =>
            list.map((p) =>
              p.id === id
                ? { ...p, ...(message !== undefined ? { message } : {}), ...(percent !== undefined ? { percent } : {}) }
                : p,
            ),
          ),
        progressEnd: (id) => this.progress.update((list) => list.filter((p) => p.id !== id)),
      }),
      serve(this.client, WorkbenchEnvContract, {
        clipboardRead: async () => {
          try {
            return await navigator.clipboard.readText();
          } catch {
            return null; // unfocused or not permitted: the host uses its own copy
          }
        },
        clipboardWrite: (text) => void navigator.clipboard?.writeText(text).catch(() => undefined),
        openExternal: (uri) => this.openExternal(uri),
      }),
      serve(this.client, WorkbenchFileSystemProvidersContract, {
        // A provider's content changed: clean editors of it reload; dirty ones keep the user's text.
        resourcesChanged: (uris) => {
          for (const uri of uris) {
            const doc = this.documents.get(uri);
            if (doc && !doc.dirty) void this.documents.revert(uri).catch(() => undefined);
          }
        },
      }),
    ];
    await Promise.all(served.map((s) => s.ready));
  }
}
