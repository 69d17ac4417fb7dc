/** Extensions' editor contributions as the host serves them to the renderer (extHost.extensions.contributions). */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Schema } from "effect";
import { afterEach, describe, expect, it } from "vitest";
import { collectEditorContributions } from "../../src/extension-host/extensions/contributions.js";
import { scanExtensions } from "../../src/extension-host/extensions/scanner.js";
import { EditorContributions } from "../../src/protocol/workbench.js";
import { repoRoot } from "../support/paths.js";

describe("editor contributions", () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it("inlines grammars, language configurations (JSONC) and themes; the result matches the contract", () => {
    const { extensions, problems } = scanExtensions({
      builtin: join(repoRoot, "extensions/builtin"),
      development: [join(repoRoot, "examples/greeting-language")],
    });
    expect(problems).toEqual([]);
    const c = collectEditorContributions(extensions);
    expect(c.problems).toEqual([]);
    expect(() => Schema.decodeUnknownSync(EditorContributions)(c)).not.toThrow();
    const ids = c.languages.map((l) => l.id);
    for (const id of [
      "typescript",
      "javascript",
      "json",
      "markdown",
      "css",
      "html",
      "python",
      "yaml",
      "shellscript",
      "greeting",
    ]) {
      expect(ids).toContain(id);
    }
    const greeting = c.languages.find((l) => l.id === "greeting")!;
    expect(greeting.configuration?.["comments"]).toEqual({ lineComment: "#" });
    const ts = c.grammars.find((g) => g.scopeName === "source.ts")!;
    expect(ts.language).toBe("typescript");
    expect(ts.grammar["scopeName"]).toBe("source.ts");
    expect(c.themes.map((t) => t.label)).toEqual(["Sunset (example)"]);
    expect((c.themes[0]!.theme["colors"] as Record<string, string>)["editor.background"]).toBe("#102030");
  });

  it("reports a file outside the extension or not JSON as a problem and skips it", () => {
    dir = mkdtempSync(join(tmpdir(), "contrib-"));
    const ext = join(dir, "bad");
    mkdirSync(ext);
    writeFileSync(join(dir, "secret.json"), "{}");
    writeFileSync(join(ext, "broken.json"), "{ not json");
    writeFileSync(
      join(ext, "package.json"),
      JSON.stringify({
        name: "bad",
        publisher: "me",
        version: "1.0.0",
        engines: { vscode: "^1.90.0" },
        contributes: {
          grammars: [{ scopeName: "source.x", path: "../secret.json" }],
          themes: [{ label: "Broken", uiTheme: "vs", path: "./broken.json" }],
        },
      }),
    );
    const { extensions } = scanExtensions({ development: [ext] });
    const c = collectEditorContributions(extensions);
    expect(c.grammars).toEqual([]);
    expect(c.themes).toEqual([]);
    expect(c.problems).toHaveLength(2);
    expect(c.problems[0]).toMatch(/me\.bad: \.\.\/secret\.json: path leaves the extension folder/);
    expect(c.problems[1]).toMatch(/broken\.json: not JSON/);
  });
});
