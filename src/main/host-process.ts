/**
 * The one thing main needs from a process launcher, so the restart logic runs under plain
 * Node in tests (child_process.fork) and under Electron in the app (utilityProcess.fork).
 */
export interface HostProcess {
  readonly pid: number | undefined;
  /** `transfer`: MessagePorts (Electron only; Node's fork IPC cannot carry them). */
  postMessage(message: unknown, transfer?: ReadonlyArray<unknown>): void;
  onMessage(listener: (message: unknown) => void): void;
  /** Fires once, with the exit code (null when killed by a signal). */
  onExit(listener: (code: number | null) => void): void;
  kill(): void;
}

export type SpawnHost = (modulePath: string, env: Record<string, string>) => HostProcess;
