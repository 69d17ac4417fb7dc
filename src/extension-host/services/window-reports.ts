/**
 * Values each window reports about itself (its theme's kind, its focus), kept per session with a
 * change event, like VS Code's extHostTheming and extHostWindow. Until a window reports, it has
 * VS Code's initial value.
 */
import type { ColorThemeKindName, WindowStateDto } from "../../protocol/contracts/window-reports.js";
import { EventEmitter } from "../api/types.js";
import type { Session } from "./sessions.js";

export class PerWindow<T> {
  /** The session whose value changed. */
  readonly onDidChange = new EventEmitter<Session>();
  private readonly values = new WeakMap<Session, T>();

  constructor(
    private readonly initial: T,
    private readonly same: (a: T, b: T) => boolean = Object.is,
  ) {}

  of(session: Session | undefined): T {
    return session && this.values.has(session) ? this.values.get(session)! : this.initial;
  }

  changed(session: Session, value: T): void {
    if (this.same(this.of(session), value)) return;
    this.values.set(session, value);
    this.onDidChange.fire(session);
  }
}

export class WindowReports {
  /** Dark+ is VS Code's default theme. */
  readonly colorTheme = new PerWindow<ColorThemeKindName>("dark");
  /** VS Code's ExtHostWindow.InitialState. */
  readonly state = new PerWindow<WindowStateDto>(
    { focused: true, active: true },
    (a, b) => a.focused === b.focused && a.active === b.active,
  );
}
