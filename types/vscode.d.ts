/**
 * Typings for the `vscode` module as Direct Editor implements it: a subset of VS Code's
 * extension API with the same names and shapes. An extension that compiles against these and
 * uses only what is here runs unmodified. Reference it from JavaScript with
 * `/// <reference path=".../types/vscode.d.ts" />` + `// @ts-check`, or map `vscode` to it
 * in a tsconfig `paths` entry.
 */
declare module "vscode" {
  export const version: string;
  export const env: { readonly appName: string; readonly language: string; readonly machineId: string };

  // ── value types ─────────────────────────────────────────────────────────────────────────
  export class Uri {
    static file(path: string): Uri;
    static parse(value: string): Uri;
    static joinPath(base: Uri, ...pathSegments: string[]): Uri;
    readonly scheme: string;
    readonly authority: string;
    readonly path: string;
    readonly query: string;
    readonly fragment: string;
    readonly fsPath: string;
    with(change: { scheme?: string; authority?: string; path?: string; query?: string; fragment?: string }): Uri;
    toString(): string;
  }
  export class Position {
    constructor(line: number, character: number);
    readonly line: number;
    readonly character: number;
    isBefore(other: Position): boolean;
    isEqual(other: Position): boolean;
    translate(lineDelta?: number, characterDelta?: number): Position;
    with(line?: number, character?: number): Position;
  }
  export class Range {
    constructor(start: Position, end: Position);
    constructor(startLine: number, startCharacter: number, endLine: number, endCharacter: number);
    readonly start: Position;
    readonly end: Position;
    readonly isEmpty: boolean;
    contains(position: Position): boolean;
  }
  export class Selection extends Range {
    constructor(anchor: Position, active: Position);
    readonly anchor: Position;
    readonly active: Position;
  }
  export class Disposable {
    static from(...disposableLikes: { dispose(): unknown }[]): Disposable;
    constructor(callOnDispose: () => void);
    dispose(): void;
  }
  export type Event<T> = (listener: (e: T) => unknown, thisArgs?: unknown, disposables?: Disposable[]) => Disposable;
  export class EventEmitter<T> {
    readonly event: Event<T>;
    fire(data: T): void;
    dispose(): void;
  }
  export interface CancellationToken {
    readonly isCancellationRequested: boolean;
    readonly onCancellationRequested: Event<void>;
  }
  export class CancellationTokenSource {
    readonly token: CancellationToken;
    cancel(): void;
    dispose(): void;
  }
  export class MarkdownString {
    constructor(value?: string);
    value: string;
    appendText(value: string): MarkdownString;
    appendMarkdown(value: string): MarkdownString;
    appendCodeblock(value: string, language?: string): MarkdownString;
  }
  export enum CompletionItemKind {
    Text = 0,
    Method = 1,
    Function = 2,
    Constructor = 3,
    Field = 4,
    Variable = 5,
    Class = 6,
    Interface = 7,
    Module = 8,
    Property = 9,
    Unit = 10,
    Value = 11,
    Enum = 12,
    Keyword = 13,
    Snippet = 14,
    Color = 15,
    File = 16,
    Reference = 17,
    Folder = 18,
  }
  export class CompletionItem {
    constructor(label: string, kind?: CompletionItemKind);
    label: string;
    kind?: CompletionItemKind;
    detail?: string;
    documentation?: string | MarkdownString;
    insertText?: string;
    range?: Range;
  }
  export class CompletionList {
    constructor(items?: CompletionItem[], isIncomplete?: boolean);
    items: CompletionItem[];
    isIncomplete: boolean;
  }
  export class Hover {
    constructor(contents: MarkdownString | string | Array<MarkdownString | string>, range?: Range);
    readonly contents: Array<MarkdownString | string>;
    range?: Range;
  }
  export enum DiagnosticSeverity {
    Error = 0,
    Warning = 1,
    Information = 2,
    Hint = 3,
  }
  export class Diagnostic {
    constructor(range: Range, message: string, severity?: DiagnosticSeverity);
    range: Range;
    message: string;
    severity: DiagnosticSeverity;
    source?: string;
    code?: string | number;
  }
  export enum StatusBarAlignment {
    Left = 1,
    Right = 2,
  }
  export class TextEdit {
    static replace(range: Range, newText: string): TextEdit;
    static insert(position: Position, newText: string): TextEdit;
    constructor(range: Range, newText: string);
    range: Range;
    newText: string;
  }
  export enum FileType {
    Unknown = 0,
    File = 1,
    Directory = 2,
    SymbolicLink = 64,
  }

