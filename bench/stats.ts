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

export const summarize = (h: hdr.Histogram): LatencySummary => ({
  count: h.totalCount,
  meanUs: Math.round(h.mean * 10) / 10,
  p50Us: h.getValueAtPercentile(50),
  p90Us: h.getValueAtPercentile(90),
  p99Us: h.getValueAtPercentile(99),
  maxUs: h.maxValue,
  cdf: CDF_POINTS.map((p) => [p, p === 0 ? h.minNonZeroValue : h.getValueAtPercentile(p)] as const),
});
