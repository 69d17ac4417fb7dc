/**
 * After main's crash-loop guard gives up on the extension host, the window says so and offers
 * Restart Extension Host, which really restarts it (issue #9, item 12). Main's own code, under
 * the fake electron module.
 */
import { describe, expect, it } from "vitest";
import { CHANNEL_STATE, crashUntilGuardGivesUp, connectedAppPerFile, fakeElectronUnavailable } from "./support.js";

const NOTIFICATION_TEXT = `[...document.querySelectorAll('[data-testid="notification"]')].map((n) => n.textContent).join("\\n")`;
const CLICK_RESTART = `(() => {
  const button = [...document.querySelectorAll('[data-testid="notification"] button')].find((b) => b.textContent === "Restart Extension Host");
  if (!button) return false;
  button.click();
  return true;
})()`;

describe.skipIf(fakeElectronUnavailable)("Restart Extension Host after the crash-loop guard gave up", () => {
  const suite = connectedAppPerFile();

  it("notifies, and the notification's button brings a working host back", { timeout: 120_000 }, async () => {
    const { app } = suite;
    await crashUntilGuardGivesUp(app);
    expect(app.output.join("")).toContain("not restarting");
    await expect
      .poll(() => app.evaluate<string>(NOTIFICATION_TEXT), { timeout: 20_000 })
      .toContain("will not be restarted");
    expect(await app.hostPid()).toBeUndefined();

    expect(await app.evaluate<boolean>(CLICK_RESTART)).toBe(true);
    await expect.poll(() => app.hostPid(), { timeout: 20_000 }).toBeDefined();
    await expect.poll(() => app.evaluate<string | null>(CHANNEL_STATE), { timeout: 40_000 }).toBe("Connected");
  });
});
