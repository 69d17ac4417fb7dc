/** ipcMain, dialog and session: main's side of what the window asks for. */
import { EventEmitter } from "node:events";
import type {
  Dialog,
  IpcMain,
  OpenDialogOptions,
  OpenDialogReturnValue,
  SaveDialogOptions,
  SaveDialogReturnValue,
} from "electron";
import { webRequest } from "./web-request.js";

/** `event.senderFrame` as main reads it: the frame's URL as Electron reports it, and its parent. */
export interface FakeFrame {
  readonly url: string;
  readonly parent: FakeFrame | null;
  readonly routingId: number;
}

export interface FakeIpcEvent<Sender> {
  readonly sender: Sender;
  readonly senderFrame: FakeFrame | null;
  readonly frameId: number;
  readonly processId: number;
  readonly ports: unknown[];
}

type InvokeHandler = (event: FakeIpcEvent<unknown>, ...args: unknown[]) => unknown;

class FakeIpcMain extends EventEmitter implements Pick<IpcMain, "removeHandler"> {
  private readonly handlers = new Map<string, InvokeHandler>();

  handle(channel: string, listener: InvokeHandler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }

  handleOnce(channel: string, listener: InvokeHandler): void {
    this.handle(channel, (event, ...args) => {
      this.removeHandler(channel);
      return listener(event, ...args);
    });
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  /** ipcRenderer.invoke: rejects as Electron does, with the handler's message wrapped. */
  async invoke(channel: string, event: FakeIpcEvent<unknown>, args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler)
      throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`);
    try {
      return await handler(event, ...args);
    } catch (e) {
      throw new Error(`Error invoking remote method '${channel}': ${String(e)}`, { cause: e });
    }
  }
}

export const ipcMain = new FakeIpcMain();

/** Answers scripted by the test (control channel), in order; cancelled when none is left. */
const scriptedDialogs: OpenDialogReturnValue[] = [];
export const scriptOpenDialog = (result: OpenDialogReturnValue): void => void scriptedDialogs.push(result);
export const dialogCalls: OpenDialogOptions[] = [];
const scriptedSaveDialogs: SaveDialogReturnValue[] = [];
export const scriptSaveDialog = (result: SaveDialogReturnValue): void => void scriptedSaveDialogs.push(result);
export const saveDialogCalls: SaveDialogOptions[] = [];

export const dialog = {
  showOpenDialog(windowOrOptions: unknown, maybeOptions?: OpenDialogOptions): Promise<OpenDialogReturnValue> {
    const options = maybeOptions ?? (windowOrOptions as OpenDialogOptions);
    dialogCalls.push(options);
    return Promise.resolve(scriptedDialogs.shift() ?? { canceled: true, filePaths: [] });
  },
  showSaveDialog(windowOrOptions: unknown, maybeOptions?: SaveDialogOptions): Promise<SaveDialogReturnValue> {
    const options = maybeOptions ?? (windowOrOptions as SaveDialogOptions);
    saveDialogCalls.push(options);
    return Promise.resolve(scriptedSaveDialogs.shift() ?? { canceled: true, filePath: "" });
  },
} satisfies Pick<Dialog, "showOpenDialog" | "showSaveDialog">;

/** `shell.openExternal` records the URIs instead of starting a browser. */
export const openedExternally: string[] = [];
export const shell = {
  openExternal(url: string): Promise<void> {
    openedExternally.push(url);
    return Promise.resolve();
  },
} satisfies Pick<Electron.Shell, "openExternal">;

type PermissionHandler = Parameters<Electron.Session["setPermissionRequestHandler"]>[0];

export const session = {
  defaultSession: {
    webRequest,
    permissionRequestHandler: null as PermissionHandler,
    setPermissionRequestHandler(handler: PermissionHandler): void {
      this.permissionRequestHandler = handler;
    },
  },
};
