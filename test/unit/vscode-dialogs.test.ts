/** window.showOpenDialog / showSaveDialog's argument checks and defaults, against a recording service. */
import { describe, expect, it } from "vitest";
import type { OpenDialogRequest, SaveDialogRequest } from "../../src/protocol/contracts/dialogs.js";
import { createDialogsApi } from "../../src/extension-host/api/dialogs.js";
import { Uri } from "../../src/extension-host/api/uri.js";
import type { DialogsService } from "../../src/extension-host/services/dialogs.js";

const recording = (open: string[] | null, save: string | null) => {
  const asked: Array<OpenDialogRequest | SaveDialogRequest> = [];
  const service = {
    open: async (r: OpenDialogRequest) => (asked.push(r), open),
    save: async (r: SaveDialogRequest) => (asked.push(r), save),
  } as unknown as DialogsService;
  return { api: createDialogsApi(service), asked };
};

describe("vscode.window dialogs", () => {
  it("uses VS Code's defaults (files, not folders, one) and gives Uris back", async () => {
    const { api, asked } = recording(["file:///w/a%20b.txt"], null);
    const picked = await api.showOpenDialog();
    expect(asked[0]).toEqual({ canSelectFiles: true, canSelectFolders: false, canSelectMany: false });
    expect(picked?.map((u) => u.fsPath)).toEqual(["/w/a b.txt"]);
    expect(picked?.[0]).toBeInstanceOf(Uri);
  });

  it("passes the options on and answers undefined when cancelled", async () => {
    const { api, asked } = recording(null, null);
    const options = {
      canSelectFolders: true,
      canSelectFiles: false,
      defaultUri: Uri.file("/w"),
      filters: { Images: ["png", "jpg"] },
      openLabel: "Pick",
      title: "Choose",
    };
    expect(await api.showOpenDialog(options)).toBeUndefined();
    expect(await api.showSaveDialog({ saveLabel: "Export", defaultUri: Uri.file("/w/r.txt") })).toBeUndefined();
    expect(asked).toEqual([
      {
        canSelectFiles: false,
        canSelectFolders: true,
        canSelectMany: false,
        defaultUri: "file:///w",
        filters: { Images: ["png", "jpg"] },
        openLabel: "Pick",
        title: "Choose",
      },
      { defaultUri: "file:///w/r.txt", saveLabel: "Export" },
    ]);
  });

  it("refuses bad options at the call, naming the API and the option", async () => {
    const { api, asked } = recording(null, null);
    await expect(api.showOpenDialog({ canSelectMany: "yes" })).rejects.toThrow(
      "vscode.window.showOpenDialog: options.canSelectMany must be a boolean",
    );
    await expect(api.showOpenDialog({ defaultUri: "/w" })).rejects.toThrow("options.defaultUri must be a Uri");
    await expect(api.showSaveDialog({ filters: { Text: "txt" } })).rejects.toThrow(
      "vscode.window.showSaveDialog: options.filters must map names",
    );
    await expect(api.showSaveDialog(42)).rejects.toThrow("vscode.window.showSaveDialog: options must be an object");
    expect(asked).toEqual([]);
  });
});
