/**
 * Which headless Chromium the browser tests, the bench and `direct-editor test` drive:
 * `CHROMIUM_PATH` when set, else Debian's /usr/bin/chromium when present, else the Chromium
 * carried inside the `@sparticuz/chromium` npm package — so a clean clone needs no system
 * package. Electron-free and dependency-light: importable from tests and from built entries.
 */
import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rename, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { Data, Schema } from "effect";

export const SYSTEM_CHROMIUM = "/usr/bin/chromium";
/** Set to `1` to ignore the system Chromium (proves that the npm-carried one suffices). */
export const NO_SYSTEM_CHROMIUM_ENV = "DIRECT_EDITOR_NO_SYSTEM_CHROMIUM";

export class ChromiumNotFound extends Data.TaggedError("ChromiumNotFound")<{ readonly reason: string }> {
  override get message(): string {
    return `No Chromium: ${this.reason}`;
  }
}

export interface ResolvedChromium {
  readonly executablePath: string;
  readonly source: "CHROMIUM_PATH" | "system" | "@sparticuz/chromium";
  /** Flags this build needs (the npm build's own recommendations, minus the unsafe ones). */
  readonly args: ReadonlyArray<string>;
}

/**
 * @sparticuz/chromium recommends flags for AWS Lambda. We drop the ones that would weaken what
 * the security tests check (web security, site isolation), change the process model
 * (`--single-process` breaks several contexts per browser) or fight Playwright's own
 * `--headless`.
 */
const DROPPED_NPM_FLAGS = [
  /^--disable-web-security$/,
  /^--allow-running-insecure-content$/,
  /^--disable-site-isolation-trials$/,
  /^--disable-features=/,
  /^--single-process$/,
  /^--headless/,
];
export const keepNpmChromiumFlag = (flag: string): boolean => !DROPPED_NPM_FLAGS.some((re) => re.test(flag));

/** What every headless run on these closed machines passes (no sandbox as root, no network chatter). */
export const TEST_CHROMIUM_FLAGS: ReadonlyArray<string> = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const execFileAsync = promisify(execFile);
const decodeManifest = Schema.decodeUnknownSync(Schema.fromJsonString(Schema.Struct({ version: Schema.String })));
/** What the unpacking child prints. */
const decodeUnpacked = Schema.decodeUnknownSync(
  Schema.fromJsonString(Schema.Struct({ path: Schema.String, args: Schema.Array(Schema.String) })),
);
const nodeRequire = createRequire(import.meta.url);

/**
 * The package unpacks into `os.tmpdir()` and returns `/tmp/chromium` as soon as that file
 * exists — even half-written by a concurrent test worker. So each process unpacks into its own
 * staging folder (in a child whose TMPDIR points there) and renames it into place atomically;
 * a loser of the race throws its copy away and uses the winner's.
 */
const unpackNpmChromium = async (): Promise<ResolvedChromium> => {
  const entry = nodeRequire.resolve("@sparticuz/chromium");
  const { version } = decodeManifest(readFileSync(join(dirname(entry), "..", "package.json"), "utf8"));
  const finalDir = join(tmpdir(), `direct-editor-chromium-${version}`);
  const executablePath = join(finalDir, "chromium");
  const script = `const m = await import(${JSON.stringify(entry)}); const c = m.default;
process.stdout.write(JSON.stringify({ path: await c.executablePath(), args: c.args }));`;
  const readArgs = async (tmp: string): Promise<ReadonlyArray<string>> => {
    const { stdout } = await execFileAsync(process.execPath, ["--input-type=module", "-e", script], {
      env: { ...process.env, TMPDIR: tmp },
    });
    return decodeUnpacked(stdout).args.filter(keepNpmChromiumFlag);
  };
  if (existsSync(executablePath))
    return { executablePath, source: "@sparticuz/chromium", args: await readArgs(finalDir) };
  const staging = await mkdtemp(join(tmpdir(), "direct-editor-chromium-staging-"));
  const args = await readArgs(staging).catch(async (e: unknown) => {
    await rm(staging, { recursive: true, force: true });
    throw e;
  });
  try {
    await rename(staging, finalDir);
  } catch {
    // Another process finished first (the target exists): use its copy.
    await rm(staging, { recursive: true, force: true });
  }
  if (!existsSync(executablePath)) throw new ChromiumNotFound({ reason: `unpacking @sparticuz/chromium failed` });
  return { executablePath, source: "@sparticuz/chromium", args };
};

/** The resolution itself, uncached, reading `env` (tests pass their own). */
export const findChromium = async (env: NodeJS.ProcessEnv = process.env): Promise<ResolvedChromium> => {
  const fromEnv = env["CHROMIUM_PATH"];
  if (fromEnv !== undefined && fromEnv !== "") {
    if (!existsSync(fromEnv)) throw new ChromiumNotFound({ reason: `CHROMIUM_PATH=${fromEnv} does not exist` });
    return { executablePath: fromEnv, source: "CHROMIUM_PATH", args: [] };
  }
  if (env[NO_SYSTEM_CHROMIUM_ENV] !== "1" && existsSync(SYSTEM_CHROMIUM)) {
    return { executablePath: SYSTEM_CHROMIUM, source: "system", args: [] };
  }
  try {
    return await unpackNpmChromium();
  } catch (cause) {
    throw new ChromiumNotFound({
      reason: `no CHROMIUM_PATH, no ${SYSTEM_CHROMIUM}, and @sparticuz/chromium is unusable (${String(cause)})`,
    });
  }
};

let resolved: Promise<ResolvedChromium> | undefined;

/** Resolves once per process and says which Chromium it chose (once). */
export const resolveChromium = (log: (line: string) => void = (l) => process.stderr.write(`${l}\n`)) => {
  resolved ??= findChromium().then((r) => {
    log(`chromium: ${r.executablePath} (${r.source})`);
    return r;
  });
  return resolved;
};
