/** The OS save dialog's options (Save As…, window.showSaveDialog): replacing a file asks on every platform. */
import { describe, expect, it } from "vitest";
import { saveDialogOptions } from "../../src/main/native-dialogs.js";

describe("saveDialogOptions", () => {
  it("asks before overwriting (Linux needs the flag) and maps the request", () => {
    expect(saveDialogOptions({ defaultUri: "file:///tmp/a%20b.txt", saveLabel: "Save", title: "Save As" })).toEqual({
      properties: ["showOverwriteConfirmation", "createDirectory"],
      defaultPath: "/tmp/a b.txt",
      buttonLabel: "Save",
      title: "Save As",
    });
  });

  it("refuses a malformed request with a clear error", () => {
    expect(() => saveDialogOptions({ defaultUri: 42 })).toThrow(/defaultUri/);
  });
});
