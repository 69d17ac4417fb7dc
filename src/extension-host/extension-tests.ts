/**
 * VS Code's extension test loop: with `--extensionTestsPath`, the host loads the tests module
 * (inside the extension under development, so its `require('vscode')` gets that extension's
 * API) and awaits its exported `run()`. The test driver (`direct-editor test`, holding the
 * secret like main) calls the method below once the workbench is up; `run()` rejecting means
 * failed tests, as with `@vscode/test-electron`.
 */
import { createRequire } from "node:module";
import { ExtensionTestsContract } from "../protocol/contracts/extension-tests.js";
import type { RpcPeer } from "../protocol/peer.js";
import { serve } from "../protocol/rpc-contract.js";

export { EXTENSION_TESTS_ENV } from "../protocol/contracts/extension-tests.js";

const nodeRequire = createRequire(import.meta.url);

type TestsModule = { run?: unknown; default?: { run?: unknown } };

/** One run per host: a second call gets the first run's outcome. */
let outcome: Promise<{ readonly passed: true }> | undefined;

const waitUntil = async (condition: () => boolean, signal: AbortSignal): Promise<void> => {
  while (!condition()) {
    if (signal.aborted) throw new Error("cancelled before the workbench initialized the host");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

const runOnce = (testsPath: string): Promise<{ readonly passed: true }> => {
  outcome ??= (async () => {
    const loaded = nodeRequire(testsPath) as TestsModule;
    const run = typeof loaded.run === "function" ? loaded.run : loaded.default?.run;
    if (typeof run !== "function") throw new Error(`${testsPath} exports no run() function`);
    await (run as () => unknown)();
    return { passed: true } as const;
  })();
  return outcome;
};

/** `initialized`: tests start once the workbench initialized the host, as in VS Code. */
export const serveExtensionTests = (peer: RpcPeer, testsPath: string, initialized: () => boolean): (() => void) =>
  serve(peer, ExtensionTestsContract, {
    run: async (_none, { signal }) => {
      await waitUntil(initialized, signal);
      return runOnce(testsPath);
    },
  });
