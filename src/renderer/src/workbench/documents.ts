/**
 * Open documents live here, in the renderer, as one Monaco text model each: the text (saved
 * or not) is the renderer's, and every content change event goes to the extension host as a
 * versioned, incremental edit — ranges and inserted text only, never the whole document. The
 * React store holds just metadata; dirtiness comes from the model's alternative version id
 * (undoing back to the saved state makes a tab clean again). Unsaved text is backed up to
 * localStorage (debounced) so it survives a renderer reload and an extension-host crash.
 * Each model remembers the disk version (etag) its text is based on: a save refuses to
 * overwrite a file that changed on disk meanwhile. Binary files get a tab but no model, so
 * they can never be saved as (corrupted) text.
 */
import type { ExtHostDocumentsContract, SaveReasonDto } from "../../../protocol/contracts/documents.js";
import type { ExtHostContract } from "../../../protocol/contracts/ext-host.js";
import type { Proxy } from "../../../protocol/rpc-contract.js";
import type { DocumentSnapshot, TextChange } from "../../../protocol/workbench.js";
import { monaco } from "./editor/monaco.js";
import { languageOf } from "./languages.js";
import { Store } from "./store.js";

export interface OpenDocument {
  readonly uri: string;
  readonly languageId: string;
  readonly dirty: boolean;
  /** Restored from a backup after a reload or crash, not yet saved. */
  readonly restored: boolean;
  /** Not text: shown as a notice, never as an editable (and saveable) buffer. */
  readonly binary: boolean;
  /** The file was deleted on disk (or from the explorer); the editor stays open and a save re-creates it. */
  readonly deleted?: boolean;
}

export const isDirty = (d: OpenDocument): boolean => d.dirty;

const eolOf = (model: monaco.editor.ITextModel): "\n" | "\r\n" => (model.getEOL() === "\r\n" ? "\r\n" : "\n");

const BACKUP_PREFIX = "direct-editor.backup:";

interface Backup {
  readonly text: string;
  readonly languageId: string;
  /** The disk version the unsaved text was based on (absent in backups of older builds). */
  readonly etag?: string | null;
}

export const tagOf = (e: unknown): string | undefined =>
  typeof e === "object" && e !== null && "_tag" in e && typeof e._tag === "string" ? e._tag : undefined;

/** Monaco's changes of one event can be applied one after another, as the host does. */
export const toTextChanges = (e: monaco.editor.IModelContentChangedEvent): TextChange[] =>
  e.changes.map((c) => ({
    range: {
      start: { line: c.range.startLineNumber - 1, character: c.range.startColumn - 1 },
      end: { line: c.range.endLineNumber - 1, character: c.range.endColumn - 1 },
    },
    text: c.text,
  }));

/** Monaco falls back to plaintext for unknown ids; extensions' providers need the real id. */
export const ensureLanguage = (id: string): void => {
  if (!monaco.languages.getLanguages().some((l) => l.id === id)) monaco.languages.register({ id });
};

interface Tracked {
  readonly model: monaco.editor.ITextModel;
  /** The alternative version id of the text on disk; -1 when that text is not in the undo history. */
  savedVersion: number;
  eol: string;
  /** The disk version the saved text corresponds to; null when unknown (then a save overwrites). */
  etag: string | null;
  /** The dirty state the extension host was last told (`TextDocument.isDirty`). */
  hostDirty: boolean;
  readonly subscription: monaco.IDisposable;
}

export class Documents {
  readonly open = new Store<ReadonlyArray<OpenDocument>>([]);
  readonly active = new Store<string | undefined>(undefined);
  /** Virtual documents and read-only file systems: their editors refuse edits. */
  private readonly readonlyUris = new Set<string>();
  private readonly tracked = new Map<string, Tracked>();
  private readonly backupTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly modelListeners = new Set<(model: monaco.editor.ITextModel) => void>();
  private readonly renameListeners = new Set<(from: string, to: string) => void>();
  /** The last save of each document: saves run one after another, each based on the etag the previous wrote. */
  private readonly saving = new Map<string, Promise<unknown>>();

