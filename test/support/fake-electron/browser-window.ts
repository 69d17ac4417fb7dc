/**
 * BrowserWindow and webContents over a real headless Chromium page. The page is created when
 * the window is (after 'ready'); the built preload runs in it before the page's own scripts.
 */
import { EventEmitter } from "node:events";
import { readFileSync } from "node:fs";
import type { Dialog, Frame, Page } from "playwright-core";
import type {
  BrowserWindow as RealBrowserWindow,
  BrowserWindowConstructorOptions,
  HandlerDetails,
  WebContents as RealWebContents,
  WindowOpenHandlerResponse,
} from "electron";
import { BINDING, DELIVER, inPageScript, type FromPage, type ToPage } from "./in-page-electron.js";
import { ipcMain, session, type FakeFrame, type FakeIpcEvent } from "./ipc-main.js";
import { asFakePort, type FakeMessagePortMain } from "./message-port.js";
import { toAppUrl, toServedUrl } from "./protocol.js";
import { applyHeadersReceived } from "./web-request.js";
import { browserContext, onAllWindowsClosed, onCloseRefused, reportToControl } from "./runtime.js";

let nextId = 1;

const frameOf = (frame: Frame, routingId: number): FakeFrame => {
  const parent = frame.parentFrame();
  return { url: toAppUrl(frame.url()), parent: parent ? frameOf(parent, routingId + 1) : null, routingId };
};

