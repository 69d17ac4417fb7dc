/**
 * `npm run bench`: the IPC benchmark without Electron. This process plays main: it starts the
 * real built extension host (with the private pipe enabled), forks the renderer stand-in,
 * relays frames for the double-hop path exactly as a relaying main would, and reports.
 *
 *   tsx bench/run.ts [--quick] [--reps N] [--out <dir>] [--only a,b] [--paths a,b] [--no-pin] [--no-chromium] [--no-keystroke] [--no-search] [--no-lsp]
 *
 * Then the Chromium run (bench/chromium.ts: the page → host round trip in headless Chromium,
 * with an in-page MessageChannel and a dedicated Worker as floors), unless --no-chromium;
 * `--only chromium` runs just it. Then the language-server run (bench/language-server.ts), unless
 * --no-lsp; `--only lsp` runs just it.
 *
 * Then the editor keystroke benchmark (bench/keystroke.ts: Monaco vs a textarea in Chromium,
 * and the host's document sync cost), unless --no-keystroke; `--only keystroke` runs just it.
 * Then Find in Files over a generated 20,000-file tree (bench/search.ts), unless --no-search;
 * `--only search` runs just it.
 * Then keystroke → completion list and keystroke → diagnostics for the TypeScript language server
 * on a 2,000-line file (bench/language-server.ts), unless --no-lsp; `--only lsp` runs just it.
 */
import { fork, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Schema } from "effect";
import { ExtensionHostStarter } from "../src/main/extension-host-starter.js";
import { spawnNodeHost } from "../src/main/node-host-process.js";
import { resolveChromium } from "../src/main/web/chromium.js";
import { PIPE_PATH_ENV } from "../src/extension-host/alternate-transports.js";
import { runChromiumBench } from "./chromium.js";
import { runKeystrokeBench } from "./keystroke.js";
import { runSearchBench } from "./search.js";
import { runLanguageServerBench } from "./language-server.js";
import { PATH_LABELS, renderHtml, renderMarkdownTable, renderTable, type BenchReport } from "./report.js";
import { checkTargets, floorFacts, renderTargets } from "./targets.js";
import type { PathName } from "./transports.js";
import type { RepeatedResult } from "./repeats.js";

const here = fileURLToPath(new URL(".", import.meta.url));
const repoRoot = resolve(here, "..");
const args = process.argv.slice(2);
const flag = (name: string): boolean => args.includes(name);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const quick = flag("--quick");
const outDir = resolve(option("--out") ?? join(repoRoot, "bench-results"));
const only = option("--only")?.split(",");
const paths = option("--paths")?.split(",");
const reps = Math.max(1, Number(option("--reps") ?? (quick ? 1 : 5)));
const hostPath = join(repoRoot, process.env["DIRECT_EDITOR_OUT"] ?? "out", "main/extension-host.js");

// Unpinned runs on 2 vCPUs are bimodal (performance.md): pin every process to one CPU.
if (!flag("--no-pin") && !process.env["BENCH_PINNED"] && spawnSync("taskset", ["-V"]).status === 0) {
  const r = spawnSync("taskset", ["-c", "1", process.execPath, ...process.execArgv, ...process.argv.slice(1)], {
    stdio: "inherit",
    env: { ...process.env, BENCH_PINNED: "cpu1" },
  });
  process.exit(r.status ?? 1);
}

const StandinMessage = Schema.Union([
  Schema.Struct({ type: Schema.Literal("standin-ready") }),
  Schema.Struct({ type: Schema.Literal("rpc"), frame: Schema.String }),
  Schema.Struct({ type: Schema.Literal("error"), message: Schema.String }),
  Schema.Struct({
    type: Schema.Literal("results"),
    results: Schema.Record(Schema.String, Schema.Record(Schema.String, Schema.Unknown)),
  }),
]);
const decodeStandin = Schema.decodeUnknownOption(StandinMessage);

/** The Chromium the browser tests use (same resolution), for the report; absent when none. */
const chromiumVersion = async (): Promise<string | undefined> => {
  const resolved = await resolveChromium().catch(() => undefined);
  if (resolved === undefined) return undefined;
  return spawnSync(resolved.executablePath, ["--version"], { encoding: "utf8" }).stdout?.trim() || undefined;
};

const machine = async (): Promise<Record<string, string | number>> => {
  const chromium = await chromiumVersion();
  return {
    cpu: cpus()[0]?.model ?? "unknown",
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    pinned: process.env["BENCH_PINNED"] ?? "no",
    ...(chromium ? { chromium } : {}),
  };
};

