/**
 * Quitting: ExtensionHostStarter.stop() closes the server, ends the host process and leaves
 * nothing behind — also when the host ignores the shutdown request, and when main itself dies.
 */
import { execFileSync, spawn } from "node:child_process";
import { connect } from "node:net";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { TestHooksContract } from "../../src/protocol/contracts/test-hooks.js";
import { SECRET_HEADER } from "../../src/protocol/handshake.js";
import { repoRoot } from "../support/paths.js";
import {
  closed,
  isAlive,
  openNative,
  opened,
  rawUpgrade,
  sleep,
  startLoggedHost,
  waitUntil,
  type LoggedHost,
} from "./support.js";

/** Whether anything still accepts TCP connections on 127.0.0.1:port. */
const portOpen = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const s = connect({ host: "127.0.0.1", port });
    s.once("connect", () => {
      s.destroy();
      resolve(true);
    });
    s.once("error", () => resolve(false));
  });

/** Direct children of `pid` (Linux `ps`). */
const childrenOf = (pid: number): number[] => {
  try {
    return execFileSync("ps", ["-o", "pid=", "--ppid", String(pid)], { encoding: "utf8" })
      .split("\n")
      .map((l) => Number(l.trim()))
      .filter((n) => n > 0);
  } catch {
    return []; // ps exits 1 when nothing matches
  }
};

describe("shutdown (real host through ExtensionHostStarter)", () => {
  let host: LoggedHost | undefined;
  afterEach(async () => {
    await host?.stop();
    host = undefined;
  });

  it("stop() closes connections with 1001, closes the port, and the host process is gone", async () => {
    host = await startLoggedHost();
    const info = await host.info();
    const pid = host.starter.pid!;
    const ws = openNative(info);
    await opened(ws);
    const wsClosed = closed(ws);
    // The host's only child is the watchdog that kills extensions' processes (child-reaper.ts).
    const children = childrenOf(pid);
    expect(children).toHaveLength(1);
    const watchdog = children[0]!;

    await host.stop();
    expect(await wsClosed).toMatchObject({ code: 1001, reason: "extension host shutting down" });
    expect(host.starter.currentState.kind).toBe("stopped");
    expect(isAlive(pid)).toBe(false);
    expect(childrenOf(process.pid)).not.toContain(pid);
    await waitUntil(() => !isAlive(watchdog), "the watchdog to exit after the host");
    expect(await portOpen(info.port)).toBe(false);
    // Stopped on purpose: not treated as a crash, not restarted.
    await sleep(300);
    expect(host.starter.pid).toBeUndefined();
    expect(host.logs.some((l) => l.includes("restarting"))).toBe(false);
  });

  it("exits cleanly (code 0, within the grace period) despite clients that ignore the close handshake", async () => {
    host = await startLoggedHost();
    const info = await host.info();
    const pid = host.starter.pid!;
    // An upgraded client that never reads (so never answers the close frame) …
    const mute = await rawUpgrade(info.port, { headers: { [SECRET_HEADER]: info.secret } });
    mute.socket.pause();
    // … and a refused one that keeps its half of the connection open.
    const refused = connect({ host: "127.0.0.1", port: info.port, allowHalfOpen: true });
    refused.on("error", () => undefined);
    await new Promise((r) => refused.once("connect", r));
    refused.write(
      `GET / HTTP/1.1\r\nHost: 127.0.0.1:${info.port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n`,
    );
    await sleep(200);
    try {
      await host.starter.stop(20_000);
      expect(host.logs).toContain(`[test] host ${pid} exited code=0 signal=null`);
      expect(isAlive(pid)).toBe(false);
    } finally {
      mute.socket.destroy();
      refused.destroy();
    }
  }, 40_000);

  it("kills a host that ignores the shutdown request (stuck in a loop) after the grace period", async () => {
    host = await startLoggedHost({ env: { EXTHOST_TEST_HOOKS: "1" } });
    const info = await host.info();
    const pid = host.starter.pid!;
    const ws = openNative(info);
    await opened(ws);
    ws.send(JSON.stringify({ id: 1, method: TestHooksContract.spin.method, params: [60_000] }));
    await sleep(300);
    const started = Date.now();
    await host.starter.stop(1_000);
    const took = Date.now() - started;
    expect(isAlive(pid)).toBe(false);
    expect(took).toBeGreaterThanOrEqual(900);
    expect(took).toBeLessThan(10_000);
    expect(await portOpen(info.port)).toBe(false);
    ws.terminate();
  });

  it("the host exits on its own when main dies (no orphan)", async () => {
    const fixture = fileURLToPath(new URL("./fixtures/main-stand-in.ts", import.meta.url));
    const main = spawn(process.execPath, ["--import", "tsx", fixture], {
      cwd: repoRoot,
      stdio: ["ignore", "pipe", "inherit"],
      env: process.env,
    });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error("main stand-in did not start the host")), 30_000);
        let out = "";
        main.stdout.on("data", (c: Buffer) => {
          out += c.toString();
          if (out.includes("\n")) {
            clearTimeout(timer);
            resolve(out.split("\n")[0]!);
          }
        });
      });
      const { hostPid, port } = JSON.parse(line) as { hostPid: number; port: number };
      expect(isAlive(hostPid)).toBe(true);
      expect(childrenOf(main.pid!)).toContain(hostPid);
      // A sanity call that it really serves before main goes away.
      expect(await portOpen(port)).toBe(true);

      main.kill("SIGKILL");
      await waitUntil(() => !isAlive(hostPid), `host ${hostPid} to exit after main died`, 10_000);
      expect(await portOpen(port)).toBe(false);
    } finally {
      if (main.exitCode === null) main.kill("SIGKILL");
    }
  }, 60_000);
});
