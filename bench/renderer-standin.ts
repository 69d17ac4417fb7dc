/**
 * The renderer stand-in: a separate process (as the renderer is in Electron) that runs every
 * workload over every path and sends the results to main. Labelled as a Node client: it is
 * not Chromium.
 */
import type { RpcPeer } from "../src/protocol/peer.js";
import { connectDirect, connectPipe, connectRelay, type PathName } from "./transports.js";
import { WORKLOADS, type WorkloadResult } from "./workloads.js";

interface StartMessage {
  type: "start";
  port: number;
  secret: string;
  pipePath: string;
  quick: boolean;
  only?: string[];
}

const run = async (start: StartMessage): Promise<void> => {
  const peers: Record<PathName, RpcPeer> = {
    direct: await connectDirect(start.port, start.secret),
    "direct-binary": await connectDirect(start.port, start.secret, true),
    "double-hop": connectRelay(),
    pipe: await connectPipe(start.pipePath),
  };
  const results: Record<string, Record<string, WorkloadResult>> = {};
  for (const workload of WORKLOADS) {
    if (start.only && !start.only.includes(workload.name)) continue;
    results[workload.name] = {};
    // Paths run back to back per workload, so drift in machine load hits all of them alike.
    for (const path of Object.keys(peers) as PathName[]) {
      process.stderr.write(`[bench] ${workload.name} over ${path}…\n`);
      results[workload.name]![path] = await workload.run(peers[path], start.quick);
    }
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
