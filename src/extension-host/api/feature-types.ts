/**
 * Value types of the API areas the host does not serve yet (notebooks, tasks, debugging, tests,
 * terminals, drag and drop). They are plain data an extension builds before handing it to a
 * namespace function; having them lets the extension load and build its values, and the
 * namespace function then says clearly whether the feature exists.
 */
import { randomUUID } from "node:crypto";
import type { NotebookCellKind, NotebookCellStatusBarAlignment, TaskScope } from "./enums.generated.js";
import type { Command } from "./language-types.js";
import type { Uri } from "./uri.js";
import {
  type Location,
  type Position,
  type MarkdownString,
  type Range,
  type SnippetString,
  ThemeIcon,
  type ThemeColor,
  type WorkspaceEdit,
} from "./types.js";

const illegal = (what: string): Error => new Error(`Illegal argument: ${what}`);
type Metadata = { [key: string]: unknown };

export class InlineValueText {
  readonly range: Range;
  readonly text: string;
  constructor(range: Range, text: string) {
    this.range = range;
    this.text = text;
  }
}

export class InlineValueVariableLookup {
  readonly range: Range;
  readonly variableName?: string;
  readonly caseSensitiveLookup: boolean;
  constructor(range: Range, variableName?: string, caseSensitiveLookup = true) {
    this.range = range;
    if (variableName !== undefined) this.variableName = variableName;
    this.caseSensitiveLookup = caseSensitiveLookup;
  }
}

export class InlineValueEvaluatableExpression {
  readonly range: Range;
  readonly expression?: string;
  constructor(range: Range, expression?: string) {
    this.range = range;
    if (expression !== undefined) this.expression = expression;
  }
}

export class DocumentDropEdit {
  insertText: string | SnippetString;
  additionalEdit?: WorkspaceEdit;
  constructor(insertText: string | SnippetString) {
    this.insertText = insertText;
  }
}

export class FileDecoration {
  badge?: string;
  tooltip?: string;
  color?: ThemeColor;
  propagate?: boolean;
  constructor(badge?: string, tooltip?: string, color?: ThemeColor) {
    if (badge !== undefined) this.badge = badge;
    if (tooltip !== undefined) this.tooltip = tooltip;
    if (color !== undefined) this.color = color;
  }
}

export class TerminalLink {
  startIndex: number;
  length: number;
  tooltip?: string;
  constructor(startIndex: number, length: number, tooltip?: string) {
    if (!Number.isInteger(startIndex) || startIndex < 0) throw illegal("startIndex must be a non-negative integer");
    if (!Number.isInteger(length) || length < 1) throw illegal("length must be a positive integer");
    this.startIndex = startIndex;
    this.length = length;
    if (tooltip !== undefined) this.tooltip = tooltip;
  }
}

export class TerminalProfile {
  options: object;
  constructor(options: object) {
    this.options = options;
  }
}

export class TaskGroup {
  static readonly Clean = new TaskGroup("clean", "Clean");
  static readonly Build = new TaskGroup("build", "Build");
  static readonly Rebuild = new TaskGroup("rebuild", "Rebuild");
  static readonly Test = new TaskGroup("test", "Test");
  readonly isDefault: boolean | undefined = undefined;
  readonly id: string;
  readonly label: string;
  private constructor(id: string, label: string) {
    this.id = id;
    this.label = label;
  }
}

export class QuickInputButtons {
  static readonly Back: { readonly iconPath: ThemeIcon; readonly tooltip?: string } = {
    iconPath: new ThemeIcon("arrow-left"),
  };
  private constructor() {}
}

export class DataTransferItem {
  readonly value: unknown;
  constructor(value: unknown) {
    this.value = value;
  }
  asString(): Promise<string> {
    return Promise.resolve(typeof this.value === "string" ? this.value : JSON.stringify(this.value));
  }
  asFile(): undefined {
    return undefined;
  }
}

