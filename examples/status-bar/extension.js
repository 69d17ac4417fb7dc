// @ts-check
const vscode = require("vscode");

/** @param {vscode.ExtensionContext} context */
exports.activate = (context) => {
  let clicks = 0;
  const item = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Right, 100);
  item.text = "$(pulse) 0 clicks";
  item.tooltip = "Click me";
  item.command = "statusBar.click";
  item.show();
  context.subscriptions.push(
    item,
    vscode.commands.registerCommand("statusBar.click", () => {
      clicks++;
      item.text = `$(pulse) ${clicks} click${clicks === 1 ? "" : "s"}`;
      return clicks;
    }),
  );
};
