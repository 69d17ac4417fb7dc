/**
 * The built-in colour themes as the renderer applies them: every token colour must reach
 * 4.5:1 against the editor background (WCAG AA for text). Where VS Code's own colours fall
 * short, `ensureTokenContrast` nudges them; the list of what it changed is printed and kept
 * small on purpose.
 */
import { describe, expect, it } from "vitest";
import {
  BUILTIN_THEMES,
  chromeVariables,
  contrastRatio,
  ensureTokenContrast,
  MIN_TOKEN_CONTRAST,
  withContrast,
} from "../../src/renderer/src/workbench/theme/theme-data.js";

describe("built-in colour themes", () => {
  it("computes WCAG contrast ratios", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
    expect(withContrast("#777777", "#ffffff")).not.toBe("#777777");
    expect(contrastRatio(withContrast("#777777", "#ffffff"), "#ffffff")).toBeGreaterThanOrEqual(4.5);
  });

  for (const builtin of BUILTIN_THEMES) {
    it(`${builtin.label}: every token colour has >= 4.5:1 against the editor background`, () => {
      const { theme, adjusted } = ensureTokenContrast(builtin);
      const bg = theme.colors["editor.background"]!;
      expect(bg).toMatch(/^#/);
      const colours = theme.tokenColors.flatMap((r) => (r.settings.foreground ? [r.settings.foreground] : []));
      expect(colours.length).toBeGreaterThan(10);
      const failing = colours.filter((c) => contrastRatio(c, bg) < MIN_TOKEN_CONTRAST);
      expect(failing).toEqual([]);
      // What had to change (VS Code's own values below 4.5:1), for the README.
      if (adjusted.length > 0) {
        console.log(
          `${builtin.label} on ${bg}: ${adjusted
            .map((a) => `${a.from} (${contrastRatio(a.from, bg).toFixed(2)}:1) → ${a.to}`)
            .join(", ")}`,
        );
      }
      expect(adjusted.length).toBeLessThanOrEqual(5);
    });
  }

  it("exposes the workbench colours as --vscode-* variables, theme values over the defaults", () => {
    const [darkPlus, lightPlus] = BUILTIN_THEMES;
    expect(chromeVariables(darkPlus!)["--vscode-editor-background"]).toBe("#1E1E1E");
    expect(chromeVariables(lightPlus!)["--vscode-editor-background"]).toBe("#FFFFFF");
    expect(chromeVariables(lightPlus!)["--vscode-sideBar-background"]).toBe("#f3f3f3");
    expect(chromeVariables(darkPlus!)["--vscode-color-scheme"]).toBe("dark");
  });
});
