/** File name → language id, as the extension host and VS Code name them. */
const BY_EXTENSION: Record<string, string> = {
  ts: "typescript",
  tsx: "typescriptreact",
  js: "javascript",
  mjs: "javascript",
  cjs: "javascript",
  jsx: "javascriptreact",
  json: "json",
  md: "markdown",
  css: "css",
  html: "html",
  todo: "todo",
  txt: "plaintext",
};

export const languageOf = (uri: string): string =>
  BY_EXTENSION[uri.split("/").pop()?.split(".").pop()?.toLowerCase() ?? ""] ?? "plaintext";

export const basename = (uri: string): string => decodeURIComponent(uri.split("/").pop() ?? uri);
