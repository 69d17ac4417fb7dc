/**
 * The loopback WebSocket server of the extension host. One RpcPeer per authenticated
 * connection; everything a client can do is a method registered through `onConnection`.
 */
import { createServer, STATUS_CODES, type IncomingMessage, type Server } from "node:http";
import type { Socket } from "node:net";
import type { Duplex } from "node:stream";
import { WebSocketServer, type RawData, type WebSocket } from "ws";
import { negotiatedFeatures, selectProtocol } from "../protocol/handshake.js";
import { RpcPeer, type PeerLogger } from "../protocol/peer.js";
import { authenticate } from "./handshake-auth.js";

export interface RpcServerOptions {
  readonly secret: string;
  readonly allowedOrigins: ReadonlyArray<string>;
  /** Largest incoming frame; bigger ones close the connection with 1009. */
  readonly maxPayloadBytes?: number;
  /** Authenticated connections at once; more are refused with 503. */
  readonly maxConnections?: number;
  /**
   * TCP connections that have not (yet) passed authentication; past it the oldest is cut, so
   * idle sockets cannot use up the host's file descriptors and a fresh handshake still gets in.
   */
  readonly maxPreAuthConnections?: number;
  /** Ping interval; a client that has not answered the previous ping is terminated. */
  readonly heartbeatMs?: number;
  /** Outgoing bytes a client may leave unread before it is dropped as too slow. */
  readonly maxBufferedBytes?: number;
  /**
   * Bytes of requests one connection may have being handled at once (a handler waiting on
   * the client keeps its params alive); over it, requests are refused with a failure.
   */
  readonly maxInFlightRequestBytes?: number;
  readonly logger?: PeerLogger & { info(message: string): void };
  /** Called for each new connection to register its methods; may return a disposer. */
  readonly onConnection: (peer: RpcPeer, connection: ConnectionMeta) => (() => void) | void;
}

export interface ConnectionMeta {
  readonly id: number;
  readonly origin: string | undefined;
  readonly remote: string;
}

export interface RpcServer {
  readonly port: number;
  readonly connectionCount: number;
  readonly peers: ReadonlyArray<RpcPeer>;
  close(): Promise<void>;
}

export const DEFAULT_MAX_PAYLOAD = 16 * 1024 * 1024;
export const DEFAULT_MAX_CONNECTIONS = 32;
/**
 * Half a 1024-descriptor limit (plus 32 authenticated connections and the host's own files,
 * still far from it), and above the kernel's default accept backlog (511), so a burst of
 * honest handshakes is parsed before anything is shed.
 */
export const DEFAULT_MAX_PRE_AUTH_CONNECTIONS = 512;
export const DEFAULT_HEARTBEAT_MS = 10_000;
/** Four full-size frames: room for real work, not for 40 × 16 MiB parked by a hostile client. */
export const DEFAULT_MAX_IN_FLIGHT_REQUEST_BYTES = 64 * 1024 * 1024;

