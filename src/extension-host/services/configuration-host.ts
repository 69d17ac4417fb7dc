/**
 * Settings, keybindings and context keys as the windows see them: builds the two services, tells
 * every window when a file changed, reports broken files, keeps the `setContext` keys (replayed
 * to a window that (re)binds), and serves ExtHostConfigurationContract on a session.
 */
import { WorkbenchContract } from "../../protocol/contracts/workbench.js";
import {
  ExtHostConfigurationContract,
  WorkbenchConfigurationContract,
} from "../../protocol/contracts/configuration.js";
import { proxy, serve, type Registrar } from "../../protocol/rpc-contract.js";
import type { ExtensionRuntime } from "../extensions/extension-runtime.js";
import { ConfigurationService } from "./configuration.js";
import { KeybindingsService } from "./keybindings.js";
import type { Session, Sessions } from "./sessions.js";

export const folderOfSession = (s: Session | undefined): string | undefined => s?.workspaceFolders[0]?.uri;

export class WorkbenchSettings {
  readonly configuration: ConfigurationService;
  readonly keybindings: KeybindingsService;
  private readonly contextKeys = new Map<string, unknown>();

  constructor(
    runtimes: ReadonlyArray<ExtensionRuntime>,
    private readonly sessions: Sessions,
    options: { readonly userDir: string },
  ) {
    const reportError = (message: string) => this.reportError(message);
    this.configuration = new ConfigurationService(runtimes, { userDir: options.userDir, reportError });
    this.keybindings = new KeybindingsService(
      runtimes,
      options.userDir,
      () => this.notify((w) => w.configurationChanged({ keys: [], keybindings: true })),
      reportError,
    );
    this.configuration.onDidChange.event((change) =>
      this.notify((w, s) => {
        if (change.folder === undefined || folderOfSession(s) === change.folder) {
          w.configurationChanged({ keys: change.keys, keybindings: false });
        }
      }),
    );
    sessions.onDidBind((s) => {
      const w = proxy(s.peer, WorkbenchConfigurationContract);
      for (const [key, value] of this.contextKeys) w.setContext({ key, value });
    });
  }

  /** The `setContext` command: a context key every window's `when` clauses can read. */
  setContext(key: unknown, value: unknown): void {
    if (typeof key !== "string" || key === "") throw new Error("setContext: the first argument must be a key name");
    const json = value === undefined ? null : (JSON.parse(JSON.stringify(value) ?? "null") as unknown);
    this.contextKeys.set(key, json);
    this.notify((w) => w.setContext({ key, value: json }));
  }

  dispose(): void {
    this.configuration.dispose();
    this.keybindings.dispose();
  }

  private notify(send: (w: ReturnType<typeof proxy<typeof WorkbenchConfigurationContract>>, s: Session) => void): void {
    this.sessions.broadcast((s) => send(proxy(s.peer, WorkbenchConfigurationContract), s));
  }

  private reportError(message: string): void {
    this.sessions.broadcast((s) => {
      proxy(s.peer, WorkbenchContract)
        .showMessage({ severity: "error", message, items: [], extensionId: "Settings" })
        .catch(() => undefined);
    });
  }
}

/** Serves the window's settings / keybindings methods on one session. */
export const serveConfiguration = (
  registrar: Registrar,
  settings: WorkbenchSettings,
  session: Session,
  workbench: () => Session,
): (() => void) =>
  serve(registrar, ExtHostConfigurationContract, {
    // Readable before `initialize` (no folder yet): the window loads settings as it connects.
    settings: () => settings.configuration.snapshot(folderOfSession(session)),
    updateSetting: ({ key, value, target }) => {
      settings.configuration.update(key, value, target, folderOfSession(workbench()));
      return null;
    },
    ensureFile: (which) =>
      which === "keybindings"
        ? settings.keybindings.ensureUserFile()
        : settings.configuration.ensureFile(which, folderOfSession(workbench())),
    keybindingsAndMenus: () => settings.keybindings.snapshot(),
  });
