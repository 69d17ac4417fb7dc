/**
 * `npm run web`: the built web server (a Node process playing main) in front of the real
 * extension host, driven by real headless Chromium. The page must get in only through the
 * one-time token, and `{port, secret}` only with the session cookie from our own origin.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, WebSocket } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SESSION_COOKIE } from "../../src/main/web/web-auth.js";
import { startWebServer, WEB_API, type RunningWebServer } from "../../src/main/web/web-server.js";
import { spawnNodeHost } from "../../src/main/node-host-process.js";
import { launchChromium } from "../support/browser.js";
import { builtHostPath, builtRendererDir, repoRoot } from "../support/paths.js";
import { startWebProcess, type WebProcess } from "../support/web.js";

interface RawResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** node:http, because fetch may not set Host. */
const raw = (
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string> },
): Promise<RawResponse> =>
  new Promise((resolve, reject) => {
    const req = request(
      { host: "127.0.0.1", port, method: options.method ?? "GET", path: options.path, headers: options.headers ?? {} },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on("error", reject);
    req.end();
  });

describe("npm run web", () => {
  let browser: Browser;
  let workspace: string;
  let dataDir: string;

  beforeAll(async () => {
    browser = await launchChromium();
    workspace = mkdtempSync(join(tmpdir(), "web-ws-"));
    dataDir = mkdtempSync(join(tmpdir(), "web-data-"));
    writeFileSync(join(workspace, "hello.md"), "# Hello from the web\n");
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(workspace, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  describe("the built CLI (out/main/web.js)", () => {
    let web: WebProcess;
    beforeAll(async () => {
      web = await startWebProcess(["--port", "0", "--user-data-dir", dataDir, workspace]);
    });
    afterAll(async () => {
      await web?.stop();
    });

    it("loads the workbench through the token bootstrap and reaches connected, straight to the extension host", async () => {
      expect(web.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?tkn=[A-Za-z0-9_-]{43}$/);
      const context = await browser.newContext();
      const page = await context.newPage();
      const sockets: WebSocket[] = [];
      page.on("websocket", (ws) => sockets.push(ws));
      try {
        const response = await page.goto(web.url);
        expect(response?.status()).toBe(200);
        await page
          .getByTestId("channel-state")
          .and(page.locator('[data-state="Connected"]'))
          .waitFor({ timeout: 20_000 });
        // The token is gone from the address bar (and was never stored in history).
        expect(page.url()).toBe(`${web.origin}/`);
        // The folder given on the command line is open: the explorer lists it through the host.
        await page.locator('[data-testid="explorer-item"][data-name="hello.md"]').waitFor();
        // The session is an HttpOnly, SameSite=Strict cookie the page's scripts cannot read.
        const cookies = await context.cookies(web.origin);
        expect(cookies.map((c) => [c.name, c.httpOnly, c.sameSite])).toEqual([[SESSION_COOKIE, true, "Strict"]]);
        expect(await page.evaluate(() => document.cookie)).toBe("");
        // The socket goes to the extension host (not to the web server), with no secret in its URL.
        expect(sockets.length).toBeGreaterThan(0);
        for (const ws of sockets) {
          expect(ws.url()).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/$/);
          expect(new URL(ws.url()).port).not.toBe(String(web.port));
        }
        // Exactly one line on stdout: the URL.
        expect(web.stdout).toEqual([web.url]);
      } finally {
        await context.close();
      }
    });

    it("refuses a wrong token and a reused one", async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      try {
        const wrong = new URL(web.url);
        wrong.searchParams.set("tkn", "A".repeat(43));
        expect((await page.goto(wrong.toString()))?.status()).toBe(403);
        // Used once (by the previous test, or here when this test runs alone)...
        await raw(web.port, { path: `/${new URL(web.url).search}` });
        // ...so a second use is refused.
        expect((await page.goto(web.url))?.status()).toBe(403);
        expect(await context.cookies(web.origin)).toEqual([]);
        // Without the cookie nothing is served, not even the page.
        expect((await page.goto(`${web.origin}/`))?.status()).toBe(401);
        expect(web.logs.some((l) => l.includes("403 invalid or already used connection token"))).toBe(true);
      } finally {
        await context.close();
      }
    });
  });

  describe("the {port, secret} endpoint", () => {
    let server: RunningWebServer;
    let cookie: string;
    let port: number;
    const logs: string[] = [];

    beforeAll(async () => {
      server = await startWebServer({
        rendererDir: builtRendererDir,
        hostModulePath: builtHostPath,
        hostEnv: { EXTHOST_BUILTIN_EXTENSIONS: join(repoRoot, "extensions/builtin"), EXTHOST_USER_DATA_DIR: dataDir },
        spawn: spawnNodeHost({ silent: true }),
        log: (l) => logs.push(l),
      });
      port = Number(new URL(server.origin).port);
      const url = new URL(server.url);
      const bootstrap = await raw(port, { path: `${url.pathname}${url.search}`, headers: { Host: url.host } });
      expect(bootstrap.status).toBe(302);
      const setCookie = bootstrap.headers["set-cookie"];
      cookie = (Array.isArray(setCookie) ? setCookie[0]! : "").split(";")[0]!;
      expect(cookie.startsWith(`${SESSION_COOKIE}=`)).toBe(true);
    });
    afterAll(async () => {
      await server?.close();
    });

    const ask = (headers: Record<string, string>, method = "POST") =>
      raw(port, { method, path: WEB_API.connectionInfo, headers: { Host: `127.0.0.1:${port}`, ...headers } });

    it("answers our own page: cookie, own Origin, own Host (positive control)", async () => {
      const answer = await ask({ Cookie: cookie, Origin: server.origin });
      expect(answer.status).toBe(200);
      expect(answer.headers["cache-control"]).toBe("no-store");
      const info = JSON.parse(answer.body) as { port: number; secret: string };
      const live = await server.starter.connectionInfo();
      expect(info).toMatchObject({ port: live.port, secret: live.secret });
    });

    it("refuses requests without the cookie, or with a foreign Origin or Host", async () => {
      const refusals: Array<[string, Record<string, string>, number, string?]> = [
        ["no cookie", { Origin: server.origin }, 401],
        ["a wrong cookie", { Origin: server.origin, Cookie: `${SESSION_COOKIE}=${"x".repeat(43)}` }, 401],
        ["a foreign Origin", { Cookie: cookie, Origin: "http://evil.example" }, 403],
        ["a look-alike Origin", { Cookie: cookie, Origin: `${server.origin}.evil.example` }, 403],
        ["Origin null", { Cookie: cookie, Origin: "null" }, 403],
        ["no Origin", { Cookie: cookie }, 403],
        ["a cross-site fetch", { Cookie: cookie, Origin: server.origin, "Sec-Fetch-Site": "cross-site" }, 403],
        ["a DNS-rebinding Host", { Cookie: cookie, Origin: server.origin, Host: `evil.example:${port}` }, 403],
        ["another port in Host", { Cookie: cookie, Origin: server.origin, Host: `127.0.0.1:${port + 1}` }, 403],
      ];
      for (const [label, headers, status] of refusals) {
        const answer = await ask(headers);
        expect({ label, status: answer.status }).toEqual({ label, status });
        expect(answer.body).not.toMatch(/"secret"/);
      }
      expect((await ask({ Cookie: cookie, Origin: server.origin }, "GET")).status).toBe(405);
      // The cookie value is never logged.
      expect(logs.join("\n")).not.toContain(cookie.split("=")[1]!);
    });

    it("after the extension host dies, the page fetches the new {port, secret} over its cookie and reconnects", async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const sockets: string[] = [];
      page.on("websocket", (ws) => sockets.push(ws.url()));
      try {
        await context.addCookies([
          {
            name: SESSION_COOKIE,
            value: cookie.split("=")[1]!,
            url: server.origin,
            httpOnly: true,
            sameSite: "Strict",
          },
        ]);
        await page.goto(`${server.origin}/`);
        const connected = page.locator('[data-testid="channel-state"][data-state="Connected"]');
        await connected.waitFor({ timeout: 20_000 });
        const before = await server.starter.connectionInfo();
        process.kill(server.starter.pid!, "SIGKILL");
        await expect
          .poll(() =>
            server.starter.currentState.kind === "running" ? server.starter.currentState.info.generation : 0,
          )
          .toBeGreaterThan(before.generation);
        const after = await server.starter.connectionInfo();
        expect(after.port).not.toBe(before.port);
        await expect.poll(() => sockets.includes(`ws://127.0.0.1:${after.port}/`)).toBe(true);
        await connected.waitFor({ timeout: 20_000 });
      } finally {
        await context.close();
      }
    });

    it("refuses a page of another origin on the same site in Chromium (SameSite lets the cookie through; Origin does not)", async () => {
      // Another port on 127.0.0.1 is another origin but the same site: SameSite=Strict lets
      // the cookie through, so the Origin check alone must stop it.
      const attacker = createServer((_req, res) =>
        res.writeHead(200, { "Content-Type": "text/html" }).end("<p>hi</p>"),
      );
      await new Promise<void>((resolve) => attacker.listen(0, "127.0.0.1", resolve));
      const attackerPort = (attacker.address() as AddressInfo).port;
      const context = await browser.newContext();
      const page = await context.newPage();
      try {
        await context.addCookies([
          {
            name: SESSION_COOKIE,
            value: cookie.split("=")[1]!,
            url: server.origin,
            httpOnly: true,
            sameSite: "Strict",
          },
        ]);
        expect((await page.goto(`${server.origin}/`))?.status()).toBe(200);
        await page.goto(`http://127.0.0.1:${attackerPort}/`);
        const before = logs.length;
        const outcome = await page.evaluate(async (target) => {
          try {
            const r = await fetch(target, { method: "POST", credentials: "include" });
            return `status ${r.status}: ${await r.text()}`;
          } catch (e) {
            return `failed: ${String(e)}`;
          }
        }, `${server.origin}${WEB_API.connectionInfo}`);
        // CORS hides any answer from the page; the server must also refuse it outright.
        expect(outcome).toMatch(/^failed/);
        await expect
          .poll(() => logs.slice(before).join("\n"))
          .toContain(
            `refused POST /web-api/connection-info from 127.0.0.1: 403 Origin 'http://127.0.0.1:${attackerPort}' is not allowed`,
          );
      } finally {
        await context.close();
        await new Promise<void>((resolve) => attacker.close(() => resolve()));
      }
    });
  });
});
