/**
 * The extension host's copies of the renderer's open documents. The renderer owns the text
 * (unsaved edits included) and sends incremental, versioned edits; a gap in versions means a
 * lost edit, so it is refused loudly rather than applied to the wrong text.
 */
import { Data } from "effect";
import type { DocumentChange, DocumentSnapshot, Position as PositionDto } from "../protocol/workbench.js";

export class DocumentVersionMismatch extends Data.TaggedError("DocumentVersionMismatch")<{
  readonly uri: string;
  readonly message: string;
}> {}

export class UnknownDocument extends Data.TaggedError("UnknownDocument")<{
  readonly uri: string;
  readonly message: string;
}> {}

export class DocumentModel {
  private lineStarts: number[] = [0];

  constructor(
    readonly uri: string,
    public languageId: string,
    public version: number,
    private content: string,
  ) {
    this.reindex();
  }

  get text(): string {
    return this.content;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  lineText(line: number): string {
    const start = this.lineStarts[line] ?? this.content.length;
    const next = this.lineStarts[line + 1];
    return this.content.slice(start, next === undefined ? undefined : next - 1).replace(/\r$/, "");
  }

  /** Clamped like VS Code: positions past the end land on the end. */
  offsetAt(p: PositionDto): number {
    if (p.line >= this.lineStarts.length) return this.content.length;
    const start = this.lineStarts[Math.max(0, p.line)]!;
    const lineLength = this.lineText(Math.max(0, p.line)).length;
    return start + Math.min(Math.max(0, p.character), lineLength);
  }

  positionAt(offset: number): PositionDto {
    const o = Math.min(Math.max(0, offset), this.content.length);
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.lineStarts[lo]! };
  }

  /** Applies edits in order, each against the text left by the previous one (CodeMirror's order). */
  apply(change: DocumentChange): void {
    for (const c of change.changes) {
      const start = this.offsetAt(c.range.start);
      const end = this.offsetAt(c.range.end);
      this.content = this.content.slice(0, start) + c.text + this.content.slice(end);
      this.reindex();
    }
    this.version = change.version;
  }

  private reindex(): void {
    const starts = [0];
    for (let i = 0; i < this.content.length; i++) if (this.content.charCodeAt(i) === 10) starts.push(i + 1);
    this.lineStarts = starts;
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
    const doc = new DocumentModel(s.uri, s.languageId, s.version, s.text);
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
    return doc;
  }
}
