/**
 * VS Code keybindings that standalone Monaco lacks or binds differently on Linux: Shift+Alt+F
 * formats the document, Alt+Z toggles
 * word wrap (a workbench command in VS Code), Ctrl+Alt+Up/Down add cursors on every platform
 * (Monaco's Linux default is Shift+Alt). Everything else (Ctrl+D, Ctrl+F/H, Ctrl+G, folding,
 * Alt+Click…) is Monaco's own, loaded with its contributions.
 */
import { monaco } from "./monaco.js";

let installed = false;

export const installKeybindings = (): void => {
  if (installed) return;
  installed = true;
  const { KeyMod, KeyCode } = monaco;
  monaco.editor.addKeybindingRules([
    { keybinding: KeyMod.CtrlCmd | KeyMod.Alt | KeyCode.DownArrow, command: "editor.action.insertCursorBelow" },
    { keybinding: KeyMod.CtrlCmd | KeyMod.Alt | KeyCode.UpArrow, command: "editor.action.insertCursorAbove" },
    // Format Document is Shift+Alt+F in VS Code on Windows and macOS (Monaco's Linux default is Ctrl+Shift+I).
    {
      keybinding: KeyMod.Shift | KeyMod.Alt | KeyCode.KeyF,
      command: "editor.action.formatDocument",
      when: "editorTextFocus && !editorReadonly",
    },
    // One command palette, the workbench's: F1 is not Monaco's quick command here.
    { keybinding: KeyCode.F1, command: "-editor.action.quickCommand" },
  ]);
};

/** Per editor: actions registered with `addAction` live on the editor instance. */
export const addEditorActions = (editor: monaco.editor.IStandaloneCodeEditor): monaco.IDisposable =>
  editor.addAction({
    id: "editor.action.toggleWordWrap",
    label: "View: Toggle Word Wrap",
    keybindings: [monaco.KeyMod.Alt | monaco.KeyCode.KeyZ],
    run: (e) => {
      const wrap = e.getOption(monaco.editor.EditorOption.wordWrap);
      e.updateOptions({ wordWrap: wrap === "off" ? "on" : "off" });
    },
  });
