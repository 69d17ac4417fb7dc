/**
 * A fake `electron` module for running main's built code under plain Node (see README.md).
 * Each part is checked against Electron's own typings where its shape allows.
 */
import { app } from "./app.js";
import { FakeBrowserWindow } from "./browser-window.js";
import { serveControl } from "./control.js";
import { dialog, ipcMain, session, shell } from "./ipc-main.js";
import { FakeMessageChannelMain } from "./message-port.js";
import { net, protocol } from "./protocol.js";
import { utilityProcess } from "./utility-process.js";

serveControl(app);

export {
  app,
  FakeBrowserWindow as BrowserWindow,
  dialog,
  ipcMain,
  FakeMessageChannelMain as MessageChannelMain,
  net,
  protocol,
  session,
  shell,
  utilityProcess,
};
