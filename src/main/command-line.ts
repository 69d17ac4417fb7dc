/**
 * Main's command line → the extension host's environment. `--extensionDevelopmentPath=<dir>`
 * (repeatable, as in VS Code) loads an extension under development next to the installed ones.
 */
import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { EXTENSION_TESTS_ENV } from "../protocol/contracts/extension-tests.js";
import { HostEnv } from "../protocol/host-environment.js";

export const developmentPaths = (argv: ReadonlyArray<string>): string[] => {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith("--extensionDevelopmentPath=")) out.push(resolve(a.slice(a.indexOf("=") + 1)));
    else if (a === "--extensionDevelopmentPath" && argv[i + 1]) out.push(resolve(argv[++i]!));
  }
  return out;
};

export const extensionHostEnv = (
  argv: ReadonlyArray<string>,
  folders: { readonly builtinExtensions: string; readonly userDataDir: string },
): Record<string, string> => ({
  [HostEnv.builtinExtensions]: folders.builtinExtensions,
  [HostEnv.userDataDir]: folders.userDataDir,
  [HostEnv.devExtensions]: developmentPaths(argv).join(","),
  // Only `direct-editor test` loads a tests module (it sets this after these defaults); an
  // inherited value must not enable it in the app, as with the test hooks.
  [EXTENSION_TESTS_ENV]: "",
});

/**
 * The folder to open: the last argument that is an existing directory (`npm start -- ~/proj`),
 * resolved against `cwd` (a second instance's own working directory).
 */
export const workspaceArgument = (
  argv: ReadonlyArray<string>,
  isDirectory: (p: string) => boolean = (p) => existsSync(p) && statSync(p).isDirectory(),
  cwd: string = process.cwd(),
): string | undefined => {
  const candidates = argv
    .slice(1)
    .filter((a, i, all) => !a.startsWith("-") && all[i - 1] !== "--extensionDevelopmentPath");
  for (const a of candidates.reverse()) {
    const p = resolve(cwd, a);
    if (isDirectory(p) && !existsSync(resolve(p, "out/main/index.js"))) return p;
  }
  return undefined;
};
