/**
 * The `vscode` value types extensions construct and receive: positions, ranges, edits, snippets,
 * markdown, events, cancellation and errors, with the semantics VS Code documents (checked in
 * test/unit/vscode-types.test.ts). Language-feature values live in language-types.ts, enums in
 * enums.generated.ts (read from @types/vscode).
 */
import { EndOfLine } from "./enums.generated.js";
import { Uri } from "./uri.js";

export { Uri } from "./uri.js";

const illegal = (what: string): Error => new Error(`Illegal argument: ${what}`);

export class Position {
  readonly line: number;
  readonly character: number;

  constructor(line: number, character: number) {
    if (!Number.isFinite(line) || line < 0) throw illegal("line must be a non-negative number");
    if (!Number.isFinite(character) || character < 0) throw illegal("character must be a non-negative number");
    this.line = line;
    this.character = character;
  }

  static isPosition(other: unknown): other is Position {
    return (
      other instanceof Position ||
      (typeof other === "object" &&
        other !== null &&
        typeof (other as Position).line === "number" &&
        typeof (other as Position).character === "number")
    );
  }

  isBefore(other: Position): boolean {
    return this.compareTo(other) < 0;
  }
  isBeforeOrEqual(other: Position): boolean {
    return this.compareTo(other) <= 0;
  }
  isAfter(other: Position): boolean {
    return this.compareTo(other) > 0;
  }
  isAfterOrEqual(other: Position): boolean {
    return this.compareTo(other) >= 0;
  }
  isEqual(other: Position): boolean {
    return this.line === other.line && this.character === other.character;
  }
  /** -1, 0 or 1: line first, then character. */
  compareTo(other: Position): number {
    if (this.line !== other.line) return this.line < other.line ? -1 : 1;
    if (this.character !== other.character) return this.character < other.character ? -1 : 1;
    return 0;
  }

  translate(change: { lineDelta?: number; characterDelta?: number }): Position;
  translate(lineDelta?: number, characterDelta?: number): Position;
  translate(a?: number | { lineDelta?: number; characterDelta?: number }, b?: number): Position {
    const [lineDelta, characterDelta] =
      typeof a === "object" && a !== null ? [a.lineDelta ?? 0, a.characterDelta ?? 0] : [a ?? 0, b ?? 0];
    if (lineDelta === 0 && characterDelta === 0) return this;
    return new Position(this.line + lineDelta, this.character + characterDelta);
  }

  with(change: { line?: number; character?: number }): Position;
  with(line?: number, character?: number): Position;
  with(a?: number | { line?: number; character?: number }, b?: number): Position {
    const [line, character] =
      typeof a === "object" && a !== null
        ? [a.line ?? this.line, a.character ?? this.character]
        : [a ?? this.line, b ?? this.character];
    return line === this.line && character === this.character ? this : new Position(line, character);
  }

  toJSON(): { line: number; character: number } {
    return { line: this.line, character: this.character };
  }
}

export class Range {
  readonly start: Position;
  readonly end: Position;

  constructor(start: Position, end: Position);
  constructor(startLine: number, startCharacter: number, endLine: number, endCharacter: number);
  constructor(a: Position | number, b: Position | number, c?: number, d?: number) {
    const start = typeof a === "number" && typeof b === "number" ? new Position(a, b) : a;
    const end = typeof c === "number" && typeof d === "number" ? new Position(c, d) : b;
    if (!Position.isPosition(start) || !Position.isPosition(end))
      throw illegal("Range needs two positions or four numbers");
    // VS Code keeps the earlier position as start; equal positions count as "not before".
    [this.start, this.end] = start.isBefore(end) ? [start, end] : [end, start];
  }

  static isRange(thing: unknown): thing is Range {
    return (
      thing instanceof Range ||
      (typeof thing === "object" &&
        thing !== null &&
        Position.isPosition((thing as Range).start) &&
        Position.isPosition((thing as Range).end))
    );
  }

