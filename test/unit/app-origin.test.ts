import { posix, win32 } from "node:path";
import { describe, expect, it } from "vitest";
import { APP_ORIGIN, devServerUrl, isOwnPage, resolveAppPath } from "../../src/main/app-origin.js";

describe("app:// origin", () => {
  it("recognises only our own pages", () => {
    expect(isOwnPage(`${APP_ORIGIN}/index.html`, undefined)).toBe(true);
    expect(isOwnPage("https://evil.example/", undefined)).toBe(false);
    expect(isOwnPage("app://evil/index.html", undefined)).toBe(false);
    expect(isOwnPage("http://localhost:5173/", "http://localhost:5173")).toBe(true);
    expect(isOwnPage("http://localhost:5174/", "http://localhost:5173")).toBe(false);
    expect(isOwnPage("not a url", undefined)).toBe(false);
  });

  it("maps app:// URLs into the renderer folder and refuses traversal (POSIX)", () => {
    expect(resolveAppPath(`${APP_ORIGIN}/`, "/r", posix)).toBe("/r/index.html");
    expect(resolveAppPath(`${APP_ORIGIN}/assets/a.js`, "/r", posix)).toBe("/r/assets/a.js");
    // The URL parser already folds dot segments, so this stays inside the folder.
    expect(resolveAppPath(`${APP_ORIGIN}/%2e%2e/%2e%2e/etc/passwd`, "/r", posix)).toBe("/r/etc/passwd");
    expect(resolveAppPath(`${APP_ORIGIN}/x/..%5c..%5csecret`, "/r", posix)).toBeUndefined();
    expect(resolveAppPath(`${APP_ORIGIN}/a/..%2f..%2fsecret`, "/r", posix)).toBeUndefined();
    expect(resolveAppPath(`${APP_ORIGIN}/a%00.js`, "/r", posix)).toBeUndefined();
    // A root given with a trailing separator works the same.
    expect(resolveAppPath(`${APP_ORIGIN}/index.html`, "/r/", posix)).toBe("/r/index.html");
  });

  it("maps app:// URLs into the renderer folder and refuses traversal (Windows)", () => {
    const root = "C:\\Program Files\\Direct Editor\\resources\\app\\out\\renderer";
    expect(resolveAppPath(`${APP_ORIGIN}/`, root, win32)).toBe(`${root}\\index.html`);
    expect(resolveAppPath(`${APP_ORIGIN}/assets/a.js`, root, win32)).toBe(`${root}\\assets\\a.js`);
    expect(resolveAppPath(`${APP_ORIGIN}/x/..%5c..%5csecret`, root, win32)).toBeUndefined();
    expect(resolveAppPath(`${APP_ORIGIN}/a/..%2f..%2fsecret`, root, win32)).toBeUndefined();
    // A sibling folder whose name starts like the root is not inside it.
    expect(resolveAppPath(`${APP_ORIGIN}/..%5crenderer-evil%5cx.js`, root, win32)).toBeUndefined();
  });

  it("honours ELECTRON_RENDERER_URL only unpackaged and only on loopback http", () => {
    const env = { ELECTRON_RENDERER_URL: "http://localhost:5173" };
    expect(devServerUrl(env, false)).toBe("http://localhost:5173/");
    expect(devServerUrl(env, true)).toBeUndefined();
    expect(devServerUrl({ ELECTRON_RENDERER_URL: "https://evil.example/" }, false)).toBeUndefined();
    expect(devServerUrl({ ELECTRON_RENDERER_URL: "http://10.0.0.5:5173" }, false)).toBeUndefined();
    expect(devServerUrl({ ELECTRON_RENDERER_URL: "not a url" }, false)).toBeUndefined();
    expect(devServerUrl({}, false)).toBeUndefined();
  });
});
