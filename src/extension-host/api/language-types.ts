/**
 * The `vscode` values language features trade in (code actions, symbols, semantic tokens, inlay
 * hints, completions, diagnostics, tree items…), with VS Code's constructors, defaults and
 * argument checks.
 */
import {
  CompletionItemKind,
  DiagnosticSeverity,
  DocumentHighlightKind,
  FoldingRangeKind,
  InlayHintKind,
  SymbolKind,
  TreeItemCollapsibleState,
  type CompletionItemTag,
  type DiagnosticTag,
  type SymbolTag,
} from "./enums.generated.js";
import {
  Location,
  MarkdownString,
  Position,
  Range,
  SnippetString,
  ThemeIcon,
  Uri,
  type TextEdit,
  type WorkspaceEdit,
} from "./types.js";

const illegal = (what: string): Error => new Error(`Illegal argument: ${what}`);

export interface Command {
  title: string;
  command: string;
  tooltip?: string;
  arguments?: unknown[];
}

/** A hierarchical kind such as `refactor.extract.function`; `contains` follows the dots. */
export class CodeActionKind {
  private static readonly sep = ".";
  static readonly Empty = new CodeActionKind("");
  static readonly QuickFix = CodeActionKind.Empty.append("quickfix");
  static readonly Refactor = CodeActionKind.Empty.append("refactor");
  static readonly RefactorExtract = CodeActionKind.Refactor.append("extract");
  static readonly RefactorInline = CodeActionKind.Refactor.append("inline");
  static readonly RefactorMove = CodeActionKind.Refactor.append("move");
  static readonly RefactorRewrite = CodeActionKind.Refactor.append("rewrite");
  static readonly Source = CodeActionKind.Empty.append("source");
  static readonly SourceOrganizeImports = CodeActionKind.Source.append("organizeImports");
  static readonly SourceFixAll = CodeActionKind.Source.append("fixAll");
  static readonly Notebook = CodeActionKind.Empty.append("notebook");

  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  append(parts: string): CodeActionKind {
    return new CodeActionKind(this.value ? this.value + CodeActionKind.sep + parts : parts);
  }
  /** True for the same kind and for its sub-kinds (`refactor` contains `refactor.extract`). */
  contains(other: CodeActionKind): boolean {
    return this.value === other.value || other.value.startsWith(this.value + CodeActionKind.sep);
  }
  intersects(other: CodeActionKind): boolean {
    return this.contains(other) || other.contains(this);
  }
}

export class CodeAction {
  title: string;
  kind?: CodeActionKind;
  edit?: WorkspaceEdit;
  diagnostics?: Diagnostic[];
  command?: Command;
  isPreferred?: boolean;
  disabled?: { readonly reason: string };
  constructor(title: string, kind?: CodeActionKind) {
    this.title = title;
    if (kind) this.kind = kind;
  }
}

export class CodeLens {
  range: Range;
  command?: Command;
  constructor(range: Range, command?: Command) {
    this.range = range;
    if (command) this.command = command;
  }
  get isResolved(): boolean {
    return this.command !== undefined;
  }
}

export class DocumentSymbol {
  name: string;
  detail: string;
  kind: SymbolKind;
  tags?: readonly SymbolTag[];
  range: Range;
  selectionRange: Range;
  children: DocumentSymbol[] = [];
  constructor(name: string, detail: string, kind: SymbolKind, range: Range, selectionRange: Range) {
    if (!name || !name.trim()) throw illegal("name must not be falsy");
    if (!range.contains(selectionRange)) throw illegal("selectionRange must be contained in fullRange");
    this.name = name;
    this.detail = detail;
    this.kind = kind;
    this.range = range;
    this.selectionRange = selectionRange;
  }
}

export class SymbolInformation {
  name: string;
  containerName: string;
  kind: SymbolKind;
  tags?: readonly SymbolTag[];
  location: Location;
  constructor(name: string, kind: SymbolKind, containerName: string | undefined, location: Location);
  constructor(name: string, kind: SymbolKind, range: Range, uri?: Uri, containerName?: string);
  constructor(name: string, kind: SymbolKind, a: string | Range | undefined, b?: Location | Uri, c?: string) {
    if (!name || !name.trim()) throw illegal("name must not be falsy");
    this.name = name;
    this.kind = kind;
    if (a instanceof Range) {
      this.location = new Location(b instanceof Uri ? b : Uri.parse("untitled:"), a);
      this.containerName = c ?? "";
    } else if (b instanceof Location) {
      this.location = b;
      this.containerName = a ?? "";
    } else throw illegal("SymbolInformation needs a location or a range");
  }
}

