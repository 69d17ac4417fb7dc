/** The window's colour theme, for `window.activeColorTheme` (VS Code's ColorThemeKind, by name). */
import { Schema } from "effect";
import { notification } from "../rpc-contract.js";

export const ColorThemeKindName = Schema.Literals(["light", "dark", "highContrast", "highContrastLight"]);
export type ColorThemeKindName = typeof ColorThemeKindName.Type;

export const ExtHostColorThemeContract = {
  /** Sent after every `initialize` and whenever the window's theme changes. */
  colorThemeChanged: notification("extHost.window.colorThemeChanged", { payload: ColorThemeKindName }),
} as const;
