/**
 * The `direct-editor` command (package.json `bin`), built as `out/main/direct-editor.js`:
 *
 *   direct-editor test --extensionDevelopmentPath=<ext> --extensionTestsPath=<module> [folder]
 *   direct-editor --extensionDevelopmentPath=<ext> --extensionTestsPath=<module> [folder]
 *
 * The second form is VS Code's own flags, bare.
 */
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { runExtensionTests } from "./extension-test-runner.js";

const USAGE = `usage: direct-editor test --extensionDevelopmentPath=<folder> --extensionTestsPath=<module> [--timeout <ms>] [workspace folder]`;

const here = fileURLToPath(new URL(".", import.meta.url));
const log = (line: string): void => void process.stderr.write(`${line}\n`);

const main = async (argv: ReadonlyArray<string>): Promise<number> => {
  const args = argv[0] === "test" ? argv.slice(1) : argv;
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        extensionDevelopmentPath: { type: "string", multiple: true, default: [] },
        extensionTestsPath: { type: "string" },
        timeout: { type: "string", default: "600000" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (e) {
    log(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    log(USAGE);
    return 0;
  }
  const timeoutMs = Number(values.timeout);
  if (values.extensionDevelopmentPath.length === 0 || !values.extensionTestsPath || !(timeoutMs > 0)) {
    log(USAGE);
    return 2;
  }
  const folder = positionals.at(-1);
  return runExtensionTests({
    extensionDevelopmentPaths: values.extensionDevelopmentPath.map((p) => resolve(p)),
    extensionTestsPath: resolve(values.extensionTestsPath),
    workspaceFolder: folder === undefined ? undefined : resolve(folder),
    builtMainDir: here,
    appRoot: resolve(here, "../.."),
    timeoutMs,
    log,
  });
};

process.exitCode = await main(process.argv.slice(2));
