// @ts-check
const vscode = require("vscode");

/** @param {string} text */
const countWords = (text) => text.split(/\s+/).filter((w) => w.length > 0).length;
exports.countWords = countWords;

/** @param {vscode.ExtensionContext} context */
exports.activate = (context) => {
  context.subscriptions.push(
    vscode.commands.registerCommand("wordTools.countWords", (/** @type {string} */ text) => countWords(text)),
    vscode.commands.registerCommand("wordTools.countWordsInFile", async (/** @type {vscode.Uri} */ uri) => {
      const bytes = await vscode.workspace.fs.readFile(uri);
      return countWords(new TextDecoder().decode(bytes));
    }),
  );
};

exports.deactivate = () => {};
