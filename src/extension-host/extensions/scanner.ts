/**
 * Finds extensions: every sub-folder of the built-in and user folders, plus each folder under
 * development (`--extensionDevelopmentPath`). A bad manifest is reported, never fatal; later
 * sources override earlier ones with the same id (dev > user > built-in), as in VS Code.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { Result } from "effect";
import { decodeManifest, type ExtensionManifest } from "./manifest.js";

export type ExtensionSource = "builtin" | "user" | "development";

export interface ExtensionDescription {
  readonly id: string;
  readonly manifest: ExtensionManifest;
  /** package.json as written, every field kept (`Extension.packageJSON`; `manifest` holds what the host reads). */
  readonly packageJSON?: unknown;
  readonly location: string;
  readonly source: ExtensionSource;
}

export interface ScanProblem {
  readonly location: string;
  readonly message: string;
}

export interface ScanResult {
  readonly extensions: ExtensionDescription[];
  readonly problems: ScanProblem[];
}

const readExtension = (
  location: string,
  source: ExtensionSource,
): { ok: ExtensionDescription } | { problem: ScanProblem } => {
  const manifestPath = join(location, "package.json");
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(manifestPath, "utf8"));
  } catch (e) {
    return { problem: { location, message: `cannot read package.json: ${(e as Error).message}` } };
  }
  const decoded = decodeManifest(raw);
  if (Result.isFailure(decoded)) {
    return { problem: { location, message: `invalid package.json: ${decoded.failure.message}` } };
  }
  const manifest = decoded.success;
  if (manifest.main !== undefined && !resolve(location, manifest.main).startsWith(resolve(location))) {
    return { problem: { location, message: `"main" must stay inside the extension folder` } };
  }
  return {
    ok: {
      id: `${manifest.publisher}.${manifest.name}`,
      manifest,
      packageJSON: raw,
      location: resolve(location),
      source,
    },
  };
};

const subfolders = (folder: string): string[] => {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => !name.startsWith("."))
    .map((name) => join(folder, name))
    .filter((p) => statSync(p).isDirectory());
};

export const scanExtensions = (folders: {
  readonly builtin?: string | undefined;
  readonly user?: string | undefined;
  readonly development?: ReadonlyArray<string>;
}): ScanResult => {
  const byId = new Map<string, ExtensionDescription>();
  const problems: ScanProblem[] = [];
  const add = (location: string, source: ExtensionSource): void => {
    const r = readExtension(location, source);
    if ("problem" in r) problems.push(r.problem);
    else byId.set(r.ok.id, r.ok);
  };
  if (folders.builtin) subfolders(folders.builtin).forEach((p) => add(p, "builtin"));
  if (folders.user) subfolders(folders.user).forEach((p) => add(p, "user"));
  for (const p of folders.development ?? []) add(p, "development");
  return { extensions: [...byId.values()], problems };
};
