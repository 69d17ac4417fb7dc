/**
 * The renderer side of `electron` for the preload: `contextBridge` and `ipcRenderer`, run
 * in the page before its scripts (as a preload runs), bridged to main through a Playwright
 * binding. This function is serialized into the page: it may use nothing from outside.
 */
export type PreloadModule = (require: (id: string) => unknown, module: { exports: unknown }, exports: unknown) => void;

/** Messages from main into the page. */
export type ToPage =
  | { readonly kind: "ipc"; readonly channel: string; readonly args: unknown[]; readonly ports: number[] }
  | { readonly kind: "port-message"; readonly port: number; readonly data: unknown }
  | { readonly kind: "port-close"; readonly port: number };

/** Messages from the page to main. */
export type FromPage =
  | { readonly kind: "invoke"; readonly channel: string; readonly args: unknown[] }
  | { readonly kind: "send"; readonly channel: string; readonly args: unknown[] }
  | { readonly kind: "port-message"; readonly port: number; readonly data: unknown }
  | { readonly kind: "port-close"; readonly port: number };

export const BINDING = "__fakeElectronIpc";
export const DELIVER = "__fakeElectronDeliver";

export const installInPageElectron = (runPreload: PreloadModule, binding: string, deliverKey: string): void => {
  const w = window as unknown as Record<string, unknown>;
  const call = (m: FromPage): Promise<unknown> => (w[binding] as (m: FromPage) => Promise<unknown>)(m);
  type Listener = (event: unknown, ...args: unknown[]) => void;
  const listeners = new Map<string, Set<Listener>>();
  const ports = new Map<number, MessagePort>();

  const ipcRenderer = {
    invoke: (channel: string, ...args: unknown[]) => call({ kind: "invoke", channel, args }),
    send: (channel: string, ...args: unknown[]) => void call({ kind: "send", channel, args }),
    on(channel: string, listener: Listener) {
      const set = listeners.get(channel) ?? new Set<Listener>();
      set.add(listener);
      listeners.set(channel, set);
      return ipcRenderer;
    },
    off(channel: string, listener: Listener) {
      listeners.get(channel)?.delete(listener);
      return ipcRenderer;
    },
    removeListener(channel: string, listener: Listener) {
      return ipcRenderer.off(channel, listener);
    },
  };

  // contextBridge copies what it exposes and freezes it.
  const exposeCopy = (value: unknown): unknown => {
    if (typeof value === "function" || value === null || typeof value !== "object") return value;
    const copy: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) copy[k] = exposeCopy(v);
    return Object.freeze(copy);
  };
  const contextBridge = {
    exposeInMainWorld(key: string, api: unknown) {
      Object.defineProperty(window, key, { value: exposeCopy(api), enumerable: true });
    },
  };

  const deliver = (m: ToPage): void => {
    if (m.kind === "port-message") return void ports.get(m.port)?.postMessage(m.data);
    if (m.kind === "port-close") {
      ports.get(m.port)?.close();
      ports.delete(m.port);
      return;
    }
    const eventPorts = m.ports.map((id) => {
      const channel = new MessageChannel();
      ports.set(id, channel.port1);
      channel.port1.onmessage = (e) => void call({ kind: "port-message", port: id, data: e.data });
      channel.port1.addEventListener("close", () => void call({ kind: "port-close", port: id }));
      return channel.port2;
    });
    const event = { sender: ipcRenderer, ports: eventPorts };
    for (const listener of [...(listeners.get(m.channel) ?? [])]) listener(event, ...m.args);
  };
  Object.defineProperty(window, deliverKey, { value: deliver });

  const module = { exports: {} };
  runPreload(
    (id) => {
      if (id === "electron") return { ipcRenderer, contextBridge };
      throw new Error(`Cannot find module '${id}' (a sandboxed preload can only require electron)`);
    },
    module,
    module.exports,
  );
};

/** The init script: this file's installer, applied to the built preload's CommonJS source. */
export const inPageScript = (preloadSource: string): string =>
  `(() => { const __name = (f) => f;\n(${installInPageElectron.toString()})(function (require, module, exports) {\n${preloadSource}\n}, ${JSON.stringify(BINDING)}, ${JSON.stringify(DELIVER)}); })();`;
