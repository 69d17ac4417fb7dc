// @ts-check
const vscode = require("vscode");

/** @param {vscode.ExtensionContext} context */
exports.activate = (context) => {
  context.subscriptions.push(
    vscode.commands.registerCommand("misbehaving.throw", () => {
      throw new Error("boom from a command");
    }),
    vscode.commands.registerCommand("misbehaving.reject", () => Promise.reject(new Error("rejected on purpose"))),
    // A completion provider that never answers, and one that throws.
    vscode.languages.registerCompletionItemProvider("todo", { provideCompletionItems: () => new Promise(() => {}) }),
    vscode.languages.registerHoverProvider("todo", {
      provideHover: () => {
        throw new Error("hover exploded");
      },
    }),
    vscode.workspace.onDidChangeTextDocument(() => {
      throw new Error("listener exploded");
    }),
  );
};
