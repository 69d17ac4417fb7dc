// @ts-check
const vscode = require("vscode");

/**
 * Greeter: reads its settings on every use, reacts to changes, and switches its keybinding on
 * and off with a context key (`setContext`), the way published extensions do.
 * @param {vscode.ExtensionContext} context
 */
exports.activate = (context) => {
  let ready = false;
  let greeted = 0;
  const status = vscode.window.createStatusBarItem("greeter.status", vscode.StatusBarAlignment.Left, 50);
  const config = () => vscode.workspace.getConfiguration("greeter");
  const show = () => {
    status.text = `Greeter: ${ready ? "ready" : "idle"}, ${config().get("volume")}, greeted ${greeted}`;
    status.show();
  };
  show();
  context.subscriptions.push(
    status,
    vscode.commands.registerCommand("greeter.toggleReady", async () => {
      ready = !ready;
      await vscode.commands.executeCommand("setContext", "greeter.ready", ready);
      show();
      return ready;
    }),
    vscode.commands.registerCommand("greeter.greet", () => {
      greeted++;
      const word = config().get("greeting", "Hello");
      const text = Array(Math.max(1, config().get("repeat", 1)))
        .fill(word)
        .join(" ");
      show();
      void vscode.window.showInformationMessage(config().get("volume") === "loud" ? text.toUpperCase() : text);
      return greeted;
    }),
    vscode.commands.registerCommand("greeter.countWords", () => {
      const doc = vscode.window.activeTextEditor?.document;
      const words = doc ? doc.getText().split(/\s+/).filter(Boolean).length : 0;
      void vscode.window.showInformationMessage(`Greeter counted ${words} word(s)`);
      return words;
    }),
    vscode.commands.registerCommand("greeter.refresh", () => {
      void vscode.window.showInformationMessage("Greeter refreshed the Explorer");
    }),
    vscode.commands.registerCommand("greeter.secret", () => "secret"),
    vscode.commands.registerCommand("greeter.whenReady", () => "ready"),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration("greeter")) show();
    }),
  );
};

exports.deactivate = () => {};
