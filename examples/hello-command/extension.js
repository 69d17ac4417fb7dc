// @ts-check
const vscode = require("vscode");

/** @param {vscode.ExtensionContext} context */
exports.activate = (context) => {
  const output = vscode.window.createOutputChannel("Hello");
  context.subscriptions.push(
    vscode.commands.registerCommand("hello.sayHello", async () => {
      const greeting = vscode.workspace.getConfiguration("hello").get("greeting", "Hello!");
      const count = context.globalState.get("count", 0) + 1;
      await context.globalState.update("count", count);
      const choice = await vscode.window.showInformationMessage(`${greeting} (#${count})`, "Again", "Done");
      output.appendLine(`greeted ${count} time(s); user chose ${choice ?? "nothing"}`);
      return { count, choice: choice ?? null };
    }),
  );
};

exports.deactivate = () => {};
