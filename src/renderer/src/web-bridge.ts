/**
 * The bridge when the workbench runs in a plain browser (`npm run web`), where no preload
 * exists: the same questions main answers over IPC in Electron, asked of the web server that
 * served this page, authenticated by its HttpOnly session cookie. The socket to the extension
 * host is then opened directly, exactly as in Electron.
 */
import { Schema } from "effect";
import type { EditorHostBridge } from "../../protocol/ipc.js";

// Paths of src/main/web/web-server.ts (not imported: that module is Node-only).
const CONNECTION_INFO = "/web-api/connection-info";
const WORKSPACE = "/web-api/workspace";
const EVENTS = "/web-api/events";

const ConnectionInfo = Schema.Struct({ port: Schema.Int, secret: Schema.String, generation: Schema.Int });
const Workspace = Schema.Struct({ folder: Schema.NullOr(Schema.String) });

/** POST: browsers always send Origin on it, which the server checks. */
const post = async <A>(path: string, schema: Schema.Decoder<A>): Promise<A> => {
  const response = await fetch(path, { method: "POST", credentials: "same-origin", cache: "no-store" });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${(await response.text()).trim()}`);
  return Schema.decodeUnknownPromise(schema)(await response.json());
};

export const createWebBridge = (): EditorHostBridge => ({
  getConnectionInfo: () => post(CONNECTION_INFO, ConnectionInfo),
  onHostRestarted: (listener) => {
    const events = new EventSource(EVENTS);
    const onRestarted = (e: MessageEvent<string>): void => listener(Number(e.data));
    events.addEventListener("restarted", onRestarted);
    return () => events.close();
  },
  getInitialWorkspace: async () => (await post(WORKSPACE, Workspace)).folder,
});

/** Served over http(s) by the web server rather than by Electron's app:// scheme. */
export const isWebPage = (): boolean => location.protocol === "http:" || location.protocol === "https:";
