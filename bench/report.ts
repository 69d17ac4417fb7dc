/** Terminal table, JSON and an HTML page of side-by-side CDFs (inline SVG, no scripts). */
import type { PathName } from "./transports.js";
import { PATH_LABELS } from "./transports.js";
import type { RepeatedResult } from "./repeats.js";
import type { WorkloadResult } from "./workloads.js";

export interface BenchReport {
  readonly version: 1;
  readonly startedAt: string;
  readonly quick: boolean;
  /** Repetitions of each workload per path; every number is the median over them. */
  readonly reps: number;
  readonly machine: Record<string, string | number>;
  readonly renderer: string;
  readonly paths: Record<PathName, string>;
  readonly workloads: Record<
    string,
    {
      description: string;
      results: Partial<Record<PathName, RepeatedResult & { ratioP50ToDirect: number; ratioP50ToRaw: number }>>;
    }
  >;
}

const fmt = (n: number): string => (n >= 100 ? Math.round(n).toLocaleString("en-US") : n.toFixed(1));

export const renderTable = (report: BenchReport): string => {
  const header = [
    "workload",
    "path",
    "count",
    "mean µs",
    "p50 µs",
    "p50 range",
    "p90 µs",
    "p99 µs",
    "max µs",
    "msgs/s",
    "msgs/s range",
    "p50 ×direct",
    "p50 ×ws-raw",
  ];
  const rows: string[][] = [];
  for (const [name, w] of Object.entries(report.workloads)) {
    for (const [path, r] of Object.entries(w.results)) {
      rows.push([
        name,
        path,
        String(r.count),
        fmt(r.meanUs),
        fmt(r.p50Us),
        `${fmt(r.p50RangeUs[0])}–${fmt(r.p50RangeUs[1])}`,
        fmt(r.p90Us),
        fmt(r.p99Us),
        fmt(r.maxUs),
        fmt(r.msgsPerSec),
        `${fmt(r.msgsPerSecRange[0])}–${fmt(r.msgsPerSecRange[1])}`,
        r.ratioP50ToDirect.toFixed(2),
        r.ratioP50ToRaw.toFixed(2),
      ]);
    }
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
};

export const renderMarkdownTable = (report: BenchReport): string => {
  const out = [
    "| workload | path | p50 µs (median of reps) | p50 range | p99 µs | msgs/s | msgs/s range | p50 ×ws-raw |",
    "|---|---|--:|--:|--:|--:|--:|--:|",
  ];
  for (const [name, w] of Object.entries(report.workloads)) {
    for (const [path, r] of Object.entries(w.results)) {
      out.push(
        `| ${name} | ${path} | ${fmt(r.p50Us)} | ${fmt(r.p50RangeUs[0])}–${fmt(r.p50RangeUs[1])} | ${fmt(r.p99Us)} | ${fmt(r.msgsPerSec)} | ${fmt(r.msgsPerSecRange[0])}–${fmt(r.msgsPerSecRange[1])} | ${r.ratioP50ToRaw.toFixed(2)} |`,
      );
    }
  }
  return out.join("\n");
};

const COLORS: Record<string, string> = {
  "ws-raw": "#616161",
  "json-floor": "#8d6e63",
  "direct-unbatched": "#6a1b9a",
  direct: "#2e7d32",
  "direct-binary": "#9e9d24",
  "double-hop": "#c62828",
  pipe: "#1565c0",
};

const escapeXml = (s: string): string => s.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** CDF on a log-scaled latency axis: x = µs, y = percentile. */
const cdfSvg = (name: string, results: Record<string, WorkloadResult>): string => {
  const W = 420;
  const H = 240;
  const pad = { l: 48, r: 12, t: 24, b: 36 };
  const all = Object.values(results).flatMap((r) => r.cdf.map(([, us]) => Math.max(1, us)));
  const lo = Math.log10(Math.min(...all));
  const hi = Math.log10(Math.max(...all)) + 0.05;
  const x = (us: number) => pad.l + ((Math.log10(Math.max(1, us)) - lo) / Math.max(0.1, hi - lo)) * (W - pad.l - pad.r);
  const y = (p: number) => H - pad.b - (p / 100) * (H - pad.t - pad.b);
  const ticks: string[] = [];
  for (let e = Math.floor(lo); e <= Math.ceil(hi); e++) {
    const us = 10 ** e;
    if (Math.log10(us) < lo || Math.log10(us) > hi) continue;
    const label = us >= 1000 ? `${us / 1000} ms` : `${us} µs`;
    ticks.push(
      `<line x1="${x(us)}" x2="${x(us)}" y1="${pad.t}" y2="${H - pad.b}" stroke="#ddd"/><text x="${x(us)}" y="${H - pad.b + 14}" font-size="10" text-anchor="middle">${label}</text>`,
    );
  }
  const lines = Object.entries(results).map(([path, r]) => {
    const d = r.cdf.map(([p, us], i) => `${i === 0 ? "M" : "L"}${x(us).toFixed(1)},${y(p).toFixed(1)}`).join(" ");
    return `<path d="${d}" fill="none" stroke="${COLORS[path] ?? "#000"}" stroke-width="2"><title>${escapeXml(path)}</title></path>`;
  });
  const legend = Object.keys(results).map(
    (path, i) =>
      `<rect x="${pad.l + 8}" y="${pad.t + 6 + i * 14}" width="10" height="3" fill="${COLORS[path] ?? "#000"}"/><text x="${pad.l + 22}" y="${pad.t + 11 + i * 14}" font-size="10">${escapeXml(path)}</text>`,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" role="img" aria-label="${escapeXml(name)} latency CDF">
<text x="${W / 2}" y="14" font-size="12" text-anchor="middle" font-weight="bold">${escapeXml(name)}</text>
${ticks.join("\n")}
<line x1="${pad.l}" x2="${W - pad.r}" y1="${H - pad.b}" y2="${H - pad.b}" stroke="#333"/>
<line x1="${pad.l}" x2="${pad.l}" y1="${pad.t}" y2="${H - pad.b}" stroke="#333"/>
${[0, 50, 90, 99, 100].map((p) => `<text x="${pad.l - 4}" y="${y(p) + 3}" font-size="10" text-anchor="end">p${p}</text>`).join("")}
${lines.join("\n")}
${legend.join("\n")}
</svg>`;
};

export const renderHtml = (report: BenchReport): string => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>IPC benchmark ${escapeXml(report.startedAt)}</title>
<style>body{font-family:system-ui,sans-serif;margin:24px}figure{display:inline-block;margin:8px}table{border-collapse:collapse;font-size:12px}td,th{border-bottom:1px solid #ddd;padding:2px 8px;text-align:right}td:first-child,td:nth-child(2){text-align:left}</style>
</head><body>
<h1>IPC latency: direct vs double hop vs private pipe</h1>
<p>${escapeXml(report.renderer)}. ${report.quick ? "Quick run (small samples)." : ""} Started ${escapeXml(report.startedAt)}.</p>
<ul>${Object.entries(report.paths)
  .map(([k, v]) => `<li><b>${escapeXml(k)}</b>: ${escapeXml(v)}</li>`)
  .join("")}</ul>
<p>Machine: ${escapeXml(
  Object.entries(report.machine)
    .map(([k, v]) => `${k} ${v}`)
    .join(", "),
)}</p>
${Object.entries(report.workloads)
  .map(([name, w]) => `<figure>${cdfSvg(name, w.results)}<figcaption>${escapeXml(w.description)}</figcaption></figure>`)
  .join("\n")}
<h2>Table</h2>
<pre>${escapeXml(renderTable(report))}</pre>
</body></html>
`;

export { PATH_LABELS };
