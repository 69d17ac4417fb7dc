/**
 * What runs between Ctrl+S and the write, as in VS Code: format on save (its
 * FormatOnSaveParticipant, which runs before the extensions' participant), then every
 * `workspace.onWillSaveTextDocument` listener (ExtHostDocumentSaveParticipant). A listener's
 * `waitUntil` edits are applied to the window's buffer before the next listener is called, so
 * each sees the text the previous one left. Budgets are VS Code's: 1.5 s per listener and 1.5 s
 * for all of them (listeners not reached by then are not called); a listener that failed or
 * timed out more than 3 times is skipped from then on. Nothing a participant does stops the save.
 */
import type { SaveParticipation, SaveReasonDto } from "../../protocol/contracts/documents.js";
import { DocumentNotOpen } from "../../protocol/contracts/ext-host.js";
import type { SingleEditDto } from "../../protocol/contracts/text-editors.js";
import type { DocumentModel } from "../documents.js";
import type { Session } from "./sessions.js";

export interface ParticipantEdits {
  readonly edits: ReadonlyArray<SingleEditDto>;
  readonly setEndOfLine: "LF" | "CRLF" | null;
}

export interface WillSaveListener {
  readonly extensionId: string;
  /**
   * Calls the extension's listener with a fresh event; answers the thenables it handed to
   * `waitUntil` during the call. A throw is the listener's failure.
   */
  readonly fire: (doc: DocumentModel, reason: SaveReasonDto) => ReadonlyArray<PromiseLike<unknown>>;
  /** The thenables' values → edits; values that are not `TextEdit[]` are ignored, as in VS Code. */
  readonly edits: (values: ReadonlyArray<unknown>) => ParticipantEdits;
}

export interface SaveParticipantsDeps {
  /** Applies edits to the window's buffer at `version`; false when they were refused. */
  readonly apply: (session: Session, doc: DocumentModel, edits: ParticipantEdits) => Promise<boolean>;
  /** `editor.formatOnSave` for the document's language and folder. */
  readonly formatOnSave: (session: Session, doc: DocumentModel) => boolean;
  /** The document formatting provider's edits (none when there is no formatter). */
  readonly format: (
    doc: DocumentModel,
    options: { tabSize: number; insertSpaces: boolean },
    signal: AbortSignal,
  ) => Promise<ReadonlyArray<SingleEditDto>>;
  readonly reportError: (extensionId: string, what: string, error: unknown) => void;
  readonly log: (message: string) => void;
}

export interface SaveThresholds {
  /** Per listener and for all listeners together. */
  readonly timeoutMs: number;
  /** A listener with more failures than this is skipped. */
  readonly errors: number;
}

/** The document changed while a listener worked: its edits would land on other text. Not the listener's fault. */
class ConcurrentEdits extends Error {
  constructor() {
    super("concurrent_edits");
  }
}

class ListenerTimeout extends Error {}

export class SaveParticipantsService {
  private readonly listeners: WillSaveListener[] = [];
  private readonly failures = new WeakMap<WillSaveListener, number>();

  constructor(
    private readonly deps: SaveParticipantsDeps,
    private readonly thresholds: SaveThresholds = { timeoutMs: 1_500, errors: 3 },
  ) {}

  /** Listeners are asked in the order they subscribed. */
  add(listener: WillSaveListener): () => void {
    this.listeners.push(listener);
    return () => {
      const i = this.listeners.indexOf(listener);
      if (i >= 0) this.listeners.splice(i, 1);
    };
  }

  async participate(
    session: Session,
    uri: string,
    reason: SaveReasonDto,
    options: { tabSize: number; insertSpaces: boolean },
    signal: AbortSignal,
  ): Promise<SaveParticipation> {
    const current = (): DocumentModel => {
      const doc = session.documents.get(uri);
      if (!doc) throw new DocumentNotOpen({ uri, message: `document ${uri} is not open in this window` });
      return doc;
    };
    const formatted = await this.formatOnSave(session, current(), reason, options, signal);
    const listeners: boolean[] = [];
    let outOfTime = false;
    const budget = setTimeout(() => (outOfTime = true), this.thresholds.timeoutMs);
    try {
      // A copy: listeners may subscribe or unsubscribe while others run.
      for (const listener of [...this.listeners]) {
        if (outOfTime || signal.aborted) break;
        listeners.push(await this.deliver(session, listener, current(), reason));
      }
    } finally {
      clearTimeout(budget);
    }
    return { formatted, listeners };
  }

  /** VS Code formats only saves the user asked for: not auto saves after a delay. */
  private async formatOnSave(
    session: Session,
    doc: DocumentModel,
    reason: SaveReasonDto,
    options: { tabSize: number; insertSpaces: boolean },
    signal: AbortSignal,
  ): Promise<boolean> {
    if (reason === "afterDelay" || !this.deps.formatOnSave(session, doc)) return false;
    const version = doc.version;
    try {
      const edits = await this.deps.format(doc, options, signal);
      if (edits.length === 0 || doc.version !== version || signal.aborted) return false;
      return await this.deps.apply(session, doc, { edits, setEndOfLine: null });
    } catch (e) {
      this.deps.log(`format on save of ${doc.uri} failed: ${e instanceof Error ? e.message : String(e)}`);
      return false;
    }
  }

  private async deliver(
    session: Session,
    listener: WillSaveListener,
    doc: DocumentModel,
    reason: SaveReasonDto,
  ): Promise<boolean> {
    if ((this.failures.get(listener) ?? 0) > this.thresholds.errors) return false;
    try {
      await this.run(session, listener, doc, reason);
      return true;
    } catch (e) {
      this.deps.reportError(listener.extensionId, "onWillSaveTextDocument listener", e);
      if (!(e instanceof ConcurrentEdits)) {
        const failures = (this.failures.get(listener) ?? 0) + 1;
        this.failures.set(listener, failures);
        if (failures > this.thresholds.errors) {
          this.deps.log(
            `onWillSaveTextDocument listener of ${listener.extensionId} is ignored from now on: it failed or timed out ${failures} times`,
          );
        }
      }
      return false;
    }
  }

  private async run(
    session: Session,
    listener: WillSaveListener,
    doc: DocumentModel,
    reason: SaveReasonDto,
  ): Promise<void> {
    const version = doc.version;
    const thenables = listener.fire(doc, reason);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new ListenerTimeout(`did not finish within ${this.thresholds.timeoutMs} ms`)),
        this.thresholds.timeoutMs,
      );
    });
    let values: unknown[];
    try {
      values = await Promise.race([Promise.all(thenables), timeout]);
    } finally {
      clearTimeout(timer);
    }
    const edits = listener.edits(values);
    if (edits.edits.length === 0 && edits.setEndOfLine === null) return;
    if (doc.isClosed || doc.version !== version) throw new ConcurrentEdits();
    if (!(await this.deps.apply(session, doc, edits))) throw new ConcurrentEdits();
  }
}
