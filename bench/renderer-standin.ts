/**
 * The renderer stand-in: a separate process (as the renderer is in Electron) that runs every
 * workload over every path and sends the results to main. Labelled as a Node client: it is
 * not Chromium.
 */
import { BenchContract } from "../src/protocol/contracts/bench.js";
import { proxy } from "../src/protocol/rpc-contract.js";
import type { RpcPeer } from "../src/protocol/peer.js";
import { combineRepeats, type RepeatedResult } from "./repeats.js";
import {
  connectDirect,
  connectJsonFloor,
  connectPipe,
  connectRawWs,
  connectRelay,
  type BenchTarget,
  type PathName,
} from "./transports.js";
import { WORKLOADS, type WorkloadResult } from "./workloads.js";

interface StartMessage {
  type: "start";
  port: number;
  secret: string;
  pipePath: string;
  rawPort: number;
  jsonFloorPort: number;
  quick: boolean;
  reps: number;
  only?: string[];
  paths?: string[];
}

const viaContract = (peer: RpcPeer): BenchTarget => proxy(peer, BenchContract);

const run = async (start: StartMessage): Promise<void> => {
  const all: Partial<Record<PathName, () => Promise<BenchTarget>>> = {
    "ws-raw": () => connectRawWs(start.rawPort),
    "json-floor": () => connectJsonFloor(start.jsonFloorPort),
    direct: async () => viaContract(await connectDirect(start.port, start.secret, { batch: true, segments: true })),
    "direct-unbatched": async () => viaContract(await connectDirect(start.port, start.secret)),
    "direct-binary": async () => viaContract(await connectDirect(start.port, start.secret, { binary: true })),
    "double-hop": async () => viaContract(connectRelay()),
    pipe: async () => viaContract(await connectPipe(start.pipePath)),
  };
  const targets: Partial<Record<PathName, BenchTarget>> = {};
  for (const path of Object.keys(all) as PathName[]) {
    const connect = all[path];
    if (connect && (!start.paths || start.paths.includes(path))) targets[path] = await connect();
  }
  const runs: Record<string, Partial<Record<PathName, WorkloadResult[]>>> = {};
  // Repetitions outermost, paths innermost: every path sees the same stretch of machine load.
  for (let rep = 0; rep < start.reps; rep++) {
    for (const workload of WORKLOADS) {
      if (start.only && !start.only.includes(workload.name)) continue;
      const perPath = (runs[workload.name] ??= {});
      for (const [path, target] of Object.entries(targets) as Array<[PathName, BenchTarget]>) {
        process.stderr.write(`[bench] rep ${rep + 1}/${start.reps} ${workload.name} over ${path}…\n`);
        (perPath[path] ??= []).push(await workload.run(target, start.quick));
      }
    }
  }
  const results: Record<string, Partial<Record<PathName, RepeatedResult>>> = {};
  for (const [name, perPath] of Object.entries(runs)) {
    results[name] = Object.fromEntries(Object.entries(perPath).map(([path, r]) => [path, combineRepeats(r)]));
  }
  process.send!({ type: "results", results });
};

process.on("message", (m: unknown) => {
  const msg = m as Partial<StartMessage>;
  if (msg.type === "start") {
    run(msg as StartMessage).catch((e: unknown) => {
      process.send!({ type: "error", message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    });
  }
});
process.send!({ type: "standin-ready" });
