import { resolve } from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig } from "electron-vite";

export default defineConfig({
  main: {
    build: {
      rolldownOptions: {
        // The extension host is its own entry: main launches out/main/extension-host.js with
        // utilityProcess.fork (child_process.fork in tests and benchmarks).
        input: {
          index: resolve(__dirname, "src/main/index.ts"),
          "extension-host": resolve(__dirname, "src/extension-host/index.ts"),
        },
      },
    },
  },
  preload: {
    build: {
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
      rolldownOptions: { input: resolve(__dirname, "src/renderer/index.html") },
    },
    plugins: [react()],
  },
});
