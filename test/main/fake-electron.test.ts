/**
 * The fake's own cross-process behaviour that main's tests rely on, on a fixture app written
 * as Electron's docs write one: the single-instance lock and its hand-over, and its release.
 */
import { fileURLToPath } from "node:url";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fakeElectronUnavailable } from "./support.js";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { FakeElectronApp } from "../support/fake-electron/launcher.js";

const fixture = fileURLToPath(new URL("./fixtures/lock-app", import.meta.url));

describe.skipIf(fakeElectronUnavailable)("fake electron: app.requestSingleInstanceLock", () => {
  const home = mkdtempSync(join(tmpdir(), "fake-lock-"));
  const apps: FakeElectronApp[] = [];
  const launch = (args: string[]): FakeElectronApp => {
    const app = FakeElectronApp.launch({ cwd: fixture, args, env: { HOME: home, XDG_CONFIG_HOME: join(home, "cfg") } });
    apps.push(app);
    return app;
  };
  /** Main's top-level code (which takes the lock) has run once the app answers. */
  const started = (app: FakeElectronApp): Promise<void> =>
    vi.waitFor(() => app.metrics().then(() => undefined), { timeout: 20_000, interval: 200 });

  afterEach(async () => {
    await Promise.all(apps.splice(0).map((a) => a.kill()));
  });

  it("gives the lock to one process; a second one hands over its argv and exits", { timeout: 60_000 }, async () => {
    const first = launch(["folder-a"]);
    await started(first);
    const second = launch(["folder-b"]);
    expect(await second.exited).toBe(0);
    await expect
      .poll(() => first.events.filter((e) => e.name === "second-instance").map((e) => e.args[0]))
      .toEqual([expect.arrayContaining(["folder-b"])]);
    // Released on quit: the next launch owns the app.
    await first.quit();
    expect(await first.exited).toBe(0);
    const third = launch(["folder-c"]);
    await started(third);
    expect(third.child.exitCode).toBeNull();
    expect(third.events.map((e) => e.name)).not.toContain("before-quit");
  });
  afterAll(() => rmSync(home, { recursive: true, force: true }));
});
