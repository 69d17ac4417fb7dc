/**
 * The host's lifecycle under signals and kills (real built host through ExtensionHostStarter):
 * SIGTERM / SIGINT / SIGHUP shut it down cleanly (1001 to clients, extensions deactivated,
 * exit 0, not restarted), and processes an extension started die with the host, even when
 * the host is killed with SIGKILL.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import type WebSocket from "ws";
import { ExtHostContract } from "../../src/protocol/contracts/ext-host.js";
import { closed, openNative, opened, sleep, startLoggedHost, waitUntil, type LoggedHost } from "./support.js";

const fixture = fileURLToPath(new URL("./fixtures/spawning-extension", import.meta.url));

/** Running (not a zombie nobody reaped): what "the process is gone" means here. */
const isRunning = (pid: number): boolean => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return false;
  }
};

describe("host lifecycle: signals and the processes extensions start", () => {
  let host: LoggedHost | undefined;
  let ws: WebSocket | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    ws?.terminate();
    await host?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
    host = ws = dir = undefined;
  });

  /** A host with the spawning fixture, activated by `initialize`; returns the spawned pids. */
  const startWithChildren = async (): Promise<{ host: LoggedHost; ws: WebSocket; pids: number[] }> => {
    dir = mkdtempSync(join(tmpdir(), "exthost-lifecycle-"));
    const fixtureDir = dir;
    host = await startLoggedHost({
      env: {
        EXTHOST_DEV_EXTENSIONS: fixture,
        EXTHOST_BUILTIN_EXTENSIONS: join(fixtureDir, "none"),
        EXTHOST_USER_DATA_DIR: fixtureDir,
        SPAWN_FIXTURE_DIR: fixtureDir,
      },
    });
    ws = openNative(await host.info());
    await opened(ws);
    const socket = ws;
    // The host also sends notifications (workbench updates): wait for the reply to id 1.
    const initialized = new Promise<unknown>((resolve) =>
      socket.on("message", (d) => {
        const m = JSON.parse(String(d)) as { id?: unknown };
        if (m.id === 1) resolve(m);
      }),
    );
    socket.send(
      JSON.stringify({
        id: 1,
        method: ExtHostContract.initialize.method,
        params: [{ workspaceFolders: [], documents: [], activeDocument: null }],
      }),
    );
    expect(await initialized).toMatchObject({ id: 1, result: expect.any(Array) });
    await waitUntil(() => existsSync(join(fixtureDir, "grandchild.pid")), "the fixture's children");
    const pids = [
      ...readFileSync(join(fixtureDir, "children.pid"), "utf8").split(" ").map(Number),
      Number(readFileSync(join(fixtureDir, "grandchild.pid"), "utf8")),
    ];
    expect(pids.every(isRunning)).toBe(true);
    return { host, ws: socket, pids };
  };

  for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"] as const) {
    it(`${signal}: clients get 1001, extensions deactivate, exit code 0, no restart, children gone`, async () => {
      const { host: h, ws: client, pids } = await startWithChildren();
      const pid = h.starter.pid!;
      const closing = closed(client);
      process.kill(pid, signal);
      expect((await closing).code).toBe(1001);
      await waitUntil(() => h.logs.some((l) => l.includes(`host ${pid} exited`)), "the host to exit");
      expect(h.logs).toContain(`[test] host ${pid} exited code=0 signal=null`);
      expect(existsSync(join(dir!, "deactivated"))).toBe(true);
      await waitUntil(() => pids.every((p) => !isRunning(p)), "the extension's processes to die", 5_000);
      // A clean exit on request is not a crash: main must not start another host.
      await sleep(500);
      expect(h.starter.currentState.kind).toBe("stopped");
      expect(h.starter.pid).toBeUndefined();
    }, 30_000);
  }

  it("SIGKILL: the processes an extension started die with the host anyway", async () => {
    const { host: h, pids } = await startWithChildren();
    process.kill(h.starter.pid!, "SIGKILL");
    await waitUntil(() => pids.every((p) => !isRunning(p)), "the extension's processes to die", 5_000);
  }, 30_000);
});
