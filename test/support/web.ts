/** `npm run web` as a user runs it: the built `out/main/web.js` in its own Node process. */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { outDir, requireBuild } from "./paths.js";

export const builtWebPath = join(outDir, "main/web.js");

export interface WebProcess {
  /** The one line printed on stdout: the URL with the one-time token. */
  readonly url: string;
  readonly origin: string;
  readonly port: number;
  readonly child: ChildProcess;
  /** stderr lines (logs and refusals). */
  readonly logs: string[];
  /** Every stdout line: the URL must be the only one. */
  readonly stdout: string[];
  stop(): Promise<void>;
}

export const startWebProcess = async (args: ReadonlyArray<string>): Promise<WebProcess> => {
  requireBuild();
  if (!existsSync(builtWebPath)) throw new Error(`${builtWebPath} missing: run \`npm run build\``);
  const child = spawn(process.execPath, [builtWebPath, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  const logs: string[] = [];
  createInterface({ input: child.stderr! }).on("line", (l) => logs.push(l));
  const stdout: string[] = [];
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on("line", (l) => {
      stdout.push(l);
      if (stdout.length === 1) resolve(l);
    });
    child.once("exit", (code) => reject(new Error(`web.js exited with ${code}: ${logs.join("\n")}`)));
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    port: Number(parsed.port),
    child,
    logs,
    stdout,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.kill("SIGTERM");
      await exited;
    },
  };
};
