/** Methods the IPC profiler drives. Cheap on purpose: they measure the channel, not the host. */
import { BenchContract } from "../protocol/contracts/bench.js";
import type { RpcPeer } from "../protocol/peer.js";
import { serve } from "../protocol/rpc-contract.js";

export const serveBenchMethods = (peer: RpcPeer): (() => void) => {
  let received = 0;
  return serve(peer, BenchContract, {
    echo: (value) => value ?? null,
    sink: () => {
      received++;
    },
    takeCount: () => {
      const n = received;
      received = 0;
      return n;
    },
  });
};
