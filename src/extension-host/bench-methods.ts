/**
 * Methods the IPC profiler drives. Cheap on purpose: they measure the channel, not the host.
 */
import type { RpcPeer } from "../protocol/peer.js";

export const BenchMethods = {
  /** Returns its first argument. */
  echo: "bench.echo",
  /** Notification; counted, never answered. */
  sink: "bench.sink",
  /** Returns the sink count since the last call, and resets it. */
  takeCount: "bench.takeCount",
} as const;

export const registerBenchMethods = (peer: RpcPeer): (() => void) => {
  let received = 0;
  const disposers = [
    peer.register(BenchMethods.echo, (params) => params[0] ?? null),
    peer.register(BenchMethods.sink, () => {
      received++;
    }),
    peer.register(BenchMethods.takeCount, () => {
      const n = received;
      received = 0;
      return n;
    }),
  ];
  return () => disposers.forEach((d) => d());
};