/** Items by MIME type; types are compared case-insensitively, as in VS Code. */
export class DataTransfer {
  private readonly items = new Map<string, DataTransferItem>();
  get(mimeType: string): DataTransferItem | undefined {
    return this.items.get(mimeType.toLowerCase());
  }
  set(mimeType: string, value: DataTransferItem): void {
    this.items.set(mimeType.toLowerCase(), value);
  }
  forEach(
    callback: (item: DataTransferItem, mimeType: string, dataTransfer: DataTransfer) => void,
    thisArg?: unknown,
  ): void {
    for (const [mime, item] of this.items) callback.call(thisArg, item, mime, this);
  }
  *[Symbol.iterator](): IterableIterator<[mimeType: string, item: DataTransferItem]> {
    yield* this.items;
  }
}

export class NotebookRange {
  readonly start: number;
  readonly end: number;
  constructor(start: number, end: number) {
    if (!Number.isInteger(start) || start < 0) throw illegal("start must be a non-negative integer");
    if (!Number.isInteger(end) || end < 0) throw illegal("end must be a non-negative integer");
    [this.start, this.end] = start <= end ? [start, end] : [end, start];
  }
  get isEmpty(): boolean {
    return this.start === this.end;
  }
  with(change: { start?: number; end?: number }): NotebookRange {
    const start = change.start ?? this.start;
    const end = change.end ?? this.end;
    return start === this.start && end === this.end ? this : new NotebookRange(start, end);
  }
}

export class NotebookCellOutputItem {
  mime: string;
  data: Uint8Array;
  constructor(data: Uint8Array, mime: string) {
    if (!(data instanceof Uint8Array)) throw illegal("data must be a Uint8Array");
    this.data = data;
    this.mime = mime;
  }
  static text(value: string, mime = "text/plain"): NotebookCellOutputItem {
    return new NotebookCellOutputItem(new TextEncoder().encode(value), mime);
  }
  static json(value: unknown, mime = "text/x-json"): NotebookCellOutputItem {
    return NotebookCellOutputItem.text(JSON.stringify(value, undefined, "\t"), mime);
  }
  static stdout(value: string): NotebookCellOutputItem {
    return NotebookCellOutputItem.text(value, "application/vnd.code.notebook.stdout");
  }
  static stderr(value: string): NotebookCellOutputItem {
    return NotebookCellOutputItem.text(value, "application/vnd.code.notebook.stderr");
  }
  static error(value: Error): NotebookCellOutputItem {
    const error = { name: value.name, message: value.message, stack: value.stack };
    return NotebookCellOutputItem.json(error, "application/vnd.code.notebook.error");
  }
}

export class NotebookCellOutput {
  items: NotebookCellOutputItem[];
  metadata?: Metadata;
  constructor(items: NotebookCellOutputItem[], metadata?: Metadata) {
    this.items = items;
    if (metadata) this.metadata = metadata;
  }
}

export class NotebookCellData {
  kind: NotebookCellKind;
  value: string;
  languageId: string;
  outputs?: NotebookCellOutput[];
  metadata?: Metadata;
  constructor(kind: NotebookCellKind, value: string, languageId: string) {
    this.kind = kind;
    this.value = value;
    this.languageId = languageId;
  }
}

export class NotebookData {
  cells: NotebookCellData[];
  metadata?: Metadata;
  constructor(cells: NotebookCellData[]) {
    this.cells = cells;
  }
}

export class NotebookCellStatusBarItem {
  text: string;
  alignment: NotebookCellStatusBarAlignment;
  command?: string | Command;
  tooltip?: string;
  priority?: number;
  constructor(text: string, alignment: NotebookCellStatusBarAlignment) {
    this.text = text;
    this.alignment = alignment;
  }
}

export class NotebookEdit {
  range: NotebookRange;
  newCells: NotebookCellData[];
  newCellMetadata?: Metadata;
  newNotebookMetadata?: Metadata;
  constructor(range: NotebookRange, newCells: NotebookCellData[]) {
    this.range = range;
    this.newCells = newCells;
  }
  static replaceCells(range: NotebookRange, newCells: NotebookCellData[]): NotebookEdit {
    return new NotebookEdit(range, newCells);
  }
  static insertCells(index: number, newCells: NotebookCellData[]): NotebookEdit {
    return new NotebookEdit(new NotebookRange(index, index), newCells);
  }
  static deleteCells(range: NotebookRange): NotebookEdit {
    return new NotebookEdit(range, []);
  }
  static updateCellMetadata(index: number, newCellMetadata: Metadata): NotebookEdit {
    const edit = new NotebookEdit(new NotebookRange(index, index), []);
    edit.newCellMetadata = newCellMetadata;
    return edit;
  }
  static updateNotebookMetadata(newNotebookMetadata: Metadata): NotebookEdit {
    const edit = new NotebookEdit(new NotebookRange(0, 0), []);
    edit.newNotebookMetadata = newNotebookMetadata;
    return edit;
  }
}

