/**
 * Sandboxed preload (CommonJS): exposes two functions, nothing else — no ipcRenderer, no Node.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from "electron";
import { BRIDGE_KEY, IpcChannels, type EditorHostBridge } from "./api.js";

const bridge: EditorHostBridge = {
  getConnectionInfo: () => ipcRenderer.invoke(IpcChannels.connectionInfo),
  onHostRestarted: (listener) => {
    const wrapped = (_e: IpcRendererEvent, generation: number): void => listener(generation);
    ipcRenderer.on(IpcChannels.hostRestarted, wrapped);
    return () => ipcRenderer.off(IpcChannels.hostRestarted, wrapped);
  },
};

contextBridge.exposeInMainWorld(BRIDGE_KEY, bridge);
