/**
 * `tsx bench/profile.ts [--calls N] [--bytes B] [--dir D] [--unbatched]`: CPU profiles of the
 * lone round trip on both ends, to see what the RPC layer adds to the WebSocket. Starts the
 * built extension host and this client under `--cpu-prof`, pinned to one CPU like the bench,
 * runs N sequential `bench.echo` calls, and prints the top functions by self time per process.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { Session } from "node:inspector/promises";
import { fileURLToPath } from "node:url";
import { ExtensionHostStarter } from "../src/main/extension-host-starter.js";
import { spawnNodeHost } from "../src/main/node-host-process.js";
import { BenchContract } from "../src/protocol/contracts/bench.js";
import { proxy } from "../src/protocol/rpc-contract.js";
import { connectDirect } from "./transports.js";

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const repoRoot = resolve(fileURLToPath(new URL(".", import.meta.url)), "..");
const calls = Number(option("--calls") ?? 20_000);
const bytes = Number(option("--bytes") ?? 100);
const dir = resolve(option("--dir") ?? join(repoRoot, "bench-results", "profile"));

if (!process.env["BENCH_PINNED"] && spawnSync("taskset", ["-V"]).status === 0) {
  const r = spawnSync("taskset", ["-c", "1", process.execPath, ...process.execArgv, ...process.argv.slice(1)], {
    stdio: "inherit",
    env: { ...process.env, BENCH_PINNED: "cpu1" },
  });
  process.exit(r.status ?? 1);
}

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
}
interface Profile {
  readonly nodes: ReadonlyArray<ProfileNode>;
  readonly samples: ReadonlyArray<number>;
  readonly timeDeltas: ReadonlyArray<number>;
}

/** Self time per function (name, file, line), largest first, as % of the sampled time. */
const topSelf = (profile: Profile, n: number): string[] => {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const f = byId.get(id)!.callFrame;
    const key = `${f.functionName || "(anonymous)"} ${f.url.split("/").slice(-2).join("/")}:${f.lineNumber + 1}`;
    const dt = profile.timeDeltas[i] ?? 0;
    self.set(key, (self.get(key) ?? 0) + dt);
    total += dt;
  });
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([key, us]) => `${((us / total) * 100).toFixed(1).padStart(5)}%  ${key}`);
};

const main = async (): Promise<void> => {
  mkdirSync(dir, { recursive: true });
  const starter = new ExtensionHostStarter({
    spawn: spawnNodeHost({ silent: true, execArgv: ["--cpu-prof", `--cpu-prof-dir=${dir}`] }),
    modulePath: join(repoRoot, "out/main/extension-host.js"),
    allowedOrigins: [],
    env: {},
    log: (m) => process.stderr.write(`${m}\n`),
  });
  const info = await starter.start();
  const bench = proxy(
    await connectDirect(info.port, info.secret, { batch: !args.includes("--unbatched") }),
    BenchContract,
  );
  const body = "x".repeat(Math.max(0, bytes - 2));
  for (let i = 0; i < 1_000; i++) await bench.echo(body);
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 100 });
  await session.post("Profiler.start");
  const t0 = performance.now();
  for (let i = 0; i < calls; i++) await bench.echo(body);
  const perCall = ((performance.now() - t0) * 1000) / calls;
  const { profile } = (await session.post("Profiler.stop")) as { profile: Profile };
  await starter.stop(5_000);
  console.log(`${calls} sequential ${bytes} B calls: ${perCall.toFixed(1)} µs per round trip (mean, profiled)\n`);
  console.log(`client (renderer stand-in), self time:\n${topSelf(profile, 25).join("\n")}\n`);
  const hostProfile = readdirSync(dir)
    .filter((f) => f.endsWith(".cpuprofile"))
    .sort()
    .at(-1);
  if (hostProfile) {
    const host = JSON.parse(readFileSync(join(dir, hostProfile), "utf8")) as Profile;
    console.log(`extension host (${hostProfile}), self time:\n${topSelf(host, 25).join("\n")}`);
  }
  process.exit(0);
};

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
