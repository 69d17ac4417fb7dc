/**
 * The editor keystroke benchmark (`npm run bench`, or alone: `tsx bench/keystroke.ts`):
 *
 * 1. In Chromium, the built workbench against the real extension host: 500 characters typed
 *    into a 10,000-line file in Monaco, and the same 500 into a plain <textarea> holding the
 *    same text on the same page. Per keystroke: time from the keydown to the next frame
 *    (a rAF callback, then a task after it — after the frame's paint), measured in the page.
 * 2. In Node, the extension host's document model: cost of applying one typed character to
 *    documents of 100, 10,000 and 100,000 lines, next to the naive model it replaced (re-index
 *    every line start after each edit).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL, fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { DocumentStore } from "../src/extension-host/documents.js";
import { openRenderer } from "../test/support/browser.js";
import { newHistogram, summarize, type LatencySummary } from "./stats.js";

const here = fileURLToPath(new URL(".", import.meta.url));
const repoRoot = resolve(here, "..");
const KEYSTROKES = 500;
const LINES = 10_000;

const fileText = (lines: number) =>
  Array.from({ length: lines }, (_, i) => `const value${i} = compute(${i}, "text ${i}"); // line ${i}`).join("\n");

/** Installs the in-page probe: each keydown's time to the frame after it, in µs. */
const installProbe = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { __keyFrames: number[]; __pending: Promise<void> };
    w.__keyFrames = [];
    w.__pending = Promise.resolve();
    window.addEventListener(
      "keydown",
      () => {
        const t0 = performance.now();
        w.__pending = new Promise<void>((done) =>
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => {
              w.__keyFrames.push((performance.now() - t0) * 1000);
              done();
            };
            channel.port2.postMessage(null);
          }),
        );
      },
      { capture: true },
    );
  });

const typeAndMeasure = async (page: Page): Promise<LatencySummary> => {
  await page.evaluate(() => {
    (window as unknown as { __keyFrames: number[] }).__keyFrames = [];
  });
  const chars = "abcdefghij klmnopqrstuvwxyz;";
  for (let i = 0; i < KEYSTROKES; i++) {
    await page.keyboard.press(chars[i % chars.length] === " " ? "Space" : chars[i % chars.length]!);
    await page.evaluate(() => (window as unknown as { __pending: Promise<void> }).__pending);
  }
  const samples = await page.evaluate(() => (window as unknown as { __keyFrames: number[] }).__keyFrames);
  const h = newHistogram();
  for (const s of samples.slice(20)) h.recordValue(Math.max(1, Math.round(s))); // warm-up excluded
  return summarize(h);
};

export interface KeystrokeReport {
  readonly chromium: { readonly monaco: LatencySummary; readonly textarea: LatencySummary };
  readonly hostSync: Record<string, { readonly incremental: LatencySummary; readonly naiveReindex: LatencySummary }>;
}