export class SemanticTokensLegend {
  readonly tokenTypes: string[];
  readonly tokenModifiers: string[];
  constructor(tokenTypes: string[], tokenModifiers: string[] = []) {
    this.tokenTypes = tokenTypes;
    this.tokenModifiers = tokenModifiers;
  }
}

export class SemanticTokens {
  readonly resultId: string | undefined;
  readonly data: Uint32Array;
  constructor(data: Uint32Array, resultId?: string) {
    this.resultId = resultId;
    this.data = data;
  }
}

export class SemanticTokensEdit {
  readonly start: number;
  readonly deleteCount: number;
  readonly data: Uint32Array | undefined;
  constructor(start: number, deleteCount: number, data?: Uint32Array) {
    this.start = start;
    this.deleteCount = deleteCount;
    this.data = data;
  }
}

export class SemanticTokensEdits {
  readonly resultId: string | undefined;
  readonly edits: SemanticTokensEdit[];
  constructor(edits: SemanticTokensEdit[], resultId?: string) {
    this.resultId = resultId;
    this.edits = edits;
  }
}

/**
 * Collects tokens by absolute position and encodes them the way VS Code expects: five numbers per
 * token (delta line, delta start, length, type, modifier bits), sorted by position even when the
 * provider pushed them out of order.
 */
export class SemanticTokensBuilder {
  private readonly tokens: Array<[number, number, number, number, number]> = [];
  private readonly types = new Map<string, number>();
  private readonly modifiers = new Map<string, number>();
  private readonly hasLegend: boolean;

  constructor(legend?: SemanticTokensLegend) {
    this.hasLegend = legend !== undefined;
    legend?.tokenTypes.forEach((t, i) => this.types.set(t, i));
    legend?.tokenModifiers.forEach((m, i) => this.modifiers.set(m, i));
  }

  push(line: number, char: number, length: number, tokenType: number, tokenModifiers?: number): void;
  push(range: Range, tokenType: string, tokenModifiers?: readonly string[]): void;
  push(a: number | Range, b: number | string, c?: number | readonly string[], d?: number, e?: number): void {
    if (typeof a === "number") {
      const nums = [a, b, c, d, e ?? 0];
      if (!nums.every((n) => typeof n === "number" && Number.isInteger(n) && n >= 0))
        throw illegal("push(line, char, length, tokenType, tokenModifiers?) takes non-negative integers");
      this.tokens.push([a, b as number, c as number, d as number, e ?? 0]);
      return;
    }
    if (!this.hasLegend) throw illegal("pushing a range with a token type name needs a legend");
    if (!a.isSingleLine) throw illegal("a semantic token's range must be on one line");
    const type = typeof b === "string" ? this.types.get(b) : undefined;
    if (type === undefined) throw illegal(`token type ${String(b)} is not in the legend`);
    let bits = 0;
    for (const m of (c as readonly string[] | undefined) ?? []) {
      const index = this.modifiers.get(m);
      if (index === undefined) throw illegal(`token modifier ${m} is not in the legend`);
      bits |= 1 << index;
    }
    this.tokens.push([a.start.line, a.start.character, a.end.character - a.start.character, type, bits]);
  }

  build(resultId?: string): SemanticTokens {
    const sorted = [...this.tokens].sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    const data = new Uint32Array(sorted.length * 5);
    let prevLine = 0;
    let prevChar = 0;
    sorted.forEach(([line, char, length, type, mods], i) => {
      data.set([line - prevLine, line === prevLine ? char - prevChar : char, length, type, mods], i * 5);
      prevLine = line;
      prevChar = char;
    });
    return new SemanticTokens(data, resultId);
  }
}

export class InlayHintLabelPart {
  value: string;
  tooltip?: string | MarkdownString;
  location?: Location;
  command?: Command;
  constructor(value: string) {
    this.value = value;
  }
}

