/** `window.activeColorTheme` and `onDidChangeActiveColorTheme`: the requesting window's theme kind. */
import type { ColorThemeKindName } from "../../protocol/contracts/color-theme.js";
import type { ColorThemesService } from "../services/color-themes.js";
import type { Session } from "../services/sessions.js";
import * as types from "./vscode-types.js";

const KINDS: Readonly<Record<ColorThemeKindName, types.ColorThemeKind>> = {
  light: types.ColorThemeKind.Light,
  dark: types.ColorThemeKind.Dark,
  highContrast: types.ColorThemeKind.HighContrast,
  highContrastLight: types.ColorThemeKind.HighContrastLight,
};

export interface ColorTheme {
  readonly kind: types.ColorThemeKind;
}

export const createColorThemeApi = (
  service: ColorThemesService,
  target: () => Session | undefined,
  guard: <T>(event: types.Event<T>) => types.Event<T>,
) => {
  const changed = new types.EventEmitter<ColorTheme>();
  // Another window's theme is not this API's business (VS Code has one extension host per window).
  service.onDidChange.event((session) => {
    if (session === target()) changed.fire({ kind: KINDS[service.kindOf(session)] });
  });
  return {
    get activeColorTheme(): ColorTheme {
      return { kind: KINDS[service.kindOf(target())] };
    },
    onDidChangeActiveColorTheme: guard(changed.event),
  };
};