export class Breakpoint {
  readonly id: string = randomUUID();
  readonly enabled: boolean;
  readonly condition?: string;
  readonly hitCondition?: string;
  readonly logMessage?: string;
  protected constructor(enabled = true, condition?: string, hitCondition?: string, logMessage?: string) {
    this.enabled = enabled;
    if (condition !== undefined) this.condition = condition;
    if (hitCondition !== undefined) this.hitCondition = hitCondition;
    if (logMessage !== undefined) this.logMessage = logMessage;
  }
}

export class SourceBreakpoint extends Breakpoint {
  readonly location: Location;
  constructor(location: Location, enabled?: boolean, condition?: string, hitCondition?: string, logMessage?: string) {
    super(enabled, condition, hitCondition, logMessage);
    if (!location) throw illegal("location must be set");
    this.location = location;
  }
}

export class FunctionBreakpoint extends Breakpoint {
  readonly functionName: string;
  constructor(functionName: string, enabled?: boolean, condition?: string, hitCondition?: string, logMessage?: string) {
    super(enabled, condition, hitCondition, logMessage);
    this.functionName = functionName;
  }
}

export class DebugAdapterExecutable {
  readonly command: string;
  readonly args: string[];
  readonly options?: { env?: { [key: string]: string }; cwd?: string };
  constructor(command: string, args: string[] = [], options?: { env?: { [key: string]: string }; cwd?: string }) {
    this.command = command;
    this.args = args;
    if (options) this.options = options;
  }
}

export class DebugAdapterServer {
  readonly port: number;
  readonly host?: string;
  constructor(port: number, host?: string) {
    this.port = port;
    if (host !== undefined) this.host = host;
  }
}

export class DebugAdapterNamedPipeServer {
  readonly path: string;
  constructor(path: string) {
    this.path = path;
  }
}

export class DebugAdapterInlineImplementation {
  readonly implementation: object;
  constructor(implementation: object) {
    this.implementation = implementation;
  }
}

export class TestTag {
  readonly id: string;
  constructor(id: string) {
    this.id = id;
  }
}

export class TestMessage {
  message: string | MarkdownString;
  expectedOutput?: string;
  actualOutput?: string;
  location?: Location;
  contextValue?: string;
  constructor(message: string | MarkdownString) {
    this.message = message;
  }
  static diff(message: string | MarkdownString, expected: string, actual: string): TestMessage {
    const m = new TestMessage(message);
    m.expectedOutput = expected;
    m.actualOutput = actual;
    return m;
  }
}

export class TelemetryTrustedValue<T = unknown> {
  readonly value: T;
  constructor(value: T) {
    this.value = value;
  }
}

// ── tasks ──────────────────────────────────────────────────────────────────────────────────

type ExecutionOptions = { cwd?: string; env?: { [key: string]: string } };
type ShellArg = string | { value: string; quoting: number };

export class ProcessExecution {
  process: string;
  args: string[];
  options?: ExecutionOptions;
  constructor(process: string, options?: ExecutionOptions);
  constructor(process: string, args: string[], options?: ExecutionOptions);
  constructor(process: string, a?: string[] | ExecutionOptions, b?: ExecutionOptions) {
    if (typeof process !== "string") throw illegal("process must be a string");
    this.process = process;
    this.args = Array.isArray(a) ? a : [];
    const options = Array.isArray(a) ? b : a;
    if (options) this.options = options;
  }
}

