/** The test's line into the fake app (fork IPC): evaluate in the window, metrics, quit, dialogs. */
import type { App } from "electron";
import { FakeBrowserWindow } from "./browser-window.js";
import { scriptOpenDialog, scriptSaveDialog } from "./ipc-main.js";
import { reportToControl } from "./runtime.js";
import { decodeControlRequest, type ControlRequest } from "./wire.js";

const run = async (app: Pick<App, "getAppMetrics" | "quit">, command: ControlRequest["command"]): Promise<unknown> => {
  switch (command.type) {
    case "evaluate": {
      const win = FakeBrowserWindow.getAllWindows()[0];
      if (!win) throw new Error("no window");
      return (await win.webContents.page).evaluate(command.expression);
    }
    case "metrics":
      return app.getAppMetrics().map(({ pid, type, serviceName }) => ({ pid, type, serviceName: serviceName ?? null }));
    case "quit":
      return void app.quit();
    case "windows":
      return FakeBrowserWindow.getAllWindows().map((w) => ({ id: w.id, url: w.webContents.getURL() }));
    case "close-windows":
      // The user closes every window (the title bar's ×).
      return void FakeBrowserWindow.getAllWindows().forEach((w) => w.close());
    case "type": {
      const win = FakeBrowserWindow.getAllWindows()[0];
      if (!win) throw new Error("no window");
      const page = await win.webContents.page;
      await page.click(command.selector);
      return page.keyboard.type(command.text);
    }
    case "script-dialog":
      return void scriptOpenDialog({ canceled: command.result.canceled, filePaths: [...command.result.filePaths] });
    case "script-save-dialog":
      return void scriptSaveDialog({ canceled: command.result.canceled, filePath: command.result.filePath });
  }
};

export const serveControl = (app: Pick<App, "getAppMetrics" | "quit">): void => {
  if (!process.send) return;
  // The channel must not keep the app alive: only quit ends it, as in Electron.
  process.channel?.unref();
  process.on("message", (raw) => {
    const request = decodeControlRequest(raw);
    if (request._tag === "None") return;
    const { id, command } = request.value;
    run(app, command).then(
      (value) => reportToControl({ type: "reply", id, ok: true, value: value ?? null }),
      (e: unknown) => reportToControl({ type: "reply", id, ok: false, value: String(e) }),
    );
  });
};
