/**
 * Open documents live here, in the renderer: the text (saved or not) is the renderer's, and
 * the extension host is told about every change as a versioned, incremental edit. Unsaved text
 * is backed up to localStorage so it survives a renderer reload and an extension-host crash.
 */
import type { ExtHostContract } from "../../../protocol/contracts/ext-host.js";
import type { Proxy } from "../../../protocol/rpc-contract.js";
import type { DocumentSnapshot, TextChange } from "../../../protocol/workbench.js";
import { languageOf } from "./languages.js";
import { Store } from "./store.js";

export interface OpenDocument {
  readonly uri: string;
  readonly languageId: string;
  readonly version: number;
  readonly text: string;
  readonly savedText: string;
  /** Restored from a backup after a reload or crash, not yet saved. */
  readonly restored: boolean;
}

export const isDirty = (d: OpenDocument): boolean => d.text !== d.savedText;

const BACKUP_PREFIX = "direct-editor.backup:";

interface Backup {
  readonly text: string;
  readonly savedText: string;
  readonly languageId: string;
}

export class Documents {
  readonly open = new Store<ReadonlyArray<OpenDocument>>([]);
  readonly active = new Store<string | undefined>(undefined);
  private backupTimers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly host: Proxy<typeof ExtHostContract>,
    private readonly storage: Storage = localStorage,
  ) {}

  get(uri: string): OpenDocument | undefined {
    return this.open.get().find((d) => d.uri === uri);
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
        this.open.update((docs) => [
          ...docs,
          { uri, languageId: b.languageId, version: 1, text: b.text, savedText: b.savedText, restored: true },
        ]);
        this.active.set(this.active.get() ?? uri);
      } catch {
        this.storage.removeItem(key);
      }
    }
  }

  async openFile(uri: string): Promise<void> {
    if (!this.get(uri)) {
      const text = await this.host.readFile(uri);
      if (!this.get(uri)) {
        const doc: OpenDocument = {
          uri,
          languageId: languageOf(uri),
          version: 1,
          text,
          savedText: text,
          restored: false,
        };
        this.open.update((docs) => [...docs, doc]);
        // Refused (quota) or disconnected: the next initialize sends every open document again.
        this.host.documentOpened({ uri, languageId: doc.languageId, version: 1, text }).catch(() => undefined);
      }
    }
    this.setActive(uri);
  }

  setActive(uri: string | undefined): void {
    this.active.set(uri);
    this.host.activeEditorChanged({ uri: uri ?? null, selection: null });
  }

  /** An edit from the editor: new text, and the incremental changes that produced it. */
  edit(uri: string, text: string, changes: ReadonlyArray<TextChange>): void {
    let version = 0;
    this.open.update((docs) =>
      docs.map((d) => {
        if (d.uri !== uri) return d;
        version = d.version + 1;
        return { ...d, text, version };
      }),
    );
    if (version === 0) return;
    // A drop loses this notification; the host asks for a snapshot when it sees the gap, and
    // the next initialize re-sends the whole text anyway.
    this.host.documentChanged({ uri, version, changes });
    this.scheduleBackup(uri);
  }

  async save(uri: string): Promise<void> {
    const doc = this.get(uri);
    if (!doc) return;
    await this.host.writeFile({ uri, content: doc.text });
    this.open.update((docs) => docs.map((d) => (d.uri === uri ? { ...d, savedText: doc.text, restored: false } : d)));
    this.storage.removeItem(BACKUP_PREFIX + uri);
    this.host.documentSaved(uri);
  }

  close(uri: string): void {
    this.open.update((docs) => docs.filter((d) => d.uri !== uri));
    this.storage.removeItem(BACKUP_PREFIX + uri);
    this.host.documentClosed(uri);
    if (this.active.get() === uri) this.setActive(this.open.get().at(-1)?.uri);
  }

  /** Snapshots for `initialize` after every (re)connect: the host may be a new one. */
  snapshots(): DocumentSnapshot[] {
    return this.open.get().map((d) => ({ uri: d.uri, languageId: d.languageId, version: d.version, text: d.text }));
  }

  /** One document's current text, when the host's copy fell behind. */
  snapshot(uri: string): DocumentSnapshot | undefined {
    const d = this.get(uri);
    return d && { uri: d.uri, languageId: d.languageId, version: d.version, text: d.text };
  }

  private scheduleBackup(uri: string): void {
    clearTimeout(this.backupTimers.get(uri));
    this.backupTimers.set(
      uri,
      setTimeout(() => {
        const doc = this.get(uri);
        if (!doc) return;
        if (!isDirty(doc)) this.storage.removeItem(BACKUP_PREFIX + uri);
        else {
          const backup: Backup = { text: doc.text, savedText: doc.savedText, languageId: doc.languageId };
          this.storage.setItem(BACKUP_PREFIX + uri, JSON.stringify(backup));
        }
      }, 200),
    );
  }
}
