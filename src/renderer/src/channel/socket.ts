/**
 * What the supervisor needs from a WebSocket. The browser's `WebSocket` and `ws`'s client
 * both fit, so the same supervisor runs in Chromium and in Node tests.
 */
import { Context } from "effect";
import type { ConnectionInfo } from "../../../protocol/handshake.js";
import {
  BATCH_PROTOCOL,
  PROTOCOL_MARKER,
  SEGMENTS_PROTOCOL,
  tokenProtocol,
  wsUrl,
} from "../../../protocol/handshake.js";

export interface WebSocketLike {
  readonly readyState: number;
  readonly bufferedAmount: number;
  /** The subprotocol the server selected: it turns batch frames (and string segments) on. */
  readonly protocol?: string;
  /** Browsers deliver binary frames as Blob unless this is "arraybuffer". */
  binaryType: string;
  send(data: string | Uint8Array): void;
  close(code?: number, reason?: string): void;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: { code: number; reason: string }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
}

export const OPEN = 1;

export class SocketFactory extends Context.Service<
  SocketFactory,
  { readonly open: (info: ConnectionInfo) => WebSocketLike }
>()("renderer/SocketFactory") {}

/** The browser renderer: the secret rides in a subprotocol, never in the URL. */
export const browserSocketFactory = (): SocketFactory["Service"] => ({
  open: (info) =>
    new WebSocket(wsUrl(info.port), [
      PROTOCOL_MARKER,
      BATCH_PROTOCOL,
      SEGMENTS_PROTOCOL,
      tokenProtocol(info.secret),
    ]) as unknown as WebSocketLike,
});
