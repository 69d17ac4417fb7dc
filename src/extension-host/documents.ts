/**
 * The extension host's copies of the renderer's open documents. The renderer owns the text
 * (unsaved edits included) and sends incremental, versioned edits; a gap in versions means a
 * lost edit, so it is refused loudly rather than applied to the wrong text.
 */
import { Data } from "effect";
import type {
  DocumentChange,
  DocumentSnapshot,
  EndOfLineSequence,
  Position as PositionDto,
} from "../protocol/workbench.js";

export class DocumentVersionMismatch extends Data.TaggedError("DocumentVersionMismatch")<{
  readonly uri: string;
  readonly message: string;
}> {}

export class UnknownDocument extends Data.TaggedError("UnknownDocument")<{
  readonly uri: string;
  readonly message: string;
}> {}

/**
 * Lines without their `\n` (a `\r` stays, as in the text): an edit replaces only the lines it
 * touches, so typing costs the size of the change, not of the document. The full text and the
 * line-start offsets are derived lazily, and only from the first line that changed.
 */
/** A text's line break when nobody said: its first one (Monaco uses one for the whole model), else LF. */
export const eolOf = (text: string): EndOfLineSequence => {
  const lf = text.indexOf("\n");
  return lf > 0 && text[lf - 1] === "\r" ? "\r\n" : "\n";
};

export class DocumentModel {
  private lines: string[];
  private cachedText: string | undefined;
  /** lineStarts[i] is valid for i < validStarts. */
  private readonly lineStarts: number[] = [0];
  private validStarts = 1;
  /** Unsaved changes in the window (`TextDocument.isDirty`). */
  isDirty = false;
  /** Closed in the window (`TextDocument.isClosed`); a reopened document is a new model. */
  isClosed = false;
  /** The line break of the text (`TextDocument.eol`). */
  eol: EndOfLineSequence;

  constructor(
    readonly uri: string,
    public languageId: string,
    public version: number,
    content: string,
    eol?: EndOfLineSequence,
  ) {
    this.lines = content.split("\n");
    this.cachedText = content;
    this.eol = eol ?? eolOf(content);
  }

  get text(): string {
    this.cachedText ??= this.lines.join("\n");
    return this.cachedText;
  }

  get lineCount(): number {
    return this.lines.length;
  }

  lineText(line: number): string {
    return (this.lines[line] ?? "").replace(/\r$/, "");
  }

  /** Clamped like VS Code: positions past the end land on the end. */
  offsetAt(p: PositionDto): number {
    if (p.line >= this.lines.length) return this.textLength();
    const line = Math.max(0, p.line);
    return this.lineStart(line) + Math.min(Math.max(0, p.character), this.lineText(line).length);
  }

  positionAt(offset: number): PositionDto {
    const o = Math.min(Math.max(0, offset), this.textLength());
    let lo = 0;
    let hi = this.lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStart(mid) <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.lineStart(lo) };
  }

  /** Applies edits in order, each against the text left by the previous one (Monaco's order). */
  apply(change: DocumentChange): void {
    for (const c of change.changes) {
      const [startLine, startChar] = this.clamp(c.range.start);
      const [endLine, endChar] = this.clamp(c.range.end);
      const replacement = (
        this.lines[startLine]!.slice(0, startChar) +
        c.text +
        this.lines[endLine]!.slice(endChar)
      ).split("\n");
      this.replaceLines(startLine, endLine - startLine + 1, replacement);
      this.validStarts = Math.min(this.validStarts, startLine + 1);
    }
    this.cachedText = undefined;
    this.version = change.version;
    if (change.eol !== undefined) this.eol = change.eol;
    if (change.isDirty !== undefined) this.isDirty = change.isDirty;
  }

  private clamp(p: PositionDto): [number, number] {
    if (p.line >= this.lines.length) {
      const last = this.lines.length - 1;
      return [last, this.lines[last]!.length];
    }
    const line = Math.max(0, p.line);
    return [line, Math.min(Math.max(0, p.character), this.lineText(line).length)];
  }

  private replaceLines(start: number, deleteCount: number, replacement: string[]): void {
    // Spreading a huge paste into splice() would overflow the call stack.
    if (replacement.length < 10_000) this.lines.splice(start, deleteCount, ...replacement);
    else this.lines = [...this.lines.slice(0, start), ...replacement, ...this.lines.slice(start + deleteCount)];
  }

  private lineStart(line: number): number {
    for (let i = this.validStarts; i <= line; i++)
      this.lineStarts[i] = this.lineStarts[i - 1]! + this.lines[i - 1]!.length + 1;
    this.validStarts = Math.max(this.validStarts, line + 1);
    return this.lineStarts[line]!;
  }

  private textLength(): number {
    const last = this.lines.length - 1;
    return this.lineStart(last) + this.lines[last]!.length;
  }
}

export class DocumentStore {
  private readonly docs = new Map<string, DocumentModel>();

  get all(): DocumentModel[] {
    return [...this.docs.values()];
  }

  get(uri: string): DocumentModel | undefined {
    return this.docs.get(uri);
  }

  open(s: DocumentSnapshot): DocumentModel {
    const doc = new DocumentModel(s.uri, s.languageId, s.version, s.text, s.eol);
    doc.isDirty = s.isDirty ?? false;
    this.docs.set(s.uri, doc);
    return doc;
  }

  change(change: DocumentChange): DocumentModel {
    const doc = this.docs.get(change.uri);
    if (!doc) throw new UnknownDocument({ uri: change.uri, message: `document ${change.uri} is not open` });
    if (change.version !== doc.version + 1) {
      throw new DocumentVersionMismatch({
        uri: change.uri,
        message: `document ${change.uri} is at version ${doc.version}; got an edit for version ${change.version} (send a full snapshot)`,
      });
    }
    doc.apply(change);
    return doc;
  }

  close(uri: string): DocumentModel | undefined {
    const doc = this.docs.get(uri);
    this.docs.delete(uri);
    if (doc) doc.isClosed = true;
    return doc;
  }
}
