/**
 * `npm start` and `npm run dev`: make sure the Electron binary is there (through the `electron`
 * package's own installer, which downloads it on first use since Electron 42), then build and
 * launch `electron .` with the user's arguments — or say in one line why it cannot.
 *
 *   tsx scripts/launch.ts start [folder] [--extensionDevelopmentPath=<dir>]
 *   tsx scripts/launch.ts dev   [folder] [...]
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { downloadFailureReason, noBinaryMessage, resolveUserArgs, sandboxProblem } from "./launcher/plan.js";

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
const electronDir = dirname(createRequire(join(repoRoot, "package.json")).resolve("electron/package.json"));
const bin = (name: string): string =>
  join(repoRoot, "node_modules", ".bin", process.platform === "win32" ? `${name}.cmd` : name);

const fail = (message: string): never => {
  console.error(message);
  process.exit(1);
};

/** The installed binary, downloading it with the package's own installer when missing. */
const ensureElectron = (): string => {
  const installed = (): string | undefined => {
    const pathFile = join(electronDir, "path.txt");
    if (!existsSync(pathFile)) return undefined;
    const binary = join(electronDir, "dist", readFileSync(pathFile, "utf8"));
    return existsSync(binary) ? binary : undefined;
  };
  const present = installed();
  if (present) return present;
  console.log("direct-editor: downloading the Electron binary (first start only)…");
  const r = spawnSync(process.execPath, [join(electronDir, "install.js")], { encoding: "utf8", timeout: 600_000 });
  const binary = r.status === 0 ? installed() : undefined;
  return binary ?? fail(noBinaryMessage(downloadFailureReason(`${r.stderr}\n${r.stdout}\n${r.error?.message ?? ""}`)));
};

const checkSandbox = (): void => {
  const helperPath = join(electronDir, "dist", "chrome-sandbox");
  const read = (p: string): string | undefined => (existsSync(p) ? readFileSync(p, "utf8") : undefined);
  const stat = existsSync(helperPath) ? statSync(helperPath) : undefined;
  const problem = sandboxProblem({
    platform: process.platform,
    restrictUserns: read("/proc/sys/kernel/apparmor_restrict_unprivileged_userns"),
    sandboxHelper: stat ? { uid: stat.uid, mode: stat.mode } : undefined,
    helperPath,
  });
  if (problem) fail(problem);
};

/** Runs a child with our stdio; signals that end us end it; its exit code becomes ours. */
const run = (command: string, args: string[], env: NodeJS.ProcessEnv = process.env): ChildProcess => {
  const child = spawn(command, args, { cwd: repoRoot, stdio: "inherit", env, shell: process.platform === "win32" });
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  return child;
};

const [mode, ...rest] = process.argv.slice(2);
const userArgs = resolveUserArgs(rest, process.env["INIT_CWD"] ?? process.cwd());
if (mode !== "start" && mode !== "dev") fail("usage: tsx scripts/launch.ts start|dev [folder] [electron args]");

const electron = ensureElectron();
checkSandbox();
if (mode === "dev") {
  // electron-vite passes what follows its own `--` to Electron.
  run(bin("electron-vite"), ["dev", ...(userArgs.length ? ["--", ...userArgs] : [])]);
} else {
  const build = spawnSync(bin("electron-vite"), ["build"], {
    cwd: repoRoot,
    stdio: "inherit",
    shell: process.platform === "win32",
  });
  if (build.status !== 0) fail("direct-editor: the build failed (see above)");
  // `electron .` reads package.json's "main", exactly like the packaged app's layout.
  const env = { ...process.env };
  delete env["ELECTRON_RUN_AS_NODE"];
  run(electron, [".", ...userArgs], env);
}
