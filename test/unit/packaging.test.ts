/**
 * The packaging configuration (electron-builder.json), checked without downloading Electron:
 * electron-builder's own loader and its own validator against the JSON schema it ships
 * (app-builder-lib/scheme.json), plus the targets and files the app needs.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { getConfig, validateConfiguration } from "app-builder-lib/out/util/config/config.js";
import { DebugLogger } from "builder-util";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../support/paths.js";

const load = () => getConfig(repoRoot, null, null);

describe("electron-builder configuration", () => {
  it("is what electron-builder loads from the project, and passes its own schema validation", async () => {
    const config = await load();
    expect(config.appId).toBe("dev.direct-editor.app");
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it("the validator does reject a broken configuration (negative control)", async () => {
    const config = await load();
    await expect(
      validateConfiguration(
        { ...config, nsis: { ...config.nsis, oneClick: "no" as unknown as boolean } },
        new DebugLogger(false),
      ),
    ).rejects.toThrow(/oneClick/);
  });

  it("builds AppImage + deb, dmg and NSIS, from the bundles electron-vite writes", async () => {
    const config = await load();
    expect(config.linux?.target).toEqual(["AppImage", "deb"]);
    expect(config.mac?.target).toEqual(["dmg"]);
    expect(config.win?.target).toEqual(["nsis"]);
    const pkg = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as {
      main: string;
      scripts: Record<string, string>;
    };
    // Electron starts package.json's main; the packaged files must carry it and its siblings.
    expect(pkg.main).toBe("./out/main/index.js");
    // getConfig normalises `files` to [{ filter: [...] }].
    const files = (config.files as Array<{ filter: string[] }>).flatMap((f) => f.filter);
    expect(files).toEqual(
      expect.arrayContaining(["out/main/**/*", "out/preload/**/*", "out/renderer/**/*", "extensions/builtin/**/*"]),
    );
    expect(pkg.scripts["dist"]).toMatch(/^electron-vite build && electron-builder\b/);
  });
});
