/**
 * protocol + net. Plain Chromium cannot register `app` as a standard scheme, so each
 * privileged scheme is served by a local HTTP server on its own loopback address
 * (127.77.0.N): the page really loads from there, every request goes through the handler
 * main gave `protocol.handle` (with the request's `app://…` URL), and the fake translates
 * URLs both ways (see README.md for what that means for the page's Origin).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import type { CustomScheme, Net, Protocol } from "electron";
import { originRule } from "./runtime.js";

type Handler = (request: Request) => Response | Promise<Response>;

interface SchemeServer {
  readonly scheme: string;
  readonly address: string;
  readonly server: Server;
  port: number;
  handler: Handler | undefined;
}

const schemes = new Map<string, SchemeServer>();
let nextAddress = 1;

const serve = (entry: SchemeServer) => async (req: IncomingMessage, res: ServerResponse) => {
  const url = `${entry.scheme}://${appHosts.get(entry.scheme) ?? ""}${req.url ?? "/"}`;
  if (!entry.handler) return void res.writeHead(404).end(`no protocol.handle for ${entry.scheme}:`);
  try {
    const response = await entry.handler(new Request(url, { method: req.method ?? "GET" }));
    const headers: Record<string, string> = {};
    response.headers.forEach((v, k) => (headers[k] = v));
    res.writeHead(response.status, headers);
    if (response.body) Readable.fromWeb(response.body as import("node:stream/web").ReadableStream).pipe(res);
    else res.end();
  } catch (e) {
    // Electron answers a throwing handler with net::ERR_FAILED.
    res.writeHead(500).end((e as Error).message);
  }
};

/** The one app host per scheme (`app://editor`): remembered on the first loadURL. */
const appHosts = new Map<string, string>();

export const protocol = {
  registerSchemesAsPrivileged(customSchemes: CustomScheme[]): void {
    for (const { scheme } of customSchemes) {
      const address = `127.77.0.${nextAddress++}`;
      const entry: SchemeServer = { scheme, address, server: createServer(), port: 0, handler: undefined };
      entry.server.on("request", (req: IncomingMessage, res: ServerResponse) => void serve(entry)(req, res));
      schemes.set(scheme, entry);
    }
  },
  handle(scheme: string, handler: Handler): void {
    const entry = schemes.get(scheme);
    if (!entry)
      throw new Error(`fake electron: protocol.handle('${scheme}') for a scheme not registered as privileged`);
    entry.handler = handler;
  },
  unhandle(scheme: string): void {
    const entry = schemes.get(scheme);
    if (entry) entry.handler = undefined;
  },
  isProtocolHandled(scheme: string): boolean {
    return schemes.get(scheme)?.handler !== undefined;
  },
} satisfies Pick<Protocol, "registerSchemesAsPrivileged" | "handle" | "unhandle"> & {
  isProtocolHandled(scheme: string): boolean;
};

/** Starts the scheme servers (before the browser launches: it needs their addresses). */
export const startSchemeServers = async (): Promise<void> => {
  for (const entry of schemes.values()) {
    await new Promise<void>((resolve) => entry.server.listen(0, entry.address, resolve));
    const address = entry.server.address();
    if (address !== null && typeof address !== "string") entry.port = address.port;
  }
};

export const stopSchemeServers = (): void => {
  for (const entry of schemes.values()) entry.server.close();
};

/**
 * `app://editor/x` → the URL the page really loads from (unchanged for other schemes), and
 * the Origin rule for that scheme's pages. One host per scheme (`app://editor`), as apps use.
 */
export const toServedUrl = async (url: string): Promise<string> => {
  const u = new URL(url);
  const entry = schemes.get(u.protocol.slice(0, -1));
  if (!entry) return url;
  const known = appHosts.get(entry.scheme);
  if (known !== undefined && known !== u.host)
    throw new Error(`fake electron: one host per scheme (${known}, ${u.host})`);
  if (known === undefined) {
    appHosts.set(entry.scheme, u.host);
    await originRule({ servedFrom: entry.address, origin: `${entry.scheme}://${u.host}` });
  }
  return `http://${entry.address}:${entry.port}${u.pathname}${u.search}${u.hash}`;
};

/** The served URL back to what Electron would report (`app://editor/x`). */
export const toAppUrl = (url: string): string => {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return url;
  }
  for (const entry of schemes.values()) {
    if (u.hostname === entry.address && Number(u.port) === entry.port) {
      return `${entry.scheme}://${appHosts.get(entry.scheme) ?? ""}${u.pathname}${u.search}${u.hash}`;
    }
  }
  return url;
};

const MIME: Record<string, string> = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".css": "text/css",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".png": "image/png",
};

export const net = {
  /** file: as Chromium's file handler answers it (type from the extension); the rest by fetch. */
  async fetch(input: string | Request, init?: RequestInit): Promise<Response> {
    const url = typeof input === "string" ? input : input.url;
    if (!url.startsWith("file:")) return fetch(input, init);
    try {
      const body = await readFile(fileURLToPath(url));
      const type = MIME[extname(url).toLowerCase()];
      return new Response(body, { status: 200, headers: type ? { "content-type": type } : {} });
    } catch {
      throw new TypeError(`net::ERR_FILE_NOT_FOUND: ${url}`);
    }
  },
} satisfies Pick<Net, "fetch">;
