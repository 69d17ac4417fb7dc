/**
 * How the renderer stand-in reaches the extension host on each compared path. Every path
 * ends in the same RpcPeer on both sides, so only the transport differs.
 */
import { connect } from "node:net";
import WebSocket from "ws";
import { PROTOCOL_MARKER, SECRET_HEADER, wsUrl } from "../src/protocol/handshake.js";
import { encodeLengthPrefixed, LengthPrefixedDecoder } from "../src/extension-host/length-prefixed.js";
import { RpcPeer } from "../src/protocol/peer.js";

export type PathName = "direct" | "direct-binary" | "double-hop" | "pipe";

export const PATH_LABELS: Record<PathName, string> = {
  direct: "direct: renderer → WebSocket → extension host",
  "direct-binary": "direct, every frame binary (header + msgpack) instead of JSON text",
  "double-hop": "double hop: renderer → IPC → main → parent port → extension host",
  pipe: "private pipe (MessagePort stand-in): renderer → extension host",
};

const MAX_FRAME = 16 * 1024 * 1024;
const quiet = { warn: (m: string) => process.stderr.write(`[bench] ${m}\n`) };

/** `binary`: send every frame as a binary frame, to compare the encodings on one path. */
export const connectDirect = (port: number, secret: string, binary = false): Promise<RpcPeer> =>
  new Promise((resolve, reject) => {
    const ws = new WebSocket(wsUrl(port), [PROTOCOL_MARKER], {
      headers: { [SECRET_HEADER]: secret },
      perMessageDeflate: false,
      maxPayload: MAX_FRAME,
    });
    const peer = new RpcPeer({
      maxFrameBytes: MAX_FRAME,
      logger: quiet,
      send: (f) => ws.send(f),
      ...(binary ? { sendBinary: (f: Uint8Array) => ws.send(f), binaryThreshold: 0 } : {}),
    });
    ws.on("message", (data, isBinary) =>
      isBinary ? peer.receiveBinary(data as Buffer) : peer.receive(data.toString()),
    );
    ws.on("close", () => peer.close("websocket closed"));
    ws.once("open", () => resolve(peer));
    ws.once("error", reject);
  });

/** Frames go to main over this process's IPC channel; main relays them to the host. */
export const connectRelay = (): RpcPeer => {
  const peer = new RpcPeer({
    maxFrameBytes: MAX_FRAME,
    logger: quiet,
    send: (frame) => process.send!({ type: "rpc", frame }),
  });
  process.on("message", (m: unknown) => {
    const msg = m as { type?: unknown; frame?: unknown };
    if (msg.type === "rpc" && typeof msg.frame === "string") peer.receive(msg.frame);
  });
  return peer;
};

export const connectPipe = (path: string): Promise<RpcPeer> =>
  new Promise((resolve, reject) => {
    const socket = connect(path);
    const decoder = new LengthPrefixedDecoder(MAX_FRAME);
    const peer = new RpcPeer({
      maxFrameBytes: MAX_FRAME,
      logger: quiet,
      send: (frame) => socket.write(encodeLengthPrefixed(frame)),
    });
    socket.on("data", (chunk) => {
      for (const frame of decoder.push(chunk)) peer.receive(frame);
    });
    socket.on("close", () => peer.close("pipe closed"));
    socket.once("connect", () => resolve(peer));
    socket.once("error", reject);
  });
