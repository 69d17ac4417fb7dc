/**
 * Electron main: thin glue. Starts the extension host, creates the window, and answers the
 * renderer's one question — where is the extension host and what is the secret.
 */
import { app, BrowserWindow, dialog, ipcMain, MessageChannelMain, net, protocol, session } from "electron";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { IpcChannels } from "../preload/api.js";
import { APP_ORIGIN, APP_SCHEME, isOwnPage, resolveAppPath } from "./app-origin.js";
import { spawnUtilityHost } from "./electron/utility-host-process.js";
import { ExtensionHostStarter } from "./extension-host-starter.js";
import { extensionHostEnv, workspaceArgument } from "./command-line.js";

const here = fileURLToPath(new URL(".", import.meta.url));
const devServerUrl = process.env["ELECTRON_RENDERER_URL"];
const rendererRoot = join(here, "../renderer");

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

const starter = new ExtensionHostStarter({
  spawn: spawnUtilityHost,
  modulePath: join(here, "extension-host.js"),
  allowedOrigins: devServerUrl ? [new URL(devServerUrl).origin] : [APP_ORIGIN],
  env: extensionHostEnv(process.argv, {
    builtinExtensions: join(app.getAppPath(), "extensions/builtin"),
    userDataDir: join(app.getPath("home"), ".direct-editor"),
  }),
});

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
  void win.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`);
  return win;
};

app.whenReady().then(async () => {
  protocol.handle(APP_SCHEME, (request) => {
    const path = resolveAppPath(request.url, rendererRoot, join);
    return path ? net.fetch(pathToFileURL(path).toString()) : new Response("not found", { status: 404 });
  });
  // No remote content, ever: refuse every permission request.
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));

  ipcMain.handle(IpcChannels.connectionInfo, (event) => {
    // Only our own top-level page may learn the secret.
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null || !isOwnPage(frame.url, devServerUrl)) {
      throw new Error("connection info is only for the editor window");
    }
    return starter.connectionInfo();
  });

  ipcMain.handle(IpcChannels.initialWorkspace, () => {
    const folder = workspaceArgument(process.argv);
    return folder ? pathToFileURL(folder).toString() : null;
  });
  ipcMain.handle(IpcChannels.openFolderDialog, async (event) => {
    const win = BrowserWindow.fromWebContents(event.sender);
    const options = { properties: ["openDirectory" as const] };
    const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    return result.canceled || !result.filePaths[0] ? null : pathToFileURL(result.filePaths[0]).toString();
  });

  // The classic relayed path, kept for the IPC profiler: main forwards frames untouched.
  ipcMain.on(IpcChannels.relay, (event, frame: unknown) => {
    const sender = event.senderFrame;
    if (!sender || sender.parent !== null || !isOwnPage(sender.url, devServerUrl)) return;
    if (typeof frame === "string") starter.postRelayFrame(frame);
  });
  // VS Code's way, for the profiler: a MessageChannelMain with one end in the host, one in the window.
  ipcMain.on(IpcChannels.openPort, (event) => {
    const sender = event.senderFrame;
    if (!sender || sender.parent !== null || !isOwnPage(sender.url, devServerUrl)) return;
    const { port1, port2 } = new MessageChannelMain();
    starter.postPort(port1);
    event.sender.postMessage(IpcChannels.port, null, [port2]);
  });
  starter.onRelayFrame((frame) => {
    for (const win of BrowserWindow.getAllWindows()) win.webContents.send(IpcChannels.relay, frame);
  });

  starter.onDidChangeState((state) => {
    if (state.kind !== "running") return;
    for (const win of BrowserWindow.getAllWindows()) {
      win.webContents.send(IpcChannels.hostRestarted, state.info.generation);
    }
  });
  await starter.start().catch((e: unknown) => console.error(`[main] ${(e as Error).message}`));
  createWindow();
  app.on("activate", () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

let quitting = false;
app.on("before-quit", (e) => {
  if (quitting) return;
  quitting = true;
  e.preventDefault();
  void starter.stop().finally(() => app.quit());
});

app.on("window-all-closed", () => {
  if (process.platform !== "darwin") app.quit();
});
