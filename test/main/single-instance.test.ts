/**
 * A second `electron . <folder>` with the same user data hands its command line to the
 * running app and exits without opening a window (app.requestSingleInstanceLock).
 */
import { afterAll, describe, expect, it } from "vitest";
import type { FakeElectronApp } from "../support/fake-electron/launcher.js";
import { CHANNEL_STATE, isAlive, connectedAppPerFile, fakeElectronUnavailable } from "./support.js";

describe.skipIf(fakeElectronUnavailable)("a second instance", () => {
  const suite = connectedAppPerFile("first");
  let second: FakeElectronApp | undefined;
  // After hooks run last-registered first: the second goes before the suite kills the first.
  afterAll(async () => {
    await second?.kill();
  });

  it("hands its folder to the first and exits", async () => {
    const { app: first, box } = suite;
    const folder = box.workspace("second");
    second = box.launch([folder]);
    const exited = await Promise.race([
      second.exited,
      new Promise<string>((resolve) => setTimeout(() => resolve("still running after 20 s"), 20_000)),
    ]);
    expect(exited).toBe(0);
    expect(second.windowsCreated).toEqual([]);
    await expect
      .poll(() => first.events.filter((e) => e.name === "second-instance").map((e) => e.args[0]))
      .toEqual([expect.arrayContaining([folder])]);
    expect(isAlive(first.pid)).toBe(true);
    expect(await first.evaluate(CHANNEL_STATE)).toBe("Connected");
  });
});
