/** Electron's `utilityProcess.fork` behind the HostProcess interface. */
import { utilityProcess, type MessagePortMain } from "electron";
import type { SpawnHost } from "../host-process.js";

export const spawnUtilityHost =
  (log: (message: string) => void): SpawnHost =>
  (modulePath, env) => {
    const child = utilityProcess.fork(modulePath, [], {
      env: { ...process.env, ...env },
      serviceName: "Extension Host",
      stdio: "inherit",
    });
    // A V8 fatal error in the host: without a listener Electron turns it into a main-process
    // error dialog. 'exit' still follows, and the starter restarts the host from there.
    child.on("error", (type, location) => log(`extension host ${type} at ${location}`));
    return {
      get pid() {
        return child.pid;
      },
      postMessage: (m, transfer) => child.postMessage(m, (transfer ?? []) as MessagePortMain[]),
      onMessage: (listener) => child.on("message", listener),
      onExit: (listener) => child.once("exit", (code) => listener(code)),
      kill: () => void child.kill(),
    };
  };
