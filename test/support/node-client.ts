/** The renderer's supervisor running under Node, with `ws` as its WebSocket. */
import WebSocket from "ws";
import {
  PROTOCOL_MARKER,
  SECRET_HEADER,
  tokenProtocol,
  wsUrl,
  type ConnectionInfo,
} from "../../src/protocol/handshake.js";
import { createChannelClient, type ChannelClient } from "../../src/renderer/src/channel/channel-client.js";
import type { ChannelState } from "../../src/renderer/src/channel/channel-state.js";
import type { WebSocketLike } from "../../src/renderer/src/channel/socket.js";
import type { SupervisorConfig } from "../../src/renderer/src/channel/supervisor.js";

/** A native client: secret in a header, no Origin. */
export const nativeSocket = (info: ConnectionInfo): WebSocketLike =>
  new WebSocket(wsUrl(info.port), [PROTOCOL_MARKER], {
    headers: { [SECRET_HEADER]: info.secret },
  }) as unknown as WebSocketLike;

/** Behaves like the browser renderer: secret in a subprotocol, with an Origin. */
export const browserLikeSocket =
  (origin: string) =>
  (info: ConnectionInfo): WebSocketLike =>
    new WebSocket(wsUrl(info.port), [PROTOCOL_MARKER, tokenProtocol(info.secret)], {
      origin,
    }) as unknown as WebSocketLike;

export const nodeChannelClient = (
  getConnectionInfo: () => Promise<ConnectionInfo>,
  config: Partial<SupervisorConfig> = {},
  openSocket: (info: ConnectionInfo) => WebSocketLike = nativeSocket,
): Promise<ChannelClient> => createChannelClient({ getConnectionInfo, openSocket, config });

/** Resolves when the client's state satisfies `predicate` (rejects after `timeoutMs`). */
export const waitForState = (
  client: ChannelClient,
  predicate: (s: ChannelState) => boolean,
  timeoutMs = 10_000,
): Promise<ChannelState> =>
  new Promise((resolve, reject) => {
    if (predicate(client.state())) return resolve(client.state());
    const timer = setTimeout(() => {
      off();
      reject(new Error(`state never matched; last state ${JSON.stringify(client.state())}`));
    }, timeoutMs);
    const off = client.subscribe((s) => {
      if (!predicate(s)) return;
      clearTimeout(timer);
      off();
      resolve(s);
    });
  });

export const isConnected = (s: ChannelState): boolean => s._tag === "Connected";
