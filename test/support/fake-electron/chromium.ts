/**
 * The browser side of the fake: one headless Chromium per app (as Electron has one browser
 * process), with the test suite's launch flags and an unpacked extension whose only job is
 * to send the Origin Electron would send on WebSocket handshakes from the app's own pages.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext } from "playwright-core";
import { resolveChromium, TEST_CHROMIUM_FLAGS } from "../../../src/main/web/chromium.js";

export interface OriginRule {
  /** Loopback address the scheme is served from (the page's real host). */
  readonly servedFrom: string;
  /** What Electron would send: `app://editor`. */
  readonly origin: string;
}

/**
 * An extension whose service worker holds declarativeNetRequest session rules: WebSocket
 * handshakes initiated by pages served from a scheme's address (and only those) carry the
 * Origin Electron would send. Rules are added once main loads a URL of that scheme.
 */
const writeOriginExtension = (dir: string): void => {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, "manifest.json"),
    JSON.stringify({
      manifest_version: 3,
      name: "fake-electron scheme origin",
      version: "1.0",
      permissions: ["declarativeNetRequest"],
      host_permissions: ["<all_urls>"],
      background: { service_worker: "worker.js" },
    }),
  );
  writeFileSync(join(dir, "worker.js"), "// rules come from the fake through Playwright\n");
};

export interface FakeBrowser {
  readonly context: BrowserContext;
  addOriginRule(rule: OriginRule): Promise<void>;
  close(): Promise<void>;
}

/**
 * The Origin rule lives in an unpacked extension, and the headless shell that
 * `@sparticuz/chromium` carries loads no extensions: the fake needs a full Chromium.
 */
export const canLoadExtensions = (source: string): boolean => source !== "@sparticuz/chromium";
export const FAKE_BROWSER_NEEDS_FULL_CHROMIUM =
  "the fake electron needs a full Chromium that loads extensions (the headless shell in @sparticuz/chromium does not): " +
  "apt-get install chromium, or set CHROMIUM_PATH";

export const launchFakeBrowser = async (): Promise<FakeBrowser> => {
  const dir = mkdtempSync(join(tmpdir(), "fake-electron-"));
  // Also when the app exits before the browser is up, or without closing it.
  process.once("exit", () => rmSync(dir, { recursive: true, force: true, maxRetries: 2 }));
  const extension = join(dir, "origin-extension");
  writeOriginExtension(extension);
  // The same Chromium and flags as the other browser tests (system, CHROMIUM_PATH or the npm one).
  const found = await resolveChromium(() => undefined);
  if (!canLoadExtensions(found.source)) throw new Error(FAKE_BROWSER_NEEDS_FULL_CHROMIUM);
  const context = await chromium.launchPersistentContext(join(dir, "profile"), {
    executablePath: found.executablePath,
    headless: true,
    // Signals are the app's to handle (app.ts), not Playwright's.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: [
      ...new Set([...found.args, ...TEST_CHROMIUM_FLAGS]),
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker"));
  let nextRule = 1;
  return {
    context,
    addOriginRule: async (rule) => {
      const id = nextRule++;
      await worker.evaluate(
        ({ id, rule }) => {
          const api = (
            globalThis as unknown as {
              chrome: { declarativeNetRequest: { updateSessionRules(u: unknown): Promise<void> } };
            }
          ).chrome.declarativeNetRequest;
          return api.updateSessionRules({
            addRules: [
              {
                id,
                priority: 1,
                action: {
                  type: "modifyHeaders",
                  requestHeaders: [{ header: "Origin", operation: "set", value: rule.origin }],
                },
                condition: { initiatorDomains: [rule.servedFrom], resourceTypes: ["websocket"] },
              },
            ],
          });
        },
        { id, rule },
      );
    },
    close: async () => {
      await context.close().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
