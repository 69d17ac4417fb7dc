/**
 * The `ExtensionContext` an extension's `activate` receives: storage locations (global, per
 * workspace, logs), Mementos, secrets and the extension's mode, laid out as VS Code does under the
 * host's storage directory.
 */
import { createHash } from "node:crypto";
import { join } from "node:path";
import type { ExtensionRuntime } from "../extensions/extension-runtime.js";
import { FileMemento } from "../extensions/memento.js";
import type { SecretsService } from "../services/secrets.js";
import { ExtensionMode } from "./enums.generated.js";
import { EventEmitter, Uri } from "./types.js";

const mementoApi = (m: FileMemento) => ({
  keys: () => m.keys(),
  get: <T>(key: string, defaultValue?: T) => m.get(key, defaultValue),
  update: (key: string, value: unknown) => m.update(key, value),
});

export interface ContextEnvironment {
  readonly storageDir: string;
  /** The window's first folder when the extension activates (undefined: no folder open). */
  readonly workspaceFolder: string | undefined;
  /** `direct-editor test` runs the extension's tests. */
  readonly testMode: boolean;
  readonly secrets: SecretsService;
  readonly log: (message: string) => void;
}

/** VS Code names workspace storage after a hash of the workspace: one folder per opened folder. */
export const workspaceStorageKey = (folderUri: string): string =>
  createHash("sha256").update(folderUri).digest("hex").slice(0, 32);

export const extensionContext = (runtime: ExtensionRuntime, env: ContextEnvironment): unknown => {
  const { location, source } = runtime.description;
  const id = runtime.id;
  const globalStoragePath = join(env.storageDir, "globalStorage", id);
  const workspaceDir = env.workspaceFolder
    ? join(env.storageDir, "workspaceStorage", workspaceStorageKey(env.workspaceFolder))
    : undefined;
  const storagePath = workspaceDir ? join(workspaceDir, id) : undefined;
  const workspaceState = workspaceDir
    ? new FileMemento(join(workspaceDir, `${id}.state.json`))
    : runtime.workspaceState;
  const logPath = join(env.storageDir, "logs", id);
  const mode = env.testMode
    ? ExtensionMode.Test
    : source === "development"
      ? ExtensionMode.Development
      : ExtensionMode.Production;

  const secretChanged = new EventEmitter<{ key: string }>();
  const unsubscribe = env.secrets.onDidChange((e) => {
    if (e.extensionId === id) secretChanged.fire({ key: e.key });
  });
  runtime.registrations.push({ dispose: () => (unsubscribe(), secretChanged.dispose()) });

  const context = {
    subscriptions: runtime.subscriptions,
    extensionPath: location,
    extensionUri: Uri.file(location),
    extensionMode: mode,
    globalState: { ...mementoApi(runtime.globalState), setKeysForSync: (_keys: readonly string[]) => undefined },
    workspaceState: mementoApi(workspaceState),
    secrets: {
      get: (key: string) => Promise.resolve(env.secrets.get(id, key)),
      store: (key: string, value: string) => Promise.resolve().then(() => env.secrets.store(id, key, value)),
      delete: (key: string) => Promise.resolve().then(() => env.secrets.delete(id, key)),
      keys: () => Promise.resolve(env.secrets.keys(id)),
      onDidChange: secretChanged.event,
    },
    storageUri: storagePath ? Uri.file(storagePath) : undefined,
    storagePath,
    globalStorageUri: Uri.file(globalStoragePath),
    globalStoragePath,
    logUri: Uri.file(logPath),
    logPath,
    asAbsolutePath: (relative: string) => join(location, relative),
    extension: {
      id,
      extensionUri: Uri.file(location),
      extensionPath: location,
      packageJSON: runtime.description.manifest,
      extensionKind: 2,
      get isActive() {
        return runtime.activated;
      },
      get exports() {
        return runtime.exports;
      },
    },
    languageModelAccessInformation: undefined,
  };
  return Object.defineProperty(context, "environmentVariableCollection", {
    get: () => {
      throw new Error("vscode.ExtensionContext.environmentVariableCollection is not implemented yet in Direct Editor");
    },
    enumerable: false,
  });
};
