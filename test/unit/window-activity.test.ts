/**
 * `window.state.active` on a virtual clock (Vitest's fake timers drive both `setTimeout` and
 * `Date.now`): active while focused and used in the last ACTIVE_FOR_MS, then false by itself,
 * exactly once; blur ends focus and activity together. The window is a plain EventTarget whose
 * focus the test sets, as the browser does before it fires `focus` / `blur`.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { WindowStateDto } from "../../src/protocol/contracts/window-reports.js";
import {
  ACTIVE_FOR_MS,
  WindowActivity,
  type ActivitySource,
} from "../../src/renderer/src/workbench/window-activity.js";

class FakeWindow extends EventTarget implements ActivitySource {
  focused: boolean;
  readonly document = { hasFocus: (): boolean => this.focused };
  constructor(focused: boolean) {
    super();
    this.focused = focused;
  }
  focus(): void {
    this.focused = true;
    this.dispatchEvent(new Event("focus"));
  }
  blur(): void {
    this.focused = false;
    this.dispatchEvent(new Event("blur"));
  }
  use(type = "keydown"): void {
    this.dispatchEvent(new Event(type));
  }
}

/** The tracker on a fake window, with every state it reported, in order. */
const track = (focused: boolean) => {
  const win = new FakeWindow(focused);
  const activity = new WindowActivity(win);
  const reports: WindowStateDto[] = [];
  activity.state.subscribe(() => reports.push(activity.state.get()));
  return { win, activity, reports, now: () => activity.state.get() };
};

describe("WindowActivity (window.state)", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("activity makes the window active; 9.9 s later it still is; at 10 s it turns inactive, once", () => {
    const { win, reports, now } = track(false);
    expect(now()).toEqual({ focused: false, active: false });

    win.focus();
    win.use("keydown");
    expect(now()).toEqual({ focused: true, active: true });
    expect(reports).toEqual([{ focused: true, active: true }]);

    vi.advanceTimersByTime(ACTIVE_FOR_MS - 100);
    expect(now()).toEqual({ focused: true, active: true });
    vi.advanceTimersByTime(100);
    expect(now()).toEqual({ focused: true, active: false });
    // Idle for a minute more: nothing else is reported, and no timer keeps running.
    vi.advanceTimersByTime(60_000);
    expect(reports).toEqual([
      { focused: true, active: true },
      { focused: true, active: false },
    ]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("new activity after going idle makes it active again, for another 10 s", () => {
    const { win, reports, now } = track(true);
    vi.advanceTimersByTime(ACTIVE_FOR_MS);
    expect(now()).toEqual({ focused: true, active: false });

    win.use("mousedown");
    expect(now()).toEqual({ focused: true, active: true });
    vi.advanceTimersByTime(ACTIVE_FOR_MS - 1);
    expect(now().active).toBe(true);
    vi.advanceTimersByTime(1);
    expect(now().active).toBe(false);
    expect(reports.map((r) => r.active)).toEqual([false, true, false]);
  });

  it("each use extends the 10 s from that use, whatever kind it is, with one pending timer", () => {
    const { win, reports, now } = track(true);
    for (const type of ["mousemove", "wheel", "touchstart", "keydown"]) {
      vi.advanceTimersByTime(6_000);
      win.use(type);
      expect(vi.getTimerCount()).toBe(1);
    }
    // Last use at 24 s: still active at 33.9 s, inactive at 34 s.
    vi.advanceTimersByTime(ACTIVE_FOR_MS - 100);
    expect(now().active).toBe(true);
    vi.advanceTimersByTime(100);
    expect(now().active).toBe(false);
    // Staying active across uses was never reported as a change.
    expect(reports).toEqual([{ focused: true, active: false }]);
  });

  it("blur makes it unfocused and inactive at once; use while unfocused changes nothing", () => {
    const { win, reports, now } = track(true);
    win.use();
    vi.advanceTimersByTime(1_000);
    win.blur();
    expect(now()).toEqual({ focused: false, active: false });
    expect(reports).toEqual([{ focused: false, active: false }]);
    // Nothing is left to expire.
    expect(vi.getTimerCount()).toBe(0);

    win.use("keydown");
    win.use("mousemove");
    vi.advanceTimersByTime(60_000);
    expect(now()).toEqual({ focused: false, active: false });
    expect(reports).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);

    // Focusing again is itself activity.
    win.focus();
    expect(now()).toEqual({ focused: true, active: true });
    vi.advanceTimersByTime(ACTIVE_FOR_MS);
    expect(now()).toEqual({ focused: true, active: false });
  });

  it("a window created focused starts active and expires like any other use", () => {
    const { now } = track(true);
    expect(now()).toEqual({ focused: true, active: true });
    vi.advanceTimersByTime(ACTIVE_FOR_MS - 1);
    expect(now().active).toBe(true);
    vi.advanceTimersByTime(1);
    expect(now()).toEqual({ focused: true, active: false });
  });
});
