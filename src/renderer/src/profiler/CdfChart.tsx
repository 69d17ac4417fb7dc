/** Latency CDFs side by side on a log-scaled axis, as inline SVG (no chart library, CSP-safe). */
import type { PathSummary } from "./compare.js";

const COLORS = ["#4caf50", "#ef5350", "#42a5f5", "#ffca28"];
const W = 560;
const H = 260;
const PAD = { l: 44, r: 12, t: 12, b: 32 };

export const CdfChart = ({ results }: { results: ReadonlyArray<PathSummary> }) => {
  const all = results.flatMap((r) => r.sortedUs).filter((v) => v > 0);
  if (all.length === 0) return null;
  const lo = Math.log10(Math.min(...all));
  const hi = Math.log10(Math.max(...all)) + 0.05;
  const x = (us: number) => PAD.l + ((Math.log10(Math.max(us, 1)) - lo) / Math.max(0.1, hi - lo)) * (W - PAD.l - PAD.r);
  const y = (q: number) => H - PAD.b - q * (H - PAD.t - PAD.b);
  const ticks = [1, 10, 100, 1_000, 10_000, 100_000].filter((t) => Math.log10(t) >= lo && Math.log10(t) <= hi);
  return (
    <svg width={W} height={H} role="img" aria-label="latency CDF" data-testid="profiler-cdf">
      {ticks.map((t) => (
        <g key={t}>
          <line x1={x(t)} x2={x(t)} y1={PAD.t} y2={H - PAD.b} stroke="#444" />
          <text x={x(t)} y={H - PAD.b + 14} fontSize={10} fill="#aaa" textAnchor="middle">
            {t >= 1000 ? `${t / 1000} ms` : `${t} µs`}
          </text>
        </g>
      ))}
      {[0, 0.5, 0.9, 0.99, 1].map((q) => (
        <text key={q} x={PAD.l - 4} y={y(q) + 3} fontSize={10} fill="#aaa" textAnchor="end">
          p{Math.round(q * 100)}
        </text>
      ))}
      {results.map((r, i) => {
        const n = r.sortedUs.length;
        const step = Math.max(1, Math.floor(n / 200));
        const points = r.sortedUs
          .filter((_, k) => k % step === 0 || k === n - 1)
          .map((us, k, arr) => `${x(us).toFixed(1)},${y(arr.length > 1 ? k / (arr.length - 1) : 1).toFixed(1)}`);
        return (
          <g key={r.path} data-testid="profiler-series">
            <polyline points={points.join(" ")} fill="none" stroke={COLORS[i % COLORS.length]} strokeWidth={2} />
            <rect x={PAD.l + 8} y={PAD.t + 4 + i * 14} width={10} height={3} fill={COLORS[i % COLORS.length]} />
            <text x={PAD.l + 22} y={PAD.t + 9 + i * 14} fontSize={10} fill="#ddd">
              {r.path}
            </text>
          </g>
        );
      })}
    </svg>
  );
};
