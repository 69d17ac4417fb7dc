/**
 * The modifier state that switches menu entries to their `alt` commands, tracked as VS Code's
 * ModifierKeyEmitter does: from keydown / keyup and the modifiers pointer events carry (a key
 * pressed while another window had the focus), reset when the window loses the focus — the keyup
 * then goes elsewhere and the workbench would otherwise stay in its Alt state.
 */
import { isMac } from "../keybindings/keys.js";
import { Store, useStore } from "../store.js";

export interface Modifiers {
  readonly alt: boolean;
  readonly shift: boolean;
}

const NONE: Modifiers = { alt: false, shift: false };

export const modifierKeys = new Store<Modifiers>(NONE);

/** A toolbar button (VS Code's MenuEntryActionViewItem): Alt, or Shift while the pointer is on it. */
export const wantsAltInToolbar = (m: Modifiers, pointerOver: boolean): boolean => m.alt || (m.shift && pointerOver);

/** A context menu (VS Code's createAndFillInContextMenuActions): Alt, or Shift on Windows and Linux. */
export const wantsAltInMenu = (m: Modifiers): boolean => m.alt || (m.shift && !isMac());

const tracked = new WeakSet<Window>();

/** Installs the listeners on `win` once; later calls do nothing. */
export const trackModifierKeys = (win: Window): void => {
  if (tracked.has(win)) return;
  tracked.add(win);
  const fromEvent = (e: KeyboardEvent | MouseEvent) => {
    const now = modifierKeys.get();
    if (now.alt !== e.altKey || now.shift !== e.shiftKey) modifierKeys.set({ alt: e.altKey, shift: e.shiftKey });
  };
  // Capture: a handler that stops propagation (the context menu's keys) must not hide the key.
  for (const type of ["keydown", "keyup"] as const) win.addEventListener(type, fromEvent, true);
  for (const type of ["mousedown", "mouseup", "mousemove"] as const) win.addEventListener(type, fromEvent, true);
  win.addEventListener("blur", () => modifierKeys.set(NONE));
};

/** The modifier state for a component; re-renders it when Alt or Shift goes down or up. */
export const useModifierKeys = (): Modifiers => {
  trackModifierKeys(window);
  return useStore(modifierKeys);
};
