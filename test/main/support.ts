/** Shared by the main-process tests: a private home per app, and the process tree. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, vi } from "vitest";
import { resolveChromium } from "../../src/main/web/chromium.js";
import { canLoadExtensions, FAKE_BROWSER_NEEDS_FULL_CHROMIUM } from "../support/fake-electron/chromium.js";
import { FakeElectronApp } from "../support/fake-electron/launcher.js";
import { repoRoot, requireBuild } from "../support/paths.js";

export interface Sandbox {
  readonly home: string;
  readonly workspace: (name: string) => string;
  launch(args: ReadonlyArray<string>): FakeElectronApp;
  dispose(): void;
}

/** A home folder of its own (userData, ~/.direct-editor), and workspace folders in it. */
export const sandbox = (): Sandbox => {
  requireBuild();
  const home = mkdtempSync(join(tmpdir(), "main-test-"));
  return {
    home,
    workspace: (name) => {
      const dir = join(home, name);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, "readme.md"), `# ${name}\n`);
      return dir;
    },
    launch: (args) =>
      FakeElectronApp.launch({
        cwd: repoRoot,
        args,
        env: { HOME: home, XDG_CONFIG_HOME: join(home, ".config") },
      }),
    dispose: () => rmSync(home, { recursive: true, force: true }),
  };
};

const parentOf = (pid: number): number | undefined => {
  try {
    // pid (comm) state ppid …; comm may contain spaces, so read after the last ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return undefined;
  }
};

/** Every live process below `root` (Chromium, the extension host, their children). */
export const descendants = (root: number): number[] => {
  const pids = readdirSync("/proc")
    .filter((n) => /^\d+$/.test(n))
    .map(Number);
  const children = new Map<number, number[]>();
  for (const pid of pids) {
    const parent = parentOf(pid);
    if (parent !== undefined) children.set(parent, [...(children.get(parent) ?? []), pid]);
  }
  const out: number[] = [];
  const walk = (pid: number): void => {
    for (const child of children.get(pid) ?? []) {
      out.push(child);
      walk(child);
    }
  };
  walk(root);
  return out;
};

export { isAlive } from "../security/support.js";

export const CHANNEL_STATE = `document.querySelector('[data-testid="channel-state"]')?.dataset.state ?? null`;

/**
 * In the window: ask main for a MessagePort (the preload hands it over as a window message,
 * as the profiler receives it) and make one RPC call on it. Resolves with the reply frame,
 * or with "closed" if the port is closed first; rejects after `timeoutMs`.
 */
export const callOverMessagePort = (method: string, timeoutMs: number): string => `new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error("no reply on the MessagePort")), ${timeoutMs});
  const onMessage = (e) => {
    if (e.source !== window || e.data !== "direct-editor:exthost-port" || !e.ports[0]) return;
    removeEventListener("message", onMessage);
    const port = e.ports[0];
    port.onmessage = (m) => { clearTimeout(timer); resolve(m.data); };
    port.addEventListener("close", () => { clearTimeout(timer); resolve("closed"); });
    port.start();
    port.postMessage(JSON.stringify({ id: 1, method: ${JSON.stringify(method)}, params: [] }));
  };
  addEventListener("message", onMessage);
  // Main refuses at once when no extension host runs.
  Promise.resolve(editorHost.openMessagePort()).catch((err) => {
    clearTimeout(timer);
    resolve("refused: " + (err && err.message));
  });
})`;

/** Until the window's direct channel is Connected (usable in hooks, unlike expect.poll). */
export const waitForConnected = (app: FakeElectronApp, timeout = 40_000): Promise<void> =>
  vi.waitFor(
    async () => {
      if ((await app.evaluate(CHANNEL_STATE)) !== "Connected") throw new Error("window not connected");
    },
    { timeout, interval: 100 },
  );

/**
 * One app for the whole describe block: registers the beforeAll that launches it on a fresh
 * `folder` in its own sandbox and waits until its window is Connected, and the afterAll that
 * kills it and removes the sandbox. Read `app` / `box` inside tests and hooks.
 */
export const connectedAppPerFile = (folder = "project"): { readonly app: FakeElectronApp; readonly box: Sandbox } => {
  let box: Sandbox | undefined;
  let app: FakeElectronApp | undefined;
  beforeAll(async () => {
    box = sandbox();
    app = box.launch([box.workspace(folder)]);
    await waitForConnected(app);
  });
  afterAll(async () => {
    await app?.kill();
    box?.dispose();
  });
  const launched = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("the app is launched in beforeAll: read it inside a test or hook");
    return value;
  };
  return {
    get app() {
      return launched(app);
    },
    get box() {
      return launched(box);
    },
  };
};

/** Kills the extension host until main's crash-loop guard gives up (more than 5 crashes a minute). */
export const crashUntilGuardGivesUp = async (app: FakeElectronApp): Promise<void> => {
  for (let crash = 0; crash < 6; crash++) {
    const pid = await vi.waitFor(
      async () => {
        const p = await app.hostPid();
        if (p === undefined) throw new Error("no extension host yet");
        return p;
      },
      { timeout: 20_000, interval: 100 },
    );
    process.kill(pid, "SIGKILL");
    await vi.waitFor(
      async () => {
        if ((await app.hostPid()) === pid) throw new Error("host not replaced yet");
      },
      { timeout: 20_000, interval: 100 },
    );
  }
};

/** Why the fake-Electron tests cannot run on this machine (printed), or undefined when they can. */
export const fakeElectronUnavailable: string | undefined = canLoadExtensions((await resolveChromium()).source)
  ? undefined
  : FAKE_BROWSER_NEEDS_FULL_CHROMIUM;
if (fakeElectronUnavailable) console.warn(`[main] SKIPPED the fake-Electron tests: ${fakeElectronUnavailable}`);
