import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Integration tests start real processes and Chromium; the machines have 2 cores.
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Conditions polled in browser/integration tests get time on a loaded 2-core machine.
    expect: { poll: { timeout: 10_000, interval: 50 } },
  },
});