export class InlayHint {
  position: Position;
  label: string | InlayHintLabelPart[];
  kind?: InlayHintKind;
  tooltip?: string | MarkdownString;
  textEdits?: TextEdit[];
  paddingLeft?: boolean;
  paddingRight?: boolean;
  constructor(position: Position, label: string | InlayHintLabelPart[], kind?: InlayHintKind) {
    this.position = position;
    this.label = label;
    if (kind !== undefined) this.kind = kind;
  }
}

export class FoldingRange {
  start: number;
  end: number;
  kind?: FoldingRangeKind;
  constructor(start: number, end: number, kind?: FoldingRangeKind) {
    this.start = start;
    this.end = end;
    if (kind !== undefined) this.kind = kind;
  }
}

export class SelectionRange {
  range: Range;
  parent?: SelectionRange;
  constructor(range: Range, parent?: SelectionRange) {
    if (parent && !parent.range.contains(range)) throw illegal("parent must contain this range");
    this.range = range;
    if (parent) this.parent = parent;
  }
}

class HierarchyItem {
  name: string;
  kind: SymbolKind;
  tags?: readonly SymbolTag[];
  detail?: string;
  uri: Uri;
  range: Range;
  selectionRange: Range;
  constructor(kind: SymbolKind, name: string, detail: string, uri: Uri, range: Range, selectionRange: Range) {
    this.kind = kind;
    this.name = name;
    this.detail = detail;
    this.uri = uri;
    this.range = range;
    this.selectionRange = selectionRange;
  }
}
export class CallHierarchyItem extends HierarchyItem {}
export class TypeHierarchyItem extends HierarchyItem {}

export class CallHierarchyIncomingCall {
  from: CallHierarchyItem;
  fromRanges: Range[];
  constructor(item: CallHierarchyItem, fromRanges: Range[]) {
    this.from = item;
    this.fromRanges = fromRanges;
  }
}

export class CallHierarchyOutgoingCall {
  to: CallHierarchyItem;
  fromRanges: Range[];
  constructor(item: CallHierarchyItem, fromRanges: Range[]) {
    this.to = item;
    this.fromRanges = fromRanges;
  }
}

/** An RGBA color, each component in [0, 1]. */
export class Color {
  readonly red: number;
  readonly green: number;
  readonly blue: number;
  readonly alpha: number;
  constructor(red: number, green: number, blue: number, alpha: number) {
    this.red = red;
    this.green = green;
    this.blue = blue;
    this.alpha = alpha;
  }
}

export class ColorInformation {
  range: Range;
  color: Color;
  constructor(range: Range, color: Color) {
    if (color && !(color instanceof Color)) throw illegal("color must be a Color");
    if (!Range.isRange(range) || range.isEmpty) throw illegal("range must be set and not empty");
    this.range = range;
    this.color = color;
  }
}

export class ColorPresentation {
  label: string;
  textEdit?: TextEdit;
  additionalTextEdits?: TextEdit[];
  constructor(label: string) {
    if (!label || typeof label !== "string") throw illegal("label must be a non-empty string");
    this.label = label;
  }
}

export class DocumentLink {
  range: Range;
  target?: Uri;
  tooltip?: string;
  constructor(range: Range, target?: Uri) {
    if (target && !(target instanceof Uri)) throw illegal("target must be a Uri");
    if (!Range.isRange(range) || range.isEmpty) throw illegal("range must be set and not empty");
    this.range = range;
    if (target) this.target = target;
  }
}

export class DocumentHighlight {
  range: Range;
  kind: DocumentHighlightKind;
  constructor(range: Range, kind: DocumentHighlightKind = DocumentHighlightKind.Text) {
    this.range = range;
    this.kind = kind;
  }
}

type MarkedString = string | MarkdownString | { language: string; value: string };

export class Hover {
  contents: Array<MarkdownString | MarkedString>;
  range?: Range;
  constructor(contents: MarkdownString | MarkedString | Array<MarkdownString | MarkedString>, range?: Range) {
    if (!contents) throw illegal("contents must be defined");
    this.contents = Array.isArray(contents) ? contents : [contents];
    if (range) this.range = range;
  }
}

export class ParameterInformation {
  label: string | [number, number];
  documentation?: string | MarkdownString;
  constructor(label: string | [number, number], documentation?: string | MarkdownString) {
    this.label = label;
    if (documentation !== undefined) this.documentation = documentation;
  }
}