export class ShellExecution {
  commandLine: string | undefined;
  command: ShellArg;
  args: ShellArg[];
  options?: ExecutionOptions & { executable?: string; shellArgs?: string[] };
  constructor(commandLine: string, options?: ExecutionOptions);
  constructor(command: ShellArg, args: ShellArg[], options?: ExecutionOptions);
  constructor(command: ShellArg, a?: ShellArg[] | ExecutionOptions, b?: ExecutionOptions) {
    if (Array.isArray(a)) {
      this.commandLine = undefined;
      this.command = command;
      this.args = a;
      if (b) this.options = b;
    } else {
      if (typeof command !== "string") throw illegal("commandLine must be a string");
      this.commandLine = command;
      this.command = command;
      this.args = [];
      if (a) this.options = a;
    }
  }
}

export class CustomExecution {
  readonly callback: (resolvedDefinition: object) => PromiseLike<object>;
  constructor(callback: (resolvedDefinition: object) => PromiseLike<object>) {
    if (typeof callback !== "function") throw illegal("callback must be a function");
    this.callback = callback;
  }
}

type TaskScopeValue = TaskScope | { readonly uri: Uri; readonly name: string; readonly index: number };
type Execution = ProcessExecution | ShellExecution | CustomExecution;

export class Task {
  definition: { readonly type: string; readonly [name: string]: unknown };
  readonly scope: TaskScopeValue | undefined;
  name: string;
  detail?: string;
  execution?: Execution;
  isBackground = false;
  source: string;
  group?: TaskGroup;
  presentationOptions: object = {};
  problemMatchers: string[];
  runOptions: object = {};

  constructor(
    definition: { readonly type: string },
    scope: TaskScopeValue,
    name: string,
    source: string,
    execution?: Execution,
    problemMatchers?: string | string[],
  );
  /** The deprecated form without a scope. */
  constructor(
    definition: { readonly type: string },
    name: string,
    source: string,
    execution?: Execution,
    problemMatchers?: string | string[],
  );
  constructor(
    definition: { readonly type: string },
    a: TaskScopeValue | string,
    b: string,
    c?: string | Execution,
    d?: Execution | string | string[],
    e?: string | string[],
  ) {
    if (typeof definition?.type !== "string") throw illegal("the task definition needs a string 'type'");
    this.definition = definition;
    const [scope, name, source, execution, matchers] =
      typeof a === "string"
        ? [undefined, a, b, c as Execution | undefined, d as string | string[] | undefined]
        : [a, b, c as string, d as Execution | undefined, e];
    this.scope = scope;
    this.name = name;
    this.source = source;
    if (execution) this.execution = execution;
    this.problemMatchers = matchers === undefined ? [] : typeof matchers === "string" ? [matchers] : matchers;
  }
}

// ── tabs ───────────────────────────────────────────────────────────────────────────────────

export class TabInputText {
  readonly uri: Uri;
  constructor(uri: Uri) {
    this.uri = uri;
  }
}
export class TabInputTextDiff {
  readonly original: Uri;
  readonly modified: Uri;
  constructor(original: Uri, modified: Uri) {
    this.original = original;
    this.modified = modified;
  }
}
export class TabInputCustom {
  readonly uri: Uri;
  readonly viewType: string;
  constructor(uri: Uri, viewType: string) {
    this.uri = uri;
    this.viewType = viewType;
  }
}
export class TabInputWebview {
  readonly viewType: string;
  constructor(viewType: string) {
    this.viewType = viewType;
  }
}
export class TabInputNotebook {
  readonly uri: Uri;
  readonly notebookType: string;
  constructor(uri: Uri, notebookType: string) {
    this.uri = uri;
    this.notebookType = notebookType;
  }
}
export class TabInputNotebookDiff {
  readonly original: Uri;
  readonly modified: Uri;
  readonly notebookType: string;
  constructor(original: Uri, modified: Uri, notebookType: string) {
    this.original = original;
    this.modified = modified;
    this.notebookType = notebookType;
  }
}
export class TabInputTerminal {}

// ── tests and coverage ─────────────────────────────────────────────────────────────────────

