import { resolve } from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig } from "electron-vite";

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
      outDir: resolve(outDir, "renderer"),
      rolldownOptions: { input: resolve(__dirname, "src/renderer/index.html") },
    },
    plugins: [react()],
  },
});
