/**
 * `vscode.extensions` (VS Code's extHostExtensionService `Extension` objects): every extension the
 * host loaded, with its manifest, location and exports. Extensions run where the files are, so
 * `extensionKind` is always Workspace.
 */
import type { ExtensionRuntime } from "../extensions/extension-runtime.js";
import type { ExtensionsService } from "../services/extensions.js";
import { ExtensionKind } from "./enums.generated.js";
import { Uri } from "./uri.js";

export interface Extension {
  readonly id: string;
  readonly extensionUri: Uri;
  readonly extensionPath: string;
  readonly isActive: boolean;
  readonly packageJSON: unknown;
  readonly extensionKind: ExtensionKind;
  readonly exports: unknown;
  activate(): Promise<unknown>;
}

const extensionOf = (service: ExtensionsService, r: ExtensionRuntime): Extension => ({
  id: r.id,
  extensionUri: Uri.file(r.description.location),
  extensionPath: r.description.location,
  get isActive() {
    return r.activated;
  },
  packageJSON: r.description.packageJSON ?? r.description.manifest,
  extensionKind: ExtensionKind.Workspace,
  get exports() {
    return r.exports;
  },
  activate: () => service.activate(r, "api").then(() => r.exports),
});

export const createExtensionsApi = (service: ExtensionsService) => ({
  /** Extension ids are case-insensitive, as in VS Code. */
  getExtension: (extensionId: string): Extension | undefined => {
    if (typeof extensionId !== "string") throw new Error("vscode.extensions.getExtension: the id must be a string");
    const wanted = extensionId.toLowerCase();
    const r = service.runtimes.find((e) => e.id.toLowerCase() === wanted);
    return r ? extensionOf(service, r) : undefined;
  },
  get all(): readonly Extension[] {
    return service.runtimes.map((r) => extensionOf(service, r));
  },
});
