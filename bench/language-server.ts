/**
 * Language server benchmark: the built-in TypeScript extension (vscode-languageclient +
 * typescript-language-server + tsserver) in the real built extension host, on a 2,000-line file,
 * driven by a Node client playing the window over the typed contract. Two measures, each from the
 * keystroke (the `documentChanged` edit leaving the window):
 *   - completion: typing `.` after an object, until the completion list is back in the window;
 *   - diagnostics: typing a character that makes (or fixes) a type error, until the diagnostics
 *     the client published for the file reach the window with the new state.
 *
 *   tsx bench/language-server.ts [--out <dir>]   (also run by `npm run bench`, unless --no-lsp;
 *                                                   `--only lsp` runs just it)
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { ExtensionHostStarter } from "../src/main/extension-host-starter.js";
import { spawnNodeHost } from "../src/main/node-host-process.js";
import { ExtHostContract } from "../src/protocol/contracts/ext-host.js";
import { proxy } from "../src/protocol/rpc-contract.js";
import { isConnected, nodeChannelClient, waitForState } from "../test/support/node-client.js";
import { WorkbenchRecorder } from "../test/support/workbench-recorder.js";

const here = fileURLToPath(new URL(".", import.meta.url));
const repoRoot = resolve(here, "..");
const LINES = 2_000;
const WARMUP = 5;
const SAMPLES = 40;

/** A 2,000-line module: an interface, classes with methods, functions; `probe` lines near the middle. */
const generateFile = (): { text: string; completionLine: number; diagnosticLine: number } => {
  const lines = [
    "export interface Account {",
    "  readonly id: number;",
    "  owner: string;",
    "  balance: number;",
    "  deposit(amount: number): Account;",
    "  withdraw(amount: number): Account;",
    "}",
    "",
  ];
  let n = 0;
  while (lines.length < LINES - 10) {
    lines.push(
      `export class Service${n} {`,
      `  private readonly items = new Map<string, number>();`,
      `  constructor(private readonly account: Account) {}`,
      `  add${n}(key: string, value: number): number {`,
      `    const previous = this.items.get(key) ?? 0;`,
      `    this.items.set(key, previous + value);`,
      `    return this.account.balance + previous + value;`,
      `  }`,
      `}`,
      `export function helper${n}(account: Account, factor: number): string {`,
      `  return account.owner.repeat(Math.max(1, Math.floor(factor))) + String(account.balance * ${n});`,
      `}`,
      "",
    );
    n++;
    if (lines.length >= LINES / 2 && !lines.includes("// probes")) {
      lines.push("// probes", "declare const account: Account;", "account", "const typed: number = 1;", "");
    }
  }
  while (lines.length < LINES) lines.push("");
  const completionLine = lines.indexOf("account");
  const diagnosticLine = lines.indexOf("const typed: number = 1;");
  return { text: `${lines.join("\n")}\n`, completionLine, diagnosticLine };
};

