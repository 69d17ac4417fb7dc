/**
 * Processes that extensions start must not outlive the extension host, even when the host is
 * killed with SIGKILL and can run no code at all. Two parts:
 *
 * 1. Every child the host spawns (child_process spawn/exec/execFile/fork all go through
 *    `ChildProcess.prototype.spawn`) is started `detached`, i.e. as the leader of its own
 *    process group, and tracked; killing the group `-pid` takes its descendants with it.
 * 2. A watchdog process, started before any extension runs, holds the tracked pids. It reads
 *    them from a pipe whose write end only the host holds: when the host is gone for any reason
 *    (exit, crash, SIGKILL, OOM) the pipe reaches EOF and the watchdog kills every group it
 *    knows (SIGTERM, then SIGKILL after a second) and exits.
 *
 * Not covered: `spawnSync`/`execSync` children (the host is blocked while they run), and
 * processes that leave their group on their own (`setsid`, daemons).
 */
import { ChildProcess, spawn } from "node:child_process";
import type { Writable } from "node:stream";

/** Grace between SIGTERM and SIGKILL, in the watchdog. */
const KILL_GRACE_MS = 1_000;

/** Runs under `node -e` (ELECTRON_RUN_AS_NODE in Electron): lines "+pid" / "-pid" on stdin. */
const WATCHDOG_SOURCE = `
const pids = new Set();
let buf = "";
const kill = (signal) => {
  for (const pid of pids) {
    try { process.kill(-pid, signal); } catch { try { process.kill(pid, signal); } catch {} }
  }
};
let ending = false;
const end = () => {
  if (ending) return;
  ending = true;
  kill("SIGTERM");
  setTimeout(() => { kill("SIGKILL"); process.exit(0); }, ${KILL_GRACE_MS});
};
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => {
  buf += chunk;
  let i;
  while ((i = buf.indexOf("\\n")) >= 0) {
    const line = buf.slice(0, i);
    buf = buf.slice(i + 1);
    const pid = Number(line.slice(1));
    if (!Number.isSafeInteger(pid) || pid <= 1) continue;
    if (line[0] === "+") pids.add(pid); else pids.delete(pid);
  }
});
process.stdin.on("end", end);
process.stdin.on("error", end);
// A terminal's Ctrl-C or hang-up reaches the host's whole group; the host handles those
// itself, and the watchdog must still be there when the host is gone.
process.on("SIGINT", () => {});
process.on("SIGHUP", () => {});
`;

export interface ChildReaper {
  /** Children started by this process that are still running. */
  readonly tracked: ReadonlySet<number>;
  /** Signals every tracked group now (the host's own exit path; synchronous). */
  killAll(signal: NodeJS.Signals): void;
}

const killGroup = (pid: number, signal: NodeJS.Signals): void => {
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      /* already gone */
    }
  }
};

type SpawnOptions = { detached?: boolean } & Record<string, unknown>;
/** Returns a libuv error code or undefined; ChildProcess is also an `error` event source. */
type SpawnMethod = (this: ChildProcess, options: SpawnOptions) => unknown;

/** Installs the tracking once, before any extension code runs. */
export const installChildReaper = (warn: (message: string) => void): ChildReaper => {
  const tracked = new Set<number>();
  let watchdogIn: Writable | undefined;
  const tell = (line: string): void => {
    try {
      watchdogIn?.write(`${line}\n`);
    } catch {
      /* the watchdog is gone: the host's own exit path still kills the groups */
    }
  };

  const watchdog = spawn(process.execPath, ["-e", WATCHDOG_SOURCE], {
    detached: true,
    stdio: ["pipe", "ignore", "ignore"],
    env: { ...process.env, ELECTRON_RUN_AS_NODE: "1" },
  });
  watchdog.on("error", (e) => warn(`child watchdog failed: ${e.message}`));
  watchdog.on("exit", (code) => {
    watchdogIn = undefined;
    warn(`child watchdog exited (code ${code}); children are killed on the host's own exit only`);
  });
  watchdog.unref();
  watchdogIn = watchdog.stdin ?? undefined;
  watchdogIn?.on("error", () => (watchdogIn = undefined));
  (watchdogIn as { unref?: () => void } | undefined)?.unref?.();

  const proto = ChildProcess.prototype as unknown as { spawn: SpawnMethod };
  const originalSpawn = proto.spawn;
  proto.spawn = function (this: ChildProcess, options: SpawnOptions): unknown {
    // Own process group: the whole subtree can be signalled as `-pid`.
    const result = originalSpawn.call(this, { ...options, detached: true });
    const pid = this.pid;
    if (pid === undefined) return result;
    tracked.add(pid);
    tell(`+${pid}`);
    this.once("exit", () => {
      tracked.delete(pid);
      tell(`-${pid}`);
    });
    return result;
  };

  const killAll = (signal: NodeJS.Signals): void => {
    for (const pid of tracked) killGroup(pid, signal);
  };
  // Every exit the host runs code for (shutdown, process.exit after a fatal error).
  process.on("exit", () => killAll("SIGTERM"));
  return { tracked, killAll };
};
