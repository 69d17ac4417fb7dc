/** `globalState` / `workspaceState`: a key-value store persisted as one JSON file. */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

export class FileMemento {
  private values: Record<string, unknown>;

  constructor(private readonly file: string) {
    try {
      const parsed: unknown = JSON.parse(readFileSync(file, "utf8"));
      this.values = typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? { ...parsed } : {};
    } catch {
      this.values = {};
    }
  }

  keys(): readonly string[] {
    return Object.keys(this.values);
  }

  get<T>(key: string, defaultValue?: T): T | undefined {
    return Object.hasOwn(this.values, key) ? (this.values[key] as T) : defaultValue;
  }

  /** Writes through at once (temp file + rename), so a crash never leaves half a file. */
  update(key: string, value: unknown): Promise<void> {
    if (value === undefined) delete this.values[key];
    else this.values[key] = value;
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.values));
    renameSync(tmp, this.file);
    return Promise.resolve();
  }
}
