// @ts-check
const vscode = require("vscode");

/** @param {vscode.ExtensionContext} context */
exports.activate = (context) => {
  const item = vscode.window.createStatusBarItem("wordCount", vscode.StatusBarAlignment.Right, 10);
  const update = () => {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc) return item.hide();
    const words = doc.getText().match(/\S+/g)?.length ?? 0;
    item.text = `${words} word${words === 1 ? "" : "s"}`;
    item.show();
  };
  context.subscriptions.push(
    item,
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.workspace.onDidChangeTextDocument(update),
  );
  update();
};
