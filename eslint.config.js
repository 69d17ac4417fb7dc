import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";
import { builtinModules } from "node:module";

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/** Files matching `files` may not import `patterns` (a folder of another process, a package). */
const layer = (files, why, patterns) => ({
  files: [files],
  rules: {
    "no-restricted-imports": ["error", { patterns: [{ group: patterns, message: `Layer rule: ${why}.` }] }],
  },
});

export default tseslint.config(
  {
    ignores: [
      "out/**",
      "out-*/**",
      "node_modules/**",
      "bench-results/**",
      "test-results/**",
      "examples/**/node_modules/**",
      // Built-in extensions bundled by scripts/builtin-extensions.ts.
      "extensions/builtin/*/dist/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Extensions are CommonJS that `require("vscode")`, typed through @types/vscode.
    files: ["examples/**/*.js", "extensions/**/*.js", "test/**/fixtures/**/*.js"],
    languageOptions: { sourceType: "commonjs" },
    rules: {
      "@typescript-eslint/no-require-imports": "off",
      "@typescript-eslint/triple-slash-reference": "off",
    },
  },
  {
    // Extension test suites run under Mocha (`direct-editor test`).
    files: ["examples/*/test/**/*.js"],
    languageOptions: { globals: globals.mocha },
  },
  {
    files: ["src/renderer/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  // Layer rules: each process imports only what runs in it. The contract in src/protocol is the
  // only thing the processes share; main never reaches into the host, nor the renderer into Node.
  layer("src/protocol/**/*.ts", "protocol code runs in every process", [
    ...nodeBuiltins,
    "electron",
    "ws",
    "react",
    "**/main/**",
    "**/preload/index*",
    "**/renderer/**",
    "**/extension-host/**",
  ]),
  layer("src/renderer/**/*.{ts,tsx}", "the sandboxed renderer has no Node and no other process's code", [
    ...nodeBuiltins,
    "electron",
    "ws",
    "**/main/**",
    "**/extension-host/**",
    "**/preload/index*",
  ]),
  layer("src/main/**/*.ts", "main starts the extension host; it never runs its code", [
    "**/extension-host/**",
    "**/renderer/**",
    "react",
  ]),
  layer("src/extension-host/**/*.ts", "the extension host is not Electron main or the renderer", [
    "electron",
    "react",
    "**/main/**",
    "**/renderer/**",
    "**/preload/**",
  ]),
  layer("src/preload/**/*.ts", "the preload bridges; it holds no host, main or renderer code", [
    "**/main/**",
    "**/renderer/**",
    "**/extension-host/**",
  ]),
);