  constructor(
    private readonly host: Proxy<typeof ExtHostContract>,
    private readonly storage: Storage = localStorage,
    /** Language of a file name; replaced once extensions' `contributes.languages` are known. */
    public languageFor: (uri: string) => string = languageOf,
  ) {}

  /** Save participants (format on save, onWillSaveTextDocument) and dirty states; unset in tests without a host. */
  extHostDocuments: Proxy<typeof ExtHostDocumentsContract> | undefined;

  /** Awaited before a file is opened, e.g. until extensions' languages are known. */
  beforeOpen: () => Promise<void> = () => Promise.resolve();

  get(uri: string): OpenDocument | undefined {
    return this.open.get().find((d) => d.uri === uri);
  }

  model(uri: string): monaco.editor.ITextModel | undefined {
    return this.tracked.get(uri)?.model;
  }

  /** Called for every model created (e.g. to register language providers for its language). */
  onDidCreateModel(listener: (model: monaco.editor.ITextModel) => void): () => void {
    this.modelListeners.add(listener);
    for (const t of this.tracked.values()) listener(t.model);
    return () => this.modelListeners.delete(listener);
  }

  /** Unsaved buffers from the last session (reload or crash), reopened as dirty tabs. */
  restoreBackups(): void {
    for (let i = 0; i < this.storage.length; i++) {
      const key = this.storage.key(i);
      if (!key?.startsWith(BACKUP_PREFIX)) continue;
      try {
        const b = JSON.parse(this.storage.getItem(key) ?? "") as Backup;
        const uri = key.slice(BACKUP_PREFIX.length);
        if (this.get(uri)) continue;
        this.track(uri, b.languageId, b.text, true, b.etag ?? null);
        this.active.set(this.active.get() ?? uri);
      } catch {
        this.storage.removeItem(key);
      }
    }
  }

  isReadonly(uri: string): boolean {
    return this.readonlyUris.has(uri);
  }

  /** Opens (or focuses) a tab; `activate: false` opens it in the background (e.g. a rename's other files). */
  async openFile(uri: string, { activate = true }: { activate?: boolean } = {}): Promise<void> {
    if (!this.get(uri)) {
      const [file] = await Promise.all([
        this.host.readFile(uri).catch((e: unknown) => {
          if (tagOf(e) === "BinaryFile") return "binary" as const;
          throw e;
        }),
        this.beforeOpen(),
      ]);
      if (!this.get(uri)) {
        const languageId = this.languageFor(uri);
        if (file === "binary") {
          this.open.update((docs) => [...docs, { uri, languageId, dirty: false, restored: false, binary: true }]);
        } else {
          const model = this.track(uri, languageId, file.text, false, file.etag);
          if (file.readonly) this.readonlyUris.add(uri);
          // Refused (quota) or disconnected: the next initialize sends every open document again.
          this.host
            .documentOpened({
              uri,
              languageId,
              version: model.getVersionId(),
              text: file.text,
              eol: eolOf(model),
              isDirty: false,
            })
            .catch(() => undefined);
        }
      }
    }
    if (activate) this.setActive(uri);
  }

  /** `languages.setTextDocumentLanguage`: the model and the host's copy change language. */
  setLanguage(uri: string, languageId: string): void {
    const model = this.tracked.get(uri)?.model;
    if (!model) throw new Error(`${uri} is not open`);
    ensureLanguage(languageId);
    monaco.editor.setModelLanguage(model, languageId);
    this.patch(uri, { languageId });
    const snapshot = this.snapshot(uri);
    if (snapshot) this.host.documentOpened(snapshot).catch(() => undefined);
  }

  setActive(uri: string | undefined): void {
    this.active.set(uri);
    this.host.activeEditorChanged({ uri: uri ?? null, selection: null });
  }

