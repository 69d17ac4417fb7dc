/**
 * `window.activeColorTheme`, `window.state` and their change events: what the requesting window
 * reported about itself (VS Code has one extension host per window; here each window is a
 * session, so another window's change is not this API's event).
 */
import type { ColorThemeKindName } from "../../protocol/contracts/window-reports.js";
import type { PerWindow, WindowReports } from "../services/window-reports.js";
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

export interface WindowState {
  readonly focused: boolean;
  readonly active: boolean;
}

type Guard = <T>(event: types.Event<T>) => types.Event<T>;

/** The target window's value as the API shows it, and an event fired when that window's changes. */
const reported = <T, A>(values: PerWindow<T>, target: () => Session | undefined, guard: Guard, view: (t: T) => A) => {
  const changed = new types.EventEmitter<A>();
  values.onDidChange.event((session) => {
    if (session === target()) changed.fire(view(values.of(session)));
  });
  return { current: () => view(values.of(target())), event: guard(changed.event) };
};

export const createWindowReportsApi = (reports: WindowReports, target: () => Session | undefined, guard: Guard) => {
  const theme = reported(reports.colorTheme, target, guard, (kind): ColorTheme => ({ kind: KINDS[kind] }));
  const state = reported(reports.state, target, guard, (s): WindowState => ({ focused: s.focused, active: s.active }));
  return {
    get activeColorTheme(): ColorTheme {
      return theme.current();
    },
    onDidChangeActiveColorTheme: theme.event,
    get state(): WindowState {
      return state.current();
    },
    onDidChangeWindowState: state.event,
  };
};
