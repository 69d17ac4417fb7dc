/**
 * Closing the window or quitting with unsaved text asks first (Save / Don't Save / Cancel), in
 * main's own code under the fake `electron`: the page's beforeunload refuses, main hears
 * 'will-prevent-unload' and hands the question to the workbench, which answers through
 * `confirmClose`. Electron alone would keep the window open without a word.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { FakeElectronApp } from "../support/fake-electron/launcher.js";
import { fakeElectronUnavailable, isAlive, sandbox, waitForConnected, type Sandbox } from "./support.js";

const DIALOG = `document.querySelector('[data-testid="dialog"]')`;
const dialogText = `${DIALOG}?.querySelector(".dialog-message")?.textContent ?? null`;
const answer = (label: string) =>
  `[...document.querySelectorAll('[data-testid="dialog-button"]')].find((b) => b.textContent === ${JSON.stringify(label)}).click()`;

describe.skipIf(fakeElectronUnavailable)("closing with unsaved text", () => {
  let box: Sandbox;
  let app: FakeElectronApp;
  let workspace: string;

  /** The app on a fresh folder, readme.md open and typed into (dirty). */
  const launchWithUnsavedText = async (): Promise<void> => {
    box = sandbox();
    workspace = box.workspace("project");
    app = box.launch([workspace]);
    await waitForConnected(app);
    await app.type(`[data-testid="explorer-item"][data-name="readme.md"]`, "");
    await app.type(".monaco-editor .view-lines", "typed ");
    await expect
      .poll(() => app.evaluate(`document.querySelector('[data-testid="tab"][data-name="readme.md"]')?.dataset.dirty`))
      .toBe("true");
  };
  afterEach(async () => {
    await app?.kill();
    box?.dispose();
  });

  it("asks when the window closes; Cancel keeps it open, Don't Save closes it and quits", async () => {
    await launchWithUnsavedText();
    const host = await app.hostPid();
    await app.request({ type: "close-windows" });
    await expect.poll(() => app.evaluate(dialogText)).toBe("Do you want to save the changes you made to readme.md?");
    await app.evaluate(answer("Cancel"));
    // Still open and still connected: nothing was closed behind the user's back.
    expect(await app.request({ type: "windows" })).toHaveLength(1);
    expect(host !== undefined && isAlive(host)).toBe(true);
    expect(await app.evaluate(DIALOG)).toBeNull();

    await app.request({ type: "close-windows" });
    await expect.poll(() => app.evaluate(dialogText)).not.toBeNull();
    await app.evaluate(answer("Don't Save"));
    expect(await app.exited).toBe(0);
    expect(readFileSync(join(workspace, "readme.md"), "utf8")).toBe("# project\n");
  });

  it("asks when the app quits; Save writes the file, then the quit goes on", async () => {
    await launchWithUnsavedText();
    await app.quit();
    await expect.poll(() => app.evaluate(dialogText)).toBe("Do you want to save the changes you made to readme.md?");
    // The quit waits for the answer (the host must stay up: saving goes through it).
    expect(app.events.map((e) => e.name)).not.toContain("will-quit");
    await app.evaluate(answer("Save"));
    expect(await app.exited).toBe(0);
    // Where the click put the caret decides where the text went; it is on disk either way.
    const saved = readFileSync(join(workspace, "readme.md"), "utf8");
    expect(saved).toContain("typed ");
    expect(saved.replace("typed ", "")).toBe("# project\n");
    // Quit, refused by the window; the answer quits again: the window closes, the host stops, the app quits.
    expect(app.events.map((e) => e.name)).toEqual([
      "before-quit",
      "before-quit",
      "window-all-closed",
      "before-quit",
      "will-quit",
      "quit",
    ]);
  });
});
