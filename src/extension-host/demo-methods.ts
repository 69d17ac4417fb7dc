/**
 * Methods every connection gets: liveness, echo for latency measurements, and a call back
 * into the client to show the channel is two-way.
 */
import { ChannelContract, ClientContract } from "../protocol/contracts/channel.js";
import type { RpcPeer } from "../protocol/peer.js";
import { proxy, serve } from "../protocol/rpc-contract.js";

export const serveChannelMethods = (peer: RpcPeer, startedAt: number): (() => void) => {
  const client = proxy(peer, ClientContract);
  return serve(peer, ChannelContract, {
    ping: () => "pong" as const,
    echo: (value) => value ?? null,
    hostInfo: () => ({
      pid: process.pid,
      node: process.versions.node,
      electron: process.versions["electron"] ?? null,
      uptimeMs: Date.now() - startedAt,
    }),
    callBack: async (greeting) => ({ rendererSaid: await client.hello(greeting, { timeoutMs: 10_000 }) }),
  });
};
