/** VS Code's path as a Caller: an RpcPeer over a MessagePort main wired to the extension host. */
import { MESSAGE_PORT_EVENT, type EditorHostBridge } from "../../../protocol/ipc.js";
import { RpcPeer } from "../../../protocol/peer.js";
import type { Caller } from "./compare.js";

export const portCaller = (
  bridge: EditorHostBridge,
  timeoutMs = 5_000,
): Promise<{ caller: Caller; dispose: () => void }> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      window.removeEventListener("message", onMessage);
      reject(new Error(`no MessagePort from main within ${timeoutMs} ms`));
    }, timeoutMs);
    const onMessage = (e: MessageEvent): void => {
      // Only our own preload (same window, same origin) hands out ports.
      if (e.source !== window || e.origin !== location.origin || e.data !== MESSAGE_PORT_EVENT || !e.ports[0]) return;
      clearTimeout(timer);
      window.removeEventListener("message", onMessage);
      const port = e.ports[0];
      const peer = new RpcPeer({ send: (frame) => port.postMessage(frame) });
      port.onmessage = (ev) => (typeof ev.data === "string" ? peer.receive(ev.data) : peer.rejectFrame("not a string"));
      port.start();
      resolve({
        caller: peer,
        dispose: () => {
          peer.close("profiler closed");
          port.close();
        },
      });
    };
    window.addEventListener("message", onMessage);
    // Main refuses at once when no extension host runs: fail now, not after the timeout.
    bridge.openMessagePort!().catch((e: unknown) => {
      clearTimeout(timer);
      window.removeEventListener("message", onMessage);
      reject(e instanceof Error ? e : new Error(String(e)));
    });
  });
