import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  NO_SYSTEM_CHROMIUM_ENV,
  SYSTEM_CHROMIUM,
  findChromium,
  keepNpmChromiumFlag,
} from "../../src/main/web/chromium.js";

describe("findChromium", () => {
  it("prefers CHROMIUM_PATH, and refuses one that does not exist", async () => {
    await expect(findChromium({ CHROMIUM_PATH: process.execPath })).resolves.toMatchObject({
      executablePath: process.execPath,
      source: "CHROMIUM_PATH",
    });
    await expect(findChromium({ CHROMIUM_PATH: "/nonexistent/chromium" })).rejects.toMatchObject({
      _tag: "ChromiumNotFound",
    });
  });

  it.skipIf(!existsSync(SYSTEM_CHROMIUM))("uses the system Chromium when present", async () => {
    await expect(findChromium({})).resolves.toMatchObject({ executablePath: SYSTEM_CHROMIUM, source: "system" });
  });

  it("falls back to the Chromium inside @sparticuz/chromium, which runs", async () => {
    const found = await findChromium({ [NO_SYSTEM_CHROMIUM_ENV]: "1" });
    expect(found.source).toBe("@sparticuz/chromium");
    expect(spawnSync(found.executablePath, ["--version"], { encoding: "utf8" }).stdout).toMatch(/^Chromium \d+\./);
    expect(found.args).toContain("--no-zygote");
    expect(found.args.filter((a) => !keepNpmChromiumFlag(a))).toEqual([]);
  });

  it("drops the npm build's flags that would weaken what the security tests check", () => {
    for (const flag of ["--disable-web-security", "--single-process", "--disable-site-isolation-trials"]) {
      expect(keepNpmChromiumFlag(flag)).toBe(false);
    }
    expect(keepNpmChromiumFlag("--no-zygote")).toBe(true);
  });
});