  get isEmpty(): boolean {
    return this.start.isEqual(this.end);
  }
  get isSingleLine(): boolean {
    return this.start.line === this.end.line;
  }

  contains(positionOrRange: Position | Range): boolean {
    if (Range.isRange(positionOrRange))
      return this.contains(positionOrRange.start) && this.contains(positionOrRange.end);
    return positionOrRange.isAfterOrEqual(this.start) && positionOrRange.isBeforeOrEqual(this.end);
  }
  isEqual(other: Range): boolean {
    return this.start.isEqual(other.start) && this.end.isEqual(other.end);
  }
  /** The overlap, or `undefined` when the ranges do not touch (touching ends give an empty range). */
  intersection(other: Range): Range | undefined {
    const start = this.start.isAfter(other.start) ? this.start : other.start;
    const end = this.end.isBefore(other.end) ? this.end : other.end;
    if (start.isAfter(end)) return undefined;
    return start.isEqual(this.start) && end.isEqual(this.end) ? this : new Range(start, end);
  }
  union(other: Range): Range {
    if (this.contains(other)) return this;
    if (other.contains(this)) return other;
    const start = this.start.isBefore(other.start) ? this.start : other.start;
    const end = this.end.isAfter(other.end) ? this.end : other.end;
    return new Range(start, end);
  }

  with(change: { start?: Position; end?: Position }): Range;
  with(start?: Position, end?: Position): Range;
  with(a?: Position | { start?: Position; end?: Position }, b?: Position): Range {
    const [start, end] =
      a === undefined || Position.isPosition(a)
        ? [a ?? this.start, b ?? this.end]
        : [a.start ?? this.start, a.end ?? this.end];
    return start.isEqual(this.start) && end.isEqual(this.end) ? this : new Range(start, end);
  }

  toJSON(): [Position, Position] {
    return [this.start, this.end];
  }
}

export class Selection extends Range {
  readonly anchor: Position;
  readonly active: Position;

  constructor(anchor: Position, active: Position);
  constructor(anchorLine: number, anchorCharacter: number, activeLine: number, activeCharacter: number);
  constructor(a: Position | number, b: Position | number, c?: number, d?: number) {
    const anchor = typeof a === "number" && typeof b === "number" ? new Position(a, b) : a;
    const active = typeof c === "number" && typeof d === "number" ? new Position(c, d) : b;
    if (!Position.isPosition(anchor) || !Position.isPosition(active))
      throw illegal("Selection needs two positions or four numbers");
    super(anchor, active);
    this.anchor = anchor;
    this.active = active;
  }

  static isSelection(thing: unknown): thing is Selection {
    return (
      thing instanceof Selection ||
      (Range.isRange(thing) &&
        Position.isPosition((thing as Selection).anchor) &&
        Position.isPosition((thing as Selection).active))
    );
  }

  /** True when the active end is the start (the user selected backwards). */
  get isReversed(): boolean {
    return this.anchor === this.end;
  }

  override toJSON(): [Position, Position] {
    return [this.anchor, this.active];
  }
}

export class Location {
  uri: Uri;
  range: Range;
  constructor(uri: Uri, rangeOrPosition: Range | Position) {
    this.uri = uri;
    if (Range.isRange(rangeOrPosition)) this.range = rangeOrPosition;
    else if (Position.isPosition(rangeOrPosition)) this.range = new Range(rangeOrPosition, rangeOrPosition);
    else throw illegal("Location needs a range or a position");
  }
  static isLocation(thing: unknown): thing is Location {
    return (
      thing instanceof Location ||
      (typeof thing === "object" &&
        thing !== null &&
        Range.isRange((thing as Location).range) &&
        (thing as Location).uri instanceof Uri)
    );
  }
}