const rejectUpgrade = (socket: Duplex, status: number, reason: string): void => {
  const body = `${reason}\n`;
  // HTTP sockets allow half-open connections: a refused client that never closes its side
  // would keep the socket (and a file descriptor) forever. Give it a second to read, then cut.
  socket.once("finish", () => setTimeout(() => socket.destroy(), 1_000).unref());
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ""}\r\n` +
      "Connection: close\r\nContent-Type: text/plain; charset=utf-8\r\n" +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
};

const remoteOf = (req: IncomingMessage): string => `${req.socket.remoteAddress ?? "?"}:${req.socket.remotePort ?? "?"}`;

const frameBytes = (data: RawData): Uint8Array =>
  Array.isArray(data) ? Buffer.concat(data) : data instanceof ArrayBuffer ? new Uint8Array(data) : data;

const frameText = (data: RawData): string =>
  Buffer.isBuffer(data)
    ? data.toString("utf8") // no copy: Buffer.from(buffer) would copy a 1 MiB frame first
    : Array.isArray(data)
      ? Buffer.concat(data).toString("utf8")
      : Buffer.from(data).toString("utf8");

export const startRpcServer = async (options: RpcServerOptions): Promise<RpcServer> => {
  const maxPayload = options.maxPayloadBytes ?? DEFAULT_MAX_PAYLOAD;
  const maxConnections = options.maxConnections ?? DEFAULT_MAX_CONNECTIONS;
  const maxPreAuth = options.maxPreAuthConnections ?? DEFAULT_MAX_PRE_AUTH_CONNECTIONS;
  const heartbeatMs = options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS;
  const maxBuffered = options.maxBufferedBytes ?? 4 * maxPayload;
  const maxInFlightRequestBytes = options.maxInFlightRequestBytes ?? DEFAULT_MAX_IN_FLIGHT_REQUEST_BYTES;
  const log = options.logger;
  const allowedOrigins = new Set(options.allowedOrigins);

  // Node only enforces the timeouts below when it sweeps connections, every 30 s by default:
  // sweep every second so a stalled handshake is really dropped after ~5 s.
  const http: Server = createServer({ connectionsCheckingInterval: 1_000 }, (_req, res) => {
    res.writeHead(426, { "Content-Type": "text/plain", Connection: "close" }).end("WebSocket only\n");
  });
  // Slow-loris defence: a handshake must arrive promptly.
  http.headersTimeout = 5_000;
  http.requestTimeout = 5_000;

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload,
    clientTracking: false,
    perMessageDeflate: false,
    // Always pick the non-secret marker (or the batch marker next to it): ws would otherwise
    // echo the first offer, which may be the token.
    handleProtocols: (offered) => selectProtocol(offered),
  });

  /** Sockets not (yet) authenticated, oldest first (a Set iterates in insertion order). */
  const preAuth = new Set<Socket>();
  /** The refused among them: answered already, only lingering so the client can read. */
  const answered = new Set<Duplex>();
  let shed = 0;
  let shedLogged = 0;
  http.on("connection", (socket: Socket) => {
    preAuth.add(socket);
    socket.once("close", () => {
      preAuth.delete(socket);
      answered.delete(socket);
    });
    if (preAuth.size <= maxPreAuth) return;
    // Shed a socket that already has its refusal first, then the oldest: an idle or slow
    // socket has had its chance, the newest may be the renderer reconnecting. One log line
    // a second at most, whatever the flood.
    const victim = (answered.values().next().value ?? preAuth.values().next().value) as Socket;
    preAuth.delete(victim);
    answered.delete(victim);
    victim.destroy();
    shed++;
    const now = Date.now();
    if (now - shedLogged >= 1_000) {
      shedLogged = now;
      log?.warn(
        `pre-auth connection limit (${maxPreAuth}) reached: cut the oldest unauthenticated sockets (${shed} so far)`,
      );
    }
  });

  const live = new Map<WebSocket, { peer: RpcPeer; alive: boolean; dispose?: () => void }>();
  let upgrading = 0;
  let nextConnectionId = 1;

  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(0, "127.0.0.1", () => resolve());
  });
  const address = http.address();
  if (address === null || typeof address === "string") throw new Error("server has no TCP address");
  const port = address.port;

  http.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on("error", () => socket.destroy());
    const verdict = authenticate(req, { secret: options.secret, allowedOrigins, port });
    if (!verdict.ok) {
      log?.warn(`refused connection from ${remoteOf(req)}: ${verdict.status} ${verdict.reason}`);
      answered.add(socket);
      return rejectUpgrade(socket, verdict.status, verdict.reason);
    }
    if (live.size + upgrading >= maxConnections) {
      log?.warn(`refused connection from ${remoteOf(req)}: 503 connection limit (${maxConnections}) reached`);
      // Still counted while it lingers: a flood of 503s must not spend descriptors either.
      answered.add(socket);
      return rejectUpgrade(socket, 503, `connection limit (${maxConnections}) reached`);
    }
    // Authenticated and admitted: no longer competes with unauthenticated sockets for a place
    // (the connection cap bounds these).
    preAuth.delete(req.socket);
    upgrading++;
    // ws never calls back when it refuses the handshake itself (bad key or version) or the
    // socket is already gone, so release the slot on whichever comes first.
    let holdsSlot = true;
    const release = (): void => {
      if (holdsSlot) upgrading--;
      holdsSlot = false;
    };
    socket.once("close", release);
    wss.handleUpgrade(req, socket, head, (ws) => {
      release();
      accept(ws, req);
    });
  });

  const accept = (ws: WebSocket, req: IncomingMessage): void => {
    const meta: ConnectionMeta = { id: nextConnectionId++, origin: req.headers.origin, remote: remoteOf(req) };
    const sendChecked = (frame: string | Uint8Array): void => {
      if (ws.readyState !== ws.OPEN) throw new Error("connection is closed");
      if (ws.bufferedAmount > maxBuffered) {
        ws.terminate();
        throw new Error(`client is not reading (${ws.bufferedAmount} bytes queued); dropped`);
      }
      ws.send(frame);
    };
    const peer = new RpcPeer({
      maxFrameBytes: maxPayload,
      maxInFlightRequestBytes,
      ...negotiatedFeatures(ws.protocol),
      ...(log ? { logger: log } : {}),
      send: (frame) => sendChecked(frame),
      sendBinary: (frame) => sendChecked(frame),
    });
    const entry: { peer: RpcPeer; alive: boolean; dispose?: () => void } = { peer, alive: true };
    live.set(ws, entry);
    ws.on("pong", () => (entry.alive = true));
    ws.on("message", (data, isBinary) => {
      entry.alive = true;
      if (isBinary) peer.receiveBinary(frameBytes(data));
      else peer.receive(frameText(data));
    });
    ws.on("error", (e) => log?.warn(`connection ${meta.id}: ${e.message}`));
    ws.on("close", (code, reason) => {
      live.delete(ws);
      peer.close(`connection closed (${code}${reason.length ? ` ${reason.toString()}` : ""})`);
      entry.dispose?.();
    });
    log?.info(`connection ${meta.id} from ${meta.remote} (${meta.origin ?? "native client"})`);
    try {
      const dispose = options.onConnection(peer, meta);
      if (dispose) entry.dispose = dispose;
    } catch (e) {
      log?.warn(`connection ${meta.id} setup failed: ${(e as Error).message}`);
      ws.close(1011, "setup failed");
    }
  };

  const beat = (): void => {
    for (const [ws, entry] of live) {
      if (!entry.alive) {
        log?.warn("terminating a client that missed a heartbeat");
        ws.terminate();
        continue;
      }
      entry.alive = false;
      ws.ping();
    }
  };
  // Judge after the poll phase, not in the timer phase: when our own event loop was blocked
  // (a busy extension), the overdue timer runs before pending socket reads, and pongs that
  // already arrived would still be unread — healthy clients would be dropped.
  const heartbeat = setInterval(() => setImmediate(beat), heartbeatMs);
  heartbeat.unref();

  return {
    port,
    get connectionCount() {
      return live.size;
    },
    get peers() {
      return [...live.values()].map((e) => e.peer);
    },
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(heartbeat);
        for (const ws of live.keys()) ws.close(1001, "extension host shutting down");
        wss.close();
        http.close(() => resolve());
        // Give clients a moment to take the close frame, then cut the rest.
        setTimeout(() => {
          for (const ws of live.keys()) ws.terminate();
          http.closeAllConnections();
        }, 500).unref();
      }),
  };
};
