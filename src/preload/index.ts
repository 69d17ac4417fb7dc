/**
 * Sandboxed preload (CommonJS): exposes a few functions, nothing else — no ipcRenderer, no Node.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from "electron";
import { BRIDGE_KEY, IpcChannels, MESSAGE_PORT_EVENT, type EditorHostBridge } from "../protocol/ipc.js";

/** Subscribes to a main → renderer channel; returns the unsubscribe function. */
const listen = <T>(channel: string, listener: (value: T) => void): (() => void) => {
  const wrapped = (_e: IpcRendererEvent, value: T): void => listener(value);
  ipcRenderer.on(channel, wrapped);
  return () => ipcRenderer.off(channel, wrapped);
};

const bridge: EditorHostBridge = {
  getConnectionInfo: () => ipcRenderer.invoke(IpcChannels.connectionInfo),
  onHostRestarted: (listener) => listen(IpcChannels.hostRestarted, listener),
  onHostCrashed: (listener) => listen(IpcChannels.hostCrashed, listener),
  restartExtensionHost: () => ipcRenderer.invoke(IpcChannels.restartHost),
  openMessagePort: () => ipcRenderer.invoke(IpcChannels.openPort),
  getInitialWorkspace: () => ipcRenderer.invoke(IpcChannels.initialWorkspace),
  openFolderDialog: () => ipcRenderer.invoke(IpcChannels.openFolderDialog),
  showOpenDialog: (request) => ipcRenderer.invoke(IpcChannels.showOpenDialog, request),
  showSaveDialog: (request) => ipcRenderer.invoke(IpcChannels.showSaveDialog, request),
  openExternal: (uri: string) => ipcRenderer.invoke(IpcChannels.openExternal, uri),
  onOpenFolderRequest: (listener) => listen(IpcChannels.openFolderRequest, listener),
  onCloseRequested: (listener) => listen(IpcChannels.closeRequested, listener),
  confirmClose: () => ipcRenderer.invoke(IpcChannels.confirmClose),
  relay: {
    send: (frame) => ipcRenderer.send(IpcChannels.relay, frame),
    onFrame: (listener) => listen(IpcChannels.relay, listener),
  },
};

contextBridge.exposeInMainWorld(BRIDGE_KEY, bridge);

// MessagePorts cannot cross contextBridge; window.postMessage transfers them to the page.
ipcRenderer.on(IpcChannels.port, (event) => {
  window.postMessage(MESSAGE_PORT_EVENT, window.location.origin, [...event.ports]);
});