  /**
   * Writes the buffer; fails with the host's typed error (FileModifiedOnDisk unless `overwrite`,
   * FileSystemFailure, Disconnected…) and then leaves the buffer dirty and backed up.
   * Binary documents have no buffer and are never written.
   */
  save(uri: string, options: { overwrite?: boolean; reason?: SaveReasonDto } = {}): Promise<void> {
    // Two quick Ctrl+S must not race: the second would carry the etag the first replaced.
    const previous = this.saving.get(uri) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.saveNow(uri, options));
    this.saving.set(uri, next);
    const forget = () => {
      if (this.saving.get(uri) === next) this.saving.delete(uri);
    };
    next.then(forget, forget);
    return next;
  }

  private async saveNow(
    uri: string,
    { overwrite = false, reason = "manual" }: { overwrite?: boolean; reason?: SaveReasonDto },
  ): Promise<void> {
    const t = this.tracked.get(uri);
    if (!t) return;
    await this.participateInSave(uri, t, reason);
    if (this.tracked.get(uri) !== t) return; // closed while participants ran
    const version = t.model.getAlternativeVersionId();
    try {
      t.etag = await this.host.writeFile({
        uri,
        content: t.model.getValue(),
        expectedEtag: overwrite ? null : t.etag,
      });
    } catch (e) {
      this.writeBackup(uri);
      throw e;
    }
    t.savedVersion = version;
    // The host marks the document clean and fires onDidSave; typing during the write dirties it again after.
    t.hostDirty = false;
    this.host.documentSaved(uri);
    this.patch(uri, { dirty: t.model.getAlternativeVersionId() !== version, restored: false, deleted: false });
    this.storage.removeItem(BACKUP_PREFIX + uri);
  }

  /**
   * VS Code's save participants: the extension host formats (editor.formatOnSave) and runs the
   * onWillSaveTextDocument listeners, whose edits land in this model before its text is read.
   * They may slow a save down (VS Code's files.participants.timeout: 60 s), never stop it.
   */
  private async participateInSave(uri: string, t: Tracked, reason: SaveReasonDto): Promise<void> {
    if (!this.extHostDocuments) return;
    const { tabSize, insertSpaces } = t.model.getOptions();
    try {
      await this.extHostDocuments.participateInSave(
        { uri, reason, options: { tabSize, insertSpaces } },
        { timeoutMs: 60_000 },
      );
    } catch (e) {
      console.warn(`save participants of ${uri} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /**
   * Replaces the buffer with the file on disk, which then counts as saved. Undoable on its own, as
   * VS Code's revert (ModelService.updateModel): stack elements around it keep typing out of its undo step.
   */
  async revert(uri: string): Promise<void> {
    const t = this.tracked.get(uri);
    if (!t) return;
    const file = await this.host.readFile(uri);
    t.model.pushStackElement();
    t.model.pushEditOperations([], [{ range: t.model.getFullModelRange(), text: file.text }], () => null);
    t.model.pushStackElement();
    t.etag = file.etag;
    t.savedVersion = t.model.getAlternativeVersionId();
    this.patch(uri, { dirty: false, restored: false });
    this.writeBackup(uri); // clean now: drops the backup and its pending timer
  }

  /** Called when an open document follows its file to a new uri (before the old one leaves the list). */
  onDidRename(listener: (from: string, to: string) => void): () => void {
    this.renameListeners.add(listener);
    return () => this.renameListeners.delete(listener);
  }

  /**
   * The file (or a folder above it) was renamed: every open document inside follows to its new
   * uri with its text — unsaved changes included, still dirty — in the same tab position.
   */
  renamed(from: string, to: string): void {
    for (const [uri, t] of [...this.tracked]) {
      const target = uri === from ? to : uri.startsWith(`${from}/`) ? to + uri.slice(from.length) : undefined;
      if (target === undefined || this.tracked.has(target)) continue;
      const old = this.get(uri);
      const dirty = old?.dirty ?? false;
      const text = t.model.getValue();
      const model = this.track(target, this.languageFor(target), text, dirty, t.etag);
      this.patch(target, { restored: old?.restored ?? false });
      for (const l of this.renameListeners) l(uri, target);
      const wasActive = this.active.get() === uri;
      // The new entry takes the old one's place in the tab list.
      this.open.update((docs) => {
        const moved = docs.find((d) => d.uri === target)!;
        return docs.filter((d) => d.uri !== target).map((d) => (d.uri === uri ? moved : d));
      });
      this.tracked.delete(uri);
      clearTimeout(this.backupTimers.get(uri));
      this.backupTimers.delete(uri);
      this.storage.removeItem(BACKUP_PREFIX + uri);
      t.subscription.dispose();
      t.model.dispose();
      this.host.documentClosed(uri);
      this.host
        .documentOpened({
          uri: target,
          languageId: model.getLanguageId(),
          version: model.getVersionId(),
          text,
          eol: eolOf(model),
          isDirty: dirty,
        })
        .catch(() => undefined);
      if (dirty) this.writeBackup(target);
      if (wasActive) this.setActive(target);
    }
  }

  /** Files deleted on disk: their editors stay open, marked deleted; the text (saved or not) is kept. */
  markDeleted(uri: string, deleted = true): void {
    for (const d of this.open.get()) {
      if ((d.uri === uri || d.uri.startsWith(`${uri}/`)) && (d.deleted ?? false) !== deleted)
        this.patch(d.uri, { deleted });
    }
  }

  /**
   * The file changed on disk: a clean editor takes the new text (undoable, like a revert); a dirty
   * one keeps its text, and saving it then asks before overwriting (FileModifiedOnDisk).
   */
  async reloadIfClean(uri: string): Promise<void> {
    const t = this.tracked.get(uri);
    if (!t || this.get(uri)?.dirty) return;
    const file = await this.host.readFile(uri).catch(() => undefined);
    // Typed into meanwhile, closed, or unchanged: leave it.
    if (!file || this.tracked.get(uri) !== t || this.get(uri)?.dirty || file.etag === t.etag) return;
    if (t.model.getValue() !== file.text) {
      t.model.pushEditOperations([], [{ range: t.model.getFullModelRange(), text: file.text }], () => null);
    }
    t.etag = file.etag;
    t.savedVersion = t.model.getAlternativeVersionId();
    this.patch(uri, { dirty: false, deleted: false });
  }

  /** Writes pending (debounced) backups now, e.g. before the page unloads. */
  flushBackups(): void {
    for (const uri of this.backupTimers.keys()) this.writeBackup(uri);
  }

  close(uri: string): void {
    this.readonlyUris.delete(uri);
    const t = this.tracked.get(uri);
    this.tracked.delete(uri);
    clearTimeout(this.backupTimers.get(uri));
    this.backupTimers.delete(uri);
    t?.subscription.dispose();
    t?.model.dispose();
    this.open.update((docs) => docs.filter((d) => d.uri !== uri));
    this.storage.removeItem(BACKUP_PREFIX + uri);
    // A binary tab never had a document on the host.
    if (t) this.host.documentClosed(uri);
    if (this.active.get() === uri) this.setActive(this.open.get().at(-1)?.uri);
  }

  /**
   * A file opened before extensions' languages were known fell back to plain text: give it the
   * language it has now, in Monaco and in the host (a fresh snapshot replaces the host's copy).
   */
  refreshLanguages(): void {
    for (const [uri, { model }] of this.tracked) {
      const languageId = this.languageFor(uri);
      if (model.getLanguageId() !== "plaintext" || languageId === "plaintext") continue;
      ensureLanguage(languageId);
      monaco.editor.setModelLanguage(model, languageId);
      this.patch(uri, { languageId });
      const snapshot = this.snapshot(uri);
      if (snapshot) this.host.documentOpened(snapshot).catch(() => undefined);
    }
  }

  /** Snapshots for `initialize` after every (re)connect: the host may be a new one. */
  snapshots(): DocumentSnapshot[] {
    return [...this.tracked.keys()].flatMap((uri) => this.snapshot(uri) ?? []);
  }

  /** One document's current text, when the host's copy fell behind (or for `initialize`). */
  snapshot(uri: string): DocumentSnapshot | undefined {
    const model = this.tracked.get(uri)?.model;
    return (
      model && {
        uri,
        languageId: model.getLanguageId(),
        version: model.getVersionId(),
        text: model.getValue(),
        eol: eolOf(model),
        isDirty: this.get(uri)?.dirty ?? false,
      }
    );
  }

  /** The version the host must have for a request about `uri` to be answered. */
  version(uri: string): number {
    return this.tracked.get(uri)?.model.getVersionId() ?? 0;
  }

  private track(
    uri: string,
    languageId: string,
    text: string,
    restored: boolean,
    etag: string | null,
  ): monaco.editor.ITextModel {
    ensureLanguage(languageId);
    // A read-only preview model (peek into an unopened file) becomes the document's model.
    const preview = monaco.editor.getModel(monaco.Uri.parse(uri));
    if (preview && preview.getValue() !== text) preview.setValue(text);
    if (preview) monaco.editor.setModelLanguage(preview, languageId);
    const model = preview ?? monaco.editor.createModel(text, languageId, monaco.Uri.parse(uri));
    const subscription = model.onDidChangeContent((e) => this.onChange(uri, e));
    // A restored buffer differs from the disk until it is saved, whatever is undone.
    this.tracked.set(uri, {
      model,
      savedVersion: restored ? -1 : model.getAlternativeVersionId(),
      eol: model.getEOL(),
      etag,
      hostDirty: restored,
      subscription,
    });
    this.open.update((docs) => [...docs, { uri, languageId, dirty: restored, restored, binary: false }]);
    for (const l of this.modelListeners) l(model);
    return model;
  }

  private onChange(uri: string, e: monaco.editor.IModelContentChangedEvent): void {
    const t = this.tracked.get(uri);
    if (!t) return;
    // An EOL switch (LF ⇄ CRLF) rewrites every line break: the one case sent as the whole text.
    const changes =
      e.eol !== t.eol
        ? [
            {
              range: { start: { line: 0, character: 0 }, end: { line: 2 ** 31, character: 0 } },
              text: t.model.getValue(),
            },
          ]
        : toTextChanges(e);
    const eolChanged = e.eol !== t.eol;
    t.eol = e.eol;
    const dirty = t.model.getAlternativeVersionId() !== t.savedVersion;
    t.hostDirty = dirty;
    // A drop loses this notification; the host asks for a snapshot when it sees the gap, and
    // the next initialize re-sends the whole text anyway.
    this.host.documentChanged({
      uri,
      version: e.versionId,
      changes,
      isDirty: dirty,
      ...(eolChanged ? { eol: eolOf(t.model) } : {}),
      ...(e.isUndoing ? { reason: "undo" as const } : e.isRedoing ? { reason: "redo" as const } : {}),
    });
    if (this.get(uri)?.dirty !== dirty) this.patch(uri, { dirty });
    this.scheduleBackup(uri);
  }

  private patch(uri: string, changes: Partial<OpenDocument>): void {
    this.open.update((docs) => docs.map((d) => (d.uri === uri ? { ...d, ...changes } : d)));
    const t = this.tracked.get(uri);
    // Saved, reverted or reloaded: the host's TextDocument.isDirty follows.
    if (t && changes.dirty !== undefined && changes.dirty !== t.hostDirty) {
      t.hostDirty = changes.dirty;
      this.extHostDocuments?.dirtyChanged({ uri, isDirty: changes.dirty });
    }
  }

  private scheduleBackup(uri: string): void {
    clearTimeout(this.backupTimers.get(uri));
    this.backupTimers.set(
      uri,
      setTimeout(() => this.writeBackup(uri), 200),
    );
  }

  private writeBackup(uri: string): void {
    clearTimeout(this.backupTimers.get(uri));
    this.backupTimers.delete(uri);
    const t = this.tracked.get(uri);
    if (!t) return;
    if (!this.get(uri)?.dirty) this.storage.removeItem(BACKUP_PREFIX + uri);
    else {
      const backup: Backup = { text: t.model.getValue(), languageId: t.model.getLanguageId(), etag: t.etag };
      this.storage.setItem(BACKUP_PREFIX + uri, JSON.stringify(backup));
    }
  }
}
