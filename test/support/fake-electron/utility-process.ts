/**
 * utilityProcess.fork over child_process.fork: the child gets `process.parentPort` from
 * utility-child-shim.ts, MessagePortMain objects cross as ids over the IPC channel, and the
 * events are Electron's: 'spawn', 'message', 'exit' (code; the signal number when killed,
 * as Chromium reports it on POSIX) and 'error' ('FatalError') when V8 aborts.
 */
import { fork, type ChildProcess } from "node:child_process";
import { EventEmitter } from "node:events";
import { constants } from "node:os";
import { fileURLToPath } from "node:url";
import type { ForkOptions, UtilityProcess as RealUtilityProcess } from "electron";
import { asFakePort, type FakeMessagePortMain } from "./message-port.js";
import { decodeUtilityWire, type UtilityWire } from "./wire.js";

const shimPath = fileURLToPath(new URL("./utility-child-shim.ts", import.meta.url));
const tsxLoader = import.meta.resolve("tsx");
const FATAL_SIGNALS = new Set<NodeJS.Signals>(["SIGABRT", "SIGTRAP", "SIGILL", "SIGSEGV"]);

const live = new Set<FakeUtilityProcess>();

export class FakeUtilityProcess
  extends EventEmitter
  implements Pick<RealUtilityProcess, "pid" | "postMessage" | "kill" | "stdout" | "stderr">
{
  readonly stdout = null;
  readonly stderr = null;
  private readonly child: ChildProcess;
  private readonly ports = new Map<number, FakeMessagePortMain>();
  private exited = false;

  constructor(
    modulePath: string,
    args: string[],
    readonly options: ForkOptions,
  ) {
    super();
    this.child = fork(modulePath, args, {
      env: (options.env as NodeJS.ProcessEnv | undefined) ?? process.env,
      ...(options.cwd ? { cwd: options.cwd } : {}),
      execArgv: ["--import", tsxLoader, "--import", shimPath, ...(options.execArgv ?? [])],
      stdio: options.stdio === "pipe" ? ["ignore", "pipe", "pipe", "ipc"] : ["ignore", "inherit", "inherit", "ipc"],
      serialization: "advanced",
    });
    live.add(this);
    this.child.once("spawn", () => this.emit("spawn"));
    this.child.on("message", (raw) => this.onWire(raw));
    this.child.once("exit", (code, signal) => {
      this.exited = true;
      live.delete(this);
      for (const port of this.ports.values()) port.close();
      if (signal && FATAL_SIGNALS.has(signal)) this.emit("error", "FatalError", modulePath, `terminated by ${signal}`);
      this.emit("exit", code ?? (signal ? constants.signals[signal] : 0));
    });
  }

  get pid(): number | undefined {
    return this.exited ? undefined : this.child.pid;
  }

  get serviceName(): string | undefined {
    return this.options.serviceName;
  }

  postMessage(message: unknown, transfer: FakeMessagePortMain[] = []): void {
    const ids = transfer.map((p) => {
      const port = asFakePort(p);
      this.ports.set(port.id, port);
      port.transferTo({
        deliver: (data) => this.send({ fake: "port-message", port: port.id, data }),
        close: () => {
          if (this.ports.delete(port.id)) this.send({ fake: "port-close", port: port.id });
        },
      });
      return port.id;
    });
    this.send({ fake: "message", data: message, ports: ids });
  }

  kill(): boolean {
    return this.child.kill("SIGTERM");
  }

  private send(m: UtilityWire): void {
    if (this.child.connected) this.child.send(m);
  }

  private onWire(raw: unknown): void {
    const wire = decodeUtilityWire(raw);
    if (wire._tag === "None") return;
    const m = wire.value;
    if (m.fake === "message") this.emit("message", m.data);
    else if (m.fake === "port-message") this.ports.get(m.port)?.postMessage(m.data);
    else {
      const port = this.ports.get(m.port);
      this.ports.delete(m.port);
      port?.close();
    }
  }

  /** The app is going away: utility processes do not outlive it. */
  static killAll(): void {
    for (const p of live) p.child.kill("SIGKILL");
  }

  static all(): ReadonlyArray<FakeUtilityProcess> {
    return [...live];
  }
}

export const utilityProcess = {
  fork: (modulePath: string, args: string[] = [], options: ForkOptions = {}): FakeUtilityProcess =>
    new FakeUtilityProcess(modulePath, args, options),
};
