import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";

export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
/** `DIRECT_EDITOR_OUT` lets parallel work build into its own folder (`electron-vite build --outDir`). */
export const outDir = join(repoRoot, process.env["DIRECT_EDITOR_OUT"] ?? "out");
export const builtHostPath = join(outDir, "main/extension-host.js");
export const builtRendererDir = join(outDir, "renderer");

/** Integration tests run the real bundles: `npm test` builds them first. */
export const requireBuild = (): void => {
  if (!existsSync(builtHostPath) || !existsSync(join(builtRendererDir, "index.html"))) {
    throw new Error("Build output missing: run `npm run build` (npm test does it for you).");
  }
};
