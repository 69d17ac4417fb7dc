/** Latency summaries with HdrHistogram (microseconds, 3 significant digits). */
import * as hdr from "hdr-histogram-js";

export interface LatencySummary {
  readonly count: number;
  readonly meanUs: number;
  readonly p50Us: number;
  readonly p90Us: number;
  readonly p99Us: number;
  readonly maxUs: number;
  /** [percentile, µs] pairs for drawing a CDF. */
  readonly cdf: ReadonlyArray<readonly [number, number]>;
}

export const newHistogram = (): hdr.Histogram =>
  hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 120_000_000, numberOfSignificantValueDigits: 3 });

const CDF_POINTS = [0, 1, 5, 10, 20, 30, 40, 50, 60, 70, 75, 80, 85, 90, 92.5, 95, 97.5, 99, 99.5, 99.9, 99.99, 100];

/**
 * HdrHistogram answers a percentile with the highest value equivalent to its bucket, which
 * can sit a few µs above the exact recorded max; clamp so p50 ≤ p90 ≤ p99 ≤ max holds.
 */
export const summarize = (h: hdr.Histogram): LatencySummary => {
  const max = h.maxValue;
  const at = (p: number): number => Math.min(max, h.getValueAtPercentile(p));
  return {
    count: h.totalCount,
    meanUs: Math.round(h.mean * 10) / 10,
    p50Us: at(50),
    p90Us: at(90),
    p99Us: at(99),
    maxUs: max,
    cdf: CDF_POINTS.map((p) => [p, p === 0 ? h.minNonZeroValue : at(p)] as const),
  };
};
