/**
 * Runs in headless Chromium (bundled by bench/chromium.ts): the page → extension host round
 * trip over the browser's WebSocket, next to a plain WebSocket echo and two in-browser floors
 * (a MessageChannel in the page, a dedicated Worker). Timed inside the page with
 * performance.now(); the results are POSTed back once at the end, so no DevTools session is
 * attached while it runs.
 */
import { BenchContract } from "../src/protocol/contracts/bench.js";
import {
  BATCH_PROTOCOL,
  negotiatedFeatures,
  PROTOCOL_MARKER,
  SEGMENTS_PROTOCOL,
  tokenProtocol,
  wsUrl,
} from "../src/protocol/handshake.js";
import { RpcPeer } from "../src/protocol/peer.js";
import { proxy } from "../src/protocol/rpc-contract.js";
import { combineRepeats, type RepeatedResult } from "./repeats.js";
import type { BenchTarget } from "./transports.js";
import { WORKLOADS, type WorkloadResult } from "./workloads.js";

interface Config {
  readonly hostPort: number;
  readonly secret: string;
  readonly rawPort: number;
  readonly reps: number;
  readonly quick: boolean;
  readonly workloads: ReadonlyArray<string>;
}

const opened = (ws: WebSocket): Promise<void> =>
  new Promise((resolve, reject) => {
    ws.onopen = () => resolve();
    ws.onerror = () => reject(new Error(`WebSocket to ${ws.url} failed`));
  });

/** As the renderer connects (socket.ts): secret in a subprotocol, batches and segments offered. */
const direct = async (config: Config): Promise<BenchTarget> => {
  const ws = new WebSocket(wsUrl(config.hostPort), [
    PROTOCOL_MARKER,
    BATCH_PROTOCOL,
    SEGMENTS_PROTOCOL,
    tokenProtocol(config.secret),
  ]);
  ws.binaryType = "arraybuffer";
  await opened(ws);
  const peer = new RpcPeer({
    ...negotiatedFeatures(ws.protocol),
    send: (f) => ws.send(f),
    sendBinary: (f) => ws.send(f),
  });
  ws.onmessage = (ev: MessageEvent<unknown>) => {
    if (typeof ev.data === "string") peer.receive(ev.data);
    else if (ev.data instanceof ArrayBuffer) peer.receiveBinary(new Uint8Array(ev.data));
  };
  return proxy(peer, BenchContract);
};

/** Anything that echoes in order, counts "n…" messages and answers "c" with the count. */
const fifoTarget = (send: (m: string) => void, onReply: (listener: (m: string) => void) => void): BenchTarget => {
  const waiting: Array<(m: string) => void> = [];
  onReply((m) => waiting.shift()?.(m));
  const ask = (m: string): Promise<string> =>
    new Promise((answer) => {
      waiting.push(answer);
      send(m);
    });
  return {
    echo: (body) => ask(typeof body === "string" ? body : "e"),
    sink: (body) => send(`n${String(body)}`),
    takeCount: async () => Number(await ask("c")),
  };
};

const rawWs = async (config: Config): Promise<BenchTarget> => {
  const ws = new WebSocket(`ws://127.0.0.1:${config.rawPort}/`);
  await opened(ws);
  return fifoTarget(
    (m) => ws.send(m),
    (l) => (ws.onmessage = (ev: MessageEvent<string>) => l(String(ev.data))),
  );
};

/** The far end of both floors; stringified into the worker, so it uses nothing from outside. */
function echoServer(port: { postMessage(m: string): void }): (ev: MessageEvent<string>) => void {
  let count = 0;
  return (ev) => {
    const m = ev.data;
    if (m.charCodeAt(0) === 110 /* n */) count++;
    else if (m === "c") {
      port.postMessage(String(count));
      count = 0;
    } else port.postMessage(m);
  };
}

const messageChannel = (): BenchTarget => {
  const { port1, port2 } = new MessageChannel();
  port2.onmessage = echoServer(port2);
  return fifoTarget(
    (m) => port1.postMessage(m),
    (l) => (port1.onmessage = (ev: MessageEvent<string>) => l(ev.data)),
  );
};

const worker = (): BenchTarget => {
  const source = `self.onmessage = (${echoServer.toString()})(self);`;
  const w = new Worker(URL.createObjectURL(new Blob([source], { type: "text/javascript" })));
  return fifoTarget(
    (m) => w.postMessage(m),
    (l) => (w.onmessage = (ev: MessageEvent<string>) => l(ev.data)),
  );
};

const run = async (): Promise<void> => {
  if (!crossOriginIsolated) throw new Error("page is not cross-origin isolated: performance.now() would be coarse");
  const config = (await (await fetch("/config")).json()) as Config;
  const targets: Record<string, BenchTarget> = {
    "ws-raw": await rawWs(config),
    direct: await direct(config),
    "message-channel": messageChannel(),
    worker: worker(),
  };
  const runs: Record<string, Record<string, WorkloadResult[]>> = {};
  // Repetitions outermost, paths innermost, as in the Node bench.
  for (let rep = 0; rep < config.reps; rep++) {
    for (const workload of WORKLOADS) {
      if (!config.workloads.includes(workload.name)) continue;
      const perPath = (runs[workload.name] ??= {});
      for (const [path, target] of Object.entries(targets)) {
        (perPath[path] ??= []).push(await workload.run(target, config.quick));
      }
    }
  }
  const results: Record<string, Record<string, RepeatedResult>> = {};
  for (const [name, perPath] of Object.entries(runs)) {
    results[name] = Object.fromEntries(Object.entries(perPath).map(([path, r]) => [path, combineRepeats(r)]));
  }
  await fetch("/results", { method: "POST", body: JSON.stringify({ results }) });
};

run().catch((e: unknown) =>
  fetch("/results", { method: "POST", body: JSON.stringify({ error: e instanceof Error ? e.stack : String(e) }) }),
);
