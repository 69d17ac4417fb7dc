/**
 * The renderer is served from a privileged custom scheme, so its Origin is a fixed,
 * unforgeable `app://editor` (not `null`, which any sandboxed iframe on the web can send).
 */
import * as nodePath from "node:path";

export const APP_SCHEME = "app";
export const APP_HOST = "editor";
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Is `url` one of our own pages (packaged scheme, or the dev server in development)? */
export const isOwnPage = (url: string, devServerUrl: string | undefined): boolean => {
  try {
    const origin = new URL(url).origin;
    if (url.startsWith(`${APP_ORIGIN}/`)) return true;
    return devServerUrl !== undefined && origin === new URL(devServerUrl).origin;
  } catch {
    return false;
  }
};

/** The parts of `node:path` the check needs, so tests can pass `path.win32` or `path.posix`. */
export type PathApi = Pick<typeof nodePath, "join" | "relative" | "isAbsolute" | "sep">;

/**
 * Maps an `app://editor/…` request onto a file inside the renderer folder. Whatever the URL
 * spelling (`..`, `%2e%2e`, `%2f`, `%5c`, drive letters), the result must stay inside `root` or
 * it is refused. Containment is decided by `path.relative`, as in Electron's own
 * `protocol.handle` example, so it holds for `\` separators on Windows too.
 */
export const resolveAppPath = (url: string, root: string, path: PathApi = nodePath): string | undefined => {
  let relative: string;
  try {
    const { pathname } = new URL(url);
    relative = decodeURIComponent(pathname === "/" ? "/index.html" : pathname);
  } catch {
    return undefined;
  }
  if (relative.includes("\0") || relative.split(/[\\/]/).includes("..")) return undefined;
  const resolved = path.join(root, relative);
  const inside = path.relative(root, resolved);
  if (inside === "" || inside.startsWith("..") || path.isAbsolute(inside)) return undefined;
  return resolved;
};

/**
 * The dev server URL main may load instead of `app://editor`: only when unpackaged, and only a
 * loopback http URL (electron-vite sets it to the server it just started). A packaged app never
 * trusts an environment variable with its window.
 */
export const devServerUrl = (env: Record<string, string | undefined>, isPackaged: boolean): string | undefined => {
  const raw = env["ELECTRON_RENDERER_URL"];
  if (isPackaged || !raw) return undefined;
  try {
    const url = new URL(raw);
    const loopback = ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
    return url.protocol === "http:" && loopback ? url.toString() : undefined;
  } catch {
    return undefined;
  }
};
