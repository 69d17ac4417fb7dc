/**
 * The benchmark harness end to end in quick mode: real host, real stand-in process, real
 * relay. Checks the output is well formed; never asserts timings.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runBench } from "../support/bench.js";

const PATHS = ["ws-raw", "json-floor", "direct", "direct-unbatched", "direct-binary", "double-hop", "pipe"];
const WORKLOADS = [
  "roundtrip-100B",
  "pipelined-32",
  "notify-one-way",
  "payload-10KiB",
  "payload-1MiB",
  "concurrent-50",
];

describe("npm run bench (quick)", () => {
  const out = mkdtempSync(join(tmpdir(), "bench-test-"));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it("writes a table, a JSON report and an HTML page of CDFs for every path and workload", () => {
    // The keystroke, search and language-server runs have their own file (harness-extras), in parallel.
    const stdout = runBench(["--quick", "--reps", "2", "--no-keystroke", "--no-search", "--no-lsp", "--out", out]);
    expect(stdout).toMatch(
      /workload\s+path\s+count\s+mean µs\s+p50 µs\s+p50 range\s+p90 µs\s+p99 µs\s+max µs\s+msgs\/s\s+msgs\/s range/,
    );
    // Every goal of issue #14 is reported, met or not.
    expect(stdout.match(/^ {2}(met |MISS) /gm)?.length).toBe(6);
    // …and the 100 B goal next to the JSON floor measured in the same run.
    expect(stdout).toMatch(/JSON floor \(JSON\.parse \+ JSON\.stringify, nothing else\): \d+\.\d\d× ws-raw at 100 B/);
    expect(stdout).toMatch(/direct vs that floor: \d+\.\d\d×/);

    const report = JSON.parse(readFileSync(join(out, "latest.json"), "utf8"));
    expect(report.version).toBe(1);
    expect(report.machine.cores).toBeGreaterThan(0);
    const nodeRows = Object.keys(report.workloads).filter((name) => !name.startsWith("chromium-"));
    expect(nodeRows.sort()).toEqual([...WORKLOADS].sort());
    // The Chromium run: the page → host round trip next to the page's own floors.
    const page = report.workloads["chromium-roundtrip-100B"].results;
    expect(Object.keys(page).sort()).toEqual(["direct", "message-channel", "worker", "ws-raw"]);
    for (const path of Object.keys(page)) expect(page[path].p50Us, path).toBeGreaterThan(0);
    for (const name of WORKLOADS) {
      const results = report.workloads[name].results;
      expect(Object.keys(results).sort()).toEqual([...PATHS].sort());
      for (const path of PATHS) {
        const s = results[path];
        expect(s.count).toBeGreaterThan(0);
        for (const k of ["meanUs", "p50Us", "p90Us", "p99Us", "maxUs", "msgsPerSec"]) {
          expect(Number.isFinite(s[k]) && s[k] > 0, `${name}/${path}/${k}`).toBe(true);
        }
        expect(s.p50Us).toBeLessThanOrEqual(s.p90Us);
        expect(s.p90Us).toBeLessThanOrEqual(s.p99Us);
        expect(s.p99Us).toBeLessThanOrEqual(s.maxUs);
        expect(s.cdf.at(-1)[0]).toBe(100);
        expect(s.reps).toBe(2);
        expect(s.p50RangeUs[0]).toBeLessThanOrEqual(s.p50Us);
        expect(s.p50RangeUs[1]).toBeGreaterThanOrEqual(s.p50Us);
      }
      expect(results.direct.ratioP50ToDirect).toBe(1);
    }
    const html = readFileSync(join(out, "latest.html"), "utf8");
    // One chart of CDFs per workload row, the Chromium rows included.
    expect(html.match(/<svg /g)?.length).toBe(Object.keys(report.workloads).length);
    for (const name of WORKLOADS) expect(html).toContain(`${name} latency CDF`);
  }, 300_000);
});
