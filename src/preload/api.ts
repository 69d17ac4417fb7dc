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
}

export const BRIDGE_KEY = "editorHost";
export const IpcChannels = {
  connectionInfo: "exthost:connection-info",
  hostRestarted: "exthost:restarted",
} as const;
