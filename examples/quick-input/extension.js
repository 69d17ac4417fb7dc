// @ts-check
// Quick picks and input boxes the way VS Code's quickinput-sample uses them: showQuickPick with
// onDidSelectItem, showInputBox with (async) validateInput, and a createQuickPick with a
// title-bar button, item buttons and QuickInputButtons.Back.
const vscode = require("vscode");

/** @param {vscode.ExtensionContext} context */
exports.activate = (context) => {
  /** @type {string[]} */
  const log = [];
  context.subscriptions.push(
    vscode.commands.registerCommand("quickInput.pickColor", async () => {
      const picked = await vscode.window.showQuickPick(
        [
          { label: "Primary", kind: vscode.QuickPickItemKind.Separator },
          { label: "red", description: "#f00" },
          { label: "green", description: "#0f0", detail: "the colour of grass" },
          { label: "blue", description: "#00f" },
        ],
        {
          placeHolder: "Pick a colour",
          matchOnDescription: true,
          onDidSelectItem: (i) => log.push(`active:${typeof i === "string" ? i : i.label}`),
        },
      );
      log.push(`picked:${picked?.label ?? "none"}`);
      vscode.window.setStatusBarMessage(`Picked colour: ${picked?.label ?? "none"}`, 5000);
      return picked?.label ?? null;
    }),
    // Matches on descriptions and details too, and stays open when focus moves elsewhere.
    vscode.commands.registerCommand("quickInput.pickFile", async () => {
      const picked = await vscode.window.showQuickPick(
        [
          { label: "workbench.test.ts", description: "test/browser", detail: "Browser tests of the workbench" },
          { label: "README.md", description: "", detail: "How to use the editor" },
          { label: "index.ts", description: "src/main", detail: "The Electron main process" },
        ],
        { placeHolder: "Pick a file", matchOnDescription: true, matchOnDetail: true, ignoreFocusOut: true },
      );
      log.push(`file:${picked?.label ?? "none"}`);
      vscode.window.setStatusBarMessage(`Picked file: ${picked?.label ?? "none"}`, 5000);
      return picked?.label ?? null;
    }),
    vscode.commands.registerCommand("quickInput.askPort", async () => {
      const value = await vscode.window.showInputBox({
        prompt: "Port to listen on",
        placeHolder: "1024-65535",
        value: "80",
        validateInput: async (text) => {
          await new Promise((r) => setTimeout(r, 10));
          const n = Number(text);
          if (!/^\d+$/.test(text)) return "Enter a number";
          if (n < 1024 || n > 65535)
            return { message: `${n} is outside 1024-65535`, severity: vscode.InputBoxValidationSeverity.Error };
          return undefined;
        },
      });
      log.push(`port:${value ?? "none"}`);
      return value ?? null;
    }),
    vscode.commands.registerCommand("quickInput.multiStep", () => {
      const pick = vscode.window.createQuickPick();
      pick.title = "Create Resource";
      pick.step = 1;
      pick.totalSteps = 2;
      pick.placeholder = "Choose a kind";
      const remove = { iconPath: new vscode.ThemeIcon("trash"), tooltip: "Remove" };
      pick.buttons = [vscode.QuickInputButtons.Back, { iconPath: new vscode.ThemeIcon("refresh"), tooltip: "Reload" }];
      pick.items = [
        { label: "bucket", buttons: [remove] },
        { label: "queue", buttons: [remove] },
        { label: "table", buttons: [remove] },
      ];
      return new Promise((resolve) => {
        pick.onDidChangeValue((v) => log.push(`value:${v}`));
        pick.onDidTriggerButton((b) => {
          log.push(b === vscode.QuickInputButtons.Back ? "button:back" : `button:${b.tooltip}`);
          if (b !== vscode.QuickInputButtons.Back) {
            pick.busy = true;
            pick.items = [...pick.items, { label: "topic", buttons: [remove] }];
            pick.busy = false;
          }
        });
        pick.onDidTriggerItemButton((e) => {
          log.push(`remove:${e.item.label}`);
          pick.items = pick.items.filter((i) => i !== e.item);
        });
        pick.onDidChangeSelection((s) => log.push(`selection:${s.map((i) => i.label).join(",")}`));
        pick.onDidAccept(() => {
          const chosen = pick.selectedItems[0] ?? pick.activeItems[0];
          log.push(`accept:${chosen?.label ?? "none"}`);
          pick.hide();
          resolve(chosen?.label ?? null);
        });
        pick.onDidHide(() => {
          log.push("hide");
          pick.dispose();
          resolve(null);
        });
        pick.show();
      });
    }),
    vscode.commands.registerCommand("quickInput.log", () => log),
  );
};
