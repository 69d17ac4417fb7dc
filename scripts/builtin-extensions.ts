/**
 * Bundles the built-in extensions written in TypeScript (`extensions/builtin/<name>/src/extension.ts`)
 * into `extensions/builtin/<name>/dist/extension.js`, as VS Code bundles its own built-ins: each
 * extension gets its own copy of its libraries (`vscode-languageclient`), so the `vscode` module
 * those libraries require is that extension's own API object. `vscode` stays external (the host
 * provides it) and the language servers stay in node_modules: they run as separate processes.
 *
 * Run by `electron-vite build` (see electron.vite.config.ts), so `npm test`, `npm start`,
 * `npm run web` and `npm run dist` always ship fresh bundles; alone: `npx tsx scripts/builtin-extensions.ts`.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "rolldown";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** The built-in extensions that have TypeScript sources to bundle. */
export const bundledBuiltins = (root = repoRoot): string[] => {
  const folder = join(root, "extensions/builtin");
  return readdirSync(folder)
    .map((name) => join(folder, name))
    .filter((dir) => existsSync(join(dir, "src/extension.ts")));
};

export const buildBuiltinExtensions = async (root = repoRoot): Promise<string[]> => {
  const built: string[] = [];
  for (const dir of bundledBuiltins(root)) {
    await build({
      input: join(dir, "src/extension.ts"),
      platform: "node",
      external: ["vscode"],
      logLevel: "warn",
      output: { file: join(dir, "dist/extension.js"), format: "cjs", sourcemap: true },
    });
    copyLanguageClientHelpers(root, join(dir, "dist"));
    built.push(dir);
  }
  return built;
};

/**
 * vscode-languageclient kills a server that outlives its shutdown with `terminateProcess.sh`,
 * found next to its own code (`__dirname`): bundled, that is our dist folder.
 */
const copyLanguageClientHelpers = (root: string, dist: string): void => {
  const require = createRequire(join(root, "package.json"));
  const clientNode = dirname(require.resolve("vscode-languageclient/node"));
  const script = join(clientNode, "lib/node/terminateProcess.sh");
  if (!existsSync(script)) return;
  mkdirSync(dist, { recursive: true });
  copyFileSync(script, join(dist, "terminateProcess.sh"));
};

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const built = await buildBuiltinExtensions();
  console.log(`bundled ${built.length} built-in extensions`);
}
