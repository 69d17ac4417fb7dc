/**
 * Electron main: thin glue. Starts the extension host, creates the window, and answers the
 * renderer's one question — where is the extension host and what is the secret. Logic that
 * can live without Electron does (starter, command line, app origin): it is tested under Node.
 */
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  MessageChannelMain,
  net,
  protocol,
  session,
  shell,
  type IpcMainEvent,
  type IpcMainInvokeEvent,
} from "electron";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { IpcChannels } from "../protocol/ipc.js";
import { openDialogAnswer, openDialogOptions, saveDialogAnswer, saveDialogOptions } from "./native-dialogs.js";
import { APP_ORIGIN, APP_SCHEME, devServerUrl as devServerFrom, isOwnPage, resolveAppPath } from "./app-origin.js";
import { spawnUtilityHost } from "./electron/utility-host-process.js";
import { ExtensionHostStarter } from "./extension-host-starter.js";
import { extensionHostEnv, workspaceArgument } from "./command-line.js";

const here = fileURLToPath(new URL(".", import.meta.url));
const devServerUrl = devServerFrom(process.env, app.isPackaged);
const rendererRoot = join(here, "../renderer");
const log = (message: string): void => console.log(message);

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

/** Only our own top-level page may talk to main (and learn the secret). */
const fromOwnWindow = (event: IpcMainEvent | IpcMainInvokeEvent): boolean => {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isOwnPage(frame.url, devServerUrl);
};

const folderUri = (argv: ReadonlyArray<string>, cwd?: string): string | null => {
  const folder = workspaceArgument(argv, undefined, cwd);
  return folder ? pathToFileURL(folder).toString() : null;
};

