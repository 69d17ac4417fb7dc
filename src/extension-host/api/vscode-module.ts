/**
 * Makes `require('vscode')` inside an extension return that extension's own API object (VS
 * Code does the same, so calls can be attributed to the extension that made them). The
 * requiring file's path says which extension is asking.
 */
import Module from "node:module";
import { sep } from "node:path";

type Load = (request: string, parent: { filename?: string | null } | undefined, isMain: boolean) => unknown;

export const installVscodeModule = (apiForFile: (filename: string) => unknown): void => {
  const moduleWithLoad = Module as unknown as { _load: Load };
  const original = moduleWithLoad._load;
  moduleWithLoad._load = function (request, parent, isMain) {
    if (request === "vscode" && parent?.filename) {
      const api = apiForFile(parent.filename);
      if (api) return api;
    }
    return original.call(this, request, parent, isMain);
  };
};

export const isInside = (file: string, folder: string): boolean => file === folder || file.startsWith(folder + sep);
