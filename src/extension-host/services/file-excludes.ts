/**
 * `files.exclude` and `files.watcherExclude`, read through the configuration service so that a
 * setting changes them (VS Code's defaults when nothing is set). Globs are matched against paths
 * relative to a workspace folder; a matching folder hides everything below it.
 */
import picomatch from "picomatch";
import type { ConfigurationService } from "./configuration.js";

/** VS Code's `files.exclude` default. */
export const DEFAULT_FILES_EXCLUDE: Readonly<Record<string, boolean>> = {
  "**/.git": true,
  "**/.svn": true,
  "**/.hg": true,
  "**/CVS": true,
  "**/.DS_Store": true,
  "**/Thumbs.db": true,
};

/** VS Code's `files.watcherExclude` default. */
export const DEFAULT_WATCHER_EXCLUDE: Readonly<Record<string, boolean>> = {
  "**/.git/objects/**": true,
  "**/.git/subtree-cache/**": true,
  "**/.hg/store/**": true,
  "**/node_modules/*/**": true,
};

export type PathTest = (relativePath: string) => boolean;

/**
 * The globs switched on (`true`) in a `{glob: boolean}` setting, merged over the defaults as VS
 * Code merges object settings (the .git glob set to false shows .git again). `{when: …}` sibling clauses
 * are not supported yet (skipped); a value that is not an object leaves the defaults.
 */
export const enabledGlobs = (value: unknown, defaults: Readonly<Record<string, boolean>>): string[] => {
  const configured = typeof value === "object" && value !== null && !Array.isArray(value) ? value : {};
  return Object.entries({ ...defaults, ...configured })
    .filter(([, on]) => on === true)
    .map(([glob]) => glob);
};

/** Each glob, and everything inside what it matches (`./` and trailing slashes dropped). */
export const globsAndContents = (globs: ReadonlyArray<string>): string[] =>
  globs.flatMap((g) => {
    const p = g.replace(/^\.\//, "").replace(/\/+$/, "");
    return p ? [p, `${p}/**`] : [];
  });

/** A test on folder-relative paths (`/` separated): the glob itself or anything inside what it matches. */
export const globsTest = (globs: ReadonlyArray<string>): PathTest => {
  const patterns = globsAndContents(globs);
  if (patterns.length === 0) return () => false;
  const isMatch = picomatch(patterns, { dot: true });
  return (path) => isMatch(path);
};

export class FileExcludes {
  constructor(private readonly configuration: ConfigurationService) {}

  /** `folder` (a file URI): its workspace settings count too, over the user's, as in VS Code. */
  filesExcludeGlobs(folder?: string): string[] {
    return enabledGlobs(this.configuration.get("files.exclude", folder), DEFAULT_FILES_EXCLUDE);
  }

  /** What the explorer and Quick Open hide. */
  files(folder?: string): PathTest {
    return globsTest(this.filesExcludeGlobs(folder));
  }

  /** What the watcher does not watch: `files.watcherExclude` and `files.exclude`. */
  watcherGlobs(folder?: string): string[] {
    return [
      ...enabledGlobs(this.configuration.get("files.watcherExclude", folder), DEFAULT_WATCHER_EXCLUDE),
      ...this.filesExcludeGlobs(folder),
    ];
  }

  watcher(folder?: string): PathTest {
    return globsTest(this.watcherGlobs(folder));
  }

  /** Calls `listener` when either setting changes. */
  onDidChange(listener: () => void): void {
    this.configuration.onDidChange.event(({ keys }) => {
      if (keys.some((k) => k === "files" || k === "files.exclude" || k === "files.watcherExclude")) listener();
    });
  }
}
