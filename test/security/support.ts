/**
 * Helpers for the hardening tests: the real built host with its log captured, raw HTTP
 * upgrade requests written byte by byte (node:net), and hand-made WebSocket frames.
 */
import { fork } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { connect, type Socket } from "node:net";
import WebSocket from "ws";
import { ExtensionHostStarter } from "../../src/main/extension-host-starter.js";
import type { HostProcess, SpawnHost } from "../../src/main/host-process.js";
import { PROTOCOL_MARKER, SECRET_HEADER, wsUrl, type ConnectionInfo } from "../../src/protocol/handshake.js";
import { builtHostPath, requireBuild } from "../support/paths.js";

/** child_process.fork like spawnNodeHost, but the host's stdout/stderr land in `lines`. */
const spawnPipedHost =
  (lines: string[], nofile?: number): SpawnHost =>
  (modulePath, env) => {
    const child = fork(modulePath, [], {
      // `prlimit --nofile=N node host.js`: prlimit execs node in place (same pid, same IPC fd).
      ...(nofile ? { execPath: "prlimit", execArgv: [`--nofile=${nofile}:${nofile}`, process.execPath] } : {}),
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe", "ipc"],
      serialization: "json",
    });
    const collect = (chunk: Buffer): void => {
      for (const line of chunk.toString("utf8").split("\n")) if (line.length > 0) lines.push(line);
    };
    // Clean exit (code 0) vs. killed after the grace period (signal) matters to the tests.
    child.once("exit", (code, signal) => lines.push(`[test] host ${child.pid} exited code=${code} signal=${signal}`));
    child.stdout?.on("data", collect);
    child.stderr?.on("data", collect);
    const handle: HostProcess = {
      pid: child.pid,
      postMessage: (m) => {
        if (child.connected) child.send(m as object);
      },
      onMessage: (listener) => child.on("message", listener),
      onExit: (listener) => child.once("exit", (code) => listener(code)),
      kill: () => child.kill("SIGKILL"),
    };
    return handle;
  };

export interface LoggedHost {
  readonly starter: ExtensionHostStarter;
  /** Host stdout/stderr lines and the starter's own log, in arrival order. */
  readonly logs: string[];
  info(): Promise<ConnectionInfo>;
  stop(): Promise<void>;
}

export const startLoggedHost = async (
  options: { env?: Record<string, string>; allowedOrigins?: string[]; nofile?: number } = {},
): Promise<LoggedHost> => {
  requireBuild();
  const logs: string[] = [];
  const starter = new ExtensionHostStarter({
    spawn: spawnPipedHost(logs, options.nofile),
    modulePath: builtHostPath,
    allowedOrigins: options.allowedOrigins ?? [],
    log: (m) => logs.push(m),
    ...(options.env ? { env: options.env } : {}),
  });
  await starter.start();
  return { starter, logs, info: () => starter.connectionInfo(), stop: () => starter.stop(2_000) };
};

