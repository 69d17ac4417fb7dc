// @ts-check
const vscode = require("vscode");

/** What the extension saw of the editors, for its "Show Editor State" command (and the tests). */
const seen = {
  /** @type {{ uri: string, selections: number[][], kind: string }[]} */
  selectionEvents: [],
  /** @type {(string | null)[]} */
  activeEditors: [],
  /** @type {number[]} */
  visibleEditorCounts: [],
};

const KIND = ["", "keyboard", "mouse", "command"];

/** @param {string} text */
const swapCase = (text) => [...text].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join("");

/** @param {vscode.ExtensionContext} context */
exports.activate = (context) => {
  // TODO markers get a highlight that follows the text as it changes.
  const todo = vscode.window.createTextEditorDecorationType({
    backgroundColor: "rgba(255, 196, 0, 0.35)",
    border: "1px solid rgb(204, 122, 0)",
    fontWeight: "bold",
    overviewRulerColor: new vscode.ThemeColor("editorOverviewRuler.warningForeground"),
    overviewRulerLane: vscode.OverviewRulerLane.Right,
    after: { contentText: " ← todo", color: new vscode.ThemeColor("editorCodeLens.foreground") },
  });
  /** @param {vscode.TextEditor | undefined} editor */
  const decorate = (editor) => {
    if (!editor) return;
    const text = editor.document.getText();
    /** @type {vscode.DecorationOptions[]} */
    const ranges = [];
    for (const m of text.matchAll(/\bTODO\b/g)) {
      const start = editor.document.positionAt(m.index ?? 0);
      ranges.push({ range: new vscode.Range(start, start.translate(0, 4)), hoverMessage: "Something to do" });
    }
    editor.setDecorations(todo, ranges);
  };
  vscode.window.visibleTextEditors.forEach(decorate);

  context.subscriptions.push(
    todo,
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      seen.activeEditors.push(editor ? editor.document.uri.toString() : null);
      decorate(editor);
    }),
    vscode.window.onDidChangeVisibleTextEditors((editors) => {
      seen.visibleEditorCounts.push(editors.length);
      editors.forEach(decorate);
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      for (const editor of vscode.window.visibleTextEditors) if (editor.document === e.document) decorate(editor);
    }),
    vscode.window.onDidChangeTextEditorSelection((e) => {
      seen.selectionEvents.push({
        uri: e.textEditor.document.uri.toString(),
        selections: e.selections.map((s) => [s.anchor.line, s.anchor.character, s.active.line, s.active.character]),
        kind: e.kind === undefined ? "none" : (KIND[e.kind] ?? "none"),
      });
    }),

    vscode.commands.registerCommand("editorEdits.uppercase", async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return false;
      return editor.edit((edit) => {
        for (const selection of editor.selections) {
          edit.replace(selection, editor.document.getText(selection).toUpperCase());
        }
      });
    }),

    // A text editor command: VS Code hands it the active editor and an edit builder, applies the
    // edits as one undo step when it returns, and does nothing when no text editor is active.
    vscode.commands.registerTextEditorCommand("editorEdits.swapCase", (editor, edit) => {
      for (const selection of editor.selections) {
        edit.replace(selection, swapCase(editor.document.getText(selection)));
      }
    }),

    // Renames a word in every file of the workspace folder's top level: one WorkspaceEdit.
    vscode.commands.registerCommand(
      "editorEdits.renameSymbol",
      async (/** @type {unknown} */ from, /** @type {unknown} */ to) => {
        const folder = vscode.workspace.workspaceFolders?.[0];
        const oldName =
          typeof from === "string" ? from : await vscode.window.showInputBox({ prompt: "Rename which symbol?" });
        const newName =
          typeof to === "string" ? to : await vscode.window.showInputBox({ prompt: `Rename ${oldName} to` });
        if (!folder || !oldName || !newName) return false;
        const edit = new vscode.WorkspaceEdit();
        for (const [name, type] of await vscode.workspace.fs.readDirectory(folder.uri)) {
          if (type !== vscode.FileType.File) continue;
          const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, name));
          const text = document.getText();
          for (const m of text.matchAll(new RegExp(`\\b${oldName}\\b`, "g"))) {
            const start = document.positionAt(m.index ?? 0);
            edit.replace(
              document.uri,
              new vscode.Range(start, document.positionAt((m.index ?? 0) + oldName.length)),
              newName,
            );
          }
        }
        return vscode.workspace.applyEdit(edit);
      },
    ),

    vscode.commands.registerCommand("editorEdits.state", () => {
      const editor = vscode.window.activeTextEditor;
      return {
        active: editor ? editor.document.uri.toString() : null,
        selections: editor
          ? editor.selections.map((s) => [s.anchor.line, s.anchor.character, s.active.line, s.active.character])
          : [],
        visible: vscode.window.visibleTextEditors.map((e) => ({
          uri: e.document.uri.toString(),
          column: e.viewColumn,
        })),
        options: editor ? { tabSize: editor.options.tabSize, insertSpaces: editor.options.insertSpaces } : null,
        ...seen,
      };
    }),
  );
};

exports.deactivate = () => {};
