// @ts-check
// Built at load, as real extensions do: a missing class here would fail the require() itself.
const vscode = require("vscode");

const quickFix = vscode.CodeActionKind.QuickFix.append("spelling");
const legend = new vscode.SemanticTokensLegend(["function"], ["declaration"]);
const untitled = vscode.Uri.parse("untitled:Untitled-1");

/** @param {vscode.ExtensionContext} context */
exports.activate = (context) => {
  // Events the host cannot raise yet still accept listeners.
  context.subscriptions.push(vscode.window.onDidChangeWindowState(() => undefined));
  context.subscriptions.push(
    vscode.commands.registerCommand("apiValues.report", () => {
      const range = new vscode.Range(2, 0, 0, 4);
      const snippet = new vscode.SnippetString().appendText("$").appendPlaceholder("name").appendTabstop(0);
      const edit = new vscode.WorkspaceEdit();
      edit.insert(untitled, range.start, "x");
      const builder = new vscode.SemanticTokensBuilder(legend);
      builder.push(new vscode.Range(1, 2, 1, 5), "function", ["declaration"]);
      const item = new vscode.TreeItem("root", vscode.TreeItemCollapsibleState.Expanded);
      let missing = "";
      try {
        vscode.window.createWebviewPanel("x", "X", vscode.ViewColumn.One, {});
      } catch (e) {
        missing = e instanceof Error ? e.message : String(e);
      }
      return {
        version: vscode.version,
        untitled: untitled.toString(),
        range: [range.start.line, range.start.character, range.end.line, range.end.character],
        snippet: snippet.value,
        edits: edit.entries().map(([uri, edits]) => [uri.toString(), edits.length]),
        kind: quickFix.value,
        refactorContainsKind: vscode.CodeActionKind.QuickFix.contains(quickFix),
        tokens: [...builder.build().data],
        treeItem: [item.label, item.collapsibleState],
        symbolKind: vscode.SymbolKind.Function,
        missing,
      };
    }),
  );
};

exports.deactivate = () => {};
