/** `vscode.TextDocument` over the host's DocumentModel (read-only view, always current). */
import { fileURLToPath } from "node:url";
import type { DocumentModel } from "../documents.js";
import { Position, Range, Uri } from "./types.js";

const views = new WeakMap<DocumentModel, unknown>();

/** How `TextDocument.save` reaches the window that owns the buffer (set by the host's composition root). */
let saver: (uri: string) => Promise<boolean> = () => Promise.resolve(false);
export const setDocumentSaver = (save: (uri: string) => Promise<boolean>): void => {
  saver = save;
};

/** The word pattern `languages.setLanguageConfiguration` set for a language (set by the composition root). */
let wordPatternOf: (languageId: string) => RegExp | undefined = () => undefined;
export const setWordPatterns = (lookup: (languageId: string) => RegExp | undefined): void => {
  wordPatternOf = lookup;
};

export const textDocument = (doc: DocumentModel): unknown => {
  let view = views.get(doc);
  if (view) return view;
  const uri = Uri.parse(doc.uri);
  view = {
    uri,
    get fileName() {
      return uri.scheme === "file" ? fileURLToPath(doc.uri) : uri.path;
    },
    get languageId() {
      return doc.languageId;
    },
    get version() {
      return doc.version;
    },
    get lineCount() {
      return doc.lineCount;
    },
    isUntitled: uri.scheme === "untitled",
    get isDirty() {
      return doc.isDirty;
    },
    get isClosed() {
      return doc.isClosed;
    },
    /** `vscode.EndOfLine`: LF = 1, CRLF = 2. */
    get eol() {
      return doc.eol === "\r\n" ? 2 : 1;
    },
    getText: (range?: Range) => (range ? doc.text.slice(doc.offsetAt(range.start), doc.offsetAt(range.end)) : doc.text),
    lineAt: (lineOrPosition: number | Position) => {
      const line = typeof lineOrPosition === "number" ? lineOrPosition : lineOrPosition.line;
      if (line < 0 || line >= doc.lineCount) throw new Error(`Illegal value for line: ${line}`);
      const text = doc.lineText(line);
      const firstNonWhitespace = text.search(/\S/);
      return {
        lineNumber: line,
        text,
        range: new Range(line, 0, line, text.length),
        firstNonWhitespaceCharacterIndex: firstNonWhitespace < 0 ? text.length : firstNonWhitespace,
        isEmptyOrWhitespace: firstNonWhitespace < 0,
      };
    },
    offsetAt: (p: Position) => doc.offsetAt(p),
    positionAt: (offset: number) => {
      const p = doc.positionAt(offset);
      return new Position(p.line, p.character);
    },
    getWordRangeAtPosition: (p: Position, regex: RegExp = wordPatternOf(doc.languageId) ?? /[\w$-]+/g) => {
      const text = doc.lineText(p.line);
      const global = new RegExp(regex.source, regex.flags.includes("g") ? regex.flags : `${regex.flags}g`);
      for (const m of text.matchAll(global)) {
        const start = m.index;
        const end = start + m[0].length;
        if (start <= p.character && p.character <= end && m[0].length > 0) return new Range(p.line, start, p.line, end);
      }
      return undefined;
    },
    validatePosition: (p: Position) => {
      const q = doc.positionAt(doc.offsetAt(p));
      return new Position(q.line, q.character);
    },
    save: () => saver(doc.uri),
  };
  views.set(doc, view);
  return view;
};
