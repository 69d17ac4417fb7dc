/**
 * The floor: a plain `ws` echo server with no project code (no envelope, no RpcPeer, no
 * auth). Forked by bench/run.ts so it runs in its own process, as the extension host does.
 *
 *   message starting with "n"  counted, never answered (one-way notification)
 *   message "c"                answered with the count since the last "c", which resets it
 *   anything else              echoed back as received
 */
import { WebSocketServer } from "ws";

const server = new WebSocketServer({ host: "127.0.0.1", port: 0, perMessageDeflate: false, maxPayload: 16 << 20 });
let count = 0;
server.on("connection", (ws) => {
  ws.on("message", (data, isBinary) => {
    const buf = data as Buffer;
    if (!isBinary && buf[0] === 0x6e /* n */) count++;
    else if (!isBinary && buf.length === 1 && buf[0] === 0x63 /* c */) {
      ws.send(String(count));
      count = 0;
    } else ws.send(buf, { binary: isBinary });
  });
});
server.on("listening", () => {
  const address = server.address();
  process.send!({ type: "ws-raw-ready", port: typeof address === "object" && address !== null ? address.port : 0 });
});
