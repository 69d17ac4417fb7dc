/**
 * Starts the real, built extension host as a Node child process through main's own
 * ExtensionHostStarter (child_process.fork standing in for utilityProcess.fork).
 */
import { ExtensionHostStarter, type StarterOptions } from "../../src/main/extension-host-starter.js";
import { spawnNodeHost } from "../../src/main/node-host-process.js";
import type { ConnectionInfo } from "../../src/protocol/handshake.js";
import { builtHostPath, requireBuild } from "./paths.js";

export interface TestHost {
  readonly starter: ExtensionHostStarter;
  readonly info: ConnectionInfo;
  readonly logs: string[];
  stop(): Promise<void>;
}

export const startTestHost = async (
  options: Partial<Omit<StarterOptions, "spawn" | "modulePath">> & { silent?: boolean } = {},
): Promise<TestHost> => {
  requireBuild();
  const logs: string[] = [];
  const starter = new ExtensionHostStarter({
    spawn: spawnNodeHost({ silent: options.silent ?? true }),
    modulePath: builtHostPath,
    allowedOrigins: options.allowedOrigins ?? [],
    log: (m) => logs.push(m),
    ...(options.env ? { env: options.env } : {}),
    ...(options.maxCrashes !== undefined ? { maxCrashes: options.maxCrashes } : {}),
  });
  const info = await starter.start();
  return { starter, info, logs, stop: () => starter.stop(2_000) };
};
