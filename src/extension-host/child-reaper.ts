/**
 * Processes that extensions start must not outlive the extension host, even when the host is
 * killed with SIGKILL and can run no code at all. Two parts:
 *
 * 1. Every child the host spawns (child_process spawn/exec/execFile/fork all go through
 *    `ChildProcess.prototype.spawn`) is started `detached`, i.e. as the leader of its own
 *    process group, and tracked; killing the group `-pid` takes its descendants with it.
 * 2. A watchdog process (/bin/sh), started before any extension runs, holds the tracked pids. It reads
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

/**
 * A POSIX shell script, not `node -e`: under Electron that would need the RunAsNode fuse, which
 * hardened builds turn off. Lines "+pid" / "-pid" on stdin; at EOF, TERM then KILL each group.
 */
const WATCHDOG_SCRIPT = `
trap '' INT HUP
pids=""
while IFS= read -r line; do
  p="\${line#?}"
  case "$p" in ''|*[!0-9]*) continue ;; esac
  case "$line" in
    +*) pids="$pids $p" ;;
    -*) kept=""; for q in $pids; do [ "$q" = "$p" ] || kept="$kept $q"; done; pids="$kept" ;;
  esac
done
[ -n "$pids" ] || exit 0
for q in $pids; do kill -s TERM -- "-$q" 2>/dev/null || kill -s TERM "$q" 2>/dev/null; done
sleep ${KILL_GRACE_MS / 1000}
for q in $pids; do kill -s KILL -- "-$q" 2>/dev/null || kill -s KILL "$q" 2>/dev/null; done
exit 0
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

  const watchdog = spawn("/bin/sh", ["-c", WATCHDOG_SCRIPT], {
    detached: true,
    stdio: ["pipe", "ignore", "ignore"],
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