export class TextEdit {
  range: Range;
  newText: string;
  newEol?: EndOfLine;
  constructor(range: Range, newText: string) {
    this.range = range;
    this.newText = newText;
  }
  static isTextEdit(thing: unknown): thing is TextEdit {
    return (
      thing instanceof TextEdit ||
      (typeof thing === "object" &&
        thing !== null &&
        Range.isRange((thing as TextEdit).range) &&
        typeof (thing as TextEdit).newText === "string")
    );
  }
  static replace(range: Range, newText: string): TextEdit {
    return new TextEdit(range, newText);
  }
  static insert(position: Position, newText: string): TextEdit {
    return new TextEdit(new Range(position, position), newText);
  }
  static delete(range: Range): TextEdit {
    return new TextEdit(range, "");
  }
  static setEndOfLine(eol: EndOfLine): TextEdit {
    const edit = new TextEdit(new Range(new Position(0, 0), new Position(0, 0)), "");
    edit.newEol = eol;
    return edit;
  }
}

/** A snippet in VS Code's TextMate-like syntax; the `append*` builders escape what they insert. */
export class SnippetString {
  value: string;
  private tabstop = 1;

  constructor(value = "") {
    this.value = value;
  }

  static isSnippetString(thing: unknown): thing is SnippetString {
    return (
      thing instanceof SnippetString ||
      (typeof thing === "object" &&
        thing !== null &&
        typeof (thing as SnippetString).value === "string" &&
        "appendTabstop" in thing)
    );
  }

  private static escape(text: string): string {
    return text.replace(/\$|}|\\/g, "\\$&");
  }

  appendText(text: string): SnippetString {
    this.value += SnippetString.escape(text);
    return this;
  }
  appendTabstop(n: number = this.tabstop++): SnippetString {
    this.value += `$${n}`;
    return this;
  }
  appendPlaceholder(value: string | ((snippet: SnippetString) => unknown), n: number = this.tabstop++): SnippetString {
    let text: string;
    if (typeof value === "function") {
      const nested = new SnippetString();
      nested.tabstop = this.tabstop;
      value(nested);
      this.tabstop = nested.tabstop;
      text = nested.value;
    } else text = SnippetString.escape(value);
    this.value += `\${${n}:${text}}`;
    return this;
  }
  appendChoice(values: readonly string[], n: number = this.tabstop++): SnippetString {
    const choices = values.map((v) => v.replace(/\$|}|\\|,|\|/g, "\\$&")).join(",");
    this.value += `\${${n}|${choices}|}`;
    return this;
  }
  appendVariable(name: string, defaultValue?: string | ((snippet: SnippetString) => unknown)): SnippetString {
    if (typeof defaultValue === "function") {
      const nested = new SnippetString();
      nested.tabstop = this.tabstop;
      defaultValue(nested);
      this.tabstop = nested.tabstop;
      this.value += `\${${name}:${nested.value}}`;
    } else if (typeof defaultValue === "string") this.value += `\${${name}:${SnippetString.escape(defaultValue)}}`;
    else this.value += `\${${name}}`;
    return this;
  }
}

export class SnippetTextEdit {
  range: Range;
  snippet: SnippetString;
  constructor(range: Range, snippet: SnippetString) {
    this.range = range;
    this.snippet = snippet;
  }
  static replace(range: Range, snippet: SnippetString): SnippetTextEdit {
    return new SnippetTextEdit(range, snippet);
  }
  static insert(position: Position, snippet: SnippetString): SnippetTextEdit {
    return new SnippetTextEdit(new Range(position, position), snippet);
  }
}

/** Markdown an extension shows (hovers, completions…). `appendText` escapes, `appendMarkdown` does not. */
export class MarkdownString {
  value: string;
  isTrusted?: boolean | { readonly enabledCommands: readonly string[] };
  supportThemeIcons?: boolean;
  supportHtml?: boolean;
  baseUri?: Uri;

  constructor(value = "", supportThemeIcons = false) {
    this.value = value;
    this.supportThemeIcons = supportThemeIcons;
  }

