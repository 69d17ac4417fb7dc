/**
 * The two transports the IPC profiler compares with the direct WebSocket:
 * - relay: frames main forwards over the parent channel (the classic double hop);
 * - pipe: a private Unix socket main names, length-prefixed frames, no handshake — the
 *   closest Node stand-in for a MessagePort handed to both ends.
 * Both serve the same methods as a WebSocket connection.
 */
import { chmodSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { encodeLengthPrefixed, LengthPrefixedDecoder } from "./length-prefixed.js";
import { HostEnv } from "../protocol/host-environment.js";
import { RpcPeer, type PeerLogger } from "../protocol/peer.js";
import type { HostMessagePort, ParentChannel } from "./parent-channel.js";

export const PIPE_PATH_ENV = HostEnv.pipePath;

export const serveRelay = (
  parent: ParentChannel,
  setup: (peer: RpcPeer) => void,
  logger: PeerLogger,
  maxFrameBytes: number,
): ((frame: string) => void) => {
  const peer = new RpcPeer({ logger, maxFrameBytes, send: (frame) => parent.post({ type: "rpc", frame }) });
  setup(peer);
  return (frame) => peer.receive(frame);
};

export const servePipe = (
  path: string,
  setup: (peer: RpcPeer) => () => void,
  logger: PeerLogger,
  maxFrameBytes: number,
): Promise<Server> =>
  new Promise((resolve, reject) => {
    const server = createServer((socket) => {
      const decoder = new LengthPrefixedDecoder(maxFrameBytes);
      const peer = new RpcPeer({
        logger,
        maxFrameBytes,
        send: (frame) => {
          if (socket.destroyed) throw new Error("pipe is closed");
          socket.write(encodeLengthPrefixed(frame));
        },
      });
      const dispose = setup(peer);
      socket.on("data", (chunk) => {
        try {
          for (const frame of decoder.push(chunk)) peer.receive(frame);
        } catch (e) {
          logger.warn(`pipe: ${(e as Error).message}; closing`);
          socket.destroy();
        }
      });
      socket.on("error", () => undefined);
      socket.on("close", () => {
        peer.close("pipe closed");
        dispose();
      });
    });
    server.once("error", reject);
    server.listen(path, () => {
      // Only this user may connect (the folder main created is private too).
      chmodSync(path, 0o600);
      resolve(server);
    });
  });

/** Electron: a MessagePort main handed over (VS Code's way), serving the same methods. */
export const servePort = (
  port: HostMessagePort,
  setup: (peer: RpcPeer) => () => void,
  logger: PeerLogger,
  maxFrameBytes: number,
): void => {
  const peer = new RpcPeer({ logger, maxFrameBytes, send: (frame) => port.postMessage(frame) });
  const dispose = setup(peer);
  port.on("message", (e) => {
    if (typeof e.data === "string") peer.receive(e.data);
    else peer.rejectFrame("MessagePort frames must be strings");
  });
  port.on("close", () => {
    peer.close("message port closed");
    dispose();
  });
  port.start();
};
