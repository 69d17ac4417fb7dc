/**
 * `bench/run.ts` as the bench tests run it: a child Node with tsx, from the repository root,
 * against the built `out/` (checked first, for a clear error instead of a hang).
 */
import { spawnSync } from "node:child_process";
import { expect } from "vitest";
import { repoRoot, requireBuild } from "./paths.js";

/** Runs the benchmark with `args`, expects it to succeed (its stderr as the message) and returns its stdout. */
export const runBench = (args: ReadonlyArray<string>): string => {
  requireBuild();
  const r = spawnSync(process.execPath, ["--import", "tsx", "bench/run.ts", ...args], {
    cwd: repoRoot,
    encoding: "utf8",
    // Below the tests' own 300 s, so a stuck run fails with its output rather than a vitest timeout.
    timeout: 280_000,
  });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
};
