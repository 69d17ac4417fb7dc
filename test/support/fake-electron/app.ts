/**
 * `app`: the lifecycle of Electron 45 — 'ready' once the browser is up; quit() is
 * before-quit (preventable) → windows close → will-quit (preventable) → 'quit' → exit;
 * with no 'window-all-closed' listener, closing the last window quits.
 */
import { EventEmitter } from "node:events";
import { readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import type { App, ProcessMetric } from "electron";
import { FakeBrowserWindow } from "./browser-window.js";
import { launchFakeBrowser, type FakeBrowser } from "./chromium.js";
import { startSchemeServers, stopSchemeServers } from "./protocol.js";
import {
  APP_PATH_ENV,
  reportToControl,
  setAllWindowsClosedHandler,
  setBrowserContext,
  setCloseRefusedHandler,
} from "./runtime.js";
import { SingleInstanceLock } from "./single-instance.js";
import { FakeUtilityProcess } from "./utility-process.js";

const preventable = (): { defaultPrevented: boolean; preventDefault(): void } => {
  const e = {
    defaultPrevented: false,
    preventDefault: () => void (e.defaultPrevented = true),
  };
  return e;
};

const metric = (pid: number, type: ProcessMetric["type"], serviceName?: string): ProcessMetric => ({
  pid,
  type,
  ...(serviceName ? { serviceName, name: serviceName } : {}),
  creationTime: 0,
  cpu: { percentCPUUsage: 0, cumulativeCPUUsage: 0, idleWakeupsPerSecond: 0 },
  memory: { workingSetSize: 0, peakWorkingSetSize: 0 },
});

class FakeApp
  extends EventEmitter
  implements
    Pick<
      App,
      | "whenReady"
      | "isReady"
      | "quit"
      | "exit"
      | "getAppPath"
      | "getPath"
      | "getName"
      | "requestSingleInstanceLock"
      | "releaseSingleInstanceLock"
      | "getAppMetrics"
      | "isPackaged"
    >
{
  /** Launched as `electron .`, never from an asar: Electron reports false. */
  readonly isPackaged = false;
  private ready = false;
  private quitting = false;
  private exiting = false;
  private browser: FakeBrowser | undefined;
  private lock: SingleInstanceLock | undefined;
  private readonly readyPromise: Promise<void>;
  private readonly appPath = resolve(process.env[APP_PATH_ENV] ?? process.cwd());
  private readonly name: string;

  constructor() {
    super();
    delete process.env[APP_PATH_ENV];
    const pkg = JSON.parse(readFileSync(join(this.appPath, "package.json"), "utf8")) as {
      name?: string;
      productName?: string;
    };
    this.name = pkg.productName ?? pkg.name ?? "Electron";
    // After main's top-level code ran (it registers schemes and listeners synchronously).
    this.readyPromise = new Promise((resolve) => setTimeout(resolve, 0)).then(() => this.boot());
    this.readyPromise.catch((e: unknown) => {
      console.error(`[fake-electron] could not start: ${(e as Error).message}`);
      this.exit(1);
    });
    setAllWindowsClosedHandler(() => this.allWindowsClosed());
    // A window that refused to close cancels the quit.
    setCloseRefusedHandler(() => (this.quitting = false));
  }

  private async boot(): Promise<void> {
    await startSchemeServers();
    this.browser = await launchFakeBrowser();
    setBrowserContext(this.browser.context, this.browser.addOriginRule);
    this.ready = true;
    this.emit("will-finish-launching");
    this.emit("ready", preventable(), {});
  }

  whenReady(): Promise<void> {
    return this.readyPromise;
  }

  isReady(): boolean {
    return this.ready;
  }

  getAppPath(): string {
    return this.appPath;
  }

  getName(): string {
    return this.name;
  }

  getPath(name: Parameters<App["getPath"]>[0]): string {
    const appData = process.env["XDG_CONFIG_HOME"] ?? join(homedir(), ".config");
    switch (name) {
      case "home":
        return homedir();
      case "appData":
        return appData;
      case "userData":
      case "sessionData":
        return join(appData, this.name);
      case "exe":
        return process.execPath;
      default:
        throw new Error(`fake electron: app.getPath('${name}') is not supported`);
    }
  }

  requestSingleInstanceLock(additionalData?: Record<string, unknown>): boolean {
    this.lock ??= new SingleInstanceLock(this.getPath("userData"), ({ argv, cwd, data }) =>
      this.emitReported("second-instance", preventable(), argv, cwd, data),
    );
    return this.lock.request(additionalData);
  }

  releaseSingleInstanceLock(): void {
    this.lock?.release();
  }

  getAppMetrics(): ProcessMetric[] {
    return [
      metric(process.pid, "Browser"),
      ...FakeUtilityProcess.all().flatMap((p) => (p.pid ? [metric(p.pid, "Utility", p.serviceName)] : [])),
    ];
  }

  quit(): void {
    if (this.exiting) return;
    const beforeQuit = preventable();
    this.emitReported("before-quit", beforeQuit);
    if (beforeQuit.defaultPrevented) return;
    this.quitting = true;
    const windows = FakeBrowserWindow.getAllWindows();
    if (windows.length === 0) return this.willQuit();
    for (const win of windows) win.close();
  }

  private allWindowsClosed(): void {
    if (this.quitting) return this.willQuit();
    if (this.listenerCount("window-all-closed") > 0) this.emitReported("window-all-closed");
    else this.quit();
  }

  private willQuit(): void {
    const willQuit = preventable();
    this.emitReported("will-quit", willQuit);
    if (willQuit.defaultPrevented) {
      this.quitting = false;
      return;
    }
    this.emitReported("quit", preventable(), 0);
    this.exit(0);
  }

  exit(exitCode = 0): void {
    if (this.exiting) return;
    this.exiting = true;
    FakeUtilityProcess.killAll();
    this.lock?.release();
    stopSchemeServers();
    const browser = this.browser;
    void (browser ? browser.close() : Promise.resolve()).finally(() => process.exit(exitCode));
  }

  /** Emits to main's listeners, and tells the test it happened (argv included). */
  private emitReported(name: string, ...args: unknown[]): void {
    reportToControl({
      type: "app-event",
      name,
      args: args.filter((a) => typeof a !== "object" || Array.isArray(a) || a === null),
    });
    this.emit(name, ...args);
  }
}

export const app = new FakeApp();

// Whatever way main ends, its utility processes end with it.
process.on("exit", () => FakeUtilityProcess.killAll());
// Chromium's browser process answers SIGINT/SIGTERM with an orderly quit.
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => app.quit());
