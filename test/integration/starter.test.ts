/**
 * Main's ExtensionHostStarter with child_process.fork standing in for utilityProcess.fork.
 */
import { readFileSync } from "node:fs";
import WebSocket from "ws";
import { afterEach, describe, expect, it } from "vitest";
import { PROTOCOL_MARKER, SECRET_HEADER, wsUrl, type ConnectionInfo } from "../../src/protocol/handshake.js";
import type { HostState } from "../../src/main/extension-host-starter.js";
import { startTestHost, type TestHost } from "../support/host.js";

/** Resolves with the HTTP status of a refused handshake, or 101 when it is accepted. */
const handshake = (info: ConnectionInfo, secret = info.secret): Promise<number> =>
  new Promise((resolve, reject) => {
    const ws = new WebSocket(wsUrl(info.port), [PROTOCOL_MARKER], { headers: { [SECRET_HEADER]: secret } });
    ws.on("open", () => {
      ws.close();
      resolve(101);
    });
    ws.on("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
    ws.on("error", reject);
  });

const nextRunning = (host: TestHost): Promise<ConnectionInfo> =>
  new Promise((resolve) => {
    const off = host.starter.onDidChangeState((s: HostState) => {
      if (s.kind === "running") {
        off();
        resolve(s.info);
      }
    });
  });

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("ExtensionHostStarter", () => {
  let host: TestHost | undefined;
  afterEach(async () => {
    await host?.stop();
    host = undefined;
  });

  it("mints a 32-byte secret per launch and keeps it out of the host's command line", async () => {
    host = await startTestHost();
    expect(host.info.secret).toMatch(/^[0-9a-f]{64}$/);
    expect(host.info.port).toBeGreaterThan(0);
    const cmdline = readFileSync(`/proc/${host.starter.pid}/cmdline`, "utf8");
    expect(cmdline).not.toContain(host.info.secret);
    expect(await handshake(host.info)).toBe(101);
  });

  it("restarts a killed host with a new secret and port; the old secret no longer opens anything", async () => {
    host = await startTestHost();
    const before = host.info;
    const restarted = nextRunning(host);
    process.kill(host.starter.pid!, "SIGKILL");
    const after = await restarted;
    expect(after.generation).toBe(before.generation + 1);
    expect(after.secret).not.toBe(before.secret);
    expect(await handshake(after)).toBe(101);
    expect(await handshake(after, before.secret)).toBe(401);
    expect(host.logs.some((l) => l.includes("exited unexpectedly"))).toBe(true);
  });

  it("stops restarting after repeated crashes and says why", async () => {
    host = await startTestHost({ maxCrashes: 1 });
    const first = nextRunning(host);
    process.kill(host.starter.pid!, "SIGKILL");
    await first;
    const crashed = new Promise<HostState>((resolve) =>
      host!.starter.onDidChangeState((s) => s.kind === "crashed" && resolve(s)),
    );
    process.kill(host.starter.pid!, "SIGKILL");
    expect(await crashed).toMatchObject({ kind: "crashed", message: expect.stringContaining("crashed 2 times") });
    await expect(host.starter.connectionInfo()).rejects.toThrow(/not restarting/);
    // "Restart Extension Host" is the way out: a fresh host, the crash count starting over.
    const info = await host.starter.restart();
    expect(host.starter.currentState.kind).toBe("running");
    expect(await handshake(info)).toBe(101);
  });

  it("never forks a host once the app is quitting, and refuses ports with no host", async () => {
    host = await startTestHost();
    const { pid } = host.starter;
    await host.starter.dispose(2_000);
    expect(isAlive(pid!)).toBe(false);
    // A renderer reconnecting while the window closes must not start a new host.
    await expect(host.starter.connectionInfo()).rejects.toThrow(/quitting/);
    expect(host.starter.pid).toBeUndefined();
    expect(host.starter.postPort({})).toBe(false);
  });

  it("does not restart a host that exited cleanly (code 0) on its own, e.g. after SIGTERM", async () => {
    host = await startTestHost();
    const pid = host.starter.pid!;
    const states: string[] = [];
    host.starter.onDidChangeState((s) => states.push(s.kind));
    process.kill(pid, "SIGTERM");
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => !isAlive(pid) && (clearInterval(poll), resolve()), 20);
    });
    await new Promise((r) => setTimeout(r, 500));
    expect(states).toEqual(["stopped"]);
    expect(host.starter.pid).toBeUndefined();
    expect(host.logs.some((l) => l.includes("exited cleanly (code 0); not restarting"))).toBe(true);
  });

  it("stops the host on request: process gone, port closed, no restart", async () => {
    host = await startTestHost();
    const { pid } = host.starter;
    const info = host.info;
    await host.starter.stop();
    expect(isAlive(pid!)).toBe(false);
    await expect(handshake(info)).rejects.toThrow(/ECONNREFUSED/);
    await new Promise((r) => setTimeout(r, 300));
    expect(host.starter.currentState.kind).toBe("stopped");
  });
});
