/**
 * The built renderer in real headless Chromium, talking directly to the real built extension
 * host. This file stands in for Electron main + preload: it serves `out/renderer` over
 * http://127.0.0.1 (a Vite build does not load from file:// in plain Chromium), allows that
 * Origin on the host, and injects `window.editorHost` the way contextBridge would.
 */
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { extname, join, normalize } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { TEST_CHROMIUM_FLAGS, resolveChromium } from "../../src/main/web/chromium.js";
import { MIME } from "../../src/main/web/web-server.js";
import { HostEnv } from "../../src/protocol/host-environment.js";
import { BRIDGE_KEY } from "../../src/protocol/ipc.js";
import { startTestHost, type TestHost } from "./host.js";
import { builtRendererDir, repoRoot, requireBuild } from "./paths.js";

/** Static server for the renderer bundle; refuses paths outside the folder. */
export const serveRenderer = async (root = builtRendererDir): Promise<{ origin: string; server: Server }> => {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    const file = normalize(join(root, path === "/" ? "index.html" : decodeURIComponent(path)));
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "Content-Type": MIME[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no address");
  return { origin: `http://127.0.0.1:${address.port}`, server };
};

/** Headless Chromium (see `resolveChromium`) with the flags this closed network needs; `extraArgs` for special cases. */
export const launchChromium = async (extraArgs: ReadonlyArray<string> = []): Promise<Browser> => {
  const resolved = await resolveChromium();
  return chromium.launch({
    executablePath: resolved.executablePath,
    args: [...new Set([...resolved.args, ...TEST_CHROMIUM_FLAGS, ...extraArgs])],
  });
};

export interface RendererHarness {
  readonly page: Page;
  readonly context: BrowserContext;
  readonly host: TestHost;
  readonly origin: string;
  /** Console lines and page errors, for assertions and for debugging failures. */
  readonly consoleLines: string[];
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** Extra environment for the extension host (e.g. extension folders). */
  readonly hostEnv?: Record<string, string>;
  /**
   * Extra bridge functions, as main + preload would expose them: each becomes
   * `window.editorHost[name](...args)` returning a Promise of the Node function's result.
   */
  readonly bridge?: Record<string, (...args: never[]) => unknown>;
  /** Reuse a browser across tests of one file (it is not closed by `close`). */
  readonly browser?: Browser;
}

export const openRenderer = async (options: HarnessOptions = {}): Promise<RendererHarness> => {
  requireBuild();
  const { origin, server } = await serveRenderer();
  const host = await startTestHost({ allowedOrigins: [origin], ...(options.hostEnv ? { env: options.hostEnv } : {}) });
  const browser = options.browser ?? (await launchChromium());
  const context = await browser.newContext();
  const page = await context.newPage();
  const consoleLines: string[] = [];
  page.on("console", (m) => consoleLines.push(`${m.type()}: ${m.text()}`));
  page.on("pageerror", (e) => consoleLines.push(`pageerror: ${e.message}`));

  // Under tsx (the benchmarks), esbuild's keepNames wraps functions in `__name(...)`, which
  // then travels into the page with every evaluated function: give the page a no-op one.
  await context.addInitScript("globalThis.__name ??= (f) => f;");
  await context.exposeFunction("__harnessGetConnectionInfo", () => host.starter.connectionInfo());
  // The classic relayed path: page → (CDP, standing in for Electron IPC) → this "main" →
  // fork IPC → host, and back.
  await context.exposeFunction("__harnessRelaySend", (frame: string) => host.starter.postRelayFrame(frame));
  const offRelay = host.starter.onRelayFrame((frame) => {
    void page
      .evaluate(
        (f) => (window as unknown as { __harnessRelayFrame?: (f: string) => void }).__harnessRelayFrame?.(f),
        frame,
      )
      .catch(() => undefined);
  });
  const extras = Object.keys(options.bridge ?? {});
  for (const name of extras) {
    const fn = options.bridge![name]!;
    await context.exposeFunction(`__harnessBridge_${name}`, (...args: never[]) => fn(...args));
  }
  await context.addInitScript(
    ({ key, extras }) => {
      const w = window as unknown as Record<string, unknown>;
      const listeners = new Set<(generation: number) => void>();
      w["__harnessHostRestarted"] = (generation: number) => listeners.forEach((l) => l(generation));
      const relayListeners = new Set<(frame: string) => void>();
      w["__harnessRelayFrame"] = (frame: string) => relayListeners.forEach((l) => l(frame));
      const bridge: Record<string, unknown> = {
        relay: Object.freeze({
          send: (frame: string) => void (w["__harnessRelaySend"] as (f: string) => Promise<void>)(frame),
          onFrame: (l: (frame: string) => void) => {
            relayListeners.add(l);
            return () => relayListeners.delete(l);
          },
        }),
        getConnectionInfo: () => (w["__harnessGetConnectionInfo"] as () => Promise<unknown>)(),
        onHostRestarted: (l: (generation: number) => void) => {
          listeners.add(l);
          return () => listeners.delete(l);
        },
      };
      for (const name of extras) {
        bridge[name] = (...args: unknown[]) => (w[`__harnessBridge_${name}`] as (...a: unknown[]) => unknown)(...args);
      }
      // contextBridge freezes what it exposes; do the same.
      Object.defineProperty(window, key, { value: Object.freeze(bridge), writable: false });
    },
    { key: BRIDGE_KEY, extras },
  );
  // Main tells the renderer when it restarted the host; so does this stand-in.
  const offRestart = host.starter.onDidChangeState((state) => {
    if (state.kind === "running") {
      void page
        .evaluate(
          (g) => (window as unknown as { __harnessHostRestarted?: (g: number) => void }).__harnessHostRestarted?.(g),
          state.info.generation,
        )
        .catch(() => undefined);
    }
  });
  await page.goto(`${origin}/index.html`);

  return {
    page,
    context,
    host,
    origin,
    consoleLines,
    close: async () => {
      offRestart();
      offRelay();
      await context.close().catch(() => undefined);
      if (!options.browser) await browser.close().catch(() => undefined);
      await host.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};

/**
 * The workbench as the tests use it: built-in extensions, a private user-data folder, extensions
 * under development, the folder main would pass, and the channel Connected before it returns.
 */
export const openWorkbench = async (options: {
  readonly browser: Browser;
  readonly dataDir: string;
  /** The folder `getInitialWorkspace` answers with (a `file://` URI); null for none. */
  readonly workspaceUri: string | null;
  readonly devExtensions?: ReadonlyArray<string>;
  /** Other bridge functions (they win over the default `getInitialWorkspace`). */
  readonly bridge?: HarnessOptions["bridge"];
}): Promise<RendererHarness> => {
  const harness = await openRenderer({
    browser: options.browser,
    hostEnv: {
      ...(options.devExtensions ? { [HostEnv.devExtensions]: options.devExtensions.join(",") } : {}),
      [HostEnv.builtinExtensions]: join(repoRoot, "extensions/builtin"),
      [HostEnv.userDataDir]: options.dataDir,
    },
    bridge: { getInitialWorkspace: () => options.workspaceUri, ...options.bridge },
  });
  const { page } = harness;
  await page.getByTestId("channel-state").and(page.locator('[data-state="Connected"]')).waitFor({ timeout: 20_000 });
  return harness;
};