  // ── documents and editors ───────────────────────────────────────────────────────────────
  export interface TextLine {
    readonly lineNumber: number;
    readonly text: string;
    readonly range: Range;
    readonly firstNonWhitespaceCharacterIndex: number;
    readonly isEmptyOrWhitespace: boolean;
  }
  export interface TextDocument {
    readonly uri: Uri;
    readonly fileName: string;
    readonly languageId: string;
    readonly version: number;
    readonly lineCount: number;
    readonly isUntitled: boolean;
    readonly isDirty: boolean;
    readonly isClosed: boolean;
    getText(range?: Range): string;
    lineAt(line: number): TextLine;
    lineAt(position: Position): TextLine;
    offsetAt(position: Position): number;
    positionAt(offset: number): Position;
    getWordRangeAtPosition(position: Position, regex?: RegExp): Range | undefined;
    validatePosition(position: Position): Position;
  }
  export interface TextEditor {
    readonly document: TextDocument;
    readonly selection: Selection;
    readonly viewColumn: number;
  }
  export interface TextDocumentContentChangeEvent {
    readonly range: Range;
    readonly text: string;
  }
  export interface TextDocumentChangeEvent {
    readonly document: TextDocument;
    readonly contentChanges: readonly TextDocumentContentChangeEvent[];
  }

  // ── extension context ───────────────────────────────────────────────────────────────────
  export interface Memento {
    keys(): readonly string[];
    get<T>(key: string): T | undefined;
    get<T>(key: string, defaultValue: T): T;
    update(key: string, value: unknown): Thenable<void>;
  }
  export interface ExtensionContext {
    readonly subscriptions: { dispose(): unknown }[];
    readonly extensionPath: string;
    readonly extensionUri: Uri;
    readonly globalState: Memento;
    readonly workspaceState: Memento;
    readonly storagePath: string;
    readonly globalStoragePath: string;
    asAbsolutePath(relativePath: string): string;
  }
  export interface Extension<T> {
    readonly id: string;
    readonly extensionPath: string;
    readonly isActive: boolean;
    readonly packageJSON: unknown;
    readonly exports: T;
    activate(): Thenable<T>;
  }
  export type Thenable<T> = PromiseLike<T>;

  // ── namespaces ──────────────────────────────────────────────────────────────────────────
  export namespace commands {
    // `any`, as in VS Code: command arguments are whatever the caller passes, and a callback
    // declared with typed parameters must still be accepted.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    function registerCommand(command: string, callback: (...args: any[]) => any, thisArg?: unknown): Disposable;
    function executeCommand<T = unknown>(command: string, ...rest: unknown[]): Thenable<T>;
    function getCommands(): Thenable<string[]>;
  }

  export interface MessageItem {
    title: string;
  }
  export interface MessageOptions {
    modal?: boolean;
  }
  export interface QuickPickItem {
    label: string;
    description?: string;
    detail?: string;
  }
  export interface QuickPickOptions {
    placeHolder?: string;
    canPickMany?: boolean;
  }
  export interface InputBoxOptions {
    prompt?: string;
    placeHolder?: string;
    value?: string;
    password?: boolean;
  }
  export interface OutputChannel {
    readonly name: string;
    append(value: string): void;
    appendLine(value: string): void;
    replace(value: string): void;
    clear(): void;
    show(): void;
    hide(): void;
    dispose(): void;
  }
  export interface StatusBarItem {
    readonly id: string;
    readonly alignment: StatusBarAlignment;
    readonly priority: number;
    text: string;
    tooltip: string | undefined;
    command: string | { command: string } | undefined;
    show(): void;
    hide(): void;
    dispose(): void;
  }
  export namespace window {
    function showInformationMessage<T extends string | MessageItem>(
      message: string,
      ...items: T[]
    ): Thenable<T | undefined>;
    function showInformationMessage<T extends string | MessageItem>(
      message: string,
      options: MessageOptions,
      ...items: T[]
    ): Thenable<T | undefined>;
    function showWarningMessage<T extends string | MessageItem>(
      message: string,
      ...items: T[]
    ): Thenable<T | undefined>;
    function showWarningMessage<T extends string | MessageItem>(
      message: string,
      options: MessageOptions,
      ...items: T[]
    ): Thenable<T | undefined>;
    function showErrorMessage<T extends string | MessageItem>(message: string, ...items: T[]): Thenable<T | undefined>;
    function showErrorMessage<T extends string | MessageItem>(
      message: string,
      options: MessageOptions,
      ...items: T[]
    ): Thenable<T | undefined>;
    function showQuickPick<T extends string | QuickPickItem>(
      items: readonly T[] | Thenable<readonly T[]>,
      options?: QuickPickOptions,
    ): Thenable<T | undefined>;
    function showInputBox(options?: InputBoxOptions): Thenable<string | undefined>;
    function createOutputChannel(name: string): OutputChannel;
    function createStatusBarItem(alignment?: StatusBarAlignment, priority?: number): StatusBarItem;
    function createStatusBarItem(id: string, alignment?: StatusBarAlignment, priority?: number): StatusBarItem;
    function showTextDocument(document: TextDocument | Uri): Thenable<TextEditor | undefined>;
    const activeTextEditor: TextEditor | undefined;
    const visibleTextEditors: readonly TextEditor[];
    const onDidChangeActiveTextEditor: Event<TextEditor | undefined>;
  }

