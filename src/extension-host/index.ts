/**
 * Extension host entry. Started by main (utilityProcess.fork in Electron, child_process.fork
 * elsewhere) with the per-launch secret in its environment; serves RPC on 127.0.0.1 and
 * reports the port back to main.
 */
import { HostEnv, readHostEnvironment, type HostEnvironment } from "../protocol/host-environment.js";
import { servePipe, servePort, serveRelay } from "./alternate-transports.js";
import { serveBenchMethods } from "./bench-methods.js";
import { serveChannelMethods } from "./demo-methods.js";
import { HostServices } from "./host-services.js";
import { scanExtensions } from "./extensions/scanner.js";
import { homedir } from "node:os";
import { join } from "node:path";
import { connectToParent } from "./parent-channel.js";
import type { RpcPeer } from "../protocol/peer.js";
import { DEFAULT_MAX_PAYLOAD, startRpcServer } from "./rpc-server.js";
import { serveTestHooks } from "./test-hooks.js";
import { installChildReaper } from "./child-reaper.js";
import { serveExtensionTests } from "./extension-tests.js";

const startedAt = Date.now();
const log = {
  info: (m: string) => console.log(`[exthost] ${m}`),
  warn: (m: string) => console.warn(`[exthost] ${m}`),
};

const main = async (): Promise<void> => {
  const parent = connectToParent();
  if (!parent) throw new Error("no parent channel: start the extension host from main (fork)");
  let env: HostEnvironment;
  try {
    env = readHostEnvironment(process.env);
  } catch (e) {
    parent.post({
      type: "fatal",
      message: `bad extension host environment: ${e instanceof Error ? e.message : String(e)}`,
    });
    process.exit(2);
  }
  // Extensions run in this process and may spawn children: do not pass the secret on.
  delete process.env[HostEnv.secret];
  // Before any extension code runs: processes extensions start die with the host.
  installChildReaper((m) => log.warn(m));
  const { secret, allowedOrigins, maxPayloadBytes, heartbeatMs, maxConnections } = env;
  const { maxInFlightRequestBytes, maxPreAuthConnections, extensionTestsPath } = env;

  const userDataDir = env.userDataDir ?? join(homedir(), ".direct-editor");
  const scan = scanExtensions({
    builtin: env.builtinExtensions,
    user: env.userExtensions ?? join(userDataDir, "extensions"),
    development: [...env.devExtensions],
  });
  const host = new HostServices({
    ...scan,
    storageDir: env.storageDir ?? join(userDataDir, "extension-storage"),
    userDir: join(userDataDir, "User"),
    ...(extensionTestsPath ? { testMode: true } : {}),
    ...(env.providerTimeoutMs ? { providerTimeoutMs: env.providerTimeoutMs } : {}),
    ...(env.maxDocumentChars ? { maxDocumentChars: env.maxDocumentChars } : {}),
    log: (m) => log.info(m),
  });
  log.info(`found ${scan.extensions.length} extension(s): ${scan.extensions.map((e) => e.id).join(", ") || "none"}`);

  /** What every connection gets, whatever its transport. */
  const setupConnection = (peer: RpcPeer): (() => void) => {
    const disposers = [serveChannelMethods(peer, startedAt), serveBenchMethods(peer), host.attach(peer)];
    if (env.testHooks) disposers.push(serveTestHooks(peer));
    if (extensionTestsPath) {
      disposers.push(serveExtensionTests(peer, extensionTestsPath, () => host.extensions.isInitialized));
    }
    return () => disposers.forEach((d) => d());
  };
  const frameCap = maxPayloadBytes ?? DEFAULT_MAX_PAYLOAD;

  const server = await startRpcServer({
    secret,
    allowedOrigins,
    logger: log,
    ...(maxPayloadBytes ? { maxPayloadBytes } : {}),
    ...(heartbeatMs ? { heartbeatMs } : {}),
    ...(maxConnections ? { maxConnections } : {}),
    ...(maxInFlightRequestBytes ? { maxInFlightRequestBytes } : {}),
    ...(maxPreAuthConnections ? { maxPreAuthConnections } : {}),
    onConnection: setupConnection,
  });
  const relay = serveRelay(parent, setupConnection, log, frameCap);
  const pipePath = env.pipePath;
  const pipe = pipePath ? await servePipe(pipePath, setupConnection, log, frameCap) : undefined;

  let shuttingDown: Promise<void> | undefined;
  /** One orderly exit for every cause: main's request, a lost parent, SIGTERM/SIGINT/SIGHUP. */
  const shutdown = (why: string): Promise<void> =>
    (shuttingDown ??= (async () => {
      log.info(`shutting down (${why})`);
      // Clients first (1001 "going away"), so the renderer reconnects instead of seeing 1006.
      const closing = server.close();
      pipe?.close();
      await withinMs(host.extensions.deactivateAll(), DEACTIVATE_BUDGET_MS, () =>
        log.warn(`extensions did not deactivate within ${DEACTIVATE_BUDGET_MS} ms; exiting anyway`),
      );
      await withinMs(closing, CLOSE_BUDGET_MS, () => undefined);
      process.exit(0);
    })());
  onShutdownSignal = (signal) => void shutdown(signal);
  parent.onMessage((m, ports) => {
    if (m.type === "shutdown") void shutdown("requested by main");
    else if (m.type === "rpc") relay(m.frame);
    else if (m.type === "port" && ports[0]) servePort(ports[0], setupConnection, log, frameCap);
  });
  parent.onDisconnect(() => void shutdown("parent channel closed"));
  log.info(`listening on 127.0.0.1:${server.port}`);
  parent.post({ type: "ready", port: server.port });
};

/** Deactivation may not hold up an exit: main kills a host that takes longer than 6 s. */
const DEACTIVATE_BUDGET_MS = 3_000;
/** server.close() itself cuts clients after 500 ms; this only bounds a stuck close. */
const CLOSE_BUDGET_MS = 1_500;

const withinMs = (work: Promise<unknown>, ms: number, onTimeout: () => void): Promise<void> =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      onTimeout();
      resolve();
    }, ms);
    void work
      .catch(() => undefined)
      .finally(() => {
        clearTimeout(timer);
        resolve();
      });
  });

/**
 * Signals mean "stop" (a terminal's Ctrl-C, a service manager, a closing session): shut down
 * cleanly and exit 0 instead of dying with 1006 for every client. Before the server is up
 * there is nothing to close yet.
 */
let onShutdownSignal = (signal: NodeJS.Signals): void => {
  log.info(`${signal} before start-up finished; exiting`);
  process.exit(0);
};
for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"] as const) process.on(signal, () => onShutdownSignal(signal));

// An extension's stray exception must not take the host down with it.
process.on("uncaughtException", (e) => log.warn(`uncaught exception: ${e.stack ?? e.message}`));
process.on("unhandledRejection", (e) =>
  log.warn(`unhandled rejection: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`),
);

main().catch((e: unknown) => {
  log.warn(`failed to start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
