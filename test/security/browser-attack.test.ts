/**
 * The attacks that motivate the checks, from a real browser: a web page on a foreign origin,
 * and a DNS-rebinding page (evil.example resolving to 127.0.0.1), try to open the host's
 * WebSocket — even holding the real token. Chromium sends the Origin/Host it really would.
 */
import { createServer, type Server } from "node:http";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROTOCOL_MARKER, tokenProtocol, type ConnectionInfo } from "../../src/protocol/handshake.js";
import { launchChromium } from "../support/browser.js";
import { startLoggedHost, waitUntil, type LoggedHost } from "./support.js";

const page = (title: string): string => `<!doctype html><title>${title}</title><p>${title}</p>`;

const listen = async (title: string): Promise<{ server: Server; port: number }> => {
  const server = createServer((_req, res) => res.writeHead(200, { "Content-Type": "text/html" }).end(page(title)));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no address");
  return { server, port: address.port };
};

/** Runs in the page: open a WebSocket, report "open" or how it failed. */
const tryOpen = ([url, protocols]: [string, string[]]): Promise<string> =>
  new Promise((resolve) => {
    const ws = new WebSocket(url, protocols);
    const timer = setTimeout(() => resolve("timeout"), 10_000);
    ws.onopen = () => {
      clearTimeout(timer);
      resolve(`open (${ws.protocol})`);
      ws.close();
    };
    ws.onclose = (e) => {
      clearTimeout(timer);
      resolve(`closed ${e.code}`);
    };
  });

describe("attacks from a real browser (Chromium)", () => {
  let browser: Browser;
  let host: LoggedHost;
  let info: ConnectionInfo;
  let app: { server: Server; port: number };
  let evil: { server: Server; port: number };

  beforeAll(async () => {
    app = await listen("app");
    evil = await listen("evil");
    host = await startLoggedHost({ allowedOrigins: [`http://127.0.0.1:${app.port}`] });
    info = await host.info();
    // DNS rebinding without DNS: evil.example answers with 127.0.0.1, nothing leaves the box.
    browser = await launchChromium(["--host-resolver-rules=MAP evil.example 127.0.0.1"]);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    app?.server.close();
    evil?.server.close();
  });

  const attempt = async (pageUrl: string, wsUrl: string, protocols: string[]): Promise<string> => {
    const context = await browser.newContext();
    try {
      const p = await context.newPage();
      await p.goto(pageUrl);
      return await p.evaluate(tryOpen, [wsUrl, protocols] as [string, string[]]);
    } finally {
      await context.close();
    }
  };

  const refusal = (status: number, text: string) => () =>
    host.logs.some((l) => l.includes("refused connection") && l.includes(`${status}`) && l.includes(text));

  it("the app's own origin connects (positive control)", async () => {
    const result = await attempt(`http://127.0.0.1:${app.port}/`, `ws://127.0.0.1:${info.port}/`, [
      PROTOCOL_MARKER,
      tokenProtocol(info.secret),
    ]);
    expect(result).toBe(`open (${PROTOCOL_MARKER})`);
  });

  it("a page on another origin is refused (403), even with the real token", async () => {
    const origin = `http://127.0.0.1:${evil.port}`;
    for (const protocols of [[PROTOCOL_MARKER, tokenProtocol(info.secret)], [PROTOCOL_MARKER], []]) {
      const result = await attempt(`${origin}/`, `ws://127.0.0.1:${info.port}/`, protocols);
      expect(result).toBe("closed 1006");
    }
    await waitUntil(refusal(403, `Origin '${origin}' is not allowed`), "the Origin refusal in the host log");
  });

  it("a DNS-rebinding page (evil.example → 127.0.0.1) is refused (403) on its Host", async () => {
    const result = await attempt(`http://evil.example:${evil.port}/`, `ws://evil.example:${info.port}/`, [
      PROTOCOL_MARKER,
      tokenProtocol(info.secret),
    ]);
    expect(result).toBe("closed 1006");
    await waitUntil(refusal(403, `Host 'evil.example:${info.port}'`), "the Host refusal in the host log");
  });

  it("never logs the secret", () => {
    expect(host.logs.some((l) => l.includes(info.secret))).toBe(false);
  });
});