  export interface WorkspaceFolder {
    readonly uri: Uri;
    readonly name: string;
    readonly index: number;
  }
  export interface WorkspaceConfiguration {
    get<T>(section: string): T | undefined;
    get<T>(section: string, defaultValue: T): T;
    has(section: string): boolean;
    update(section: string, value: unknown): Thenable<void>;
  }
  export interface ConfigurationChangeEvent {
    affectsConfiguration(section: string): boolean;
  }
  export interface FileStat {
    type: FileType;
    size: number;
    ctime: number;
    mtime: number;
  }
  export interface FileSystem {
    readFile(uri: Uri): Thenable<Uint8Array>;
    writeFile(uri: Uri, content: Uint8Array): Thenable<void>;
    readDirectory(uri: Uri): Thenable<[string, FileType][]>;
    stat(uri: Uri): Thenable<FileStat>;
    createDirectory(uri: Uri): Thenable<void>;
    delete(uri: Uri, options?: { recursive?: boolean }): Thenable<void>;
  }
  export namespace workspace {
    const workspaceFolders: readonly WorkspaceFolder[] | undefined;
    const rootPath: string | undefined;
    const textDocuments: readonly TextDocument[];
    const fs: FileSystem;
    function openTextDocument(uri: Uri | string): Thenable<TextDocument>;
    function openTextDocument(options: { language?: string; content?: string }): Thenable<TextDocument>;
    function getConfiguration(section?: string): WorkspaceConfiguration;
    const onDidOpenTextDocument: Event<TextDocument>;
    const onDidCloseTextDocument: Event<TextDocument>;
    const onDidSaveTextDocument: Event<TextDocument>;
    const onDidChangeTextDocument: Event<TextDocumentChangeEvent>;
    const onDidChangeConfiguration: Event<ConfigurationChangeEvent>;
  }

  export type DocumentSelector = string | DocumentFilter | ReadonlyArray<string | DocumentFilter>;
  export interface DocumentFilter {
    language?: string;
    scheme?: string;
    pattern?: string;
  }
  export type ProviderResult<T> = T | undefined | null | Thenable<T | undefined | null>;
  export interface CompletionItemProvider {
    provideCompletionItems(
      document: TextDocument,
      position: Position,
      token: CancellationToken,
      context: { triggerKind: number },
    ): ProviderResult<CompletionItem[] | CompletionList>;
  }
  export interface HoverProvider {
    provideHover(document: TextDocument, position: Position, token: CancellationToken): ProviderResult<Hover>;
  }
  export interface DiagnosticCollection {
    readonly name: string;
    set(uri: Uri, diagnostics: readonly Diagnostic[] | undefined): void;
    set(entries: ReadonlyArray<[Uri, readonly Diagnostic[] | undefined]>): void;
    delete(uri: Uri): void;
    clear(): void;
    get(uri: Uri): readonly Diagnostic[] | undefined;
    has(uri: Uri): boolean;
    forEach(callback: (uri: Uri, diagnostics: readonly Diagnostic[]) => void): void;
    dispose(): void;
  }
  export namespace languages {
    function registerCompletionItemProvider(
      selector: DocumentSelector,
      provider: CompletionItemProvider,
      ...triggerCharacters: string[]
    ): Disposable;
    function registerHoverProvider(selector: DocumentSelector, provider: HoverProvider): Disposable;
    function createDiagnosticCollection(name?: string): DiagnosticCollection;
  }

  export namespace extensions {
    function getExtension<T = unknown>(extensionId: string): Extension<T> | undefined;
    const all: readonly { id: string; extensionPath: string; isActive: boolean }[];
  }
}
