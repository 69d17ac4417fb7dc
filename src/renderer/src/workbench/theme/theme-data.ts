/**
 * Colour themes as data, VS Code's format: `colors` (workbench colour ids) and `tokenColors`
 * (TextMate scope rules). Dark+ and Light+ are VS Code's own theme JSON from the `tm-themes`
 * package; High Contrast is transcribed (no package publishes VS Code's hc_black.json). Pure
 * functions only — no Monaco, no DOM — so Node tests check exactly what the renderer applies.
 */
import darkPlus from "tm-themes/themes/dark-plus.json";
import lightPlus from "tm-themes/themes/light-plus.json";
import highContrast from "./high-contrast.json";

export type UiTheme = "vs" | "vs-dark" | "hc-black" | "hc-light";

export interface TokenColorRule {
  readonly scope?: string | ReadonlyArray<string>;
  readonly settings: { readonly foreground?: string; readonly background?: string; readonly fontStyle?: string };
}

export interface ThemeDefinition {
  readonly id: string;
  readonly label: string;
  readonly uiTheme: UiTheme;
  readonly colors: Readonly<Record<string, string>>;
  readonly tokenColors: ReadonlyArray<TokenColorRule>;
}

const HEX = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;

/** A theme JSON of unknown shape (from an extension) → a definition; bad entries are dropped. */
export const themeFromJson = (
  id: string,
  label: string,
  uiTheme: UiTheme,
  json: Record<string, unknown>,
): ThemeDefinition => {
  const colors: Record<string, string> = {};
  const rawColors = json["colors"];
  if (typeof rawColors === "object" && rawColors !== null) {
    for (const [k, v] of Object.entries(rawColors)) if (typeof v === "string" && HEX.test(v)) colors[k] = v;
  }
  const rawTokens = json["tokenColors"];
  const tokenColors: TokenColorRule[] = Array.isArray(rawTokens)
    ? rawTokens.filter(
        (r): r is TokenColorRule =>
          typeof r === "object" && r !== null && typeof (r as { settings?: unknown }).settings === "object",
      )
    : [];
  return { id, label, uiTheme, colors, tokenColors };
};

// ── contrast (WCAG 2.x relative luminance) ──────────────────────────────────────────────────

const channels = (hex: string): [number, number, number] => {
  let h = hex.slice(1);
  if (h.length <= 4) h = [...h].map((c) => c + c).join("");
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
};

const luminance = (hex: string): number => {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};

export const contrastRatio = (a: string, b: string): number => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

const toHex = (rgb: ReadonlyArray<number>) =>
  `#${rgb
    .map((c) =>
      Math.round(Math.min(255, Math.max(0, c)))
        .toString(16)
        .padStart(2, "0"),
    )
    .join("")}`;

/** Moves `fg` toward white (dark background) or black (light) until it reaches `min`:1. */
export const withContrast = (fg: string, bg: string, min = 4.5): string => {
  if (contrastRatio(fg, bg) >= min) return fg;
  const target = luminance(bg) < 0.5 ? 255 : 0;
  const start = channels(fg);
  for (let t = 0.02; t <= 1; t += 0.02) {
    const candidate = toHex(start.map((c) => c + (target - c) * t));
    if (contrastRatio(candidate, bg) >= min) return candidate;
  }
  return toHex([target, target, target]);
};

export const MIN_TOKEN_CONTRAST = 4.5;

/**
 * The theme with every token foreground that is below 4.5:1 against the editor background
 * nudged until it passes (Dark+'s comments #6A9955 are 4.3:1 on #1E1E1E, for instance).
 * `adjusted` lists what changed, for the docs and the test.
 */
export const ensureTokenContrast = (
  theme: ThemeDefinition,
): { theme: ThemeDefinition; adjusted: ReadonlyArray<{ from: string; to: string }> } => {
  const bg = theme.colors["editor.background"] ?? (theme.uiTheme === "vs" ? "#ffffff" : "#1e1e1e");
  const adjusted: Array<{ from: string; to: string }> = [];
  const tokenColors = theme.tokenColors.map((rule) => {
    const fg = rule.settings.foreground;
    if (!fg || !HEX.test(fg)) return rule;
    const fixed = withContrast(fg.slice(0, 7), bg);
    if (fixed === fg.slice(0, 7)) return rule;
    adjusted.push({ from: fg, to: fixed });
    return { ...rule, settings: { ...rule.settings, foreground: fixed } };
  });
  return { theme: { ...theme, tokenColors }, adjusted };
};

export const BUILTIN_THEMES: ReadonlyArray<ThemeDefinition> = [
  themeFromJson("Default Dark+", "Dark+", "vs-dark", darkPlus as Record<string, unknown>),
  themeFromJson("Default Light+", "Light+", "vs", lightPlus as Record<string, unknown>),
  themeFromJson("Default High Contrast", "High Contrast", "hc-black", highContrast as Record<string, unknown>),
];

// ── workbench chrome ────────────────────────────────────────────────────────────────────────

