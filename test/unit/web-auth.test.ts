import { readFileSync } from "node:fs";
import type { IncomingMessage } from "node:http";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXTENSION_TESTS_ENV } from "../../src/extension-host/extension-tests.js";
import { extensionHostEnv } from "../../src/main/command-line.js";
import {
  ConnectionToken,
  WebSession,
  checkApiRequest,
  checkHost,
  ownHosts,
  ownOrigins,
} from "../../src/main/web/web-auth.js";
import { allowOwnOriginInCsp } from "../../src/main/web/web-server.js";
import { repoRoot } from "../support/paths.js";

const request = (headers: Record<string, string>, method = "POST"): IncomingMessage =>
  ({ headers, method }) as unknown as IncomingMessage;

describe("web auth", () => {
  it("a connection token redeems exactly once, and a wrong guess does not burn it", () => {
    const token = new ConnectionToken();
    expect(token.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(token.redeem("")).toBe(false);
    expect(token.redeem(token.value.slice(0, -1))).toBe(false);
    expect(token.redeem(`${token.value}x`)).toBe(false);
    expect(token.redeem(token.value)).toBe(true);
    expect(token.redeem(token.value)).toBe(false);
  });

  it("accepts only this server's Host names (DNS rebinding)", () => {
    const hosts = ownHosts("127.0.0.1", 4000);
    expect(checkHost(request({ host: "127.0.0.1:4000" }), hosts).ok).toBe(true);
    expect(checkHost(request({ host: "localhost:4000" }), hosts).ok).toBe(true);
    for (const host of ["evil.example:4000", "127.0.0.1:4001", "127.0.0.1", "0x7f.0.0.1:4000", "[::1]:4000"]) {
      expect(checkHost(request({ host }), hosts)).toMatchObject({ ok: false, status: 403 });
    }
    expect(checkHost(request({}), hosts)).toMatchObject({ ok: false, status: 403 });
    expect(ownHosts("::1", 4000).has("[::1]:4000")).toBe(true);
  });

  it("hands out {port, secret} only to POST + own Origin + the session cookie", () => {
    const session = new WebSession();
    const cookie = session.setCookieHeader().split(";")[0]!;
    expect(session.setCookieHeader()).toMatch(/; HttpOnly; SameSite=Strict$/);
    const origins = ownOrigins(ownHosts("127.0.0.1", 4000));
    const own = "http://127.0.0.1:4000";
    expect(checkApiRequest(request({ origin: own, cookie }), origins, session)).toEqual({ ok: true });
    expect(checkApiRequest(request({ origin: "http://localhost:4000", cookie }), origins, session)).toEqual({
      ok: true,
    });
    expect(checkApiRequest(request({ origin: own, cookie }, "GET"), origins, session)).toMatchObject({ status: 405 });
    expect(checkApiRequest(request({ cookie }), origins, session)).toMatchObject({ status: 403 });
    expect(checkApiRequest(request({ origin: "null", cookie }), origins, session)).toMatchObject({ status: 403 });
    expect(
      checkApiRequest(request({ origin: own, cookie, "sec-fetch-site": "same-site" }), origins, session),
    ).toMatchObject({ status: 403 });
    expect(checkApiRequest(request({ origin: own }), origins, session)).toMatchObject({ status: 401 });
    expect(checkApiRequest(request({ origin: own, cookie: `${cookie}x` }), origins, session)).toMatchObject({
      status: 401,
    });
    expect(checkApiRequest(request({ origin: own, cookie }), origins, new WebSession())).toMatchObject({ status: 401 });
  });

  it("the renderer's CSP is widened to its own origin (the web bridge's fetches) and nothing else", () => {
    const html = readFileSync(join(repoRoot, "src/renderer/index.html"), "utf8");
    const served = allowOwnOriginInCsp(html);
    expect(served).toContain("connect-src 'self' ws://127.0.0.1:*;");
    // Nothing else changes, and widening twice changes nothing.
    const strip = (h: string): string => h.replace("connect-src 'self' ", "connect-src ");
    expect(strip(served)).toBe(strip(html));
    expect(allowOwnOriginInCsp(served)).toBe(served);
  });
});

describe("extension tests switch", () => {
  it("the app's and npm run web's host environment turns an inherited EXTHOST_EXTENSION_TESTS_PATH off", () => {
    const env = extensionHostEnv(["--extensionDevelopmentPath=/x"], { builtinExtensions: "/b", userDataDir: "/u" });
    expect(env[EXTENSION_TESTS_ENV]).toBe("");
  });
});