const createWindow = (): BrowserWindow => {
  const win = new BrowserWindow({
    width: 1200,
    height: 800,
    title: "Direct Editor",
    webPreferences: {
      preload: join(here, "../preload/index.cjs"),
      contextIsolation: true,
      nodeIntegration: false,
      sandbox: true,
    },
  });
  win.webContents.setWindowOpenHandler(() => ({ action: "deny" }));
  win.webContents.on("will-navigate", (e, url) => {
    if (!isOwnPage(url, devServerUrl)) e.preventDefault();
  });
  // The page's beforeunload refused: it holds unsaved text. Electron would just keep the window
  // open, silently; the workbench asks the user instead and calls confirmClose (closeGuard).
  win.webContents.on("will-prevent-unload", () => closeGuard.refused(win));
  void win.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`);
  return win;
};

/**
 * Quitting closes the windows before it stops the extension host (saving needs the host); a
 * window with unsaved text refuses, which cancels the quit (as in Electron) until its user
 * answers: Save or Don't Save closes it and goes on quitting, Cancel keeps everything open.
 */
const closeGuard = {
  quitting: false,
  /** Windows whose refused close was part of a quit: confirming it quits again. */
  quitAfterConfirm: new Set<number>(),
  refused(win: BrowserWindow): void {
    if (this.quitting) this.quitAfterConfirm.add(win.webContents.id);
    this.quitting = false;
    win.webContents.send(IpcChannels.closeRequested);
  },
  confirmed(win: BrowserWindow): void {
    if (this.quitAfterConfirm.delete(win.webContents.id)) app.quit();
    else win.close();
  },
};

const broadcast = (channel: string, value: unknown): void => {
  for (const win of BrowserWindow.getAllWindows()) win.webContents.send(channel, value);
};

const startApp = (): void => {
  const starter = new ExtensionHostStarter({
    spawn: spawnUtilityHost(log),
    modulePath: join(here, "extension-host.js"),
    allowedOrigins: devServerUrl ? [new URL(devServerUrl).origin] : [APP_ORIGIN],
    env: extensionHostEnv(process.argv, {
      builtinExtensions: join(app.getAppPath(), "extensions/builtin"),
      userDataDir: join(app.getPath("home"), ".direct-editor"),
    }),
    log,
  });

  // A second launch (`direct-editor ~/other`) hands its folder to this window and exits.
  app.on("second-instance", (_event, argv, workingDirectory) => {
    const win = BrowserWindow.getAllWindows()[0] ?? createWindow();
    if (win.isMinimized()) win.restore();
    win.focus();
    const uri = folderUri(argv, workingDirectory);
    if (uri) win.webContents.send(IpcChannels.openFolderRequest, uri);
  });

  void app.whenReady().then(async () => {
    protocol.handle(APP_SCHEME, (request) => {
      const path = resolveAppPath(request.url, rendererRoot);
      return path ? net.fetch(pathToFileURL(path).toString()) : new Response("not found", { status: 404 });
    });
    // No remote content, ever: refuse every permission request.
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));

    ipcMain.handle(IpcChannels.connectionInfo, (event) => {
      if (!fromOwnWindow(event)) throw new Error("connection info is only for the editor window");
      return starter.connectionInfo();
    });
    ipcMain.handle(IpcChannels.restartHost, async (event) => {
      if (!fromOwnWindow(event)) throw new Error("only the editor window may restart the extension host");
      await starter.restart();
    });
    ipcMain.handle(IpcChannels.initialWorkspace, () => folderUri(process.argv));
    ipcMain.handle(IpcChannels.confirmClose, (event) => {
      const win = BrowserWindow.fromWebContents(event.sender);
      if (!fromOwnWindow(event) || !win) throw new Error("only the editor window may close itself");
      closeGuard.confirmed(win);
    });
    ipcMain.handle(IpcChannels.openFolderDialog, async (event) => {
      const win = BrowserWindow.fromWebContents(event.sender);
      const options = { properties: ["openDirectory" as const] };
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled || !result.filePaths[0] ? null : pathToFileURL(result.filePaths[0]).toString();
    });
    // window.showOpenDialog / showSaveDialog: the request is checked again here (it is IPC input).
    ipcMain.handle(IpcChannels.showOpenDialog, async (event, request: unknown) => {
      const win = BrowserWindow.fromWebContents(event.sender);
      if (!fromOwnWindow(event) || !win) throw new Error("only the editor window may open dialogs");
      return openDialogAnswer(await dialog.showOpenDialog(win, openDialogOptions(request)));
    });
    ipcMain.handle(IpcChannels.showSaveDialog, async (event, request: unknown) => {
      const win = BrowserWindow.fromWebContents(event.sender);
      if (!fromOwnWindow(event) || !win) throw new Error("only the editor window may open dialogs");
      return saveDialogAnswer(await dialog.showSaveDialog(win, saveDialogOptions(request)));
    });
    // env.openExternal: only web and mail links reach the OS (never file:, javascript: or app schemes).
    ipcMain.handle(IpcChannels.openExternal, async (event, uri: unknown) => {
      if (!fromOwnWindow(event) || typeof uri !== "string" || !/^(https?|mailto):/i.test(uri)) return false;
      await shell.openExternal(uri);
      return true;
    });

    // The classic relayed path, kept for the IPC profiler: main forwards frames untouched.
    ipcMain.on(IpcChannels.relay, (event, frame: unknown) => {
      if (fromOwnWindow(event) && typeof frame === "string") starter.postRelayFrame(frame);
    });
    starter.onRelayFrame((frame) => broadcast(IpcChannels.relay, frame));
    // VS Code's way, for the profiler: a MessageChannelMain with one end in the host, one in the window.
    ipcMain.handle(IpcChannels.openPort, (event) => {
      if (!fromOwnWindow(event)) throw new Error("ports are only for the editor window");
      const { port1, port2 } = new MessageChannelMain();
      if (!starter.postPort(port1)) {
        port1.close();
        port2.close();
        throw new Error("no extension host is running");
      }
      event.sender.postMessage(IpcChannels.port, null, [port2]);
    });

    starter.onDidChangeState((state) => {
      if (state.kind === "running") broadcast(IpcChannels.hostRestarted, state.info.generation);
      if (state.kind === "crashed") broadcast(IpcChannels.hostCrashed, state.message);
    });
    await starter.start().catch((e: unknown) => log(`[main] ${e instanceof Error ? e.message : String(e)}`));
    createWindow();
    app.on("activate", () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });

  // Quit = close every window (each may ask about unsaved text), then stop the host (it runs
  // deactivate(); nothing may fork a new one meanwhile), then really quit.
  let hostStopping = false;
  let hostStopped = false;
  const stopHostThenQuit = (): void => {
    if (hostStopping) return;
    hostStopping = true;
    void starter.dispose().finally(() => {
      hostStopped = true;
      app.quit();
    });
  };
  app.on("before-quit", (e) => {
    if (hostStopped) return;
    e.preventDefault();
    const windows = BrowserWindow.getAllWindows();
    if (windows.length === 0) return stopHostThenQuit();
    closeGuard.quitting = true;
    for (const win of windows) win.close();
  });

  app.on("window-all-closed", () => {
    if (closeGuard.quitting || process.platform !== "darwin") stopHostThenQuit();
  });
};

// One app per user profile: two mains would share the profile, the backups and the storage.
if (app.requestSingleInstanceLock()) startApp();
else app.quit();
