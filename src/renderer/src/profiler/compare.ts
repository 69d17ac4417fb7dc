/**
 * The live comparison behind "Developer: IPC Profiler": the same echo calls, one at a time,
 * over each path the running app has, timed in the renderer.
 */
import { BenchContract } from "../../../protocol/contracts/bench.js";
import { proxy, type Caller } from "../../../protocol/rpc-contract.js";
import { percentile } from "./latency-window.js";

export type { Caller };

export interface PathSummary {
  readonly path: string;
  readonly count: number;
  readonly meanUs: number;
  readonly p50Us: number;
  readonly p90Us: number;
  readonly p99Us: number;
  readonly maxUs: number;
  readonly callsPerSec: number;
  /** Ascending latencies, for the CDF. */
  readonly sortedUs: ReadonlyArray<number>;
}

export const summarizeLatencies = (path: string, samplesUs: ReadonlyArray<number>, elapsedMs: number): PathSummary => {
  const sortedUs = [...samplesUs].sort((a, b) => a - b);
  const sum = sortedUs.reduce((a, b) => a + b, 0);
  return {
    path,
    count: sortedUs.length,
    meanUs: sortedUs.length ? sum / sortedUs.length : 0,
    p50Us: percentile(sortedUs, 50),
    p90Us: percentile(sortedUs, 90),
    p99Us: percentile(sortedUs, 99),
    maxUs: sortedUs.at(-1) ?? 0,
    callsPerSec: elapsedMs > 0 ? (sortedUs.length / elapsedMs) * 1000 : 0,
    sortedUs,
  };
};

/** Runs `calls` sequential echoes (after a 10% warm-up) over each path in turn. */
export const runComparison = async (
  paths: ReadonlyArray<{ readonly name: string; readonly caller: Caller }>,
  options: { readonly calls: number; readonly payloadBytes: number },
  onProgress?: (message: string) => void,
): Promise<PathSummary[]> => {
  const payload = "x".repeat(options.payloadBytes);
  const results: PathSummary[] = [];
  for (const { name, caller } of paths) {
    const bench = proxy(caller, BenchContract);
    const echo = () => bench.echo(payload, { timeoutMs: 10_000 });
    onProgress?.(`${name}: warming up`);
    for (let i = 0; i < Math.max(5, options.calls / 10); i++) await echo();
    onProgress?.(`${name}: ${options.calls} calls`);
    const samples: number[] = [];
    const t0 = performance.now();
    for (let i = 0; i < options.calls; i++) {
      const s = performance.now();
      await echo();
      samples.push((performance.now() - s) * 1000);
    }
    results.push(summarizeLatencies(name, samples, performance.now() - t0));
  }
  onProgress?.("done");
  return results;
};
