/**
 * `direct-editor test`: VS Code's extension test loop on the web-mode workbench. This Node
 * process plays main (web server + extension host), drives headless Chromium to the workbench,
 * waits for the channel, then — holding the secret like any native tool — asks the extension
 * host to load `--extensionTestsPath` and await its `run()`. Exit code 0 when it resolves, 1
 * when it rejects or anything on the way fails.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium } from "playwright-core";
import WebSocket from "ws";
import { EXTENSION_TESTS_ENV, ExtensionTestsContract } from "../../protocol/contracts/extension-tests.js";
import { PROTOCOL_MARKER, SECRET_HEADER, wsUrl, type ConnectionInfo } from "../../protocol/handshake.js";
import { RpcPeer } from "../../protocol/peer.js";
import { proxy } from "../../protocol/rpc-contract.js";
import { extensionHostEnv } from "../command-line.js";
import { spawnNodeHost } from "../node-host-process.js";
import { TEST_CHROMIUM_FLAGS, resolveChromium } from "./chromium.js";
import { startWebServer } from "./web-server.js";

export interface ExtensionTestOptions {
  readonly extensionDevelopmentPaths: ReadonlyArray<string>;
  readonly extensionTestsPath: string;
  readonly workspaceFolder?: string | undefined;
  /** Where the built app lives: `out/main` (host, renderer) and `extensions/builtin`. */
  readonly builtMainDir: string;
  readonly appRoot: string;
  readonly timeoutMs: number;
  readonly log: (line: string) => void;
}

/** Asks the host to run the tests module, as a native client holding the secret. */
const runTestsInHost = (info: ConnectionInfo, timeoutMs: number): Promise<unknown> =>
  new Promise((resolvePromise, reject) => {
    const ws = new WebSocket(wsUrl(info.port), [PROTOCOL_MARKER], { headers: { [SECRET_HEADER]: info.secret } });
    const peer = new RpcPeer({ send: (f) => ws.send(f) });
    ws.on("message", (data) => peer.receive(data.toString()));
    ws.on("close", () => peer.close("websocket closed"));
    ws.once("error", reject);
    ws.once("open", () => {
      proxy(peer, ExtensionTestsContract)
        .run({ timeoutMs })
        .then(resolvePromise, reject)
        .finally(() => ws.close());
    });
  });

/** Resolves to the process exit code. */
export const runExtensionTests = async (options: ExtensionTestOptions): Promise<0 | 1> => {
  // A fresh profile: a test run sees only the built-ins and the extensions under test.
  const userDataDir = await mkdtemp(join(tmpdir(), "direct-editor-test-"));
  const server = await startWebServer({
    rendererDir: join(options.builtMainDir, "../renderer"),
    hostModulePath: join(options.builtMainDir, "extension-host.js"),
    hostEnv: {
      ...extensionHostEnv(
        options.extensionDevelopmentPaths.map((p) => `--extensionDevelopmentPath=${p}`),
        { builtinExtensions: join(options.appRoot, "extensions/builtin"), userDataDir },
      ),
      [EXTENSION_TESTS_ENV]: resolve(options.extensionTestsPath),
    },
    // The tests' own output (Mocha's reporter) is the point: leave it on stdout.
    spawn: spawnNodeHost(),
    workspaceFolder: options.workspaceFolder,
    log: options.log,
  });
  const found = await resolveChromium(options.log);
  const browser = await chromium.launch({
    executablePath: found.executablePath,
    args: [...new Set([...found.args, ...TEST_CHROMIUM_FLAGS])],
  });
  try {
    const page = await browser.newPage();
    page.on("pageerror", (e) => options.log(`[page] ${e.message}`));
    await page.goto(server.url);
    await page.locator('[data-testid="channel-state"][data-state="Connected"]').waitFor({ timeout: 60_000 });
    await runTestsInHost(await server.starter.connectionInfo(), options.timeoutMs);
    options.log("direct-editor test: run() resolved: passed");
    return 0;
  } catch (e) {
    options.log(`direct-editor test: failed: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  } finally {
    await browser.close().catch(() => undefined);
    await server.close();
    await rm(userDataDir, { recursive: true, force: true });
  }
};
