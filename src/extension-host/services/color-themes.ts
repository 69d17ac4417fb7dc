/**
 * Each window's colour theme kind, as the window reports it (VS Code's extHostTheming). A window
 * that has not said yet counts as dark, the default theme's kind (Dark+).
 */
import type { ColorThemeKindName } from "../../protocol/contracts/color-theme.js";
import { EventEmitter } from "../api/types.js";
import type { Session } from "./sessions.js";

export class ColorThemesService {
  /** The session whose theme kind changed. */
  readonly onDidChange = new EventEmitter<Session>();
  private readonly kinds = new WeakMap<Session, ColorThemeKindName>();

  kindOf(session: Session | undefined): ColorThemeKindName {
    return (session && this.kinds.get(session)) ?? "dark";
  }

  changed(session: Session, kind: ColorThemeKindName): void {
    if (this.kinds.get(session) === kind) return;
    this.kinds.set(session, kind);
    this.onDidChange.fire(session);
  }
}
