import { resolve } from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig } from "electron-vite";
import type { Plugin } from "vite";

/**
 * The CSP in index.html is the packaged one. `electron-vite dev` serves the page from
 * http://localhost:<port> with a hot-reload WebSocket to the same server and React Refresh's
 * inline preamble, which that CSP blocks: relax it for the dev server only, never in a build.
 */
const devServerCsp = (): Plugin => ({
  name: "direct-editor:dev-csp",
  apply: "serve",
  transformIndexHtml: (html) =>
    html
      .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
      .replace("connect-src 'self' ws://127.0.0.1:*", "connect-src 'self' ws://127.0.0.1:* ws://localhost:*"),
});

// `DIRECT_EDITOR_OUT=out-foo electron-vite build` builds into another folder, so parallel
// work (and the tests that read the bundles) do not overwrite each other's output.
const outDir = resolve(__dirname, process.env["DIRECT_EDITOR_OUT"] ?? "out");

export default defineConfig({
  main: {
    build: {
      outDir: resolve(outDir, "main"),
      // Test tooling loaded by `direct-editor test` at run time, never bundled.
      externalizeDeps: { include: ["playwright-core", "@sparticuz/chromium"] },
      rolldownOptions: {
        // The extension host is its own entry: main launches out/main/extension-host.js with
        // utilityProcess.fork (child_process.fork in tests and benchmarks).
        input: {
          index: resolve(__dirname, "src/main/index.ts"),
          "extension-host": resolve(__dirname, "src/extension-host/index.ts"),
          // `npm run web`: Node plays main and serves the workbench to any browser (no Electron).
          web: resolve(__dirname, "src/main/web/cli.ts"),
          // `direct-editor test`: the extension authors' test loop on the web-mode workbench.
          "direct-editor": resolve(__dirname, "src/main/web/direct-editor-cli.ts"),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(outDir, "preload"),
      rolldownOptions: {
        // A sandboxed preload must be CommonJS.
        output: { format: "cjs", entryFileNames: "[name].cjs" },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, "src/renderer"),
    build: {
      target: "es2022",
      // Monaco and the workbench are 8.7 MB unminified; the window parses all of it at start.
      minify: true,
      outDir: resolve(outDir, "renderer"),
      rolldownOptions: { input: resolve(__dirname, "src/renderer/index.html") },
    },
    plugins: [react(), devServerCsp()],
  },
});