/** Polls `predicate` until true; rejects after `timeoutMs` with `what` in the message. */
export const waitUntil = async (predicate: () => boolean, what: string, timeoutMs = 10_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export interface RawResponse {
  /** HTTP status, or 0 when the server closed the connection without answering. */
  readonly status: number;
  readonly head: string;
  readonly body: string;
  /** Still open after a 101 (the caller must destroy it); destroyed otherwise. */
  readonly socket: Socket;
  /** Our end's port: the server logs the client as 127.0.0.1:<localPort>. */
  readonly localPort: number | undefined;
}

export interface RawUpgradeOptions {
  readonly path?: string;
  /** `Host` header value; default `127.0.0.1:<port>`. `null` omits the header. */
  readonly host?: string | null;
  readonly headers?: Record<string, string>;
  readonly method?: string;
  /** Replaces the whole request (for malformed handshakes). */
  readonly raw?: string | Buffer;
  readonly timeoutMs?: number;
}

/** A WebSocket upgrade request written by hand, so every header is under the test's control. */
export const rawUpgrade = (port: number, options: RawUpgradeOptions = {}): Promise<RawResponse> =>
  new Promise((resolve, reject) => {
    const socket = connect({ host: "127.0.0.1", port });
    let received = Buffer.alloc(0);
    let done = false;
    let localPort: number | undefined;
    const finish = (status: number): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      const text = received.toString("latin1");
      const end = text.indexOf("\r\n\r\n");
      const head = end >= 0 ? text.slice(0, end) : text;
      const body = end >= 0 ? text.slice(end + 4) : "";
      socket.removeAllListeners("data");
      if (status !== 101) socket.destroy();
      resolve({ status, head, body, socket, localPort });
    };
    const timer = setTimeout(() => {
      socket.destroy();
      if (!done) reject(new Error(`no HTTP answer within ${options.timeoutMs ?? 10_000} ms`));
      done = true;
    }, options.timeoutMs ?? 10_000);
    socket.on("error", () => finish(0));
    socket.on("close", () => {
      const m = /^HTTP\/1\.1 (\d{3})/.exec(received.toString("latin1"));
      finish(m ? Number(m[1]) : 0);
    });
    socket.on("data", (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const text = received.toString("latin1");
      const m = /^HTTP\/1\.1 (\d{3})/.exec(text);
      if (!m || !text.includes("\r\n\r\n")) return;
      const status = Number(m[1]);
      // For refusals wait for the body (the server ends the connection after it).
      if (status === 101) finish(101);
    });
    socket.on("connect", () => {
      localPort = socket.localPort;
      if (options.raw !== undefined) {
        socket.write(options.raw);
        return;
      }
      const headers: Record<string, string> = {
        Upgrade: "websocket",
        Connection: "Upgrade",
        "Sec-WebSocket-Key": randomBytes(16).toString("base64"),
        "Sec-WebSocket-Version": "13",
        ...options.headers,
      };
      const host = options.host === undefined ? `127.0.0.1:${port}` : options.host;
      if (host !== null) headers["Host"] = host;
      const lines = Object.entries(headers).map(([k, v]) => `${k}: ${v}`);
      socket.write(`${options.method ?? "GET"} ${options.path ?? "/"} HTTP/1.1\r\n${lines.join("\r\n")}\r\n\r\n`);
    });
  });

/** One client-to-server frame (masked unless told otherwise), for protocol-level abuse. */
export const encodeFrame = (
  opcode: number,
  payload: Buffer,
  options: { fin?: boolean; mask?: boolean; rsv?: number } = {},
): Buffer => {
  const fin = options.fin ?? true;
  const mask = options.mask ?? true;
  const len = payload.length;
  const lenBytes = len < 126 ? 0 : len < 65_536 ? 2 : 8;
  const header = Buffer.alloc(2 + lenBytes + (mask ? 4 : 0));
  header[0] = (fin ? 0x80 : 0) | ((options.rsv ?? 0) << 4) | opcode;
  header[1] = (mask ? 0x80 : 0) | (lenBytes === 0 ? len : lenBytes === 2 ? 126 : 127);
  if (lenBytes === 2) header.writeUInt16BE(len, 2);
  if (lenBytes === 8) header.writeBigUInt64BE(BigInt(len), 2);
  if (!mask) return Buffer.concat([header, payload]);
  const key = randomBytes(4);
  key.copy(header, 2 + lenBytes);
  const masked = Buffer.from(payload);
  for (let i = 0; i < masked.length; i++) masked[i]! ^= key[i % 4]!;
  return Buffer.concat([header, masked]);
};

/** A `ws` client that presents the secret the native way (header, no Origin). */
export const openNative = (info: ConnectionInfo, options: WebSocket.ClientOptions = {}): WebSocket =>
  new WebSocket(wsUrl(info.port), [PROTOCOL_MARKER], {
    ...options,
    headers: { [SECRET_HEADER]: info.secret, ...options.headers },
  });

export const opened = (ws: WebSocket, timeoutMs = 10_000): Promise<void> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("socket did not open")), timeoutMs);
    ws.once("open", () => {
      clearTimeout(timer);
      resolve();
    });
    ws.once("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });

export const closed = (ws: WebSocket, timeoutMs = 10_000): Promise<{ code: number; reason: string }> =>
  new Promise((resolve, reject) => {
    if (ws.readyState === WebSocket.CLOSED) return resolve({ code: 1006, reason: "already closed" });
    const timer = setTimeout(() => reject(new Error(`socket not closed within ${timeoutMs} ms`)), timeoutMs);
    ws.once("close", (code, reason) => {
      clearTimeout(timer);
      resolve({ code, reason: reason.toString() });
    });
  });

/** Resident set size of a Linux process, in bytes. */
export const rssBytes = (pid: number): number => {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  if (!m) throw new Error(`no VmRSS for ${pid}`);
  return Number(m[1]) * 1024;
};

export const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
