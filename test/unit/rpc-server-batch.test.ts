/**
 * Batch negotiation on the host's WebSocket server: a client that offers exthost.batch.v1 gets
 * it selected and may exchange batch frames; a client that offers only the marker keeps one
 * envelope per frame in both directions, exactly as before batches existed.
 */
import { afterEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { startRpcServer, type RpcServer } from "../../src/extension-host/rpc-server.js";
import { encodeRequest } from "../../src/protocol/envelope.js";
import { BATCH_PROTOCOL, PROTOCOL_MARKER, SECRET_HEADER, wsUrl } from "../../src/protocol/handshake.js";

const SECRET = "cd".repeat(32);

const open = (port: number, protocols: string[]): Promise<WebSocket> =>
  new Promise((resolve, reject) => {
    const ws = new WebSocket(wsUrl(port), protocols, { headers: { [SECRET_HEADER]: SECRET } });
    ws.once("open", () => resolve(ws));
    ws.once("error", reject);
  });

/** Collects text frames until `count` envelopes arrived (or the wait ends). */
const receive = (ws: WebSocket, count: number, waitMs = 1_000): Promise<{ frames: string[]; envelopes: unknown[] }> =>
  new Promise((resolve) => {
    const frames: string[] = [];
    const envelopes: unknown[] = [];
    const done = (): void => {
      ws.off("message", onMessage);
      clearTimeout(timer);
      resolve({ frames, envelopes });
    };
    const onMessage = (data: WebSocket.RawData): void => {
      const text = (data as Buffer).toString();
      frames.push(text);
      const v: unknown = JSON.parse(text);
      envelopes.push(...(Array.isArray(v) ? v : [v]));
      if (envelopes.length >= count) done();
    };
    const timer = setTimeout(done, waitMs);
    ws.on("message", onMessage);
  });

describe("rpc-server batch negotiation", () => {
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
      logger: { info: () => undefined, warn: (m) => warnings.push(m) },
      onConnection: (peer) => void peer.register("echo", (params) => params[0]),
    }));

  it("selects exthost.batch.v1 when offered and answers a batch with one batch frame", async () => {
    const { port } = await start();
    const ws = await open(port, [PROTOCOL_MARKER, BATCH_PROTOCOL]);
    expect(ws.protocol).toBe(BATCH_PROTOCOL);
    const answers = receive(ws, 3);
    ws.send(`[${[1, 2, 3].map((id) => encodeRequest(id, "echo", [`v${id}`])).join(",")}]`);
    const { frames, envelopes } = await answers;
    expect(frames).toHaveLength(1);
    expect(envelopes).toEqual([
      { id: 1, result: "v1" },
      { id: 2, result: "v2" },
      { id: 3, result: "v3" },
    ]);
    ws.close();
  });

  it("keeps a client that offered only the marker on single envelopes, both ways", async () => {
    const { port } = await start();
    const ws = await open(port, [PROTOCOL_MARKER]);
    expect(ws.protocol).toBe(PROTOCOL_MARKER);
    // An array is not an envelope for this client: refused, not answered.
    const none = receive(ws, 1, 300);
    ws.send(`[${encodeRequest(1, "echo", ["x"])}]`);
    expect((await none).frames).toEqual([]);
    expect(warnings.some((w) => w.includes("expected a JSON object"))).toBe(true);
    // Three requests in one write burst: three answers, each its own frame.
    const answers = receive(ws, 3);
    for (const id of [2, 3, 4]) ws.send(encodeRequest(id, "echo", [id]));
    const { frames } = await answers;
    expect(frames.map((f) => JSON.parse(f) as unknown)).toEqual([
      { id: 2, result: 2 },
      { id: 3, result: 3 },
      { id: 4, result: 4 },
    ]);
    ws.close();
  });
});
