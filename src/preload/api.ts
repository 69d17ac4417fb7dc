/**
 * The only surface the sandboxed renderer gets from main (via contextBridge).
 * Type-only, shared by preload and renderer.
 */
import type { ConnectionInfo } from "../protocol/handshake.js";

export interface EditorHostBridge {
  /** `{port, secret}` of the running extension host; waits while it (re)starts. */
  getConnectionInfo(): Promise<ConnectionInfo>;
  /** Fires with the new generation each time main restarts the extension host. */
  onHostRestarted(listener: (generation: number) => void): () => void;
  /**
   * The classic path, for the IPC profiler only: RPC frames main relays to and from the
   * extension host over its parent port. Absent where there is no main to relay.
   */
  readonly relay?: RelayBridge;
  /** The folder to open at start (`file://` URI): a path argument, or the last one opened. */
  getInitialWorkspace?(): Promise<string | null>;
  /** Native folder picker; resolves to a `file://` URI, or null when cancelled. */
  openFolderDialog?(): Promise<string | null>;
}

export interface RelayBridge {
  send(frame: string): void;
  onFrame(listener: (frame: string) => void): () => void;
}

export const BRIDGE_KEY = "editorHost";
export const IpcChannels = {
  connectionInfo: "exthost:connection-info",
  hostRestarted: "exthost:restarted",
  relay: "exthost:relay",
  initialWorkspace: "workbench:initial-workspace",
  openFolderDialog: "workbench:open-folder-dialog",
} as const;
