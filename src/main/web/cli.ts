/**
 * `npm run web [-- [--port N] [--host H] [--extensionDevelopmentPath=DIR]... [--user-data-dir DIR] [FOLDER]]`:
 * the workbench in any browser. Prints one URL (with a one-time token) on stdout; logs go to
 * stderr. Built as `out/main/web.js` by electron-vite's main build.
 */
import { existsSync, statSync } from "node:fs";
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { extensionHostEnv } from "../command-line.js";
import { isLoopback } from "./web-auth.js";
import { startWebServer } from "./web-server.js";

const here = fileURLToPath(new URL(".", import.meta.url));
const appRoot = resolve(here, "../..");

const fail = (message: string): never => {
  process.stderr.write(`direct-editor web: ${message}\n`);
  process.exit(2);
};

const parsed = (() => {
  try {
    return parseArgs({
      args: process.argv.slice(2),
      allowPositionals: true,
      options: {
        port: { type: "string", default: "0" },
        host: { type: "string", default: "127.0.0.1" },
        extensionDevelopmentPath: { type: "string", multiple: true, default: [] },
        // As in VS Code: where extensions keep their state (tests pass a temporary folder).
        "user-data-dir": { type: "string", default: join(homedir(), ".direct-editor") },
      },
    });
  } catch (e) {
    return fail((e as Error).message);
  }
})();

const port = Number(parsed.values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be 0…65535, got '${parsed.values.port}'`);
const bindHost = parsed.values.host;
if (!isLoopback(bindHost)) {
  process.stderr.write(
    `direct-editor web: WARNING: --host ${bindHost} exposes the workbench beyond this machine. Anyone who gets ` +
      `the printed URL first gets the session; the extension host itself stays on 127.0.0.1.\n`,
  );
}
const folderArg = parsed.positionals.at(-1);
const workspaceFolder = folderArg === undefined ? undefined : resolve(folderArg);
if (workspaceFolder !== undefined && !(existsSync(workspaceFolder) && statSync(workspaceFolder).isDirectory())) {
  fail(`not a folder: ${workspaceFolder}`);
}

const server = await startWebServer({
  rendererDir: join(here, "../renderer"),
  hostModulePath: join(here, "extension-host.js"),
  hostEnv: extensionHostEnv(
    parsed.values.extensionDevelopmentPath.map((p) => `--extensionDevelopmentPath=${p}`),
    { builtinExtensions: join(appRoot, "extensions/builtin"), userDataDir: resolve(parsed.values["user-data-dir"]) },
  ),
  bindHost,
  port,
  workspaceFolder,
}).catch((e: unknown) => fail(e instanceof Error ? e.message : String(e)));

process.stdout.write(`${server.url}\n`);

let closing = false;
const shutdown = (): void => {
  if (closing) return;
  closing = true;
  void server.close().finally(() => process.exit(0));
};
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
