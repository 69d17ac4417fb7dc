/**
 * `direct-editor test`: the extension authors' loop, run as an author runs it (the package's
 * bin, the built app, headless Chromium): the example's Mocha suite passes (exit 0), and a copy
 * with one failing test fails the run (exit 1).
 */
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot, requireBuild } from "../support/paths.js";

const bin = join(repoRoot, "bin/direct-editor.js");
const example = join(repoRoot, "examples/word-tools");

// eslint-disable-next-line no-control-regex -- ANSI escape sequences are control characters.
const stripAnsi = (s: string): string => s.replace(/\u001b\[[0-9;]*m/g, "");

const run = (args: ReadonlyArray<string>): Promise<{ code: number | null; stdout: string; stderr: string }> =>
  new Promise((resolve) => {
    requireBuild();
    const child = spawn(process.execPath, [bin, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    // Mocha colours its report where it detects a CI or a terminal: compare the plain text.
    child.on("exit", (code) => resolve({ code, stdout: stripAnsi(stdout), stderr: stripAnsi(stderr) }));
  });

describe("direct-editor test", () => {
  const temps: string[] = [];
  afterAll(() => temps.forEach((t) => rmSync(t, { recursive: true, force: true })));

  it("runs the example's Mocha suite in the extension host and exits 0 when it passes", async () => {
    const result = await run([
      "test",
      `--extensionDevelopmentPath=${example}`,
      `--extensionTestsPath=${join(example, "test/suite/index.js")}`,
      join(example, "test/fixture"),
    ]);
    expect(result.stdout).toContain("✔ counts the words of a workspace file, read through the workspace API");
    expect(result.stdout).toMatch(/4 passing/);
    expect(result.stdout).not.toMatch(/failing/);
    expect(result.stderr).toContain("run() resolved: passed");
    expect(result.code).toBe(0);
  }, 90_000);

  it("exits 1 when a test fails (VS Code's bare flags, no subcommand)", async () => {
    // A copy of the example with one more, failing, test file; Mocha still resolves from here.
    const copy = mkdtempSync(join(tmpdir(), "word-tools-failing-"));
    temps.push(copy);
    cpSync(example, copy, { recursive: true });
    symlinkSync(join(repoRoot, "node_modules"), join(copy, "node_modules"));
    writeFileSync(
      join(copy, "test/suite/zz-failing.test.js"),
      `const assert = require("node:assert/strict");
const vscode = require("vscode");
describe("a broken expectation", () => {
  it("expects the wrong count", async () => {
    assert.equal(await vscode.commands.executeCommand("wordTools.countWords", "one two"), 3);
  });
});
`,
    );
    const result = await run([
      `--extensionDevelopmentPath=${copy}`,
      "--extensionTestsPath",
      join(copy, "test/suite/index.js"),
      join(copy, "test/fixture"),
    ]);
    expect(result.stdout).toMatch(/4 passing/);
    expect(result.stdout).toMatch(/1 failing/);
    expect(result.stdout).toContain("expects the wrong count");
    expect(result.stderr).toContain("1 test(s) failed");
    expect(result.code).toBe(1);
  }, 90_000);

  it("refuses to run without --extensionTestsPath (usage, exit 2)", async () => {
    const result = await run(["test", `--extensionDevelopmentPath=${example}`]);
    expect(result.stderr).toContain("usage: direct-editor test");
    expect(result.code).toBe(2);
  });
});
