// @ts-check
// A cancellable notification progress that reports steps, like VS Code's progress-sample.
const vscode = require("vscode");

/** @param {vscode.ExtensionContext} context */
exports.activate = (context) => {
  context.subscriptions.push(
    vscode.commands.registerCommand("progressSample.run", (/** @type {number | undefined} */ stepMs = 400) =>
      vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: "Indexing", cancellable: true },
        (progress, token) =>
          new Promise((resolve) => {
            let step = 0;
            const timer = setInterval(() => {
              step++;
              progress.report({ increment: 10, message: `step ${step} of 10` });
              if (step === 10) {
                clearInterval(timer);
                resolve(`done after ${step} steps`);
              }
            }, stepMs);
            token.onCancellationRequested(() => {
              clearInterval(timer);
              resolve(`cancelled at step ${step}`);
            });
          }),
      ),
    ),
  );
};