export class SignatureInformation {
  label: string;
  documentation?: string | MarkdownString;
  parameters: ParameterInformation[] = [];
  activeParameter?: number;
  constructor(label: string, documentation?: string | MarkdownString) {
    this.label = label;
    if (documentation !== undefined) this.documentation = documentation;
  }
}

export class SignatureHelp {
  signatures: SignatureInformation[] = [];
  activeSignature = 0;
  activeParameter = 0;
}

export interface CompletionItemLabel {
  label: string;
  detail?: string;
  description?: string;
}

export class CompletionItem {
  label: string | CompletionItemLabel;
  kind?: CompletionItemKind;
  tags?: CompletionItemTag[];
  detail?: string;
  documentation?: string | MarkdownString;
  sortText?: string;
  filterText?: string;
  preselect?: boolean;
  insertText?: string | SnippetString;
  range?: Range | { inserting: Range; replacing: Range };
  commitCharacters?: string[];
  keepWhitespace?: boolean;
  additionalTextEdits?: TextEdit[];
  command?: Command;
  constructor(label: string | CompletionItemLabel, kind?: CompletionItemKind) {
    this.label = label;
    if (kind !== undefined) this.kind = kind;
  }
}

export class CompletionList {
  isIncomplete?: boolean;
  items: CompletionItem[];
  constructor(items: CompletionItem[] = [], isIncomplete = false) {
    this.items = items;
    this.isIncomplete = isIncomplete;
  }
}

export class DiagnosticRelatedInformation {
  location: Location;
  message: string;
  constructor(location: Location, message: string) {
    this.location = location;
    this.message = message;
  }
}

export class Diagnostic {
  range: Range;
  message: string;
  severity: DiagnosticSeverity;
  source?: string;
  code?: string | number | { value: string | number; target: Uri };
  relatedInformation?: DiagnosticRelatedInformation[];
  tags?: DiagnosticTag[];
  constructor(range: Range, message: string, severity: DiagnosticSeverity = DiagnosticSeverity.Error) {
    if (!Range.isRange(range)) throw illegal("range must be a Range");
    if (typeof message !== "string" || !message) throw illegal("message must be a non-empty string");
    this.range = range;
    this.message = message;
    this.severity = severity;
  }
}

export interface TreeItemLabel {
  label: string;
  highlights?: Array<[number, number]>;
}

export class TreeItem {
  label?: string | TreeItemLabel;
  resourceUri?: Uri;
  id?: string;
  iconPath?: string | Uri | { light: string | Uri; dark: string | Uri } | ThemeIcon;
  description?: string | boolean;
  tooltip?: string | MarkdownString;
  command?: Command;
  contextValue?: string;
  accessibilityInformation?: { label: string; role?: string };
  collapsibleState?: TreeItemCollapsibleState;

  constructor(label: string | TreeItemLabel, collapsibleState?: TreeItemCollapsibleState);
  constructor(resourceUri: Uri, collapsibleState?: TreeItemCollapsibleState);
  constructor(
    labelOrUri: string | TreeItemLabel | Uri,
    collapsibleState: TreeItemCollapsibleState = TreeItemCollapsibleState.None,
  ) {
    if (labelOrUri instanceof Uri) this.resourceUri = labelOrUri;
    else this.label = labelOrUri;
    this.collapsibleState = collapsibleState;
  }
}

export class LinkedEditingRanges {
  readonly ranges: Range[];
  readonly wordPattern?: RegExp;
  constructor(ranges: Range[], wordPattern?: RegExp) {
    this.ranges = ranges;
    if (wordPattern) this.wordPattern = wordPattern;
  }
}

export class EvaluatableExpression {
  readonly range: Range;
  readonly expression?: string;
  constructor(range: Range, expression?: string) {
    this.range = range;
    if (expression !== undefined) this.expression = expression;
  }
}

export class InlineCompletionItem {
  insertText: string | SnippetString;
  filterText?: string;
  range?: Range;
  command?: Command;
  constructor(insertText: string | SnippetString, range?: Range, command?: Command) {
    this.insertText = insertText;
    if (range) this.range = range;
    if (command) this.command = command;
  }
}

export class InlineCompletionList {
  items: InlineCompletionItem[];
  constructor(items: InlineCompletionItem[]) {
    this.items = items;
  }
}

export {
  CompletionItemKind,
  DiagnosticSeverity,
  FoldingRangeKind,
  InlayHintKind,
  SymbolKind,
  TreeItemCollapsibleState,
};
