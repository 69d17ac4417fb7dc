/**
 * How a client proves it holds the per-launch secret during the WebSocket handshake.
 *
 * Native clients send the secret in a header. Browsers cannot set headers on a WebSocket, so
 * the renderer offers two subprotocols: the non-secret marker, which the server echoes, and
 * `exthost.token.<hex>`, which it never echoes. The secret never appears in a URL.
 */

/** The subprotocol the server selects for clients that speak one envelope per frame. */
export const PROTOCOL_MARKER = "exthost.rpc.v1";
/**
 * Offered next to the marker by clients that accept batch frames (a JSON array of envelopes
 * per text frame). The server selects it instead of the marker when offered, and then both
 * ends batch; a client that does not offer it is never sent a batch.
 */
export const BATCH_PROTOCOL = "exthost.batch.v1";

/**
 * Batch frames plus string-segment frames (large strings as raw UTF-8 in binary frames, see
 * segment-frame.ts). Preferred over BATCH_PROTOCOL when offered: one subprotocol is selected,
 * so each level names everything below it.
 */
export const SEGMENTS_PROTOCOL = "exthost.segments.v1";

/** The subprotocol the server answers with, given the offers (false: refuse). */
export const selectProtocol = (offered: ReadonlySet<string>): string | false =>
  offered.has(PROTOCOL_MARKER)
    ? offered.has(SEGMENTS_PROTOCOL)
      ? SEGMENTS_PROTOCOL
      : offered.has(BATCH_PROTOCOL)
        ? BATCH_PROTOCOL
        : PROTOCOL_MARKER
    : false;

/** What the selected subprotocol turns on, for RpcPeer's options. */
export const negotiatedFeatures = (
  selected: string | undefined,
): { readonly batching: boolean; readonly stringSegments: boolean } => ({
  batching: selected === BATCH_PROTOCOL || selected === SEGMENTS_PROTOCOL,
  stringSegments: selected === SEGMENTS_PROTOCOL,
});
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
