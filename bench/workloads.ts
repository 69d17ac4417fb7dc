/** The workloads, each run the same way over every path. */
import type { BenchTarget } from "./transports.js";
import { newHistogram, summarize, type LatencySummary } from "./stats.js";

export interface WorkloadResult extends LatencySummary {
  /** Completed messages per second over the measured phase. */
  readonly msgsPerSec: number;
  readonly bytesPerCall: number;
}

export interface Workload {
  readonly name: string;
  readonly description: string;
  run(target: BenchTarget, quick: boolean): Promise<WorkloadResult>;
}

const payload = (bytes: number): string => "x".repeat(Math.max(0, bytes - 2));

const nowUs = (): number => performance.now() * 1000;

/** Sequential round trips: one call at a time. */
const sequential = (name: string, bytes: number, full: number, quick: number): Workload => ({
  name,
  description: `sequential round trips, ${bytes >= 1024 ? `${bytes / 1024} KiB` : `${bytes} B`} payload`,
  async run(target, isQuick) {
    const n = isQuick ? quick : full;
    const body = payload(bytes);
    for (let i = 0; i < Math.max(5, n / 10); i++) await target.echo(body);
    const h = newHistogram();
    const t0 = nowUs();
    for (let i = 0; i < n; i++) {
      const s = nowUs();
      await target.echo(body);
      h.recordValue(Math.max(1, Math.round(nowUs() - s)));
    }
    const elapsed = nowUs() - t0;
    return { ...summarize(h), msgsPerSec: (n / elapsed) * 1e6, bytesPerCall: bytes };
  },
});

/** `callers` loops, each keeping one call in flight; measures per-call latency under contention. */
const concurrent = (name: string, description: string, callers: number, full: number, quick: number): Workload => ({
  name,
  description,
  async run(target, isQuick) {
    const total = isQuick ? quick : full;
    const body = payload(100);
    await Promise.all(Array.from({ length: callers }, () => target.echo(body)));
    const h = newHistogram();
    let issued = 0;
    const t0 = nowUs();
    const loop = async (): Promise<void> => {
      while (issued < total) {
        issued++;
        const s = nowUs();
        await target.echo(body);
        h.recordValue(Math.max(1, Math.round(nowUs() - s)));
      }
    };
    await Promise.all(Array.from({ length: callers }, loop));
    const elapsed = nowUs() - t0;
    return { ...summarize(h), msgsPerSec: (total / elapsed) * 1e6, bytesPerCall: 100 };
  },
});

/** One-way notifications; latency is per batch of 1000 (send until the host confirms the count). */
const notifications = (full: number, quick: number): Workload => ({
  name: "notify-one-way",
  description: "one-way notifications (100 B), throughput; latency per 1000-message batch",
  async run(target, isQuick) {
    const n = isQuick ? quick : full;
    const body = payload(100);
    const batch = 1000;
    await target.takeCount();
    const h = newHistogram();
    const t0 = nowUs();
    for (let sent = 0; sent < n; sent += batch) {
      const s = nowUs();
      for (let i = 0; i < batch; i++) target.sink(body);
      // A call after the batch returns once the host has read every notification before it.
      await target.echo(null);
      h.recordValue(Math.max(1, Math.round(nowUs() - s)));
    }
    const elapsed = nowUs() - t0;
    const received = await target.takeCount();
    if (received !== Math.ceil(n / batch) * batch) throw new Error(`host counted ${received} notifications`);
    return { ...summarize(h), msgsPerSec: (received / elapsed) * 1e6, bytesPerCall: 100 };
  },
});

export const WORKLOADS: ReadonlyArray<Workload> = [
  sequential("roundtrip-100B", 100, 5_000, 300),
  concurrent("pipelined-32", "pipelined calls, 32 in flight (100 B)", 32, 20_000, 1_000),
  notifications(100_000, 5_000),
  sequential("payload-10KiB", 10 * 1024, 2_000, 100),
  sequential("payload-1MiB", 1024 * 1024, 60, 6),
  concurrent("concurrent-50", "50 concurrent callers, one call each in flight (100 B)", 50, 10_000, 1_000),
];
