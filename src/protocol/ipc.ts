/**
 * main ⇄ preload ⇄ renderer: the only surface the sandboxed renderer gets from main (via
 * contextBridge), and the IPC channel names behind it, declared once for the three of them.
 * No process-specific code: main, the preload and the renderer import it alike.
 */
import type { OpenDialogRequest, SaveDialogRequest } from "./contracts/dialogs.js";
import type { ConnectionInfo } from "./handshake.js";

export interface EditorHostBridge {
  /** `{port, secret}` of the running extension host; waits while it (re)starts. */
  getConnectionInfo(): Promise<ConnectionInfo>;
  /** Fires with the new generation each time main (re)starts the extension host. */
  onHostRestarted(listener: (generation: number) => void): () => void;
  /** Fires when main's crash-loop guard gave up on the extension host (with the reason). */
  onHostCrashed?(listener: (message: string) => void): () => void;
  /** "Restart Extension Host": a fresh host, also after the crash-loop guard gave up. */
  restartExtensionHost?(): Promise<void>;
  /**
   * The classic path, for the IPC profiler only: RPC frames main relays to and from the
   * extension host over its parent port. Absent where there is no main to relay.
   */
  readonly relay?: RelayBridge;
  /**
   * Electron only, for the IPC profiler: asks main for a MessagePort wired straight to the
   * extension host (VS Code's design). It arrives as a window "message" event whose data is
   * MESSAGE_PORT_EVENT, with the port in `ports`. Rejects at once when no host is running.
   */
  openMessagePort?(): Promise<void>;
  /** The folder to open at start (`file://` URI): a path argument, or the last one opened. */
  getInitialWorkspace?(): Promise<string | null>;
  /** Native folder picker; resolves to a `file://` URI, or null when cancelled. */
  openFolderDialog?(): Promise<string | null>;
  /** `window.showOpenDialog`: the OS dialog; `file://` URIs, or null when cancelled. */
  showOpenDialog?(request: OpenDialogRequest): Promise<string[] | null>;
  /** `window.showSaveDialog`: the OS dialog; a `file://` URI, or null when cancelled. */
  showSaveDialog?(request: SaveDialogRequest): Promise<string | null>;
  /** `env.openExternal`: main opens an http(s) or mailto URI with the OS (and checks the scheme again). */
  openExternal?(uri: string): Promise<boolean>;
  /** A second launch (`direct-editor <folder>`) asks this window to open its folder. */
  onOpenFolderRequest?(listener: (uri: string) => void): () => void;
  /**
   * Electron only: the user closed the window (or quit) while it holds unsaved text. Main let
   * the window stay; the workbench asks Save / Don't Save / Cancel and, unless cancelled,
   * calls `confirmClose`.
   */
  onCloseRequested?(listener: () => void): () => void;
  /** Close this window after all (and go on quitting, if that is what asked). */
  confirmClose?(): Promise<void>;
}

export interface RelayBridge {
  send(frame: string): void;
  onFrame(listener: (frame: string) => void): () => void;
}

export const BRIDGE_KEY = "editorHost";
export const MESSAGE_PORT_EVENT = "direct-editor:exthost-port";
export const IpcChannels = {
  connectionInfo: "exthost:connection-info",
  hostRestarted: "exthost:restarted",
  hostCrashed: "exthost:crashed",
  restartHost: "exthost:restart",
  relay: "exthost:relay",
  openPort: "exthost:open-port",
  port: "exthost:port",
  initialWorkspace: "workbench:initial-workspace",
  openFolderDialog: "workbench:open-folder-dialog",
  showOpenDialog: "workbench:show-open-dialog",
  showSaveDialog: "workbench:show-save-dialog",
  openFolderRequest: "workbench:open-folder-request",
  openExternal: "workbench:open-external",
  closeRequested: "workbench:close-requested",
  confirmClose: "workbench:confirm-close",
} as const;
