/**
 * Call latencies of the last few seconds, for the live "calls/s and p99" readout. A ring of
 * (time, µs) pairs; old entries are dropped lazily when read.
 */
export interface WindowStats {
  readonly callsPerSec: number;
  readonly p50Us: number;
  readonly p99Us: number;
  readonly count: number;
}

export class LatencyWindow {
  private times: number[] = [];
  private latencies: number[] = [];

  constructor(private readonly windowMs = 5_000) {}

  record(atMs: number, latencyUs: number): void {
    this.times.push(atMs);
    this.latencies.push(latencyUs);
    // Bound memory under floods: past 100k samples, drop the oldest half.
    if (this.times.length > 100_000) {
      this.times = this.times.slice(50_000);
      this.latencies = this.latencies.slice(50_000);
    }
  }

  stats(nowMs: number): WindowStats {
    const from = nowMs - this.windowMs;
    let first = 0;
    while (first < this.times.length && this.times[first]! < from) first++;
    this.times = this.times.slice(first);
    this.latencies = this.latencies.slice(first);
    const sorted = [...this.latencies].sort((a, b) => a - b);
    return {
      count: sorted.length,
      callsPerSec: sorted.length / (this.windowMs / 1000),
      p50Us: percentile(sorted, 50),
      p99Us: percentile(sorted, 99),
    };
  }
}

/** Nearest-rank percentile of an ascending array (0 when empty). */
export const percentile = (sorted: ReadonlyArray<number>, p: number): number =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
