/**
 * The window's state as VS Code reports it to extensions (`window.state`): focused, and active
 * while focused and used (keys, pointer, wheel) in the last 10 s, like VS Code's user activity
 * tracking. Blur ends both at once.
 */
import type { WindowStateDto } from "../../../protocol/contracts/window-reports.js";
import { Store } from "./store.js";

export const ACTIVE_FOR_MS = 10_000;
const ACTIVITY_EVENTS = ["keydown", "mousedown", "mousemove", "wheel", "touchstart"] as const;

/** What the tracker needs of a window: its events and whether it has focus (a seam for tests). */
export interface ActivitySource {
  addEventListener(type: string, listener: () => void, options?: AddEventListenerOptions): void;
  readonly document: { hasFocus(): boolean };
}

export class WindowActivity {
  readonly state: Store<WindowStateDto>;
  private lastActivity = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly win: ActivitySource = window) {
    const focused = win.document.hasFocus();
    this.state = new Store<WindowStateDto>({ focused, active: focused });
    if (focused) this.markActive();
    win.addEventListener("focus", () => this.markActive());
    win.addEventListener("blur", () => {
      clearTimeout(this.timer);
      this.timer = undefined;
      this.set({ focused: false, active: false });
    });
    for (const type of ACTIVITY_EVENTS) {
      win.addEventListener(type, () => this.markActive(), { capture: true, passive: true });
    }
  }

  private markActive(): void {
    if (!this.win.document.hasFocus()) return;
    this.lastActivity = Date.now();
    this.set({ focused: true, active: true });
    // One timer however often the mouse moves: it looks again when it fires.
    this.timer ??= setTimeout(() => this.expire(), ACTIVE_FOR_MS);
  }

  private expire(): void {
    this.timer = undefined;
    const idle = Date.now() - this.lastActivity;
    if (idle < ACTIVE_FOR_MS) this.timer = setTimeout(() => this.expire(), ACTIVE_FOR_MS - idle);
    else this.set({ focused: this.state.get().focused, active: false });
  }

  private set(next: WindowStateDto): void {
    const current = this.state.get();
    if (current.focused !== next.focused || current.active !== next.active) this.state.set(next);
  }
}
