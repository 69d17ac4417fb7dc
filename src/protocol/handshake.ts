/**
 * How a client proves it holds the per-launch secret during the WebSocket handshake.
 *
 * Native clients send the secret in a header. Browsers cannot set headers on a WebSocket, so
 * the renderer offers two subprotocols: the non-secret marker, which the server echoes, and
 * `exthost.token.<hex>`, which it never echoes. The secret never appears in a URL.
 */

/** The only subprotocol the server selects. */
export const PROTOCOL_MARKER = "exthost.rpc.v1";
/** Prefix of the subprotocol that carries the secret (hex: valid token characters). */
export const TOKEN_PROTOCOL_PREFIX = "exthost.token.";
/** Header for native clients (bench, tests, tools). */
export const SECRET_HEADER = "x-exthost-secret";
/** Secret length in bytes; hex-encoded on the wire and in the environment. */
export const SECRET_BYTES = 32;
/** Environment variable through which main hands the secret to the extension host. */
export const SECRET_ENV = "EXTHOST_SECRET";
/** Comma-separated list of Origins the host accepts from browser clients. */
export const ALLOWED_ORIGINS_ENV = "EXTHOST_ALLOWED_ORIGINS";

export const tokenProtocol = (secretHex: string): string => `${TOKEN_PROTOCOL_PREFIX}${secretHex}`;

/** What main hands to the renderer (and what a native client needs). */
export interface ConnectionInfo {
  readonly port: number;
  readonly secret: string;
  /** Bumped each time main (re)starts the extension host. */
  readonly generation: number;
}

export const wsUrl = (port: number): string => `ws://127.0.0.1:${port}/`;
