/**
 * The Chromium run (`--only chromium`): headless Chromium as the renderer, page → extension host
 * round trips through the browser's WebSocket (and its network process), compared with a plain
 * WebSocket echo and two in-browser floors, a MessageChannel and a dedicated Worker.
 *
 * Chromium is spawned directly with the page's URL on its command line: no DevTools protocol at
 * all (Playwright's CDP session enables the Network domain, which reports every WebSocket frame
 * and adds ~350 µs of CPU per message). The page times itself with performance.now() and POSTs
 * its results once, at the end.
 */
import { fork, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { ExtensionHostStarter } from "../src/main/extension-host-starter.js";
import { spawnNodeHost } from "../src/main/node-host-process.js";
import { resolveChromium, TEST_CHROMIUM_FLAGS } from "../src/main/web/chromium.js";
import type { RepeatedResult } from "./repeats.js";

const here = fileURLToPath(new URL(".", import.meta.url));

/** The workloads the page runs (names from workloads.ts), reported as `chromium-<name>`. */
export const CHROMIUM_WORKLOADS = ["roundtrip-100B", "concurrent-50", "notify-one-way", "payload-1MiB"] as const;
export const CHROMIUM_PATHS = ["ws-raw", "direct", "message-channel", "worker"] as const;
export type ChromiumPath = (typeof CHROMIUM_PATHS)[number];

export const runChromiumBench = async (options: {
  readonly hostPath: string;
  readonly reps: number;
  readonly quick: boolean;
  readonly pin: boolean;
}): Promise<Record<string, Partial<Record<ChromiumPath, RepeatedResult>>>> => {
  const bundle = await build({
    entryPoints: [join(here, "chromium-page.ts")],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "chrome120",
    write: false,
    logLevel: "silent",
  });
  const pageJs = bundle.outputFiles[0]!.text;
  let config = "";
  let settle!: { resolve: (body: string) => void; reject: (e: Error) => void };
  const posted = new Promise<string>((resolve, reject) => (settle = { resolve, reject }));
  // Cross-origin isolated: performance.now() is then precise to 5 µs instead of 100 µs.
  const isolated = { "cross-origin-opener-policy": "same-origin", "cross-origin-embedder-policy": "require-corp" };
  const http = createServer((req, res) => {
    if (req.url === "/") {
      res
        .writeHead(200, { "content-type": "text/html", ...isolated })
        .end('<!doctype html><script type="module" src="/page.js"></script>');
    } else if (req.url === "/page.js") {
      res.writeHead(200, { "content-type": "text/javascript", ...isolated }).end(pageJs);
    } else if (req.url === "/config") res.writeHead(200, { "content-type": "application/json" }).end(config);
    else if (req.url === "/results" && req.method === "POST") {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString()));
      req.on("end", () => {
        res.writeHead(204).end();
        settle.resolve(body);
      });
    } else res.writeHead(404).end();
  });
  await new Promise<void>((r) => http.listen(0, "127.0.0.1", r));
  const address = http.address();
  const httpPort = typeof address === "object" && address !== null ? address.port : 0;
  const starter = new ExtensionHostStarter({
    spawn: spawnNodeHost({ silent: true }),
    modulePath: options.hostPath,
    allowedOrigins: [`http://127.0.0.1:${httpPort}`],
    env: {},
    log: (m) => process.stderr.write(`${m}\n`),
  });
  const profileDir = mkdtempSync(join(tmpdir(), "direct-editor-bench-chromium-"));
  const rawServer = fork(join(here, "ws-raw-server.ts"), [], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  try {
    const info = await starter.start();
    const rawPort = await new Promise<number>((r) => rawServer.once("message", (m) => r((m as { port: number }).port)));
    config = JSON.stringify({
      hostPort: info.port,
      secret: info.secret,
      rawPort,
      reps: options.reps,
      quick: options.quick,
      workloads: CHROMIUM_WORKLOADS,
    });
    const chromium = await resolveChromium();
    const argv = [
      ...chromium.args,
      ...TEST_CHROMIUM_FLAGS,
      "--headless=new",
      `--user-data-dir=${profileDir}`,
      `http://127.0.0.1:${httpPort}/`,
    ];
    const browser = options.pin
      ? spawn("taskset", ["-c", "1", chromium.executablePath, ...argv], { stdio: "ignore" })
      : spawn(chromium.executablePath, argv, { stdio: "ignore" });
    browser.once("exit", (code) => settle.reject(new Error(`Chromium exited (${code}) before reporting`)));
    try {
      const body = JSON.parse(await posted) as {
        results?: Record<string, Partial<Record<ChromiumPath, RepeatedResult>>>;
        error?: string;
      };
      if (body.error !== undefined || body.results === undefined) throw new Error(`Chromium page: ${body.error}`);
      return Object.fromEntries(Object.entries(body.results).map(([name, r]) => [`chromium-${name}`, r]));
    } finally {
      browser.removeAllListeners("exit");
      browser.kill("SIGKILL");
    }
  } finally {
    rawServer.kill();
    await starter.stop(2_000);
    http.close();
    rmSync(profileDir, { recursive: true, force: true });
  }
};
