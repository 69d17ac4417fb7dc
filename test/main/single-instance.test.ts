/**
 * A second `electron . <folder>` with the same user data hands its command line to the
 * running app and exits without opening a window (app.requestSingleInstanceLock).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeElectronApp } from "../support/fake-electron/launcher.js";
import { CHANNEL_STATE, isAlive, sandbox, waitForConnected, type Sandbox, fakeElectronUnavailable } from "./support.js";

describe.skipIf(fakeElectronUnavailable)("a second instance", () => {
  let box: Sandbox;
  let first: FakeElectronApp;
  let second: FakeElectronApp | undefined;

  beforeAll(async () => {
    box = sandbox();
    first = box.launch([box.workspace("first")]);
    await waitForConnected(first);
  });
  afterAll(async () => {
    await second?.kill();
    await first?.kill();
    box?.dispose();
  });

  it("hands its folder to the first and exits", async () => {
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
