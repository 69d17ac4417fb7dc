/** The `ExtensionContext` an extension's `activate` receives. */
import { join } from "node:path";
import type { ExtensionRuntime } from "../extensions/extension-runtime.js";
import type { FileMemento } from "../extensions/memento.js";
import { Uri } from "./types.js";

const mementoApi = (m: FileMemento) => ({
  keys: () => m.keys(),
  get: <T>(key: string, defaultValue?: T) => m.get(key, defaultValue),
  update: (key: string, value: unknown) => m.update(key, value),
});

export const extensionContext = (runtime: ExtensionRuntime, storageDir: string): unknown => {
  const { location } = runtime.description;
  return {
    subscriptions: runtime.subscriptions,
    extensionPath: location,
    extensionUri: Uri.file(location),
    globalState: mementoApi(runtime.globalState),
    workspaceState: mementoApi(runtime.workspaceState),
    storagePath: join(storageDir, "workspace", runtime.id),
    globalStoragePath: join(storageDir, "global", runtime.id),
    asAbsolutePath: (relative: string) => join(location, relative),
    extension: { id: runtime.id, extensionPath: location, packageJSON: runtime.description.manifest },
  };
};
