/**
 * One settings-like JSONC file (settings.json, keybindings.json): read with jsonc-parser
 * (comments, trailing commas), edited with its `modify` so the user's comments and layout stay,
 * and polled for changes made outside (another editor, git, our own editor's save).
 */
import { existsSync, mkdirSync, readFileSync, unwatchFile, watchFile, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { applyEdits, modify, parse, printParseErrorCode, type ParseError } from "jsonc-parser";

export type ParseResult<T> =
  | { readonly ok: true; readonly value: T; readonly text: string }
  | { readonly ok: false; readonly error: string; readonly text: string };

const lineCol = (text: string, offset: number): string => {
  const before = text.slice(0, offset).split("\n");
  return `line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`;
};

/** Parses JSONC; `expect` checks the root's kind ("object" for settings, "array" for keybindings). */
export const parseJsonc = <T>(text: string, expect: "object" | "array", name: string): ParseResult<T> => {
  if (text.trim() === "") return { ok: true, value: (expect === "object" ? {} : []) as T, text };
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  const first = errors[0];
  if (first) {
    return { ok: false, error: `${name}: ${printParseErrorCode(first.error)} at ${lineCol(text, first.offset)}`, text };
  }
  const isArray = Array.isArray(value);
  const kindOk = expect === "array" ? isArray : typeof value === "object" && value !== null && !isArray;
  if (!kindOk) return { ok: false, error: `${name}: the file must hold a JSON ${expect}`, text };
  return { ok: true, value: value as T, text };
};

export class JsoncFile {
  private watching = false;

  constructor(
    readonly path: string,
    readonly displayName: string,
  ) {}

  get exists(): boolean {
    return existsSync(this.path);
  }

  readText(): string {
    try {
      return readFileSync(this.path, "utf8");
    } catch {
      return "";
    }
  }

  read<T>(expect: "object" | "array"): ParseResult<T> {
    return parseJsonc<T>(this.readText(), expect, this.displayName);
  }

  /** Writes `value` at `path` in the root (undefined removes it), keeping everything else as written. */
  edit(path: ReadonlyArray<string | number>, value: unknown): void {
    const text = this.readText();
    const edits = modify(text, [...path], value, {
      formattingOptions: { insertSpaces: true, tabSize: 4, eol: "\n" },
    });
    this.write(applyEdits(text, edits));
  }

  write(text: string): void {
    mkdirSync(dirname(this.path), { recursive: true });
    writeFileSync(this.path, text);
  }

  /** Polls (the file may not exist yet, which fs.watch cannot follow); never keeps the host alive. */
  watch(onChange: () => void, intervalMs = 250): void {
    if (this.watching) return;
    this.watching = true;
    watchFile(this.path, { interval: intervalMs, persistent: false }, (curr, prev) => {
      if (curr.mtimeMs !== prev.mtimeMs || curr.size !== prev.size || curr.ino !== prev.ino) onChange();
    });
  }

  dispose(): void {
    if (this.watching) unwatchFile(this.path);
    this.watching = false;
  }
}
