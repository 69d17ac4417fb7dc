/** The classic path as a Caller: an RpcPeer whose frames main relays to the extension host. */
import type { RelayBridge } from "../../../protocol/ipc.js";
import { RpcPeer } from "../../../protocol/peer.js";
import type { Caller } from "./compare.js";

export const relayCaller = (relay: RelayBridge): { caller: Caller; dispose: () => void } => {
  const peer = new RpcPeer({ send: (frame) => relay.send(frame) });
  const off = relay.onFrame((frame) => peer.receive(frame));
  return {
    caller: peer,
    dispose: () => {
      off();
      peer.close("profiler closed");
    },
  };
};
