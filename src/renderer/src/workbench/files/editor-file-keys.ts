/** Default keybindings of the editor file commands (editor-file-commands.ts): VS Code's, Linux/Windows. No imports: commands.ts reads these while it loads. */
export const EDITOR_FILE_KEYBINDINGS = [
  { key: "ctrl+k s", command: "workbench.action.files.saveAll", source: "Default" },
  { key: "ctrl+shift+s", command: "workbench.action.files.saveAs", source: "Default" },
  { key: "ctrl+k ctrl+w", command: "workbench.action.closeAllEditors", source: "Default" },
  { key: "ctrl+shift+t", command: "workbench.action.reopenClosedEditor", source: "Default" },
] as const;

/** Labels shown in the palette and Keyboard Shortcuts (commands.ts's KEYBINDINGS). */
export const EDITOR_FILE_KEY_LABELS: Readonly<Record<string, string>> = {
  "workbench.action.files.saveAll": "Ctrl+K S",
  "workbench.action.files.saveAs": "Ctrl+Shift+S",
  "workbench.action.closeAllEditors": "Ctrl+K Ctrl+W",
  "workbench.action.reopenClosedEditor": "Ctrl+Shift+T",
  "workbench.action.previousEditor": "Ctrl+PageUp",
};
