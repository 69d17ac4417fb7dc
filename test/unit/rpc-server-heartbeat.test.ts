/**
 * The host's heartbeat, in-process: a client whose pong is stuck behind a blocked host event
 * loop must not be reaped for it, while a client that never answers still is.
 */
import { afterEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { startRpcServer, type RpcServer } from "../../src/extension-host/rpc-server.js";
import { PROTOCOL_MARKER, SECRET_HEADER, wsUrl } from "../../src/protocol/handshake.js";

const SECRET = "ab".repeat(32);
const HEARTBEAT_MS = 200;

const open = (port: number): Promise<WebSocket> =>
  new Promise((resolve, reject) => {
    const ws = new WebSocket(wsUrl(port), [PROTOCOL_MARKER], { headers: { [SECRET_HEADER]: SECRET }, autoPong: false });
    ws.once("open", () => resolve(ws));
    ws.once("error", reject);
  });

const busy = (ms: number): void => {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    /* block the shared event loop, as a stuck extension would block the host's */
  }
};

describe("rpc-server heartbeat", () => {
  let server: RpcServer | undefined;
  const warnings: string[] = [];
  afterEach(async () => {
    await server?.close();
    server = undefined;
    warnings.length = 0;
  });

  const start = async (): Promise<RpcServer> =>
    (server = await startRpcServer({
      secret: SECRET,
      allowedOrigins: [],
      heartbeatMs: HEARTBEAT_MS,
      logger: { info: () => undefined, warn: (m) => warnings.push(m) },
      onConnection: () => undefined,
    }));

  it("does not reap a client whose pong was sent while the host's event loop was blocked", async () => {
    const { port } = await start();
    const ws = await open(port);
    let pings = 0;
    ws.on("ping", (data) => {
      pings++;
      // The first ping is answered only after a block longer than the heartbeat period,
      // so the pong is still unread when the overdue heartbeat timer fires.
      if (pings === 1) busy(HEARTBEAT_MS * 3);
      ws.pong(data);
    });
    await new Promise((r) => setTimeout(r, HEARTBEAT_MS * 8));
    expect(pings).toBeGreaterThan(2);
    expect(ws.readyState).toBe(WebSocket.OPEN);
    expect(warnings.filter((w) => w.includes("missed a heartbeat"))).toEqual([]);
    ws.close();
  });

  it("still reaps a client that never answers", async () => {
    const { port } = await start();
    const ws = await open(port);
    const code = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("silent client was not reaped")), HEARTBEAT_MS * 20);
      ws.once("close", (c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
    expect(code).toBe(1006);
    expect(warnings.some((w) => w.includes("missed a heartbeat"))).toBe(true);
    // The server's own close event may trail the client's by a tick.
    for (let i = 0; i < 100 && server?.connectionCount !== 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(server?.connectionCount).toBe(0);
  });
});