  static isMarkdownString(thing: unknown): thing is MarkdownString {
    return (
      thing instanceof MarkdownString ||
      (typeof thing === "object" &&
        thing !== null &&
        typeof (thing as MarkdownString).value === "string" &&
        "appendMarkdown" in thing)
    );
  }

  appendText(value: string): MarkdownString {
    const text = this.supportThemeIcons ? value.replace(/\$\(/g, "\\$(") : value;
    this.value += text
      .replace(/[\\`*_{}[\]()#+\-!~]/g, "\\$&")
      .replace(/[ \t]+/g, (run) => "&nbsp;".repeat(run.length))
      .replace(/>/g, "\\>")
      .replace(/\n/g, "\n\n");
    return this;
  }
  appendMarkdown(value: string): MarkdownString {
    this.value += value;
    return this;
  }
  appendCodeblock(value: string, language = ""): MarkdownString {
    this.value += `\n\`\`\`${language}\n${value}\n\`\`\`\n`;
    return this;
  }
}

export class Disposable {
  private callOnDispose: (() => unknown) | undefined;

  constructor(callOnDispose: () => unknown) {
    this.callOnDispose = callOnDispose;
  }

  /** One Disposable for many; disposing it disposes each (things without `dispose` are skipped). */
  static from(...disposableLikes: ReadonlyArray<{ dispose(): unknown }>): Disposable {
    let items: ReadonlyArray<{ dispose(): unknown }> | undefined = disposableLikes;
    return new Disposable(() => {
      const toDispose = items ?? [];
      items = undefined;
      for (const d of toDispose) if (d && typeof d.dispose === "function") d.dispose();
    });
  }

  dispose(): unknown {
    const f = this.callOnDispose;
    this.callOnDispose = undefined;
    return f?.();
  }
}

export type Event<T> = (
  listener: (e: T) => unknown,
  thisArgs?: unknown,
  disposables?: Disposable[] | { push(d: Disposable): unknown },
) => Disposable;

export class EventEmitter<T> {
  private readonly listeners = new Set<(e: T) => unknown>();
  private disposed = false;
  /** Listener errors are reported here (per extension), never thrown into the firer. */
  static onListenerError: (e: unknown) => void = () => undefined;

  readonly event: Event<T> = (listener, thisArgs, disposables) => {
    if (this.disposed) return new Disposable(() => undefined);
    const bound = (e: T): unknown => listener.call(thisArgs, e);
    this.listeners.add(bound);
    const d = new Disposable(() => this.listeners.delete(bound));
    disposables?.push(d);
    return d;
  };

  fire(data: T): void {
    for (const l of [...this.listeners]) {
      try {
        const r = l(data);
        if (r instanceof Promise) r.catch(EventEmitter.onListenerError);
      } catch (e) {
        EventEmitter.onListenerError(e);
      }
    }
  }

  dispose(): void {
    this.disposed = true;
    this.listeners.clear();
  }
}

export interface CancellationToken {
  readonly isCancellationRequested: boolean;
  readonly onCancellationRequested: Event<void>;
}

export class CancellationTokenSource {
  private readonly emitter = new EventEmitter<void>();
  private cancelled = false;
  readonly token: CancellationToken;

  constructor() {
    const isCancelled = (): boolean => this.cancelled;
    const emitter = this.emitter;
    this.token = {
      get isCancellationRequested() {
        return isCancelled();
      },
      // A listener added after cancellation still runs (once, soon), as in VS Code.
      onCancellationRequested: (listener, thisArgs, disposables) => {
        if (!isCancelled()) return emitter.event(listener, thisArgs, disposables);
        const handle = setTimeout(() => listener.call(thisArgs, undefined), 0);
        return new Disposable(() => clearTimeout(handle));
      },
    };
  }
  cancel(): void {
    if (this.cancelled) return;
    this.cancelled = true;
    this.emitter.fire();
  }
  dispose(cancel = false): void {
    if (cancel) this.cancel();
    this.emitter.dispose();
  }
}

/** What a provider throws (or rejects with) when its token was cancelled. */
export class CancellationError extends Error {
  constructor() {
    super("Canceled");
    this.name = "Canceled";
  }
}

/** `vscode.FileSystemError`: file-system providers and `workspace.fs` fail with these. */
export class FileSystemError extends Error {
  readonly code: string;

  constructor(uriOrMessage?: string | Uri, code = "Unknown") {
    super(uriOrMessage instanceof Uri ? uriOrMessage.toString(true) : (uriOrMessage ?? ""));
    this.code = code;
    this.name = code === "Unknown" ? "FileSystemError" : `${code} (FileSystemError)`;
  }

  static FileNotFound(messageOrUri?: string | Uri): FileSystemError {
    return new FileSystemError(messageOrUri, "FileNotFound");
  }
  static FileExists(messageOrUri?: string | Uri): FileSystemError {
    return new FileSystemError(messageOrUri, "FileExists");
  }
  static FileNotADirectory(messageOrUri?: string | Uri): FileSystemError {
    return new FileSystemError(messageOrUri, "FileNotADirectory");
  }
  static FileIsADirectory(messageOrUri?: string | Uri): FileSystemError {
    return new FileSystemError(messageOrUri, "FileIsADirectory");
  }
  static NoPermissions(messageOrUri?: string | Uri): FileSystemError {
    return new FileSystemError(messageOrUri, "NoPermissions");
  }
  static Unavailable(messageOrUri?: string | Uri): FileSystemError {
    return new FileSystemError(messageOrUri, "Unavailable");
  }
}

/** A glob relative to a folder (a workspace folder, a Uri or a path). */
export class RelativePattern {
  baseUri: Uri;
  pattern: string;

  constructor(base: { readonly uri: Uri } | Uri | string, pattern: string) {
    if (typeof pattern !== "string") throw illegal("pattern must be a string");
    if (typeof base === "string") this.baseUri = Uri.file(base);
    else if (base instanceof Uri) this.baseUri = base;
    else if (typeof base === "object" && base !== null && base.uri instanceof Uri) this.baseUri = base.uri;
    else throw illegal("base must be a WorkspaceFolder, a Uri or a path");
    this.pattern = pattern;
  }

  /** The base as a file-system path (deprecated in VS Code in favour of `baseUri`). */
  get base(): string {
    return this.baseUri.fsPath;
  }
  set base(path: string) {
    this.baseUri = Uri.file(path);
  }
}

export class ThemeColor {
  readonly id: string;
  constructor(id: string) {
    this.id = id;
  }
}

export class ThemeIcon {
  static readonly File = new ThemeIcon("file");
  static readonly Folder = new ThemeIcon("folder");
  readonly id: string;
  readonly color?: ThemeColor;
  constructor(id: string, color?: ThemeColor) {
    if (typeof id !== "string") throw illegal("ThemeIcon id must be a string");
    this.id = id;
    if (color) this.color = color;
  }
}

/** File operations and text edits across documents, kept in the order they were added. */
type WorkspaceEditEntry =
  | {
      readonly kind: "text";
      readonly uri: Uri;
      readonly edit: TextEdit | SnippetTextEdit;
      readonly metadata?: WorkspaceEditEntryMetadata;
    }
  | {
      readonly kind: "file";
      readonly from?: Uri;
      readonly to?: Uri;
      readonly options?: {
        overwrite?: boolean;
        ignoreIfExists?: boolean;
        ignoreIfNotExists?: boolean;
        recursive?: boolean;
        contents?: Uint8Array;
      };
      readonly metadata?: WorkspaceEditEntryMetadata;
    };

export interface WorkspaceEditEntryMetadata {
  needsConfirmation: boolean;
  label: string;
  description?: string;
  iconPath?: Uri | { light: Uri; dark: Uri } | ThemeIcon;
}

export class WorkspaceEdit {
  private readonly edits: WorkspaceEditEntry[] = [];

  /** The number of documents with text edits. */
  get size(): number {
    return this.entries().length;
  }

  replace(uri: Uri, range: Range, newText: string, metadata?: WorkspaceEditEntryMetadata): void {
    this.edits.push({ kind: "text", uri, edit: new TextEdit(range, newText), ...(metadata ? { metadata } : {}) });
  }
  insert(uri: Uri, position: Position, newText: string, metadata?: WorkspaceEditEntryMetadata): void {
    this.replace(uri, new Range(position, position), newText, metadata);
  }
  delete(uri: Uri, range: Range, metadata?: WorkspaceEditEntryMetadata): void {
    this.replace(uri, range, "", metadata);
  }
  has(uri: Uri): boolean {
    const key = uri.toString();
    return this.edits.some((e) => e.kind === "text" && e.uri.toString() === key);
  }

  /** Replaces all text edits for `uri` (`undefined`/`null`/[] removes them). */
  set(
    uri: Uri,
    edits:
      | ReadonlyArray<TextEdit | SnippetTextEdit>
      | ReadonlyArray<[TextEdit | SnippetTextEdit, WorkspaceEditEntryMetadata | undefined]>
      | null
      | undefined,
  ): void {
    const key = uri.toString();
    for (let i = this.edits.length - 1; i >= 0; i--) {
      const e = this.edits[i];
      if (e?.kind === "text" && e.uri.toString() === key) this.edits.splice(i, 1);
    }
    for (const item of edits ?? []) {
      if (item === undefined || item === null) continue;
      const [edit, metadata] = Array.isArray(item) ? item : [item, undefined];
      this.edits.push({ kind: "text", uri, edit, ...(metadata ? { metadata } : {}) });
    }
  }

  get(uri: Uri): TextEdit[] {
    const key = uri.toString();
    return this.edits.flatMap((e) =>
      e.kind === "text" && e.uri.toString() === key && e.edit instanceof TextEdit ? [e.edit] : [],
    );
  }

  /** [uri, edits] per document, documents in the order their first edit was added. */
  entries(): Array<[Uri, TextEdit[]]> {
    const byUri = new Map<string, [Uri, TextEdit[]]>();
    for (const e of this.edits) {
      if (e.kind !== "text" || !(e.edit instanceof TextEdit)) continue;
      const key = e.uri.toString();
      let entry = byUri.get(key);
      if (!entry) byUri.set(key, (entry = [e.uri, []]));
      entry[1].push(e.edit);
    }
    return [...byUri.values()];
  }

  createFile(
    uri: Uri,
    options?: { overwrite?: boolean; ignoreIfExists?: boolean; contents?: Uint8Array },
    metadata?: WorkspaceEditEntryMetadata,
  ): void {
    this.edits.push({ kind: "file", to: uri, ...(options ? { options } : {}), ...(metadata ? { metadata } : {}) });
  }
  deleteFile(
    uri: Uri,
    options?: { recursive?: boolean; ignoreIfNotExists?: boolean },
    metadata?: WorkspaceEditEntryMetadata,
  ): void {
    this.edits.push({ kind: "file", from: uri, ...(options ? { options } : {}), ...(metadata ? { metadata } : {}) });
  }
  renameFile(
    oldUri: Uri,
    newUri: Uri,
    options?: { overwrite?: boolean; ignoreIfExists?: boolean },
    metadata?: WorkspaceEditEntryMetadata,
  ): void {
    this.edits.push({
      kind: "file",
      from: oldUri,
      to: newUri,
      ...(options ? { options } : {}),
      ...(metadata ? { metadata } : {}),
    });
  }

  /** Every operation in insertion order (what an applier replays). */
  allEntries(): readonly WorkspaceEditEntry[] {
    return [...this.edits];
  }
}
