/**
 * Who may use the web server, decided from one HTTP request: the same rules as the extension
 * host's handshake (Host names this server, Origin is our own, secrets compared in constant
 * time, never in a URL after the bootstrap), plus a one-time connection token traded for a
 * session cookie, as VS Code's `serve-web` does.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { parseCookie, stringifySetCookie } from "cookie";

/** Constant time whatever the lengths: compare fixed-size digests (main's own; it never imports host code). */
const secretMatches = (candidate: string, secret: string): boolean =>
  timingSafeEqual(createHash("sha256").update(candidate).digest(), createHash("sha256").update(secret).digest());

export const TOKEN_PARAM = "tkn";
export const SESSION_COOKIE = "direct-editor-session";

export type WebVerdict =
  { readonly ok: true } | { readonly ok: false; readonly status: 400 | 401 | 403 | 405; readonly reason: string };

const refuse = (status: 400 | 401 | 403 | 405, reason: string): WebVerdict => ({ ok: false, status, reason });
const single = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? undefined : v);

/** The hosts this server answers to: loopback names on its port, plus the bind host if another. */
export const ownHosts = (bindHost: string, port: number): ReadonlySet<string> =>
  new Set([`127.0.0.1:${port}`, `localhost:${port}`, `${hostForUrl(bindHost)}:${port}`]);

/** IPv6 literals go in brackets in URLs and Host headers. */
export const hostForUrl = (host: string): string => (host.includes(":") && !host.startsWith("[") ? `[${host}]` : host);

export const ownOrigins = (hosts: ReadonlySet<string>): ReadonlySet<string> =>
  new Set([...hosts].map((h) => `http://${h}`));

export const isLoopback = (host: string): boolean =>
  host === "127.0.0.1" || host === "localhost" || host === "::1" || host === "[::1]";

/**
 * The one-time token printed in the URL. Redeemed once, ever: a second use (another browser, a
 * replayed link from shell history) is refused.
 */
export class ConnectionToken {
  readonly value = randomBytes(32).toString("base64url");
  private used = false;

  redeem(candidate: string): boolean {
    const matches = secretMatches(candidate, this.value);
    if (!matches || this.used) return false;
    this.used = true;
    return true;
  }
}

/** The session the token is traded for: one random value, sent back only in an HttpOnly cookie. */
export class WebSession {
  private readonly value = randomBytes(32).toString("base64url");

  setCookieHeader(): string {
    return stringifySetCookie(SESSION_COOKIE, this.value, { httpOnly: true, sameSite: "strict", path: "/" });
  }

  holds(req: IncomingMessage): boolean {
    const header = single(req.headers.cookie);
    const candidate = header === undefined ? undefined : parseCookie(header)[SESSION_COOKIE];
    return candidate !== undefined && secretMatches(candidate, this.value);
  }
}

/** Every request: Host must name this server (DNS rebinding). */
export const checkHost = (req: IncomingMessage, hosts: ReadonlySet<string>): WebVerdict => {
  const host = single(req.headers.host);
  return host !== undefined && hosts.has(host)
    ? { ok: true }
    : refuse(403, `Host '${host ?? "(none)"}' is not this server`);
};

/**
 * The endpoints that hand out `{port, secret}`: POST only (so browsers always send Origin),
 * Origin exactly ours (cross-origin pages, even with the cookie — SameSite=Strict is the second
 * wall), and the session cookie.
 */
export const checkApiRequest = (
  req: IncomingMessage,
  origins: ReadonlySet<string>,
  session: WebSession,
): WebVerdict => {
  if (req.method !== "POST") return refuse(405, "POST only");
  const origin = single(req.headers.origin);
  if (origin === undefined || !origins.has(origin)) return refuse(403, `Origin '${origin ?? "(none)"}' is not allowed`);
  const site = single(req.headers["sec-fetch-site"]);
  if (site !== undefined && site !== "same-origin") return refuse(403, `Sec-Fetch-Site '${site}'`);
  return session.holds(req) ? { ok: true } : refuse(401, "no valid session cookie");
};
