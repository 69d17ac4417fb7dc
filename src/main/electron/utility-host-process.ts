/** Electron's `utilityProcess.fork` behind the HostProcess interface. */
import { utilityProcess, type MessagePortMain } from "electron";
import type { SpawnHost } from "../host-process.js";

export const spawnUtilityHost: SpawnHost = (modulePath, env) => {
  const child = utilityProcess.fork(modulePath, [], {
    env: { ...process.env, ...env },
    serviceName: "Extension Host",
    stdio: "inherit",
  });
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
