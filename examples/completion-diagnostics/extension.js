// @ts-check
const vscode = require("vscode");

const KEYWORDS = [
  ["TODO", "Something to do"],
  ["DONE", "Finished"],
  ["FIXME", "Broken: needs a fix"],
  ["WAITING", "Blocked on someone else"],
];

/** @param {vscode.TextDocument} doc */
const lint = (doc) => {
  /** @type {vscode.Diagnostic[]} */
  const diagnostics = [];
  for (let line = 0; line < doc.lineCount; line++) {
    const text = doc.lineAt(line).text;
    const at = text.indexOf("FIXME");
    if (at >= 0) {
      const d = new vscode.Diagnostic(
        new vscode.Range(line, at, line, at + 5),
        "FIXME: this needs attention",
        vscode.DiagnosticSeverity.Warning,
      );
      d.source = "todo-lang";
      diagnostics.push(d);
    }
  }
  return diagnostics;
};

/** @param {vscode.ExtensionContext} context */
exports.activate = (context) => {
  const collection = vscode.languages.createDiagnosticCollection("todo-lang");
  /** @param {vscode.TextDocument} doc */
  const refresh = (doc) => {
    if (doc.languageId === "todo") collection.set(doc.uri, lint(doc));
  };
  vscode.workspace.textDocuments.forEach(refresh);
  context.subscriptions.push(
    collection,
    vscode.workspace.onDidOpenTextDocument(refresh),
    vscode.workspace.onDidChangeTextDocument((e) => refresh(e.document)),
    vscode.workspace.onDidCloseTextDocument((doc) => collection.delete(doc.uri)),
    vscode.languages.registerCompletionItemProvider("todo", {
      provideCompletionItems: () =>
        KEYWORDS.map(([word, detail]) => {
          const item = new vscode.CompletionItem(word, vscode.CompletionItemKind.Keyword);
          item.detail = detail;
          return item;
        }),
    }),
    vscode.languages.registerHoverProvider("todo", {
      provideHover: (doc, position) => {
        const range = doc.getWordRangeAtPosition(position, /[A-Z]+/);
        const word = range && doc.getText(range);
        const known = KEYWORDS.find(([k]) => k === word);
        return known ? new vscode.Hover(new vscode.MarkdownString(`**${known[0]}**: ${known[1]}`), range) : undefined;
      },
    }),
  );
};
