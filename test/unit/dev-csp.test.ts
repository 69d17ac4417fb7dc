import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Plugin } from "vite";
import { describe, expect, it } from "vitest";
import config from "../../electron.vite.config.js";
import { repoRoot } from "../support/paths.js";

const csp = (html: string): string => html.match(/Content-Security-Policy"\s+content="([^"]+)"/)?.[1] ?? "";

describe("renderer CSP", () => {
  const source = readFileSync(join(repoRoot, "src/renderer/index.html"), "utf8");
  const plugins = (config.renderer?.plugins ?? []).flat() as Plugin[];
  const devCsp = plugins.find((p) => p?.name === "direct-editor:dev-csp");

  it("is strict in the page that gets built", () => {
    // 'wasm-unsafe-eval' runs the TextMate tokenizer (Oniguruma); no inline scripts, no eval.
    expect(csp(source)).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(csp(source)).toContain("connect-src 'self' ws://127.0.0.1:*;");
    expect(csp(source)).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it("lets the dev server's hot reload through, in dev only", () => {
    expect(devCsp?.apply).toBe("serve");
    const transform = devCsp?.transformIndexHtml as (html: string) => string;
    const dev = csp(transform(source));
    expect(dev).toContain("ws://localhost:*");
    expect(dev).toContain("script-src 'self' 'unsafe-inline'");
  });
});
