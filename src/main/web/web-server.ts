/**
 * `npm run web`: a Node process plays Electron main. It starts the extension host, serves the
 * built renderer on 127.0.0.1 and hands `{port, secret}` to the page that traded the one-time
 * token for the session cookie; the page then connects to the extension host directly, exactly
 * as in Electron. No Electron imports.
 */
import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { extname } from "node:path";
import { pathToFileURL } from "node:url";
import { resolveAppPath } from "../app-origin.js";
import { ExtensionHostStarter } from "../extension-host-starter.js";
import type { SpawnHost } from "../host-process.js";
import { spawnNodeHost } from "../node-host-process.js";
import {
  ConnectionToken,
  TOKEN_PARAM,
  WebSession,
  checkApiRequest,
  checkHost,
  hostForUrl,
  ownHosts,
  ownOrigins,
  type WebVerdict,
} from "./web-auth.js";

export const WEB_API = {
  connectionInfo: "/web-api/connection-info",
  workspace: "/web-api/workspace",
  events: "/web-api/events",
} as const;

export interface WebServerOptions {
  readonly rendererDir: string;
  readonly hostModulePath: string;
  readonly hostEnv: Record<string, string>;
  readonly bindHost?: string;
  readonly port?: number;
  /** The folder to open at start, or undefined. */
  readonly workspaceFolder?: string | undefined;
  readonly spawn?: SpawnHost;
  readonly log?: (line: string) => void;
}

export interface RunningWebServer {
  /** The one URL to open: carries the one-time token. */
  readonly url: string;
  readonly origin: string;
  readonly starter: ExtensionHostStarter;
  close(): Promise<void>;
}

/** Content types of what the renderer build contains. */
export const MIME: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".wasm": "application/wasm",
};

/** Headers on every answer: no framing (clickjacking), no sniffing, no Referer. */
const BASE_HEADERS = {
  "Content-Security-Policy": "frame-ancestors 'none'",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
} as const;

/** The renderer's CSP allows only WebSockets to 127.0.0.1; the web bridge also fetches from its own origin. */
export const allowOwnOriginInCsp = (html: string): string =>
  html.replace("connect-src ws://127.0.0.1:*", "connect-src 'self' ws://127.0.0.1:*");

const listen = (server: Server, port: number, host: string): Promise<number> =>
  new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const address = server.address();
      if (address === null || typeof address === "string") reject(new Error("no address"));
      else resolve(address.port);
    });
  });

