/** `child_process.fork` standing in for Electron's `utilityProcess.fork`. */
import { fork } from "node:child_process";
import type { HostProcess, SpawnHost } from "./host-process.js";

export const spawnNodeHost =
  (options: { silent?: boolean; execArgv?: string[]; stdoutToStderr?: boolean } = {}): SpawnHost =>
  (modulePath, env) => {
    const child = fork(modulePath, [], {
      // The secret goes in the environment, never in argv (visible to every local user).
      env: { ...process.env, ...env },
      // `stdoutToStderr` keeps the host's log off a stdout whose lines a caller parses (`npm run web`).
      stdio: options.silent
        ? ["ignore", "ignore", "ignore", "ipc"]
        : ["ignore", options.stdoutToStderr ? 2 : "inherit", "inherit", "ipc"],
      execArgv: options.execArgv ?? [],
      serialization: "json",
    });
    const handle: HostProcess = {
      pid: child.pid,
      postMessage: (m) => {
        if (child.connected) child.send(m as object);
      },
      onMessage: (listener) => child.on("message", listener),
      onExit: (listener) => child.once("exit", (code) => listener(code)),
      kill: () => child.kill("SIGKILL"),
    };
    return handle;
  };
