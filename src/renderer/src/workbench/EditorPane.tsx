/**
 * One editor group: ONE Monaco editor whose model is switched with `setModel` when the tab
 * changes. The models (text, undo stack, markers) live in `Documents`; this group keeps each
 * document's view state (cursor, selections, scroll, folding) and restores it on return.
 */
import { useEffect, useRef } from "react";
import { addEditorActions, installKeybindings } from "./editor/keybindings.js";
import { addHierarchyActions } from "./hierarchy/hierarchy-actions.js";
import { monaco } from "./editor/monaco.js";
import type { WorkbenchServices } from "./workbench-services.js";

export const EDITOR_OPTIONS: monaco.editor.IStandaloneEditorConstructionOptions = {
  automaticLayout: true,
  fontFamily: "ui-monospace, Menlo, Consolas, monospace",
  fontSize: 13,
  minimap: { enabled: true },
  bracketPairColorization: { enabled: true },
  guides: { bracketPairs: "active", indentation: true },
  autoClosingBrackets: "languageDefined",
  autoClosingQuotes: "languageDefined",
  folding: true,
  showFoldingControls: "mouseover",
  multiCursorModifier: "alt",
  wordWrap: "off",
  find: { addExtraSpaceOnTop: false, seedSearchStringFromSelection: "selection" },
  fixedOverflowWidgets: true,
  // Extensions' semantic tokens, coloured by the theme (editor/semantic-colors.ts).
  "semanticHighlighting.enabled": true,
};

export const EditorPane = ({
  services,
  uri,
  group = 0,
  hidden = false,
  onFocus,
}: {
  services: WorkbenchServices;
  uri: string;
  group?: number;
  /** A binary file is active: the group keeps its editor (and view states) but shows a notice. */
  hidden?: boolean;
  onFocus?: () => void;
}) => {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<monaco.editor.IStandaloneCodeEditor | undefined>(undefined);
  const viewStates = useRef(new Map<string, monaco.editor.ICodeEditorViewState | null>());
  const shown = useRef<string | undefined>(undefined);
  const focusListener = useRef(onFocus);
  useEffect(() => {
    focusListener.current = onFocus;
  }, [onFocus]);

  useEffect(() => {
    if (!host.current) return;
    installKeybindings();
    const e = monaco.editor.create(host.current, { ...EDITOR_OPTIONS, model: null });
    const actions = addEditorActions(e);
    const hierarchyActions = addHierarchyActions(e, services);
    const detachSettings = services.settings.attachEditor(e, host.current);
    editor.current = e;
    services.editor.editors.add(e);
    const detachTextEditor = services.editor.textEditors.attach(e, group);
    const focus = e.onDidFocusEditorText(() => {
      services.editor.focused.set(e);
      focusListener.current?.();
    });
    return () => {
      focus.dispose();
      actions.dispose();
      hierarchyActions.dispose();
      detachTextEditor();
      detachSettings();
      services.editor.editors.delete(e);
      if (services.editor.focused.get() === e) services.editor.focused.set(undefined);
      e.dispose();
      editor.current = undefined;
      shown.current = undefined;
    };
  }, [services, group]);

  useEffect(() => {
    const e = editor.current;
    if (!e) return;
    const previous = shown.current;
    if (previous === uri) return;
    if (previous) viewStates.current.set(previous, e.saveViewState());
    const model = services.documents.model(uri) ?? null;
    e.setModel(model);
    e.updateOptions({ readOnly: services.documents.isReadonly(uri) });
    const state = viewStates.current.get(uri);
    if (state) e.restoreViewState(state);
    shown.current = uri;
    e.focus();
  }, [services, uri]);

  return (
    <div
      className="editor"
      ref={host}
      data-testid="editor"
      data-uri={uri}
      data-group={group}
      style={hidden ? { display: "none" } : undefined}
    />
  );
};