export const startWebServer = async (options: WebServerOptions): Promise<RunningWebServer> => {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const bindHost = options.bindHost ?? "127.0.0.1";
  const token = new ConnectionToken();
  const session = new WebSession();
  const eventStreams = new Set<ServerResponse>();
  // Listen first: the Origins the extension host must allow name our port.
  const server = createServer();
  const port = await listen(server, options.port ?? 0, bindHost);
  const hosts = ownHosts(bindHost, port);
  const origins = ownOrigins(hosts);
  const starter = new ExtensionHostStarter({
    spawn: options.spawn ?? spawnNodeHost({ stdoutToStderr: true }),
    modulePath: options.hostModulePath,
    // The page connects from this server's origin(s); the host refuses every other.
    allowedOrigins: [...origins],
    env: options.hostEnv,
    log,
  });

  const refuse = (req: IncomingMessage, res: ServerResponse, verdict: Exclude<WebVerdict, { ok: true }>): void => {
    // Reasons never contain the token or the cookie.
    log(
      `[web] refused ${req.method ?? "?"} ${new URL(req.url ?? "/", "http://x").pathname} from ${req.socket.remoteAddress ?? "?"}: ${verdict.status} ${verdict.reason}`,
    );
    res
      .writeHead(verdict.status, { ...BASE_HEADERS, "Content-Type": "text/plain; charset=utf-8" })
      .end(`${verdict.reason}\n`);
  };

  const json = (res: ServerResponse, body: unknown): void => {
    res.writeHead(200, { ...BASE_HEADERS, "Content-Type": "application/json", "Cache-Control": "no-store" });
    res.end(JSON.stringify(body));
  };

  const serveApi = async (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
    if (path === WEB_API.events) {
      // Restart notices carry no secret: the cookie (and Host) suffice, and EventSource can only GET.
      if (!session.holds(req)) return refuse(req, res, { ok: false, status: 401, reason: "no valid session cookie" });
      res.writeHead(200, { ...BASE_HEADERS, "Content-Type": "text/event-stream", "Cache-Control": "no-store" });
      res.write(": connected\n\n");
      eventStreams.add(res);
      res.on("close", () => eventStreams.delete(res));
      return;
    }
    const verdict = checkApiRequest(req, origins, session);
    if (!verdict.ok) return refuse(req, res, verdict);
    if (path === WEB_API.connectionInfo) return json(res, await starter.connectionInfo());
    if (path === WEB_API.workspace) {
      return json(res, { folder: options.workspaceFolder ? pathToFileURL(options.workspaceFolder).toString() : null });
    }
    return refuse(req, res, { ok: false, status: 400, reason: "unknown endpoint" });
  };

  const serveFile = async (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
    const file = resolveAppPath(`http://x${path}`, options.rendererDir);
    const body = file === undefined ? undefined : await readFile(file).catch(() => undefined);
    if (file === undefined || body === undefined) {
      res.writeHead(404, { ...BASE_HEADERS, "Content-Type": "text/plain" }).end("not found\n");
      return;
    }
    const type = MIME[extname(file)] ?? "application/octet-stream";
    const isHtml = extname(file) === ".html";
    res.writeHead(200, { ...BASE_HEADERS, "Content-Type": type, ...(isHtml ? { "Cache-Control": "no-store" } : {}) });
    res.end(isHtml ? allowOwnOriginInCsp(body.toString("utf8")) : body);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const hostVerdict = checkHost(req, hosts);
    if (!hostVerdict.ok) return refuse(req, res, hostVerdict);
    const url = new URL(req.url ?? "/", "http://x");
    const offered = url.searchParams.get(TOKEN_PARAM);
    if (offered !== null) {
      if (req.method !== "GET" || !token.redeem(offered)) {
        return refuse(req, res, { ok: false, status: 403, reason: "invalid or already used connection token" });
      }
      // Trade the token for the cookie and drop it from the address bar (and history).
      url.searchParams.delete(TOKEN_PARAM);
      res.writeHead(302, {
        ...BASE_HEADERS,
        "Set-Cookie": session.setCookieHeader(),
        Location: `${url.pathname}${url.search}`,
        "Cache-Control": "no-store",
      });
      res.end();
      return;
    }
    if (url.pathname.startsWith("/web-api/")) return serveApi(req, res, url.pathname);
    if (!session.holds(req)) {
      return refuse(req, res, { ok: false, status: 401, reason: "open the URL printed by `npm run web`" });
    }
    if (req.method !== "GET" && req.method !== "HEAD")
      return refuse(req, res, { ok: false, status: 405, reason: "GET only" });
    return serveFile(req, res, url.pathname);
  };

  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((e: unknown) => {
      log(`[web] ${req.url ?? ""}: ${e instanceof Error ? e.message : String(e)}`);
      if (!res.headersSent) res.writeHead(500, BASE_HEADERS);
      res.end();
    });
  });
  starter.onDidChangeState((state) => {
    if (state.kind !== "running") return;
    for (const res of eventStreams) res.write(`event: restarted\ndata: ${state.info.generation}\n\n`);
  });
  try {
    await starter.start();
  } catch (e) {
    server.close();
    throw e;
  }
  const origin = `http://${hostForUrl(bindHost)}:${port}`;
  return {
    url: `${origin}/?${TOKEN_PARAM}=${token.value}`,
    origin,
    starter,
    close: async () => {
      for (const res of eventStreams) res.end();
      await starter.stop(2_000);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};
