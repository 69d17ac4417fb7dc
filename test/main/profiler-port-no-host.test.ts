/**
 * The profiler's MessagePort path when no extension host runs (main gave up after the
 * crash-loop guard): the port must fail at once — closed, or an error reply — not hang.
 */
import { describe, expect, it } from "vitest";
import { ChannelContract } from "../../src/protocol/contracts/channel.js";
import {
  callOverMessagePort,
  crashUntilGuardGivesUp,
  connectedAppPerFile,
  fakeElectronUnavailable,
} from "./support.js";

describe.skipIf(fakeElectronUnavailable)("the profiler's MessagePort with no extension host", () => {
  const suite = connectedAppPerFile();

  it("fails instead of hanging", { timeout: 90_000 }, async () => {
    const { app } = suite;
    // Past the crash-loop guard (more than 5 crashes within a minute): main stops restarting.
    await crashUntilGuardGivesUp(app);
    expect(app.output.join("")).toContain("not restarting");
    const started = Date.now();
    const reply = await app.evaluate<string>(callOverMessagePort(ChannelContract.ping.method, 5_000));
    expect(reply).toMatch(/^refused: .*no extension host is running/);
    expect(Date.now() - started).toBeLessThan(4_000);
  });
});
