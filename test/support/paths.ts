import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";

export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
export const builtHostPath = join(repoRoot, "out/main/extension-host.js");
export const builtRendererDir = join(repoRoot, "out/renderer");

/** Integration tests run the real bundles: `npm test` builds them first. */
export const requireBuild = (): void => {
  if (!existsSync(builtHostPath) || !existsSync(join(builtRendererDir, "index.html"))) {
    throw new Error("Build output missing: run `npm run build` (npm test does it for you).");
  }
};
