/**
 * Owns the extension host process: mints a secret per launch, starts the host, learns its
 * port, restarts it when it dies (with a fresh secret and port), and stops it on quit.
 * No Electron imports: the app passes utilityProcess.fork, tests pass child_process.fork.
 */
import { randomBytes } from "node:crypto";
import { ALLOWED_ORIGINS_ENV, SECRET_BYTES, SECRET_ENV, type ConnectionInfo } from "../protocol/handshake.js";
import { decodeHostToMain } from "../protocol/host-control.js";
import { TEST_HOOKS_ENV } from "../protocol/contracts/test-hooks.js";
import type { HostProcess, SpawnHost } from "./host-process.js";

export interface StarterOptions {
  readonly spawn: SpawnHost;
  readonly modulePath: string;
  readonly allowedOrigins: ReadonlyArray<string>;
  /** Extra environment for the host (limits, debug flags). */
  readonly env?: Record<string, string>;
  /** How long a starting host may take to report its port. */
  readonly startTimeoutMs?: number;
  /** Crash-loop guard: give up after this many crashes within `crashWindowMs`. */
  readonly maxCrashes?: number;
  readonly crashWindowMs?: number;
  readonly log?: (message: string) => void;
}

export type HostState =
  | { readonly kind: "starting"; readonly generation: number }
  | { readonly kind: "running"; readonly info: ConnectionInfo; readonly pid: number | undefined }
  | { readonly kind: "crashed"; readonly message: string }
  | { readonly kind: "stopped" };

export class ExtensionHostStarter {
  private generation = 0;
  private process: HostProcess | undefined;
  private state: HostState = { kind: "stopped" };
  private ready: Promise<ConnectionInfo> | undefined;
  private readonly crashes: number[] = [];
  private stopping = false;
  /** Set once the app quits: nothing may start a host after that (no fork during shutdown). */
  private disposed = false;
  private readonly listeners = new Set<(state: HostState) => void>();
  private readonly relayListeners = new Set<(frame: string) => void>();

  constructor(private readonly options: StarterOptions) {}

  get currentState(): HostState {
    return this.state;
  }

  get pid(): number | undefined {
    return this.process?.pid;
  }

