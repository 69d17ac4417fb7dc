/**
 * Test side: runs the built app under the fake `electron` in a Node child process, exactly
 * as `electron . <args>` would from the repo root, and talks to it over the fork IPC channel.
 */
import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { decodeControlMessage, type ControlMessage, type ControlRequest } from "./wire.js";

const here = fileURLToPath(new URL(".", import.meta.url));

export interface LaunchOptions {
  readonly cwd: string;
  /** After the app folder: `electron . <args>`. */
  readonly args?: ReadonlyArray<string>;
  readonly env?: Record<string, string>;
}

export interface AppEvent {
  readonly name: string;
  readonly args: ReadonlyArray<unknown>;
}

export class FakeElectronApp {
  readonly events: AppEvent[] = [];
  readonly windowsCreated: number[] = [];
  readonly output: string[] = [];
  readonly exited: Promise<number | null>;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();

  private constructor(readonly child: ChildProcess) {
    child.on("message", (raw) => {
      const m = decodeControlMessage(raw);
      if (m._tag === "Some") this.onControl(m.value);
    });
    for (const stream of [child.stdout, child.stderr])
      stream?.on("data", (d: Buffer) => this.output.push(d.toString()));
    this.exited = new Promise((resolve) => child.once("exit", (code) => resolve(code)));
    void this.exited.then(() => {
      for (const p of this.pending.values()) p.reject(new Error(`app exited\n${this.output.join("")}`));
    });
  }

  static launch(options: LaunchOptions): FakeElectronApp {
    const child = fork(`${here}cli.ts`, [".", ...(options.args ?? [])], {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      execArgv: ["--import", "tsx", "--import", `${here}register.ts`],
      stdio: ["ignore", "pipe", "pipe", "ipc"],
      serialization: "json",
    });
    return new FakeElectronApp(child);
  }

  get pid(): number {
    return this.child.pid!;
  }

  request(command: ControlRequest["command"]): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      if (!this.child.connected) return reject(new Error(`app is not running\n${this.output.join("")}`));
      this.pending.set(id, { resolve, reject });
      const request: ControlRequest = { id, command };
      this.child.send(request, (error) => {
        if (error) reject(error);
      });
    });
  }

  /** Clicks `selector` in the first window and types `text` there, as a user would (trusted input). */
  type(selector: string, text: string): Promise<unknown> {
    return this.request({ type: "type", selector, text });
  }

  /** A JavaScript expression evaluated in the first window (awaited if it is a promise). */
  evaluate<T>(expression: string): Promise<T> {
    return this.request({ type: "evaluate", expression }) as Promise<T>;
  }

  async metrics(): Promise<Array<{ pid: number; type: string; serviceName: string | null }>> {
    return (await this.request({ type: "metrics" })) as Array<{
      pid: number;
      type: string;
      serviceName: string | null;
    }>;
  }

  async hostPid(): Promise<number | undefined> {
    return (await this.metrics()).find((m) => m.type === "Utility")?.pid;
  }

  quit(): Promise<unknown> {
    return this.request({ type: "quit" });
  }

  /** SIGTERM (the app quits in order), then SIGKILL if it is still there after 5 s. */
  async kill(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill("SIGTERM");
    const timer = setTimeout(() => this.child.kill("SIGKILL"), 5_000);
    await this.exited;
    clearTimeout(timer);
  }

  private onControl(m: ControlMessage): void {
    if (m.type === "app-event") this.events.push({ name: m.name, args: m.args });
    else if (m.type === "window-created") this.windowsCreated.push(m.id);
    else {
      const p = this.pending.get(m.id);
      this.pending.delete(m.id);
      if (m.ok) p?.resolve(m.value);
      else p?.reject(new Error(String(m.value)));
    }
  }
}
