/**
 * How the renderer stand-in reaches the extension host on each compared path. Every project
 * path ends in the same RpcPeer on both sides, so only the transport differs; `ws-raw` is the
 * floor: a plain ws echo with no project code at either end.
 */
import { connect } from "node:net";
import WebSocket from "ws";
import {
  BATCH_PROTOCOL,
  negotiatedFeatures,
  PROTOCOL_MARKER,
  SECRET_HEADER,
  SEGMENTS_PROTOCOL,
  wsUrl,
} from "../src/protocol/handshake.js";
import { encodeLengthPrefixed, LengthPrefixedDecoder } from "../src/extension-host/length-prefixed.js";
import { RpcPeer } from "../src/protocol/peer.js";

export type PathName =
  | "ws-raw"
  | "json-floor"
  | "direct"
  | "direct-unbatched"
  | "direct-binary"
  | "double-hop"
  | "pipe"
  | "message-channel"
  | "worker";

export const PATH_LABELS: Record<PathName, string> = {
  "ws-raw": "floor: plain ws echo client → plain ws echo server (no envelope, no RpcPeer)",
  "json-floor":
    "floor of the wire format: the cheapest JSON-RPC over plain ws (JSON.parse / JSON.stringify, no checks, no RpcPeer)",
  direct:
    "direct: renderer → WebSocket → extension host, batch frames and string segments negotiated (as the renderer connects)",
  "direct-unbatched": "direct, one envelope per frame (a client that does not offer exthost.batch.v1)",
  "direct-binary": "direct, every frame binary (header + msgpack) instead of JSON text",
  "double-hop": "double hop: renderer → IPC → main → parent port → extension host",
  pipe: "private pipe (MessagePort stand-in): renderer → extension host",
  "message-channel": "chromium-* rows only: an in-page MessageChannel echo (floor)",
  worker: "chromium-* rows only: a dedicated Worker echo (floor)",
};

/** What a workload drives: the bench contract's three methods, or their raw-ws equivalents. */
export interface BenchTarget {
  echo(body: unknown): Promise<unknown>;
  sink(body: unknown): void;
  takeCount(): Promise<number>;
}

const MAX_FRAME = 16 * 1024 * 1024;
const quiet = { warn: (m: string) => process.stderr.write(`[bench] ${m}\n`) };

export interface DirectOptions {
  /** Send every frame as a binary frame, to compare the encodings on one path. */
  readonly binary?: boolean;
  /** Offer exthost.batch.v1. */
  readonly batch?: boolean;
  /** Offer exthost.segments.v1 too, as the renderer does. */
  readonly segments?: boolean;
}

export const connectDirect = (port: number, secret: string, options: DirectOptions = {}): Promise<RpcPeer> =>
  new Promise((resolve, reject) => {
    const offers = [PROTOCOL_MARKER];
    if (options.batch) offers.push(BATCH_PROTOCOL);
    if (options.segments) offers.push(SEGMENTS_PROTOCOL);
    const ws = new WebSocket(wsUrl(port), offers, {
      headers: { [SECRET_HEADER]: secret },
      perMessageDeflate: false,
      maxPayload: MAX_FRAME,
    });
    let peer: RpcPeer | undefined;
    ws.on("message", (data, isBinary) =>
      isBinary ? peer?.receiveBinary(data as Buffer) : peer?.receive(data.toString()),
    );
    ws.on("close", () => peer?.close("websocket closed"));
    ws.once("open", () => {
      const features = negotiatedFeatures(ws.protocol);
      if (options.batch && !features.batching) return reject(new Error("host did not select batches"));
      if (options.segments && !features.stringSegments) return reject(new Error("host did not select segments"));
      peer = new RpcPeer({
        maxFrameBytes: MAX_FRAME,
        logger: quiet,
        ...features,
        send: (f) => ws.send(f),
        ...(options.binary || features.stringSegments ? { sendBinary: (f: Uint8Array) => ws.send(f) } : {}),
        ...(options.binary ? { binaryThreshold: 0 } : {}),
      });
      resolve(peer);
    });
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

/**
 * The floor client: strings go out as they are, answers come back in order (the server
 * echoes in order), so a FIFO of resolvers matches them.
 */
export const connectRawWs = (port: number): Promise<BenchTarget> =>
  new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/`, { perMessageDeflate: false, maxPayload: MAX_FRAME });
    const waiting: Array<(data: string) => void> = [];
    ws.on("message", (data) => waiting.shift()?.(data.toString()));
    const ask = (text: string): Promise<string> =>
      new Promise((answer) => {
        waiting.push(answer);
        ws.send(text);
      });
    ws.once("open", () =>
      resolve({
        echo: (body) => ask(typeof body === "string" ? body : "e"),
        sink: (body) => ws.send(`n${String(body)}`),
        takeCount: async () => Number(await ask("c")),
      }),
    );
    ws.once("error", reject);
  });

/**
 * The JSON floor's client: envelopes as the wire format spells them, a map of waiting calls,
 * nothing checked (see ws-raw-server.ts).
 */
export const connectJsonFloor = (port: number): Promise<BenchTarget> =>
  new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/`, { perMessageDeflate: false, maxPayload: MAX_FRAME });
    const waiting = new Map<number, (result: unknown) => void>();
    let nextId = 1;
    ws.on("message", (data) => {
      const answer = JSON.parse(data.toString()) as { id: number; result: unknown };
      const done = waiting.get(answer.id);
      waiting.delete(answer.id);
      done?.(answer.result);
    });
    const call = (method: string, params: unknown[]): Promise<unknown> =>
      new Promise((answer) => {
        const id = nextId++;
        waiting.set(id, answer);
        ws.send(JSON.stringify({ id, method, params }));
      });
    ws.once("open", () =>
      resolve({
        echo: (body) => call("bench.echo", [body]),
        sink: (body) => ws.send(JSON.stringify({ id: null, method: "bench.sink", params: [body] })),
        takeCount: async () => Number(await call("bench.takeCount", [])),
      }),
    );
    ws.once("error", reject);
  });