/** VS Code's defaults for the colour ids the workbench's styles.css uses, per kind of theme. */
const CHROME_DEFAULTS: Record<"dark" | "light" | "hc", Record<string, string>> = {
  dark: {
    "editor.background": "#1e1e1e",
    "editor.foreground": "#d4d4d4",
    foreground: "#cccccc",
    descriptionForeground: "#8b8b8b",
    disabledForeground: "#6b6b6b",
    errorForeground: "#f14c4c",
    "editorWarning.foreground": "#cca700",
    "sideBar.background": "#252526",
    "tab.activeForeground": "#ffffff",
    "tab.inactiveForeground": "#969696",
    "tab.inactiveBackground": "#2d2d2d",
    "panel.border": "#414141",
    "panelTitle.activeForeground": "#e7e7e7",
    "input.background": "#3c3c3c",
    "input.foreground": "#cccccc",
    "list.hoverBackground": "#2a2d2e",
    "list.activeSelectionBackground": "#04395e",
    "button.background": "#0e639c",
    "button.foreground": "#ffffff",
    "button.secondaryBackground": "#3a3d41",
    "button.secondaryHoverBackground": "#45494e",
    "statusBar.background": "#007acc",
    "statusBar.foreground": "#ffffff",
    "statusBarItem.hoverBackground": "#ffffff1f",
    "statusBarItem.errorBackground": "#c72e0f",
    "statusBarItem.warningBackground": "#c27d00",
    "notificationsInfoIcon.foreground": "#3794ff",
    "widget.shadow": "#0000005c",
    focusBorder: "#007fd4",
  },
  light: {
    "editor.background": "#ffffff",
    "editor.foreground": "#000000",
    foreground: "#616161",
    descriptionForeground: "#717171",
    disabledForeground: "#61616180",
    errorForeground: "#a1260d",
    "editorWarning.foreground": "#bf8803",
    "sideBar.background": "#f3f3f3",
    "tab.activeForeground": "#333333",
    "tab.inactiveForeground": "#333333b3",
    "tab.inactiveBackground": "#ececec",
    "panel.border": "#80808059",
    "panelTitle.activeForeground": "#424242",
    "input.background": "#ffffff",
    "input.foreground": "#616161",
    "list.hoverBackground": "#e8e8e8",
    "list.activeSelectionBackground": "#0060c0",
    "button.background": "#007acc",
    "button.foreground": "#ffffff",
    "button.secondaryBackground": "#5f6a79",
    "button.secondaryHoverBackground": "#4c5561",
    "statusBar.background": "#007acc",
    "statusBar.foreground": "#ffffff",
    "statusBarItem.hoverBackground": "#ffffff1f",
    "statusBarItem.errorBackground": "#c72e0f",
    "statusBarItem.warningBackground": "#725102",
    "notificationsInfoIcon.foreground": "#1a85ff",
    "widget.shadow": "#00000029",
    focusBorder: "#0090f1",
  },
  hc: {
    "editor.background": "#000000",
    "editor.foreground": "#ffffff",
    foreground: "#ffffff",
    descriptionForeground: "#ffffff",
    disabledForeground: "#a5a5a5",
    errorForeground: "#f48771",
    "editorWarning.foreground": "#ffd370",
    "sideBar.background": "#000000",
    "tab.activeForeground": "#ffffff",
    "tab.inactiveForeground": "#ffffff",
    "tab.inactiveBackground": "#000000",
    "panel.border": "#6fc3df",
    "panelTitle.activeForeground": "#ffffff",
    "input.background": "#000000",
    "input.foreground": "#ffffff",
    "list.hoverBackground": "#000000",
    "list.activeSelectionBackground": "#000000",
    "button.background": "#000000",
    "button.foreground": "#ffffff",
    "button.secondaryBackground": "#000000",
    "button.secondaryHoverBackground": "#000000",
    "statusBar.background": "#000000",
    "statusBar.foreground": "#ffffff",
    "statusBarItem.hoverBackground": "#ffffff1f",
    "statusBarItem.errorBackground": "#c72e0f",
    "statusBarItem.warningBackground": "#c27d00",
    "notificationsInfoIcon.foreground": "#3794ff",
    "widget.shadow": "#000000",
    focusBorder: "#f38518",
  },
};

export const kindOf = (uiTheme: UiTheme): "dark" | "light" | "hc" =>
  uiTheme === "vs" ? "light" : uiTheme === "vs-dark" ? "dark" : "hc";

/** `--vscode-editor-background` style variables: the kind's defaults, overridden by the theme. */
export const chromeVariables = (theme: ThemeDefinition): Record<string, string> => {
  const colors = { ...CHROME_DEFAULTS[kindOf(theme.uiTheme)], ...theme.colors };
  const vars: Record<string, string> = {};
  for (const [id, value] of Object.entries(colors)) vars[`--vscode-${id.replace(/\./g, "-")}`] = value;
  vars["--vscode-color-scheme"] = kindOf(theme.uiTheme) === "light" ? "light" : "dark";
  return vars;
};
