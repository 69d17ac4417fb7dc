/**
 * What the status bar shows about the focused editor — Ln/Col, selection, indentation, EOL,
 * language — kept in a store that changes on cursor, model and option events only.
 */
import { Store } from "../store.js";
import { monaco } from "./monaco.js";

export interface CursorStatus {
  readonly line: number;
  readonly column: number;
  /** Characters selected over all selections, and how many selections there are. */
  readonly selectedChars: number;
  readonly selections: number;
  readonly indentation: string;
  readonly eol: "LF" | "CRLF";
  readonly languageId: string;
}

const statusOf = (editor: monaco.editor.ICodeEditor): CursorStatus | undefined => {
  const model = editor.getModel();
  const position = editor.getPosition();
  if (!model || !position) return undefined;
  const selections = editor.getSelections() ?? [];
  const options = model.getOptions();
  return {
    line: position.lineNumber,
    column: position.column,
    selectedChars: selections.reduce((n, s) => n + model.getValueLengthInRange(s), 0),
    selections: selections.length,
    indentation: options.insertSpaces ? `Spaces: ${options.indentSize}` : `Tab Size: ${options.tabSize}`,
    eol: model.getEOL() === "\r\n" ? "CRLF" : "LF",
    languageId: model.getLanguageId(),
  };
};

export const cursorStatusLabel = (s: CursorStatus): string => {
  const base = `Ln ${s.line}, Col ${s.column}`;
  if (s.selectedChars === 0) return base;
  return s.selections > 1
    ? `${base} (${s.selectedChars} selected in ${s.selections})`
    : `${base} (${s.selectedChars} selected)`;
};

/** Follows whichever editor `focused` holds. */
export const trackCursorStatus = (
  focused: Pick<Store<monaco.editor.ICodeEditor | undefined>, "get" | "subscribe">,
): Store<CursorStatus | undefined> => {
  const status = new Store<CursorStatus | undefined>(undefined);
  let listeners: monaco.IDisposable[] = [];
  const attach = () => {
    for (const l of listeners) l.dispose();
    const editor = focused.get();
    if (!editor) {
      listeners = [];
      status.set(undefined);
      return;
    }
    const update = () => status.set(statusOf(editor));
    listeners = [
      editor.onDidChangeCursorSelection(update),
      editor.onDidChangeModel(update),
      editor.onDidChangeModelOptions(update),
      editor.onDidChangeModelLanguage(update),
      editor.onDidChangeModelContent(() => {
        // EOL changes arrive as content changes; Ln/Col already follow the cursor event.
        const s = status.get();
        const model = editor.getModel();
        if (s && model && (model.getEOL() === "\r\n") !== (s.eol === "CRLF")) update();
      }),
    ];
    update();
  };
  focused.subscribe(attach);
  attach();
  return status;
};

export const setEol = (editor: monaco.editor.ICodeEditor | undefined, eol: "LF" | "CRLF"): void => {
  editor?.getModel()?.pushEOL(eol === "LF" ? monaco.editor.EndOfLineSequence.LF : monaco.editor.EndOfLineSequence.CRLF);
};
