/**
 * The floors: servers with no project code (no envelope validation, no RpcPeer, no auth).
 * Forked by bench/run.ts so they run in their own process, as the extension host does.
 *
 * `ws-raw`, a plain `ws` echo:
 *   message starting with "n"  counted, never answered (one-way notification)
 *   message "c"                answered with the count since the last "c", which resets it
 *   anything else              echoed back as received
 *
 * `json-floor`, the cheapest JSON-RPC on our wire format: `JSON.parse` each frame, answer a
 * request with `JSON.stringify({id, result})`. It checks nothing, so it is what any RPC that
 * speaks JSON text frames costs at least; the distance from it to `direct` is our layer's own.
 */
import { WebSocketServer } from "ws";

const listen = (server: WebSocketServer): Promise<number> =>
  new Promise((resolve) =>
    server.on("listening", () => {
      const address = server.address();
      resolve(typeof address === "object" && address !== null ? address.port : 0);
    }),
  );
const options = { host: "127.0.0.1", port: 0, perMessageDeflate: false, maxPayload: 16 << 20 };

const raw = new WebSocketServer(options);
let rawCount = 0;
raw.on("connection", (ws) => {
  ws.on("message", (data, isBinary) => {
    const buf = data as Buffer;
    if (!isBinary && buf[0] === 0x6e /* n */) rawCount++;
    else if (!isBinary && buf.length === 1 && buf[0] === 0x63 /* c */) {
      ws.send(String(rawCount));
      rawCount = 0;
    } else ws.send(buf, { binary: isBinary });
  });
});

interface FloorEnvelope {
  id: number | null;
  method: string;
  params: unknown[];
}
const json = new WebSocketServer(options);
let jsonCount = 0;
json.on("connection", (ws) => {
  ws.on("message", (data) => {
    const m = JSON.parse((data as Buffer).toString()) as FloorEnvelope;
    if (m.id === null) jsonCount++;
    else if (m.method === "bench.takeCount") {
      ws.send(JSON.stringify({ id: m.id, result: jsonCount }));
      jsonCount = 0;
    } else ws.send(JSON.stringify({ id: m.id, result: m.params[0] }));
  });
});

const [rawPort, jsonPort] = await Promise.all([listen(raw), listen(json)]);
process.send!({ type: "ws-raw-ready", port: rawPort, jsonPort });