export class TestRunRequest {
  readonly include: readonly object[] | undefined;
  readonly exclude: readonly object[] | undefined;
  readonly profile: object | undefined;
  readonly continuous?: boolean;
  readonly preserveFocus: boolean;
  constructor(
    include?: readonly object[],
    exclude?: readonly object[],
    profile?: object,
    continuous = false,
    preserveFocus = true,
  ) {
    this.include = include;
    this.exclude = exclude;
    this.profile = profile;
    this.continuous = continuous;
    this.preserveFocus = preserveFocus;
  }
}

export class TestCoverageCount {
  covered: number;
  total: number;
  constructor(covered: number, total: number) {
    this.covered = covered;
    this.total = total;
  }
}

export class BranchCoverage {
  executed: number | boolean;
  location?: Position | Range;
  label?: string;
  constructor(executed: number | boolean, location?: Position | Range, label?: string) {
    this.executed = executed;
    if (location) this.location = location;
    if (label !== undefined) this.label = label;
  }
}

export class StatementCoverage {
  executed: number | boolean;
  location: Position | Range;
  branches: BranchCoverage[];
  constructor(executed: number | boolean, location: Position | Range, branches: BranchCoverage[] = []) {
    this.executed = executed;
    this.location = location;
    this.branches = branches;
  }
}

export class DeclarationCoverage {
  name: string;
  executed: number | boolean;
  location: Position | Range;
  constructor(name: string, executed: number | boolean, location: Position | Range) {
    this.name = name;
    this.executed = executed;
    this.location = location;
  }
}

const checkCount = (what: string, count: TestCoverageCount | undefined): void => {
  if (count && count.covered > count.total)
    throw illegal(`${what}: covered (${count.covered}) cannot be greater than total (${count.total})`);
};

export class FileCoverage {
  readonly uri: Uri;
  statementCoverage: TestCoverageCount;
  branchCoverage?: TestCoverageCount;
  declarationCoverage?: TestCoverageCount;
  detailedCoverage?: ReadonlyArray<StatementCoverage | DeclarationCoverage>;

  constructor(
    uri: Uri,
    statementCoverage: TestCoverageCount,
    branchCoverage?: TestCoverageCount,
    declarationCoverage?: TestCoverageCount,
  ) {
    checkCount("statementCoverage", statementCoverage);
    checkCount("branchCoverage", branchCoverage);
    checkCount("declarationCoverage", declarationCoverage);
    this.uri = uri;
    this.statementCoverage = statementCoverage;
    if (branchCoverage) this.branchCoverage = branchCoverage;
    if (declarationCoverage) this.declarationCoverage = declarationCoverage;
  }

  /** Counts statements (and their branches) and declarations; executed means a count > 0 or true. */
  static fromDetails(uri: Uri, details: ReadonlyArray<StatementCoverage | DeclarationCoverage>): FileCoverage {
    const statements = new TestCoverageCount(0, 0);
    const branches = new TestCoverageCount(0, 0);
    const declarations = new TestCoverageCount(0, 0);
    const tally = (count: TestCoverageCount, executed: number | boolean): void => {
      count.total += 1;
      if (executed) count.covered += 1;
    };
    for (const d of details) {
      if (d instanceof DeclarationCoverage) tally(declarations, d.executed);
      else {
        tally(statements, d.executed);
        for (const b of d.branches) tally(branches, b.executed);
      }
    }
    const coverage = new FileCoverage(
      uri,
      statements,
      branches.total > 0 ? branches : undefined,
      declarations.total > 0 ? declarations : undefined,
    );
    coverage.detailedCoverage = details;
    return coverage;
  }
}

// ── language models ────────────────────────────────────────────────────────────────────────

export class LanguageModelError extends Error {
  readonly code: string;
  constructor(message?: string, code = "Unknown") {
    super(message ?? "");
    this.code = code;
    this.name = code === "Unknown" ? "LanguageModelError" : `${code} (LanguageModelError)`;
  }
  static NoPermissions(message?: string): LanguageModelError {
    return new LanguageModelError(message, "NoPermissions");
  }
  static Blocked(message?: string): LanguageModelError {
    return new LanguageModelError(message, "Blocked");
  }
  static NotFound(message?: string): LanguageModelError {
    return new LanguageModelError(message, "NotFound");
  }
}
