/**
 * The profiler's MessagePort path when no extension host runs (main gave up after the
 * crash-loop guard): the port must fail at once — closed, or an error reply — not hang.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ChannelContract } from "../../src/protocol/contracts/channel.js";
import type { FakeElectronApp } from "../support/fake-electron/launcher.js";
import {
  callOverMessagePort,
  crashUntilGuardGivesUp,
  sandbox,
  waitForConnected,
  type Sandbox,
  fakeElectronUnavailable,
} from "./support.js";

describe.skipIf(fakeElectronUnavailable)("the profiler's MessagePort with no extension host", () => {
  let box: Sandbox;
  let app: FakeElectronApp;

  beforeAll(async () => {
    box = sandbox();
    app = box.launch([box.workspace("project")]);
    await waitForConnected(app);
  });
  afterAll(async () => {
    await app?.kill();
    box?.dispose();
  });

  it("fails instead of hanging", { timeout: 90_000 }, async () => {
    // Past the crash-loop guard (more than 5 crashes within a minute): main stops restarting.
    await crashUntilGuardGivesUp(app);
    expect(app.output.join("")).toContain("not restarting");
    const started = Date.now();
    const reply = await app.evaluate<string>(callOverMessagePort(ChannelContract.ping.method, 5_000));
    expect(reply).toMatch(/^refused: .*no extension host is running/);
    expect(Date.now() - started).toBeLessThan(4_000);
  });
});
