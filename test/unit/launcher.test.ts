import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  downloadFailureReason,
  noBinaryMessage,
  resolveUserArgs,
  sandboxProblem,
} from "../../scripts/launcher/plan.js";
import { repoRoot } from "../support/paths.js";

describe("launcher: arguments reach Electron", () => {
  it("resolves folders and path flags against the user's directory, keeps other flags", () => {
    expect(
      resolveUserArgs(
        ["../proj", "--extensionDevelopmentPath=ext", "--extensionTestsPath", "t/index.js", "--verbose", "/abs"],
        "/home/me/work",
      ),
    ).toEqual([
      "/home/me/proj",
      "--extensionDevelopmentPath=/home/me/work/ext",
      "--extensionTestsPath",
      "/home/me/work/t/index.js",
      "--verbose",
      "/abs",
    ]);
  });
});

describe("launcher: what a person is told", () => {
  it("picks the installer's error line, not its stack", () => {
    const output = "Error: getaddrinfo ENOTFOUND example.invalid\n    at GetAddrInfoReqWrap.onlookup (node:dns:1:1)\n";
    expect(downloadFailureReason(output)).toBe("Error: getaddrinfo ENOTFOUND example.invalid");
    expect(noBinaryMessage("x")).toMatch(/^direct-editor: cannot start: .*\(x\)\. .*npm run web/);
    expect(noBinaryMessage("x")).not.toContain("\n");
  });

  it("detects Ubuntu's AppArmor user-namespace restriction without a SUID sandbox helper", () => {
    const base = { platform: "linux" as const, restrictUserns: "1\n", helperPath: "/x/chrome-sandbox" };
    expect(sandboxProblem({ ...base, sandboxHelper: { uid: 1000, mode: 0o100755 } })).toMatch(/chmod 4755/);
    expect(sandboxProblem({ ...base, sandboxHelper: undefined })).toMatch(/AppArmor/);
    expect(sandboxProblem({ ...base, sandboxHelper: { uid: 0, mode: 0o104755 } })).toBeUndefined();
    expect(sandboxProblem({ ...base, restrictUserns: "0\n", sandboxHelper: undefined })).toBeUndefined();
    expect(sandboxProblem({ ...base, restrictUserns: undefined, sandboxHelper: undefined })).toBeUndefined();
    expect(sandboxProblem({ ...base, platform: "darwin", sandboxHelper: undefined })).toBeUndefined();
  });
});

const binaryPresent = existsSync(join(repoRoot, "node_modules/electron/path.txt"));

describe.skipIf(binaryPresent)("npm start without an Electron binary", () => {
  it("prints one line saying why and what to do, exit code 1, no stack", () => {
    const r = spawnSync(
      process.execPath,
      [join(repoRoot, "node_modules/tsx/dist/cli.mjs"), "scripts/launch.ts", "start"],
      {
        cwd: repoRoot,
        encoding: "utf8",
        timeout: 120_000,
        // A mirror nobody serves: the download fails fast here and on a machine with internet.
        env: { ...process.env, ELECTRON_MIRROR: "http://127.0.0.1:9/", electron_config_cache: "/nonexistent-cache" },
      },
    );
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^direct-editor: cannot start: the Electron binary is not installed/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
