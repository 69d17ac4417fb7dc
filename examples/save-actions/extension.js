// @ts-check
// Save actions as published extensions write them: trailing whitespace trimmed before every
// save (onWillSaveTextDocument + waitUntil), a formatter for `.kv` files that editor.formatOnSave
// runs, and the `.kv` language's comments, brackets and Enter behaviour set from code.
const vscode = require("vscode");

/** `key=value` → `key = value`, one pair per line; comments (`;`) and blank lines stay. */
const formatKeyValue = (/** @type {vscode.TextDocument} */ document) => {
  /** @type {vscode.TextEdit[]} */
  const edits = [];
  for (let i = 0; i < document.lineCount; i++) {
    const line = document.lineAt(i);
    const m = /^\s*([^;=\s][^=]*?)\s*=\s*(.*?)$/.exec(line.text);
    if (!m) continue;
    const formatted = `${m[1]} = ${m[2]}`;
    if (formatted !== line.text) edits.push(vscode.TextEdit.replace(line.range, formatted));
  }
  return edits;
};

/** Deletes the trailing whitespace of every line. */
const trimTrailingWhitespace = (/** @type {vscode.TextDocument} */ document) => {
  /** @type {vscode.TextEdit[]} */
  const edits = [];
  for (let i = 0; i < document.lineCount; i++) {
    const line = document.lineAt(i);
    const trimmed = line.text.replace(/\s+$/, "");
    if (trimmed.length !== line.text.length)
      edits.push(vscode.TextEdit.delete(new vscode.Range(i, trimmed.length, i, line.text.length)));
  }
  return edits;
};

/** @param {vscode.ExtensionContext} context */
exports.activate = (context) => {
  /** @type {Array<{ uri: string, reason: number }>} */
  const saves = [];
  context.subscriptions.push(
    vscode.workspace.onWillSaveTextDocument((e) => {
      saves.push({ uri: e.document.uri.toString(), reason: e.reason });
      if (vscode.workspace.getConfiguration("saveActions", e.document).get("trimTrailingWhitespace", true))
        e.waitUntil(Promise.resolve(trimTrailingWhitespace(e.document)));
    }),
    vscode.languages.registerDocumentFormattingEditProvider("keyvalue", {
      provideDocumentFormattingEdits: formatKeyValue,
    }),
    vscode.languages.setLanguageConfiguration("keyvalue", {
      comments: { lineComment: ";" },
      brackets: [["[", "]"]],
      wordPattern: /[\w.-]+/,
      autoClosingPairs: [
        { open: "[", close: "]" },
        { open: '"', close: '"', notIn: [vscode.SyntaxTokenType.String] },
      ],
      // Enter inside a comment continues it.
      onEnterRules: [{ beforeText: /^\s*;.*$/, action: { indentAction: vscode.IndentAction.None, appendText: "; " } }],
    }),
    vscode.commands.registerCommand("saveActions.documentState", (/** @type {string} */ uri) => {
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
      if (!document) return null;
      const word = document.getWordRangeAtPosition(new vscode.Position(0, 1));
      return {
        isDirty: document.isDirty,
        eol: document.eol === vscode.EndOfLine.CRLF ? "CRLF" : "LF",
        word: word ? document.getText(word) : null,
        saves: saves.filter((s) => s.uri === uri).map((s) => s.reason),
      };
    }),
  );
};
