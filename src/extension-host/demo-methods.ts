/**
 * Methods every connection gets: liveness, echo for latency measurements, and a call back
 * into the renderer to show the channel is two-way.
 */
import { HostMethods, RendererMethods } from "../protocol/methods.js";
import type { RpcPeer } from "../protocol/peer.js";

export const registerDemoMethods = (peer: RpcPeer, startedAt: number): (() => void) => {
  const disposers = [
    peer.register(HostMethods.ping, () => "pong"),
    peer.register(HostMethods.echo, (params) => params[0] ?? null),
    peer.register(HostMethods.hostInfo, () => ({
      pid: process.pid,
      node: process.versions.node,
      electron: process.versions["electron"] ?? null,
      uptimeMs: Date.now() - startedAt,
    })),
    peer.register(HostMethods.callBack, async (params, { peer }) => {
      const greeting = typeof params[0] === "string" ? params[0] : "hello";
      const reply = await peer.call(RendererMethods.hello, [greeting], { timeoutMs: 10_000 });
      return { rendererSaid: reply };
    }),
  ];
  return () => disposers.forEach((d) => d());
};
