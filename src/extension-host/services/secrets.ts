/**
 * `ExtensionContext.secrets`: one JSON file in the host's storage directory, written with mode
 * 0600 (owner only) through a temp file + rename. Unlike VS Code (which uses the OS keychain via
 * Electron's safeStorage) the values are NOT encrypted at rest: any process running as the user
 * can read them. Keys are namespaced per extension; changes fire `onDidChange` in that extension.
 */
import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

type Listener = (e: { extensionId: string; key: string }) => void;

export class SecretsService {
  private values: Record<string, Record<string, string>> | undefined;
  private readonly listeners = new Set<Listener>();

  constructor(private readonly file: string) {}

  get(extensionId: string, key: string): string | undefined {
    return this.load()[extensionId]?.[key];
  }

  store(extensionId: string, key: string, value: string): void {
    if (typeof key !== "string" || typeof value !== "string") {
      throw new Error("vscode SecretStorage.store: key and value must be strings");
    }
    const all = this.load();
    if (all[extensionId]?.[key] === value) return;
    all[extensionId] = { ...all[extensionId], [key]: value };
    this.save(extensionId, key);
  }

  delete(extensionId: string, key: string): void {
    const all = this.load();
    if (!all[extensionId] || !Object.hasOwn(all[extensionId], key)) return;
    delete all[extensionId][key];
    this.save(extensionId, key);
  }

  keys(extensionId: string): string[] {
    return Object.keys(this.load()[extensionId] ?? {});
  }

  onDidChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private load(): Record<string, Record<string, string>> {
    if (this.values) return this.values;
    try {
      const parsed: unknown = JSON.parse(readFileSync(this.file, "utf8"));
      this.values = {};
      if (typeof parsed === "object" && parsed !== null) {
        for (const [ext, entries] of Object.entries(parsed)) {
          if (typeof entries !== "object" || entries === null) continue;
          const kept: Record<string, string> = {};
          for (const [k, v] of Object.entries(entries)) if (typeof v === "string") kept[k] = v;
          this.values[ext] = kept;
        }
      }
    } catch {
      this.values = {};
    }
    return this.values;
  }

  private save(extensionId: string, key: string): void {
    mkdirSync(dirname(this.file), { recursive: true, mode: 0o700 });
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.values), { mode: 0o600 });
    chmodSync(tmp, 0o600);
    renameSync(tmp, this.file);
    for (const l of this.listeners) l({ extensionId, key });
  }
}
