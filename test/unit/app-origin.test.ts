import { join } from "node:path/posix";
import { describe, expect, it } from "vitest";
import { APP_ORIGIN, isOwnPage, resolveAppPath } from "../../src/main/app-origin.js";

describe("app:// origin", () => {
  it("recognises only our own pages", () => {
    expect(isOwnPage(`${APP_ORIGIN}/index.html`, undefined)).toBe(true);
    expect(isOwnPage("https://evil.example/", undefined)).toBe(false);
    expect(isOwnPage("app://evil/index.html", undefined)).toBe(false);
    expect(isOwnPage("http://localhost:5173/", "http://localhost:5173")).toBe(true);
    expect(isOwnPage("http://localhost:5174/", "http://localhost:5173")).toBe(false);
    expect(isOwnPage("not a url", undefined)).toBe(false);
  });

  it("maps app:// URLs into the renderer folder and refuses traversal", () => {
    expect(resolveAppPath(`${APP_ORIGIN}/`, "/r", join)).toBe("/r/index.html");
    expect(resolveAppPath(`${APP_ORIGIN}/assets/a.js`, "/r", join)).toBe("/r/assets/a.js");
    // The URL parser already folds dot segments, so this stays inside the folder.
    expect(resolveAppPath(`${APP_ORIGIN}/%2e%2e/%2e%2e/etc/passwd`, "/r", join)).toBe("/r/etc/passwd");
    expect(resolveAppPath(`${APP_ORIGIN}/x/..%5c..%5csecret`, "/r", join)).toBeUndefined();
    expect(resolveAppPath(`${APP_ORIGIN}/a/..%2f..%2fsecret`, "/r", join)).toBeUndefined();
  });
});
