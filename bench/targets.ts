/** The goals of issue #14, checked against one run's medians (printed, never asserted in tests). */
import type { BenchReport } from "./report.js";
import type { PathName } from "./transports.js";

export interface TargetCheck {
  readonly goal: string;
  readonly measured: string;
  /** undefined: a path or workload the goal needs was not run. */
  readonly met: boolean | undefined;
}

type Field = "p50Us" | "msgsPerSec";

/** One path's median of one workload, if both were run. */
const valueOf = (report: BenchReport, workload: string, path: PathName, field: Field): number | undefined =>
  report.workloads[workload]?.results[path]?.[field];

export const checkTargets = (report: BenchReport): TargetCheck[] => {
  const value = (workload: string, path: PathName, field: Field) => valueOf(report, workload, path, field);
  const ratio = (
    workload: string,
    field: Field,
    path: PathName,
    to: PathName,
    goal: string,
    ok: (r: number) => boolean,
  ) => {
    const a = value(workload, path, field);
    const b = value(workload, to, field);
    if (a === undefined || b === undefined) return { goal, measured: "not run", met: undefined };
    const r = a / b;
    return { goal, measured: `${r.toFixed(2)}× (${Math.round(a)} vs ${Math.round(b)})`, met: ok(r) };
  };
  const notify = value("notify-one-way", "direct", "msgsPerSec");
  return [
    ratio("roundtrip-100B", "p50Us", "direct", "ws-raw", "100 B round trip p50 ≤ 1.3× ws-raw", (r) => r <= 1.3),
    ratio("roundtrip-100B", "p50Us", "direct", "double-hop", "100 B round trip p50 ≤ 0.6× double hop", (r) => r <= 0.6),
    ratio(
      "concurrent-50",
      "msgsPerSec",
      "direct",
      "double-hop",
      "50 callers calls/s ≥ 2.5× double hop",
      (r) => r >= 2.5,
    ),
    ratio("concurrent-50", "msgsPerSec", "direct", "pipe", "50 callers calls/s ≥ pipe", (r) => r >= 1),
    {
      goal: "notifications ≥ 150k/s",
      measured: notify === undefined ? "not run" : `${Math.round(notify).toLocaleString("en-US")}/s`,
      met: notify === undefined ? undefined : notify >= 150_000,
    },
    ratio("payload-1MiB", "p50Us", "direct", "ws-raw", "1 MiB round trip p50 ≤ 1.5× ws-raw", (r) => r <= 1.5),
  ];
};

/**
 * Not goals: where the 100 B goal stands against the wire format itself. `json-floor` is the
 * cheapest RPC that speaks JSON text frames; when it alone is over 1.3× ws-raw, no JSON layer
 * can meet that goal on this machine.
 */
export const floorFacts = (report: BenchReport): string[] => {
  const p50 = (path: PathName) => valueOf(report, "roundtrip-100B", path, "p50Us");
  const raw = p50("ws-raw");
  const floor = p50("json-floor");
  const direct = p50("direct");
  if (raw === undefined || floor === undefined || direct === undefined) return [];
  return [
    `  JSON floor (JSON.parse + JSON.stringify, nothing else): ${(floor / raw).toFixed(2)}× ws-raw at 100 B ` +
      `(${Math.round(floor)} vs ${Math.round(raw)} µs)`,
    `  direct vs that floor: ${(direct / floor).toFixed(2)}× (${Math.round(direct)} vs ${Math.round(floor)} µs): ` +
      "the envelope checks, RpcPeer and the typed contract",
  ];
};

export const renderTargets = (checks: ReadonlyArray<TargetCheck>, facts: ReadonlyArray<string> = []): string =>
  [
    "targets (issue #14), direct path:",
    ...checks.map((c) => `  ${c.met === undefined ? "—   " : c.met ? "met " : "MISS"} ${c.goal}: ${c.measured}`),
    ...(facts.length > 0 ? ["the 100 B goal against the wire format's own floor:", ...facts] : []),
  ].join("\n");
