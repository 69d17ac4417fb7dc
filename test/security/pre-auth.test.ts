/**
 * Idle TCP connections that never send a byte (real built host, file-descriptor limit 1024):
 * unauthenticated sockets are capped and the oldest shed, so 1100 of them, reopened as soon
 * as they are cut, cannot lock an authenticated client out.
 */
import { readFileSync } from "node:fs";
import { connect, type Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { ChannelContract } from "../../src/protocol/contracts/channel.js";
import { openNative, opened, sleep, startLoggedHost, type LoggedHost } from "./support.js";

const NOFILE = 1024;
const IDLE_SOCKETS = 1_100;

/** Keeps `count` idle sockets open to `port`, reopening each as soon as the server cuts it. */
const hammer = (port: number, count: number): { stop(): void; readonly opened: number } => {
  let stopped = false;
  let openedCount = 0;
  const sockets = new Set<Socket>();
  const open = (): void => {
    if (stopped) return;
    const s = connect({ host: "127.0.0.1", port });
    openedCount++;
    sockets.add(s);
    s.on("error", () => undefined);
    s.on("close", () => {
      sockets.delete(s);
      setImmediate(open);
    });
  };
  for (let i = 0; i < count; i++) open();
  return {
    stop: () => {
      stopped = true;
      for (const s of sockets) s.destroy();
    },
    get opened() {
      return openedCount;
    },
  };
};

describe("idle unauthenticated sockets (real host under prlimit --nofile=1024)", () => {
  let host: LoggedHost | undefined;
  let flood: ReturnType<typeof hammer> | undefined;
  afterEach(async () => {
    flood?.stop();
    await host?.stop();
    host = flood = undefined;
  });

  it("an authenticated client still connects within ~1 s while 1100 idle sockets hammer the port", async () => {
    host = await startLoggedHost({ nofile: NOFILE });
    const pid = host.starter.pid!;
    expect(readFileSync(`/proc/${pid}/limits`, "utf8")).toMatch(new RegExp(`Max open files\\s+${NOFILE}\\s+${NOFILE}`));
    const info = await host.info();
    flood = hammer(info.port, IDLE_SOCKETS);
    await sleep(1_500);

    const times: number[] = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      const started = Date.now();
      const ws = openNative(info);
      try {
        await opened(ws, 10_000);
        const reply = new Promise<string>((resolve) => ws.once("message", (d) => resolve(String(d))));
        ws.send(JSON.stringify({ id: 1, method: ChannelContract.echo.method, params: ["through the flood"] }));
        expect(JSON.parse(await reply)).toEqual({ id: 1, result: "through the flood" });
        times.push(Date.now() - started);
      } finally {
        ws.terminate();
      }
      await sleep(300);
    }
    const fds = readFileSync(`/proc/${pid}/status`, "utf8").match(/FDSize:\s+(\d+)/)?.[1];
    console.log(
      `[pre-auth] connect+echo times ${times.join(", ")} ms; ${flood.opened} idle sockets opened; host FDSize ${fds}`,
    );
    expect(Math.max(...times)).toBeLessThan(1_500);
    // The flood was real: sockets were cut and reopened well beyond the first 1100.
    expect(flood.opened).toBeGreaterThan(IDLE_SOCKETS);
    expect(host.logs.some((l) => l.includes("pre-auth connection limit (512) reached"))).toBe(true);
  }, 60_000);
});
