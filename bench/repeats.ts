/**
 * Each workload runs several times, interleaved with the other paths, so drift in machine
 * load hits every path alike; the report gives medians over the repetitions and their spread.
 */
import type { WorkloadResult } from "./workloads.js";

export interface RepeatedResult extends WorkloadResult {
  readonly reps: number;
  /** Smallest and largest p50 over the repetitions. */
  readonly p50RangeUs: readonly [number, number];
  readonly msgsPerSecRange: readonly [number, number];
}

export const median = (values: ReadonlyArray<number>): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const range = (values: ReadonlyArray<number>): readonly [number, number] => [Math.min(...values), Math.max(...values)];

/** Medians field by field; the CDF is the one of the repetition whose p50 is the median. */
export const combineRepeats = (runs: ReadonlyArray<WorkloadResult>): RepeatedResult => {
  if (runs.length === 0) throw new Error("no repetitions to combine");
  const pick = (f: (r: WorkloadResult) => number): number => median(runs.map(f));
  const p50 = pick((r) => r.p50Us);
  const central = [...runs].sort((a, b) => Math.abs(a.p50Us - p50) - Math.abs(b.p50Us - p50))[0]!;
  return {
    ...central,
    count: runs.reduce((n, r) => n + r.count, 0),
    meanUs: pick((r) => r.meanUs),
    p50Us: p50,
    p90Us: pick((r) => r.p90Us),
    p99Us: pick((r) => r.p99Us),
    maxUs: Math.max(...runs.map((r) => r.maxUs)),
    msgsPerSec: pick((r) => r.msgsPerSec),
    reps: runs.length,
    p50RangeUs: range(runs.map((r) => r.p50Us)),
    msgsPerSecRange: range(runs.map((r) => Math.round(r.msgsPerSec))),
  };
};
