/**
 * What a window tells the host about itself, for the `window` API: its colour theme's kind
 * (`activeColorTheme`, VS Code's ColorThemeKind by name) and its focus (`window.state`).
 * Each is sent after every `initialize` and whenever it changes.
 */
import { Schema } from "effect";
import { notification } from "../rpc-contract.js";

export const ColorThemeKindName = Schema.Literals(["light", "dark", "highContrast", "highContrastLight"]);
export type ColorThemeKindName = typeof ColorThemeKindName.Type;

/** VS Code's WindowState: focused, and active (focused and used in the last few seconds). */
export const WindowStateDto = Schema.Struct({ focused: Schema.Boolean, active: Schema.Boolean });
export type WindowStateDto = typeof WindowStateDto.Type;

export const ExtHostWindowReportsContract = {
  colorThemeChanged: notification("extHost.window.colorThemeChanged", { payload: ColorThemeKindName }),
  windowStateChanged: notification("extHost.window.stateChanged", { payload: WindowStateDto }),
} as const;
