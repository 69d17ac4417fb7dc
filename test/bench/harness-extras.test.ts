/**
 * The benchmark's other runs end to end (`--only keystroke|search|lsp`): Monaco keystrokes in
 * Chromium with the host's sync cost, Find in Files over the generated 20,000-file tree, and
 * the TypeScript server's completion / diagnostics latency. Checks each report is written and
 * well formed; never asserts timings (those are goals in the report, not tests).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runBench } from "../support/bench.js";

const out = mkdtempSync(join(tmpdir(), "bench-extras-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const run = (only: string): string => runBench(["--only", only, "--out", out]);
const json = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(out, name), "utf8")) as Record<string, unknown>;
const positive = (v: unknown): boolean => typeof v === "number" && Number.isFinite(v) && v > 0;

describe("npm run bench: keystroke, search and language-server runs", () => {
  it("keystroke: Monaco and a textarea in Chromium, and the host's per-keystroke sync cost", () => {
    run("keystroke");
    const report = json("keystroke-latest.json") as {
      chromium: Record<string, { count: number; p50Us: number; p99Us: number }>;
      hostSync: Record<string, Record<string, { count: number; p50Us: number }>>;
    };
    for (const editor of ["monaco", "textarea"]) {
      expect(report.chromium[editor]!.count, editor).toBeGreaterThan(100);
      expect(report.chromium[editor]!.p50Us).toBeLessThanOrEqual(report.chromium[editor]!.p99Us);
    }
    expect(Object.keys(report.hostSync)).toEqual(["100 lines", "10000 lines", "100000 lines"]);
    for (const [size, rows] of Object.entries(report.hostSync)) {
      expect(positive(rows["incremental"]?.p50Us), size).toBe(true);
    }
  }, 300_000);

  it("search: first result and total over 20,000 generated files, and the Quick Open file list", () => {
    const stdout = run("search");
    expect(stdout).toContain("goal: first result < 1000 ms");
    const report = json("search-latest.json");
    expect(report["files"]).toBe(20_000);
    const rare = report["rare word (1 file in 97)"] as Record<string, number>;
    expect(positive(rare["firstResultMsMedian"])).toBe(true);
    expect(rare["firstResultMsMedian"]).toBeLessThanOrEqual(rare["totalMsMedian"]!);
    // 20,000 files / 97: the rare word is where the generator put it, no more, no less.
    expect(rare["files"]).toBe(Math.ceil(20_000 / 97));
    expect(positive(report["quickOpenListFilesMsMedian"])).toBe(true);
  }, 300_000);

  it("lsp: keystroke → completion list and → diagnostics from the TypeScript server on 2,000 lines", () => {
    run("lsp");
    const report = json("language-server-latest.json") as {
      lines: number;
      serverStartMs: number;
      completion: { samples: number; p50Ms: number; p99Ms: number };
      diagnostics: { samples: number; p50Ms: number; p99Ms: number };
    };
    expect(report.lines).toBe(2_000);
    expect(positive(report.serverStartMs)).toBe(true);
    for (const row of [report.completion, report.diagnostics]) {
      expect(row.samples).toBeGreaterThan(10);
      expect(row.p50Ms).toBeLessThanOrEqual(row.p99Ms);
    }
  }, 300_000);
});