const chromiumKeystrokes = async (): Promise<KeystrokeReport["chromium"]> => {
  const workspace = mkdtempSync(join(tmpdir(), "bench-ks-ws-"));
  const dataDir = mkdtempSync(join(tmpdir(), "bench-ks-data-"));
  writeFileSync(join(workspace, "big.ts"), fileText(LINES));
  const harness = await openRenderer({
    hostEnv: { EXTHOST_BUILTIN_EXTENSIONS: join(repoRoot, "extensions/builtin"), EXTHOST_USER_DATA_DIR: dataDir },
    bridge: { getInitialWorkspace: () => pathToFileURL(workspace).toString() },
  });
  try {
    const { page } = harness;
    await page.getByTestId("channel-state").and(page.locator('[data-state="Connected"]')).waitFor({ timeout: 30_000 });
    await page.locator('[data-testid="explorer-item"][data-name="big.ts"]').click();
    await page.locator(".monaco-editor .view-lines").first().click();
    await page.keyboard.press("Control+End");
    await page.keyboard.press("Control+g");
    await page.keyboard.type(String(LINES / 2));
    await page.keyboard.press("Enter");
    await page.keyboard.press("End");
    await installProbe(page);
    const monacoResult = await typeAndMeasure(page);
    // The baseline: a plain textarea with the same text, on top of the same page.
    await page.evaluate((text) => {
      const area = document.createElement("textarea");
      area.value = text;
      area.style.cssText = "position:fixed;inset:40px;z-index:1000;font:13px monospace";
      area.id = "bench-textarea";
      document.body.append(area);
      area.focus();
      const middle = text.length >> 1;
      area.setSelectionRange(middle, middle);
    }, fileText(LINES));
    const textareaResult = await typeAndMeasure(page);
    return { monaco: monacoResult, textarea: textareaResult };
  } catch (e) {
    console.error(harness.consoleLines.slice(-20).join("\n"));
    throw e;
  } finally {
    await harness.close();
    rmSync(workspace, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  }
};

/** The model this branch replaced: the whole text re-indexed after every edit. */
const naiveApply = (state: { text: string; starts: number[] }, line: number, character: number, insert: string) => {
  const offset = state.starts[line]! + character;
  state.text = state.text.slice(0, offset) + insert + state.text.slice(offset);
  const starts = [0];
  for (let i = 0; i < state.text.length; i++) if (state.text.charCodeAt(i) === 10) starts.push(i + 1);
  state.starts = starts;
};

const hostSyncCost = (): KeystrokeReport["hostSync"] => {
  const out: Record<string, { incremental: LatencySummary; naiveReindex: LatencySummary }> = {};
  for (const lines of [100, LINES, 100_000]) {
    const text = fileText(lines);
    const store = new DocumentStore();
    store.open({ uri: "file:///bench.ts", languageId: "typescript", version: 1, text });
    const line = lines >> 1;
    const incremental = newHistogram();
    for (let i = 0; i < KEYSTROKES; i++) {
      const t0 = process.hrtime.bigint();
      store.change({
        uri: "file:///bench.ts",
        version: i + 2,
        changes: [{ range: { start: { line, character: i }, end: { line, character: i } }, text: "x" }],
      });
      incremental.recordValue(Math.max(1, Math.round(Number(process.hrtime.bigint() - t0) / 1000)));
    }
    const naive = newHistogram();
    const state = { text, starts: [0] };
    naiveApply(state, 0, 0, "");
    for (let i = 0; i < (lines > LINES ? 50 : KEYSTROKES); i++) {
      const t0 = process.hrtime.bigint();
      naiveApply(state, line, i, "x");
      naive.recordValue(Math.max(1, Math.round(Number(process.hrtime.bigint() - t0) / 1000)));
    }
    out[`${lines} lines`] = { incremental: summarize(incremental), naiveReindex: summarize(naive) };
  }
  return out;
};

const row = (name: string, s: LatencySummary) =>
  `${name.padEnd(44)} ${String(s.count).padStart(6)} ${String(s.p50Us).padStart(9)} ${String(s.p90Us).padStart(9)} ${String(s.p99Us).padStart(9)} ${String(s.maxUs).padStart(9)}`;

export const runKeystrokeBench = async (outDir: string): Promise<KeystrokeReport> => {
  const hostSync = hostSyncCost();
  const chromium = await chromiumKeystrokes();
  const report: KeystrokeReport = { chromium, hostSync };
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, "keystroke-latest.json"), JSON.stringify(report, null, 2));
  console.log(`\nkeystroke → next frame (Chromium, ${KEYSTROKES} keys, ${LINES}-line file), µs`);
  console.log(
    `${"".padEnd(44)} ${"count".padStart(6)} ${"p50".padStart(9)} ${"p90".padStart(9)} ${"p99".padStart(9)} ${"max".padStart(9)}`,
  );
  console.log(row("Monaco (+ sync to the extension host)", chromium.monaco));
  console.log(row("plain <textarea>", chromium.textarea));
  console.log(`\nextension host: apply one typed character, µs`);
  for (const [size, r] of Object.entries(hostSync)) {
    console.log(row(`${size}: line table (this branch)`, r.incremental));
    console.log(row(`${size}: re-index every line (before)`, r.naiveReindex));
  }
  console.log(`\nwrote ${join(outDir, "keystroke-latest.json")}`);
  return report;
};

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outIndex = process.argv.indexOf("--out");
  const outDir = resolve(outIndex >= 0 ? process.argv[outIndex + 1]! : join(repoRoot, "bench-results"));
  runKeystrokeBench(outDir).catch((e: unknown) => {
    console.error(`keystroke bench failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
