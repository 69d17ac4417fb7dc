/** Closing the last window quits the app on Linux and Windows (main's 'window-all-closed'). */
import { describe, expect, it } from "vitest";
import { descendants, isAlive, connectedAppPerFile, fakeElectronUnavailable } from "./support.js";

describe.skipIf(fakeElectronUnavailable)("closing the window", () => {
  const suite = connectedAppPerFile();

  it("quits the app, stopping the extension host first", async () => {
    const { app } = suite;
    const host = await app.hostPid();
    const tree = descendants(app.pid);
    expect(tree).toContain(host);
    await app.request({ type: "close-windows" });
    expect(await app.exited).toBe(0);
    // The window is gone first; main stops the host, then quits (no window is left to ask).
    expect(app.events.map((e) => e.name)).toEqual(["window-all-closed", "before-quit", "will-quit", "quit"]);
    await expect.poll(() => tree.filter(isAlive), { timeout: 10_000 }).toEqual([]);
  });
});