export class FakeWebContents
  extends EventEmitter
  implements
    Pick<RealWebContents, "send" | "postMessage" | "getURL" | "id" | "loadURL" | "isDestroyed" | "setWindowOpenHandler">
{
  readonly id = nextId++;
  readonly session = session.defaultSession;
  readonly page: Promise<Page>;
  private windowOpenHandler: ((details: HandlerDetails) => WindowOpenHandlerResponse) | undefined;
  private deliveries: Promise<unknown> = Promise.resolve();
  private readonly ports = new Map<number, FakeMessagePortMain>();
  private url = "";
  private loading: string | undefined;
  private destroyed = false;

  constructor(preload: string | undefined) {
    super();
    this.page = this.createPage(preload);
    this.page.catch(() => undefined);
  }

  private async createPage(preload: string | undefined): Promise<Page> {
    const page = await browserContext().newPage();
    await page.exposeBinding(BINDING, (source, m: FromPage) => this.fromPage(source.frame, m));
    if (preload) await page.addInitScript(inPageScript(readFileSync(preload, "utf8")));
    page.on("framenavigated", (frame) => {
      if (frame === page.mainFrame()) this.url = toAppUrl(frame.url());
    });
    page.on("popup", (popup) => {
      const details = { url: toAppUrl(popup.url()), frameName: "", features: "", disposition: "new-window" };
      const verdict = this.windowOpenHandler?.(details as HandlerDetails) ?? { action: "allow" };
      // Electron asks before the window exists; Chromium has made it already, so close it.
      if (verdict.action === "deny") void popup.close();
    });
    await page.route(
      () => true,
      async (route) => {
        const request = route.request();
        const appUrl = toAppUrl(request.url());
        const mainFrameNavigation = request.isNavigationRequest() && request.frame() === page.mainFrame();
        // will-navigate: navigations the page starts itself (not loadURL), cancellable.
        if (mainFrameNavigation && request.url() !== this.loading) {
          let prevented = false;
          this.emit("will-navigate", { preventDefault: () => (prevented = true), url: appUrl }, appUrl);
          if (prevented) return route.abort("aborted");
        }
        if (!(await applyHeadersReceived(route, appUrl, mainFrameNavigation))) await route.fallback();
      },
    );
    return page;
  }

  async loadURL(url: string): Promise<void> {
    const page = await this.page;
    const served = await toServedUrl(url);
    this.loading = served;
    try {
      await page.goto(served, { waitUntil: "load" });
    } finally {
      this.loading = undefined;
    }
    this.emit("did-finish-load");
  }

  getURL(): string {
    return this.url;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void {
    this.windowOpenHandler = handler;
  }

  send(channel: string, ...args: unknown[]): void {
    this.toPage({ kind: "ipc", channel, args, ports: [] });
  }

  postMessage(channel: string, message: unknown, transfer: FakeMessagePortMain[] = []): void {
    const ids = transfer.map((p) => {
      const port = asFakePort(p);
      this.ports.set(port.id, port);
      port.transferTo({
        deliver: (data) => this.toPage({ kind: "port-message", port: port.id, data }),
        close: () => {
          if (this.ports.delete(port.id)) this.toPage({ kind: "port-close", port: port.id });
        },
      });
      return port.id;
    });
    this.toPage({ kind: "ipc", channel, args: [message], ports: ids });
  }

  /** In order, one at a time: Electron delivers IPC in the order it was sent. */
  private toPage(m: ToPage): void {
    this.deliveries = this.deliveries
      .then(() => this.page)
      .then((page) =>
        page.evaluate(
          ({ key, message }) => (window as unknown as Record<string, (m: unknown) => void>)[key]?.(message),
          { key: DELIVER, message: m },
        ),
      )
      .catch(() => undefined);
  }

  private fromPage(frame: Frame, m: FromPage): unknown {
    const event: FakeIpcEvent<FakeWebContents> = {
      sender: this,
      senderFrame: frameOf(frame, 1),
      frameId: 1,
      processId: 1,
      ports: [],
    };
    if (m.kind === "invoke") return ipcMain.invoke(m.channel, event, m.args);
    if (m.kind === "send") return void ipcMain.emit(m.channel, event, ...m.args);
    const port = this.ports.get(m.port);
    if (m.kind === "port-message") return void port?.postMessage(m.data);
    this.ports.delete(m.port);
    port?.close();
  }

  /**
   * Runs the page's beforeunload handlers, as closing a window does. A handler that refuses
   * (preventDefault / returnValue) makes Chromium ask; Electron shows no dialog but emits
   * 'will-prevent-unload', whose preventDefault() lets the unload go on. True when it unloaded.
   */
  async unload(): Promise<boolean> {
    const page = await this.page.catch(() => undefined);
    if (!page || page.isClosed()) return true;
    return new Promise<boolean>((resolve) => {
      const onDialog = (dialog: Dialog): void => {
        if (dialog.type() !== "beforeunload") return;
        let proceed = false;
        this.emit("will-prevent-unload", { preventDefault: () => (proceed = true) });
        if (proceed) return void dialog.accept().catch(() => undefined);
        page.off("dialog", onDialog);
        page.off("close", onClose);
        void dialog.dismiss().catch(() => undefined);
        resolve(false);
      };
      const onClose = (): void => {
        page.off("dialog", onDialog);
        resolve(true);
      };
      page.on("dialog", onDialog);
      page.once("close", onClose);
      void page.close({ runBeforeUnload: true }).catch(() => resolve(true));
    });
  }

  async destroy(): Promise<void> {
    if (this.destroyed) return;
    this.destroyed = true;
    for (const port of this.ports.values()) port.close();
    this.ports.clear();
    await (await this.page.catch(() => undefined))?.close().catch(() => undefined);
    this.emit("destroyed");
  }
}

const windows = new Set<FakeBrowserWindow>();

export class FakeBrowserWindow
  extends EventEmitter
  implements
    Pick<
      RealBrowserWindow,
      | "id"
      | "close"
      | "destroy"
      | "isDestroyed"
      | "loadURL"
      | "focus"
      | "show"
      | "restore"
      | "isMinimized"
      | "isVisible"
    >
{
  readonly id = nextId++;
  readonly webContents: FakeWebContents;
  private destroyed = false;
  private closing = false;

  constructor(readonly options: BrowserWindowConstructorOptions = {}) {
    super();
    this.webContents = new FakeWebContents(options.webPreferences?.preload);
    windows.add(this);
    reportToControl({ type: "window-created", id: this.id });
  }

  static getAllWindows(): FakeBrowserWindow[] {
    return [...windows];
  }

  static fromWebContents(webContents: unknown): FakeBrowserWindow | null {
    return [...windows].find((w) => w.webContents === webContents) ?? null;
  }

  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url);
  }

  /**
   * 'close' (preventable), then the page's beforeunload handlers; the window goes away unless
   * one of them refused (see FakeWebContents.unload), which also cancels a quit in progress.
   */
  close(): void {
    if (this.destroyed || this.closing) return;
    let prevented = false;
    this.emit("close", { preventDefault: () => (prevented = true) });
    if (prevented) return onCloseRefused();
    this.closing = true;
    void this.webContents.unload().then((unloaded) => {
      this.closing = false;
      if (unloaded) this.destroy();
      else onCloseRefused();
    });
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    windows.delete(this);
    void this.webContents.destroy().finally(() => {
      this.emit("closed");
      if (windows.size === 0) onAllWindowsClosed();
    });
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  /** A headless window is always shown, never minimized; focus brings its page to the front. */
  focus(): void {
    void this.webContents.page.then((p) => p.bringToFront()).catch(() => undefined);
  }
  show(): void {
    this.focus();
  }
  restore(): void {
    this.focus();
  }
  isMinimized(): boolean {
    return false;
  }
  isVisible(): boolean {
    return !this.destroyed;
  }
}