const percentile = (xs: readonly number[], p: number): number => {
  const sorted = xs.toSorted((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};
const round = (x: number): number => Math.round(x * 10) / 10;
const summary = (xs: readonly number[]) => ({
  samples: xs.length,
  p50Ms: round(percentile(xs, 50)),
  p99Ms: round(percentile(xs, 99)),
  maxMs: round(Math.max(...xs)),
});

export interface LanguageServerBenchReport {
  readonly startedAt: string;
  readonly lines: number;
  readonly serverStartMs: number;
  readonly completion: ReturnType<typeof summary>;
  readonly diagnostics: ReturnType<typeof summary>;
}

export const runLanguageServerBench = async (outDir: string): Promise<LanguageServerBenchReport> => {
  const workspace = mkdtempSync(join(tmpdir(), "direct-editor-lsp-bench-"));
  const dataDir = mkdtempSync(join(tmpdir(), "direct-editor-lsp-data-"));
  const { text, completionLine, diagnosticLine } = generateFile();
  writeFileSync(
    join(workspace, "tsconfig.json"),
    JSON.stringify({ compilerOptions: { strict: true, target: "ES2022", noEmit: true } }),
  );
  writeFileSync(join(workspace, "big.ts"), text);
  const uri = pathToFileURL(join(workspace, "big.ts")).toString();
  const starter = new ExtensionHostStarter({
    spawn: spawnNodeHost({ silent: true }),
    modulePath: join(repoRoot, process.env["DIRECT_EDITOR_OUT"] ?? "out", "main/extension-host.js"),
    allowedOrigins: [],
    env: {
      EXTHOST_USER_DATA_DIR: dataDir,
      EXTHOST_BUILTIN_EXTENSIONS: join(repoRoot, "extensions/builtin"),
      EXTHOST_PROVIDER_TIMEOUT_MS: "30000",
    },
    log: (m) => process.stderr.write(`${m}\n`),
  });
  const client = await nodeChannelClient(() => starter.connectionInfo());
  try {
    await waitForState(client, isConnected, 20_000);
    const recorder = new WorkbenchRecorder();
    /** Resolves the next diagnostics for big.ts whose error count satisfies `want`. */
    let waiting: { want: (errors: number) => boolean; resolve: (at: number) => void } | undefined;
    recorder.answer("diagnosticsSet", (p) => {
      const errors = p.diagnostics.filter((d) => d.severity === "error").length;
      if (p.uri === uri && waiting?.want(errors)) {
        const w = waiting;
        waiting = undefined;
        w.resolve(performance.now());
      }
      return null;
    });
    const published = (want: (errors: number) => boolean, timeoutMs = 30_000) =>
      new Promise<number>((resolvePublished, reject) => {
        const timer = setTimeout(() => reject(new Error("no diagnostics published in time")), timeoutMs);
        waiting = {
          want,
          resolve: (at) => {
            clearTimeout(timer);
            resolvePublished(at);
          },
        };
      });
    await recorder.attach(client);
    const ext = proxy(client, ExtHostContract);
    await ext.initialize({
      workspaceFolders: [{ uri: pathToFileURL(workspace).toString(), name: "bench" }],
      documents: [],
      activeDocument: null,
    });

    let version = 1;
    const started = performance.now();
    const clean = published((errors) => errors === 0, 60_000);
    await ext.documentOpened({ uri, languageId: "typescript", version, text });
    await clean;
    const serverStartMs = performance.now() - started;
    console.log(
      `\nLanguage server: typescript-language-server ready on ${LINES} lines in ${Math.round(serverStartMs)} ms`,
    );

    const edit = (line: number, character: number, endCharacter: number, newText: string) => {
      version += 1;
      ext.documentChanged({
        uri,
        version,
        changes: [{ range: { start: { line, character }, end: { line, character: endCharacter } }, text: newText }],
      });
    };
    const dot = "account".length;

    const completion: number[] = [];
    for (let i = 0; i < WARMUP + SAMPLES; i++) {
      const t0 = performance.now();
      edit(completionLine, dot, dot, ".");
      const items = await ext.provideCompletions({
        uri,
        version,
        position: { line: completionLine, character: dot + 1 },
      });
      const ms = performance.now() - t0;
      if (!items.some((c) => c.label === "balance")) throw new Error("completion list without the members of Account");
      if (i >= WARMUP) completion.push(ms);
      edit(completionLine, dot, dot + 1, "");
    }

    // `1` → `"1"` makes a type error; back to `1` fixes it. One character typed each time.
    const valueAt = "const typed: number = ".length;
    const diagnostics: number[] = [];
    for (let i = 0; i < WARMUP + SAMPLES; i++) {
      const broken = published((errors) => errors > 0);
      const t0 = performance.now();
      edit(diagnosticLine, valueAt, valueAt + 1, '"1"');
      diagnostics.push((await broken) - t0);
      const fixed = published((errors) => errors === 0);
      const t1 = performance.now();
      edit(diagnosticLine, valueAt, valueAt + 3, "1");
      diagnostics.push((await fixed) - t1);
    }
    const report: LanguageServerBenchReport = {
      startedAt: new Date().toISOString(),
      lines: LINES,
      serverStartMs: Math.round(serverStartMs),
      completion: summary(completion),
      diagnostics: summary(diagnostics.slice(WARMUP * 2)),
    };
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, "language-server-latest.json"), JSON.stringify(report, null, 2));
    console.log(
      `keystroke → completion list: p50 ${report.completion.p50Ms} ms, p99 ${report.completion.p99Ms} ms (${report.completion.samples} samples)`,
    );
    console.log(
      `keystroke → diagnostics published: p50 ${report.diagnostics.p50Ms} ms, p99 ${report.diagnostics.p99Ms} ms (${report.diagnostics.samples} samples)`,
    );
    console.log(`wrote ${join(outDir, "language-server-latest.json")}`);
    return report;
  } finally {
    await client.dispose();
    await starter.stop(5_000);
    rmSync(workspace, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  }
};

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf("--out");
  const outDir = resolve(i >= 0 ? (process.argv[i + 1] ?? "bench-results") : join(repoRoot, "bench-results"));
  runLanguageServerBench(outDir).catch((e: unknown) => {
    console.error(`language server bench failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
