/**
 * The renderer is served from a privileged custom scheme, so its Origin is a fixed,
 * unforgeable `app://editor` (not `null`, which any sandboxed iframe on the web can send).
 */
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

/**
 * Maps an `app://editor/…` request onto a file inside the renderer folder. Whatever the URL
 * spelling (`..`, `%2e%2e`, `%2f`), the result must stay inside `root` or it is refused.
 */
export const resolveAppPath = (url: string, root: string, join: (...p: string[]) => string): string | undefined => {
  let relative: string;
  try {
    const { pathname } = new URL(url);
    relative = decodeURIComponent(pathname === "/" ? "/index.html" : pathname);
  } catch {
    return undefined;
  }
  const resolved = join(root, relative);
  const base = root.endsWith("/") ? root : `${root}/`;
  return resolved.startsWith(base) && !relative.split(/[\\/]/).includes("..") ? resolved : undefined;
};
