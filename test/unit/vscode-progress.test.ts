/** window.withProgress / setStatusBarMessage as status bar items (what the workbench receives). */
import { afterEach, describe, expect, it, vi } from "vitest";
import type { StatusBarItemDto } from "../../src/protocol/workbench.js";
import { createProgressApi } from "../../src/extension-host/api/progress.js";

const recordingSink = () => {
  const events: Array<["update", string, string] | ["remove", string]> = [];
  const sink = {
    update: (item: StatusBarItemDto) => void events.push(["update", item.id, item.text]),
    remove: (id: string) => void events.push(["remove", id]),
  };
  return { events, sink };
};

afterEach(() => vi.useRealTimers());

describe("withProgress", () => {
  it("shows title, message and summed increments, returns the task's result and removes the item", async () => {
    const { events, sink } = recordingSink();
    const api = createProgressApi("me.ext", sink);
    const result = await api.withProgress({ title: "Indexing" }, async (progress, token) => {
      progress.report({ message: "a.ts", increment: 30 });
      progress.report({ increment: 25 });
      expect(token.isCancellationRequested).toBe(false);
      return 42;
    });
    expect(result).toBe(42);
    expect(events).toEqual([
      ["update", "me.ext.progress.1", "$(sync~spin) Indexing"],
      ["update", "me.ext.progress.1", "$(sync~spin) Indexing: a.ts (30%)"],
      ["update", "me.ext.progress.1", "$(sync~spin) Indexing: a.ts (55%)"],
      ["remove", "me.ext.progress.1"],
    ]);
  });
  it("removes the item and rethrows when the task fails; rejects a non-function task clearly", async () => {
    const { events, sink } = recordingSink();
    const api = createProgressApi("me.ext", sink);
    await expect(api.withProgress({}, () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(events.at(-1)).toEqual(["remove", "me.ext.progress.1"]);
    // @ts-expect-error — what a JavaScript extension could pass
    await expect(api.withProgress({}, undefined)).rejects.toThrow(/task must be a function/);
  });
});

describe("setStatusBarMessage", () => {
  it("hides after the timeout, when the promise settles, or on dispose", async () => {
    vi.useFakeTimers();
    const { events, sink } = recordingSink();
    const api = createProgressApi("me.ext", sink);
    api.setStatusBarMessage("saved", 1_000);
    vi.advanceTimersByTime(999);
    expect(events).toEqual([["update", "me.ext.message.1", "saved"]]);
    vi.advanceTimersByTime(1);
    expect(events.at(-1)).toEqual(["remove", "me.ext.message.1"]);
    let settle: () => void = () => undefined;
    api.setStatusBarMessage("working", new Promise<void>((resolve) => (settle = resolve)));
    settle();
    await vi.runAllTimersAsync();
    expect(events.at(-1)).toEqual(["remove", "me.ext.message.2"]);
    api.setStatusBarMessage("sticky").dispose();
    expect(events.at(-1)).toEqual(["remove", "me.ext.message.3"]);
  });
});
