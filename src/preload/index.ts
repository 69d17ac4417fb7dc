/**
 * Sandboxed preload (CommonJS): exposes a few functions, nothing else — no ipcRenderer, no Node.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from "electron";
import { BRIDGE_KEY, IpcChannels, MESSAGE_PORT_EVENT, type EditorHostBridge } from "./api.js";

const bridge: EditorHostBridge = {
  getConnectionInfo: () => ipcRenderer.invoke(IpcChannels.connectionInfo),
  onHostRestarted: (listener) => {
    const wrapped = (_e: IpcRendererEvent, generation: number): void => listener(generation);
    ipcRenderer.on(IpcChannels.hostRestarted, wrapped);
    return () => ipcRenderer.off(IpcChannels.hostRestarted, wrapped);
  },
  openMessagePort: () => ipcRenderer.send(IpcChannels.openPort),
  getInitialWorkspace: () => ipcRenderer.invoke(IpcChannels.initialWorkspace),
  openFolderDialog: () => ipcRenderer.invoke(IpcChannels.openFolderDialog),
  relay: {
    send: (frame) => ipcRenderer.send(IpcChannels.relay, frame),
    onFrame: (listener) => {
      const wrapped = (_e: IpcRendererEvent, frame: string): void => listener(frame);
      ipcRenderer.on(IpcChannels.relay, wrapped);
      return () => ipcRenderer.off(IpcChannels.relay, wrapped);
    },
  },
};

contextBridge.exposeInMainWorld(BRIDGE_KEY, bridge);

// MessagePorts cannot cross contextBridge; window.postMessage transfers them to the page.
ipcRenderer.on(IpcChannels.port, (event) => {
  window.postMessage(MESSAGE_PORT_EVENT, window.location.origin, [...event.ports]);
});