  /** Notified on every state change; main forwards `running` to the renderer. */
  onDidChangeState(listener: (state: HostState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * The classic relayed path (renderer → main → host), used only to measure it against the
   * direct channel: frames main forwards to the host, and frames the host sends back.
   */
  postRelayFrame(frame: string): void {
    this.process?.postMessage({ type: "rpc", frame });
  }

  /**
   * Hands the host one end of a MessageChannelMain (Electron: the profiler's MessagePort path).
   * Returns false, without posting, when no host is running: the caller answers at once
   * instead of leaving the other end waiting on a port nobody serves.
   */
  postPort(port: unknown): boolean {
    if (this.state.kind !== "running" || !this.process) return false;
    this.process.postMessage({ type: "port" }, [port]);
    return true;
  }

  onRelayFrame(listener: (frame: string) => void): () => void {
    this.relayListeners.add(listener);
    return () => this.relayListeners.delete(listener);
  }

  /** The connection info of the running host, waiting for a (re)start in progress. */
  connectionInfo(): Promise<ConnectionInfo> {
    if (this.disposed) return Promise.reject(new Error("the app is quitting: no extension host"));
    if (this.state.kind === "running") return Promise.resolve(this.state.info);
    if (this.state.kind === "crashed") return Promise.reject(new Error(this.state.message));
    return this.ready ?? this.start();
  }

  start(): Promise<ConnectionInfo> {
    if (this.disposed) return Promise.reject(new Error("the app is quitting: no extension host"));
    this.stopping = false;
    const generation = ++this.generation;
    const secret = randomBytes(SECRET_BYTES).toString("hex");
    this.setState({ kind: "starting", generation });
    const child = this.options.spawn(this.options.modulePath, {
      // The test-only methods are enabled by passing this in `env` explicitly, never by
      // inheriting it from whoever launched the app.
      [TEST_HOOKS_ENV]: "",
      ...this.options.env,
      [SECRET_ENV]: secret,
      [ALLOWED_ORIGINS_ENV]: this.options.allowedOrigins.join(","),
    });
    this.process = child;
    const timeoutMs = this.options.startTimeoutMs ?? 15_000;
    this.ready = new Promise<ConnectionInfo>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`extension host did not report its port within ${timeoutMs} ms`));
        child.kill();
      }, timeoutMs);
      child.onMessage((raw) => {
        const message = decodeHostToMain(raw);
        if (message._tag === "None") return this.log(`ignored malformed message from extension host`);
        if (message.value.type === "rpc") {
          for (const listener of this.relayListeners) listener(message.value.frame);
          return;
        }
        if (message.value.type === "fatal") {
          this.log(`extension host failed: ${message.value.message}`);
          return;
        }
        clearTimeout(timer);
        const info: ConnectionInfo = { port: message.value.port, secret, generation };
        this.setState({ kind: "running", info, pid: child.pid });
        resolve(info);
      });
      child.onExit((code) => {
        clearTimeout(timer);
        reject(new Error(`extension host exited with code ${code} before it was ready`));
        this.handleExit(child, code);
      });
    });
    // Callers that only listen to state changes must not see an unhandled rejection.
    this.ready.catch(() => undefined);
    return this.ready;
  }

  /** Asks the host to shut down, then kills it after `graceMs` (VS Code waits 6 s). */
  async stop(graceMs = 6_000): Promise<void> {
    this.stopping = true;
    const child = this.process;
    if (!child) return;
    const exited = new Promise<void>((resolve) => child.onExit(() => resolve()));
    child.postMessage({ type: "shutdown" });
    const timer = setTimeout(() => child.kill(), graceMs);
    await exited;
    clearTimeout(timer);
    this.setState({ kind: "stopped" });
  }

  /**
   * Stops the host for good: used when the app quits. Unlike `stop`, later `connectionInfo()`
   * calls (a renderer reconnecting while the window closes) fail instead of forking a new host.
   */
  async dispose(graceMs = 6_000): Promise<void> {
    this.disposed = true;
    await this.stop(graceMs);
  }

  /**
   * "Restart Extension Host": stops the running host (if any) and starts a fresh one with a new
   * secret. Also the way out after the crash-loop guard gave up: the count starts over.
   */
  async restart(): Promise<ConnectionInfo> {
    await this.stop(2_000);
    this.crashes.length = 0;
    return this.start();
  }

  private handleExit(child: HostProcess, code: number | null): void {
    if (child !== this.process) return;
    this.process = undefined;
    this.ready = undefined;
    if (this.stopping) return;
    // Code 0 is a clean exit the host chose (a signal asked it to stop): not a crash.
    if (code === 0) {
      this.log("extension host exited cleanly (code 0); not restarting");
      this.setState({ kind: "stopped" });
      return;
    }
    const now = Date.now();
    const window = this.options.crashWindowMs ?? 60_000;
    this.crashes.push(now);
    while (this.crashes.length > 0 && this.crashes[0]! < now - window) this.crashes.shift();
    const max = this.options.maxCrashes ?? 5;
    if (this.crashes.length > max) {
      const message = `extension host crashed ${this.crashes.length} times within ${window / 1000} s; not restarting`;
      this.log(message);
      this.setState({ kind: "crashed", message });
      return;
    }
    this.log(`extension host exited unexpectedly (code ${code}); restarting`);
    this.start().catch((e: unknown) => this.log(`restart failed: ${(e as Error).message}`));
  }

  private setState(state: HostState): void {
    this.state = state;
    for (const listener of this.listeners) listener(state);
  }

  private log(message: string): void {
    (this.options.log ?? console.log)(`[main] ${message}`);
  }
}
