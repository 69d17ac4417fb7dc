/**
 * Whether Alt (Option on macOS) is held, as VS Code's ModifierKeyEmitter tracks it for menus' `alt`
 * commands: from keydown / keyup and the modifier state pointer events carry (a key pressed while
 * another window had the focus), reset when the window loses the focus — the keyup then goes
 * elsewhere and the workbench would otherwise stay in its Alt state.
 */
import { Store, useStore } from "../store.js";

export const altKey = new Store<boolean>(false);

const tracked = new WeakSet<Window>();

/** Installs the listeners on `win` once; later calls do nothing. */
export const trackAltKey = (win: Window): void => {
  if (tracked.has(win)) return;
  tracked.add(win);
  const fromEvent = (e: KeyboardEvent | MouseEvent) => altKey.set(e.altKey);
  // Capture: a handler that stops propagation (the context menu's keys) must not hide the key.
  for (const type of ["keydown", "keyup"] as const) win.addEventListener(type, fromEvent, true);
  for (const type of ["mousedown", "mouseup", "mousemove"] as const) win.addEventListener(type, fromEvent, true);
  win.addEventListener("blur", () => altKey.set(false));
};

/** The Alt state for a component; re-renders it when the key goes down or up. */
export const useAltKey = (): boolean => {
  trackAltKey(window);
  return useStore(altKey);
};