const main = async (): Promise<void> => {
  if (only?.length === 1 && only[0] === "keystroke") {
    await runKeystrokeBench(outDir);
    return;
  }
  if (only?.length === 1 && only[0] === "search") {
    await runSearchBench(outDir);
    return;
  }
  if (only?.length === 1 && only[0] === "lsp") {
    await runLanguageServerBench(outDir);
    return;
  }
  const chromiumOnly = only?.length === 1 && only[0] === "chromium";
  const results = chromiumOnly ? {} : await runNodeWorkloads();
  if ((chromiumOnly || !flag("--no-chromium")) && (!only || only.includes("chromium"))) {
    process.stderr.write("[bench] Chromium run…\n");
    const pinned = !flag("--no-pin") && process.env["BENCH_PINNED"] !== undefined;
    Object.assign(results, await runChromiumBench({ hostPath, reps, quick, pin: pinned }));
  }
  const workloadNames = [...WORKLOAD_NAMES, ...Object.keys(results).filter((n) => n.startsWith("chromium-"))];
  const workloads: BenchReport["workloads"] = {};
  for (const name of workloadNames) {
    const perPath = results[name] as Partial<Record<PathName, RepeatedResult>> | undefined;
    if (!perPath) continue;
    const direct = perPath.direct?.p50Us ?? NaN;
    const raw = perPath["ws-raw"]?.p50Us ?? NaN;
    workloads[name] = {
      description: describeWorkload(name),
      results: Object.fromEntries(
        Object.entries(perPath).map(([path, r]) => [
          path,
          {
            ...r,
            ratioP50ToDirect: Math.round((r.p50Us / direct) * 100) / 100,
            ratioP50ToRaw: Math.round((r.p50Us / raw) * 100) / 100,
          },
        ]),
      ) as BenchReport["workloads"][string]["results"],
    };
  }
  const report: BenchReport = {
    version: 1,
    startedAt: new Date().toISOString(),
    quick,
    reps,
    machine: await machine(),
    renderer:
      "renderer side: Node client process (stand-in for the Electron renderer; no Electron on this machine); " +
      "chromium-* rows: headless Chromium page, no DevTools session attached",
    paths: PATH_LABELS,
    workloads,
  };
  mkdirSync(outDir, { recursive: true });
  const stamp = report.startedAt.replace(/[:.]/g, "-");
  writeFileSync(join(outDir, `bench-${stamp}.json`), JSON.stringify(report, null, 2));
  writeFileSync(join(outDir, "latest.json"), JSON.stringify(report, null, 2));
  writeFileSync(join(outDir, "latest.html"), renderHtml(report));
  writeFileSync(join(outDir, "latest.md"), renderMarkdownTable(report));
  console.log(`\n${report.renderer}\nmachine: ${JSON.stringify(report.machine)}\n`);
  console.log(renderTable(report));
  console.log(`\n${renderTargets(checkTargets(report), floorFacts(report))}`);
  console.log(`\nwrote ${join(outDir, "latest.json")}, latest.html, latest.md`);
  if (!flag("--no-keystroke") && !chromiumOnly) await runKeystrokeBench(outDir);
  if (!flag("--no-search") && !chromiumOnly) await runSearchBench(outDir);
  if (!flag("--no-lsp") && !chromiumOnly) await runLanguageServerBench(outDir);
};

const { WORKLOADS } = await import("./workloads.js");
const WORKLOAD_NAMES = WORKLOADS.map((w) => w.name);
const describeWorkload = (name: string): string => {
  const base = WORKLOADS.find((w) => w.name === name.replace(/^chromium-/, ""))?.description ?? name;
  return name.startsWith("chromium-") ? `headless Chromium page: ${base}` : base;
};

/** The Node stand-in's workloads over every path, with the real host and the double-hop relay. */
const runNodeWorkloads = async (): Promise<Record<string, Record<string, unknown>>> => {
  const pipeDir = mkdtempSync(join(tmpdir(), "direct-editor-bench-"));
  const pipePath = join(pipeDir, "exthost.sock");
  const starter = new ExtensionHostStarter({
    spawn: spawnNodeHost({ silent: true }),
    modulePath: hostPath,
    allowedOrigins: [],
    env: { [PIPE_PATH_ENV]: pipePath },
    log: (m) => process.stderr.write(`${m}\n`),
  });
  const info = await starter.start();
  // The floors run in their own process too, like the host.
  const rawServer = fork(join(here, "ws-raw-server.ts"), [], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const { port: rawPort, jsonPort: jsonFloorPort } = await new Promise<{ port: number; jsonPort: number }>(
    (resolvePorts, reject) => {
      rawServer.once("exit", (code) => reject(new Error(`floor servers exited with code ${code}`)));
      rawServer.once("message", (m: unknown) => resolvePorts(m as { port: number; jsonPort: number }));
    },
  );
  const standin = fork(join(here, "renderer-standin.ts"), [], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
    serialization: "json",
  });
  // The relaying main of the classic path: forward frames both ways, touching nothing.
  starter.onRelayFrame((frame) => standin.send({ type: "rpc", frame }));

  const results = await new Promise<Record<string, Record<string, unknown>>>((resolvePromise, reject) => {
    standin.on("exit", (code) => reject(new Error(`renderer stand-in exited with code ${code}`)));
    standin.on("message", (raw) => {
      const m = decodeStandin(raw);
      if (m._tag === "None") return reject(new Error("malformed message from the renderer stand-in"));
      const msg = m.value;
      if (msg.type === "rpc") starter.postRelayFrame(msg.frame);
      else if (msg.type === "standin-ready") {
        standin.send({
          type: "start",
          port: info.port,
          secret: info.secret,
          pipePath,
          rawPort,
          jsonFloorPort,
          quick,
          reps,
          ...(only ? { only } : {}),
          ...(paths ? { paths } : {}),
        });
      } else if (msg.type === "error") reject(new Error(msg.message));
      else resolvePromise(msg.results);
    });
  }).finally(async () => {
    standin.kill();
    rawServer.kill();
    await starter.stop(2_000);
    rmSync(pipeDir, { recursive: true, force: true });
  });

  return results;
};

main().catch((e: unknown) => {
  console.error(`bench failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
