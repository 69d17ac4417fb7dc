/**
 * The extension host's line to main. Under Electron that is `process.parentPort`
 * (utilityProcess); under plain Node it is the IPC channel of `child_process.fork`.
 */
import { decodeMainToHost, type HostToMain, type MainToHost } from "../protocol/host-control.js";

export interface ParentChannel {
  post(message: HostToMain): void;
  /** `ports`: MessagePorts transferred with the message (Electron only). */
  onMessage(listener: (message: MainToHost, ports: ReadonlyArray<HostMessagePort>) => void): void;
  /** Main went away: the host must not outlive it. */
  onDisconnect(listener: () => void): void;
}

/** The part of Electron's MessagePortMain the host uses. */
export interface HostMessagePort {
  postMessage(message: unknown): void;
  on(event: "message", listener: (e: { data: unknown }) => void): void;
  on(event: "close", listener: () => void): void;
  start(): void;
}

interface ElectronParentPort {
  postMessage(message: unknown): void;
  on(event: "message", listener: (e: { data: unknown; ports?: HostMessagePort[] }) => void): void;
}

export const connectToParent = (): ParentChannel | undefined => {
  const parentPort = (process as unknown as { parentPort?: ElectronParentPort }).parentPort;
  if (parentPort) {
    return {
      post: (m) => parentPort.postMessage(m),
      onMessage: (listener) =>
        parentPort.on("message", (e) => {
          const m = decodeMainToHost(e.data);
          if (m._tag === "Some") listener(m.value, e.ports ?? []);
        }),
      // Electron kills a utility process with its parent; nothing to watch.
      onDisconnect: () => undefined,
    };
  }
  if (process.send) {
    return {
      post: (m) => process.send?.(m),
      onMessage: (listener) =>
        process.on("message", (raw) => {
          const m = decodeMainToHost(raw);
          if (m._tag === "Some") listener(m.value, []);
        }),
      onDisconnect: (listener) => process.on("disconnect", listener),
    };
  }
  return undefined;
};
