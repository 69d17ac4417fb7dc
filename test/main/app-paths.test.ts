/**
 * resolveAppPath (src/main/app-origin.ts) on both path flavours: app://editor/… maps inside
 * the renderer folder, and no spelling of `..` (plain, %2e, %2f, %5c) leaves it. The Windows
 * cases run here through path.win32, with a drive-letter root and backslash separators.
 */
import { posix, win32 } from "node:path";
import { describe, expect, it } from "vitest";
import { resolveAppPath } from "../../src/main/app-origin.js";

const flavours = [
  { name: "win32", path: win32, root: "C:\\Program Files\\Direct Editor\\resources\\out\\renderer" },
  { name: "posix", path: posix, root: "/opt/direct-editor/resources/out/renderer" },
] as const;

describe.each(flavours)("resolveAppPath under path.$name", ({ path, root }) => {
  const resolve = (url: string): string | undefined => resolveAppPath(url, root, path);

  it("maps requests to files inside the root", () => {
    expect(resolve("app://editor/")).toBe(path.join(root, "index.html"));
    expect(resolve("app://editor/index.html")).toBe(path.join(root, "index.html"));
    expect(resolve("app://editor/assets/index-D0w8Z9Sm.js")).toBe(path.join(root, "assets", "index-D0w8Z9Sm.js"));
    expect(resolve("app://editor/assets/with%20space.css")).toBe(path.join(root, "assets", "with space.css"));
    // The URL parser folds `..` and `%2e%2e` segments first: what is left is inside the root.
    expect(resolve("app://editor/assets/../index.html")).toBe(path.join(root, "index.html"));
    expect(resolve("app://editor/%2e%2e/%2E%2E/secret.txt")).toBe(path.join(root, "secret.txt"));
  });

  it.each([
    "app://editor/..%2f..%2fsecret.txt",
    "app://editor/assets/..%2f..%2fsecret.txt",
    "app://editor/..%5c..%5csecret.txt",
    "app://editor/assets%5c..%5c..%5csecret.txt",
    "app://editor/..%5crenderer-evil%5cindex.html",
    "app://editor/%2e%2e%2frenderer-evil/index.html",
  ])("refuses %s", (url) => {
    expect(resolve(url)).toBeUndefined();
  });

  it("refuses what does not parse as a URL", () => {
    expect(resolve("not a url")).toBeUndefined();
    expect(resolve("app://editor/%E0%A4%A")).toBeUndefined();
  });
});
