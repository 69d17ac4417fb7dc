/**
 * Decides, from the HTTP upgrade request alone, whether a client may open the RPC socket.
 * Runs before the upgrade completes, so a refused client never exchanges a single frame.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { PROTOCOL_MARKER, SECRET_HEADER, TOKEN_PROTOCOL_PREFIX } from "../protocol/handshake.js";

export interface AuthPolicy {
  /** Hex secret of this launch. */
  readonly secret: string;
  /** Origins allowed for browser clients, e.g. `app://editor`. Native clients send none. */
  readonly allowedOrigins: ReadonlySet<string>;
  /** The port we listen on: Host must name it (DNS-rebinding defence). */
  readonly port: number;
}

export type AuthVerdict =
  { readonly ok: true } | { readonly ok: false; readonly status: 400 | 401 | 403; readonly reason: string };

const refuse = (status: 400 | 401 | 403, reason: string): AuthVerdict => ({ ok: false, status, reason });

const digest = (s: string): Buffer => createHash("sha256").update(s, "utf8").digest();

/** Constant-time: hashing first gives equal-length buffers whatever the candidate's length. */
export const secretMatches = (candidate: string, secret: string): boolean =>
  timingSafeEqual(digest(candidate), digest(secret));

/** The subprotocols a client offered, in order. */
export const offeredProtocols = (req: IncomingMessage): string[] =>
  (req.headers["sec-websocket-protocol"] ?? "")
    .split(",")
    .map((p) => p.trim())
    .filter((p) => p.length > 0);

const single = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? undefined : v);

export const authenticate = (req: IncomingMessage, policy: AuthPolicy): AuthVerdict => {
  // A secret must never travel in a URL (logs, history, Referer), so any query is refused.
  const url = req.url ?? "";
  if (url !== "/") {
    return refuse(
      400,
      url.includes("?") ? "query strings are not accepted (never put the secret in a URL)" : `unknown path`,
    );
  }
  const host = single(req.headers.host);
  if (host !== `127.0.0.1:${policy.port}` && host !== `localhost:${policy.port}`) {
    return refuse(403, `Host '${host ?? "(none)"}' is not this loopback server`);
  }
  const origin = single(req.headers.origin);
  if (origin !== undefined && !policy.allowedOrigins.has(origin)) {
    return refuse(403, `Origin '${origin}' is not allowed`);
  }
  const protocols = offeredProtocols(req);
  if (protocols.length > 0 && !protocols.includes(PROTOCOL_MARKER)) {
    return refuse(400, `subprotocol '${PROTOCOL_MARKER}' was not offered`);
  }
  const tokens = protocols.filter((p) => p.startsWith(TOKEN_PROTOCOL_PREFIX));
  const header = req.headers[SECRET_HEADER];
  const candidates = [...tokens.map((t) => t.slice(TOKEN_PROTOCOL_PREFIX.length))];
  if (header !== undefined) candidates.push(...(Array.isArray(header) ? header : [header]));
  if (candidates.length === 0) return refuse(401, "no secret presented");
  if (candidates.length > 1) return refuse(401, "more than one secret presented");
  return secretMatches(candidates[0]!, policy.secret) ? { ok: true } : refuse(401, "wrong secret");
};
