/**
 * The windows' open documents as extensions see them. Each session keeps its own copies, synced
 * incrementally; a version gap (an edit lost in a reconnect) makes the host ask that window for
 * a snapshot instead of refusing every later edit, and a per-session quota bounds the memory
 * one window's documents may take.
 */
import { DocumentNotOpen, DocumentVersionMismatch, QuotaExceeded } from "../../protocol/contracts/ext-host.js";
import type { DocumentChange, DocumentSnapshot, Range } from "../../protocol/workbench.js";
import { EventEmitter } from "../api/types.js";
import type { DocumentModel } from "../documents.js";
import type { Session, Sessions } from "./sessions.js";

export interface DocumentChangeEvent {
  readonly doc: DocumentModel;
  /** Empty when only the dirty state changed (as VS Code fires it). */
  readonly changes: DocumentChange["changes"];
  readonly reason?: DocumentChange["reason"];
}

/** 256 Mi UTF-16 code units (~512 MiB) of open text per window unless configured. */
export const DEFAULT_MAX_DOCUMENT_CHARS = 256 * 1024 * 1024;

export class DocumentsService {
  readonly onDidOpen = new EventEmitter<DocumentModel>();
  readonly onDidChange = new EventEmitter<DocumentChangeEvent>();
  readonly onDidSave = new EventEmitter<DocumentModel>();
  readonly onDidClose = new EventEmitter<DocumentModel>();
  readonly onDidChangeActiveEditor = new EventEmitter<DocumentModel | undefined>();

  constructor(
    private readonly sessions: Sessions,
    private readonly log: (message: string) => void,
    private readonly maxChars = DEFAULT_MAX_DOCUMENT_CHARS,
  ) {
    sessions.onDidClose((s) => {
      for (const doc of s.documents.all) this.close(s, doc.uri);
    });
  }

  /** What extensions see: every window's documents, the requesting window's copy first. */
  get all(): DocumentModel[] {
    const seen = new Map<string, DocumentModel>();
    const target = this.sessions.target();
    for (const s of [...(target ? [target] : []), ...this.sessions.workbenches]) {
      for (const d of s.documents.all) if (!seen.has(d.uri)) seen.set(d.uri, d);
    }
    return [...seen.values()];
  }

  get(uri: string): DocumentModel | undefined {
    const target = this.sessions.target()?.documents.get(uri);
    if (target) return target;
    for (const s of this.sessions.workbenches) {
      const doc = s.documents.get(uri);
      if (doc) return doc;
    }
    return undefined;
  }

  /** The active editor's document and selection, for `window.activeTextEditor`. */
  active(): { doc: DocumentModel; selection: Range | undefined } | undefined {
    const s = this.sessions.target();
    const doc = s?.activeUri ? s.documents.get(s.activeUri) : undefined;
    return doc && s ? { doc, selection: s.activeSelection } : undefined;
  }

  /** Replaces a session's whole set (after `initialize`): what was open and is no more closes. */
  resetSession(s: Session, snapshots: ReadonlyArray<DocumentSnapshot>): void {
    const keep = new Set(snapshots.map((d) => d.uri));
    for (const doc of s.documents.all) if (!keep.has(doc.uri)) this.close(s, doc.uri);
    s.resyncing.clear();
    for (const snapshot of snapshots) this.open(s, snapshot);
  }

  open(s: Session, snapshot: DocumentSnapshot): DocumentModel {
    const previous = s.documents.get(snapshot.uri);
    const chars = s.documentChars - (previous?.text.length ?? 0) + snapshot.text.length;
    if (chars > this.maxChars) {
      throw new QuotaExceeded({
        quota: "open-document characters per window",
        limit: this.maxChars,
        message: `opening ${snapshot.uri} would hold ${chars} characters of open documents in this window (limit ${this.maxChars})`,
      });
    }
    s.documentChars = chars;
    const doc = s.documents.open(snapshot);
    if (previous) {
      // Same document, new text (a resync): extensions see one full replacement.
      const end = { line: previous.lineCount, character: 0 };
      this.onDidChange.fire({ doc, changes: [{ range: { start: { line: 0, character: 0 }, end }, text: doc.text }] });
    } else {
      this.onDidOpen.fire(doc);
    }
    return doc;
  }

  change(s: Session, change: DocumentChange): void {
    const doc = s.documents.get(change.uri);
    if (!doc) return this.log(`edit for ${change.uri}, which is not open in window ${s.id}; ignored`);
    if (s.resyncing.has(change.uri)) return;
    if (change.version <= doc.version) return; // already included in a snapshot
    if (change.version !== doc.version + 1) return void this.resync(s, doc, change.version);
    const before = doc.text.length;
    s.documents.change(change);
    s.documentChars += doc.text.length - before;
    this.onDidChange.fire({ doc, changes: change.changes, ...(change.reason ? { reason: change.reason } : {}) });
  }

  /** A request at a version the host does not have fails, and the host catches up. */
  at(s: Session, uri: string, version: number): DocumentModel {
    const doc = s.documents.get(uri);
    if (!doc) throw new DocumentNotOpen({ uri, message: `document ${uri} is not open in this window` });
    if (doc.version !== version || s.resyncing.has(uri)) {
      if (!s.resyncing.has(uri) && version > doc.version) void this.resync(s, doc, version);
      throw new DocumentVersionMismatch({
        uri,
        expected: doc.version,
        received: version,
        message: `document ${uri} is at version ${doc.version} in the extension host; the request was for version ${version}`,
      });
    }
    return doc;
  }

  /** Like VS Code's $acceptModelSaved: the document turns clean (a change event), then onDidSave. */
  saved(s: Session, uri: string): void {
    const doc = s.documents.get(uri);
    if (!doc) return;
    this.dirtyChanged(s, uri, false);
    this.onDidSave.fire(doc);
  }

  /** The window's buffer became dirty or clean without an edit (saved, reverted): an empty change event. */
  dirtyChanged(s: Session, uri: string, isDirty: boolean): void {
    const doc = s.documents.get(uri);
    if (!doc || doc.isDirty === isDirty) return;
    doc.isDirty = isDirty;
    this.onDidChange.fire({ doc, changes: [] });
  }

  close(s: Session, uri: string): void {
    const doc = s.documents.close(uri);
    if (!doc) return;
    s.documentChars -= doc.text.length;
    s.resyncing.delete(uri);
    this.onDidClose.fire(doc);
  }

  activeChanged(s: Session, uri: string | null, selection: Range | null): void {
    s.activeUri = uri ?? undefined;
    s.activeSelection = selection ?? undefined;
    s.lastActiveAt = Date.now();
    this.onDidChangeActiveEditor.fire(uri ? s.documents.get(uri) : undefined);
  }

  private async resync(s: Session, doc: DocumentModel, received: number): Promise<void> {
    s.resyncing.add(doc.uri);
    this.log(`window ${s.id}: ${doc.uri} is at version ${doc.version}, got version ${received}; asking for a snapshot`);
    try {
      const snapshot = await s.workbench.documentSnapshot(doc.uri, { timeoutMs: 10_000 });
      s.resyncing.delete(doc.uri);
      if (snapshot) this.open(s, snapshot);
      else this.close(s, doc.uri);
    } catch (e) {
      s.resyncing.delete(doc.uri);
      this.log(`window ${s.id}: snapshot of ${doc.uri} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}
