/**
 * `vscode.TextEditor`, `TextEditorEdit`, `window.createTextEditorDecorationType` and the
 * `window` members about editors — VS Code's extHostTextEditor.ts / extHostTextEditors.ts over
 * the TextEditorsService. One TextEditor object per window editor, shared by every extension,
 * so `activeTextEditor === event.textEditor` holds as in VS Code.
 */
import type {
  AttachmentDto,
  ColorDto,
  DecorationDto,
  DecorationStyleDto,
  EditorOptionsDto,
  EditorOptionsUpdate,
  RevealTypeDto,
  SelectionDto,
  SingleEditDto,
} from "../../protocol/contracts/text-editors.js";
import type { Range as RangeDto } from "../../protocol/workbench.js";
import type { DocumentModel } from "../documents.js";
import type { Session } from "../services/sessions.js";
import type { EditorHandle, TextEditorsService } from "../services/text-editors.js";
import { textDocument } from "./text-document.js";
import * as types from "./vscode-types.js";

const {
  DecorationRangeBehavior,
  EndOfLine,
  OverviewRulerLane,
  Position,
  Range,
  Selection,
  SnippetString,
  TextEditorCursorStyle,
  TextEditorLineNumbersStyle,
  TextEditorRevealType,
  TextEditorSelectionChangeKind,
  ThemeColor,
  ViewColumn,
} = types;
type Position = types.Position;
type Range = types.Range;
type Selection = types.Selection;

// ── conversions ───────────────────────────────────────────────────────────────────────────

const rangeDto = (r: Range): RangeDto => ({
  start: { line: r.start.line, character: r.start.character },
  end: { line: r.end.line, character: r.end.character },
});
const rangeOf = (r: RangeDto): Range => new Range(r.start.line, r.start.character, r.end.line, r.end.character);
const selectionOf = (s: SelectionDto): Selection =>
  new Selection(s.anchor.line, s.anchor.character, s.active.line, s.active.character);
const selectionDto = (s: Selection): SelectionDto => ({
  anchor: { line: s.anchor.line, character: s.anchor.character },
  active: { line: s.active.line, character: s.active.character },
});

/** Clamps a range to the document, like `TextDocument.validateRange`. */
const validRange = (doc: DocumentModel | undefined, r: Range): RangeDto => {
  if (!doc) return rangeDto(r);
  const clamp = (p: Position) => doc.positionAt(doc.offsetAt({ line: p.line, character: p.character }));
  return { start: clamp(r.start), end: clamp(r.end) };
};

const CURSOR_STYLES: Record<number, EditorOptionsDto["cursorStyle"]> = {
  [TextEditorCursorStyle.Line]: "line",
  [TextEditorCursorStyle.Block]: "block",
  [TextEditorCursorStyle.Underline]: "underline",
  [TextEditorCursorStyle.LineThin]: "line-thin",
  [TextEditorCursorStyle.BlockOutline]: "block-outline",
  [TextEditorCursorStyle.UnderlineThin]: "underline-thin",
};
const LINE_NUMBERS: Record<number, EditorOptionsDto["lineNumbers"]> = {
  [TextEditorLineNumbersStyle.Off]: "off",
  [TextEditorLineNumbersStyle.On]: "on",
  [TextEditorLineNumbersStyle.Relative]: "relative",
  [TextEditorLineNumbersStyle.Interval]: "interval",
};
const keyOf = <V>(table: Record<number, V>, value: V): number =>
  Number(Object.entries(table).find(([, v]) => v === value)?.[0] ?? 1);

const REVEAL: Record<number, RevealTypeDto> = {
  [TextEditorRevealType.Default]: "default",
  [TextEditorRevealType.InCenter]: "inCenter",
  [TextEditorRevealType.InCenterIfOutsideViewport]: "inCenterIfOutsideViewport",
  [TextEditorRevealType.AtTop]: "atTop",
};

export const selectionChangeKind = (kind: "keyboard" | "mouse" | "command" | null): number | undefined =>
  kind === "keyboard"
    ? TextEditorSelectionChangeKind.Keyboard
    : kind === "mouse"
      ? TextEditorSelectionChangeKind.Mouse
      : kind === "command"
        ? TextEditorSelectionChangeKind.Command
        : undefined;

// ── TextEditorEdit ────────────────────────────────────────────────────────────────────────

interface EditData {
  readonly version: number;
  readonly edits: SingleEditDto[];
  readonly setEndOfLine: "LF" | "CRLF" | null;
  readonly undoStopBefore: boolean;
  readonly undoStopAfter: boolean;
}

/** Collects edits while the `edit` callback runs; using it afterwards throws, as in VS Code. */
export class TextEditorEdit {
  private readonly edits: SingleEditDto[] = [];
  private eol: "LF" | "CRLF" | null = null;
  private finalized = false;

  constructor(
    private readonly doc: DocumentModel | undefined,
    private readonly version: number,
    private readonly options: { undoStopBefore: boolean; undoStopAfter: boolean },
  ) {}

  replace(location: Position | Range | Selection, value: string): void {
    this.throwIfFinalized();
    if (location instanceof Position) this.push(new Range(location, location), value);
    else if (location instanceof Range) this.push(location, value);
    else throw new Error("Unrecognized location");
  }

  insert(location: Position, value: string): void {
    this.throwIfFinalized();
    if (!(location instanceof Position)) throw new Error("Unrecognized location");
    this.push(new Range(location, location), value);
  }

  delete(location: Range | Selection): void {
    this.throwIfFinalized();
    if (!(location instanceof Range)) throw new Error("Unrecognized location");
    this.push(location, null);
  }

  setEndOfLine(endOfLine: types.EndOfLine): void {
    this.throwIfFinalized();
    if (endOfLine !== EndOfLine.LF && endOfLine !== EndOfLine.CRLF) throw new Error("Illegal argument: endOfLine");
    this.eol = endOfLine === EndOfLine.LF ? "LF" : "CRLF";
  }

  finalize(): EditData {
    this.finalized = true;
    return { version: this.version, edits: this.edits, setEndOfLine: this.eol, ...this.options };
  }

  private push(range: Range, text: string | null): void {
    this.edits.push({ range: validRange(this.doc, range), text });
  }

  private throwIfFinalized(): void {
    if (this.finalized) throw new Error("Edit is only valid while callback runs");
  }
}

const before = (a: RangeDto["start"], b: RangeDto["start"]): boolean =>
  a.line < b.line || (a.line === b.line && a.character < b.character);

/** VS Code's check: sorted by end then start, no edit may start before the previous one ends. */
export const overlapping = (edits: ReadonlyArray<{ range: RangeDto }>): boolean => {
  const ranges = edits.map((e) => e.range);
  ranges.sort(
    (a, b) =>
      a.end.line - b.end.line ||
      a.end.character - b.end.character ||
      a.start.line - b.start.line ||
      a.start.character - b.start.character,
  );
  return ranges.some((r, i) => i > 0 && before(r.start, ranges[i - 1]!.end));
};

// ── TextEditor ────────────────────────────────────────────────────────────────────────────

export interface TextEditorOptions {
  tabSize?: number | string;
  indentSize?: number | string;
  insertSpaces?: boolean | string;
  cursorStyle?: number;
  lineNumbers?: number;
}

export interface DecorationTypeHandle {
  readonly key: string;
}

/** A decoration's per-range options (`vscode.DecorationOptions`). */
interface DecorationOptions {
  range: Range;
  hoverMessage?: unknown;
  renderOptions?: { before?: AttachmentOptions; after?: AttachmentOptions };
}

const markdown = (m: unknown): string[] => {
  if (m === undefined || m === null) return [];
  if (Array.isArray(m)) return m.flatMap(markdown);
  if (typeof m === "string") return [m];
  if (typeof m === "object" && "value" in m && typeof m.value === "string") {
    // MarkedString { language, value } is a code block; MarkdownString is markdown.
    const language = "language" in m && typeof m.language === "string" ? m.language : undefined;
    return [language !== undefined ? `\`\`\`${language}\n${m.value}\n\`\`\`` : m.value];
  }
  return [];
};

type Editors = Pick<TextEditorsService, "hasDecorationType">;
type ShowDocument = (
  uri: types.Uri,
  column: number | undefined,
  preserveFocus: boolean,
  selection?: Range,
) => Promise<unknown>;

/** What the host's own API code uses of a TextEditor (extensions get the whole object). */
export interface ApiTextEditor {
  readonly options: TextEditorOptions;
  edit(
    callback: (edit: TextEditorEdit) => void,
    opts?: { undoStopBefore: boolean; undoStopAfter: boolean },
  ): Promise<boolean>;
}

const editors = new WeakMap<EditorHandle, ApiTextEditor>();

/** The `vscode.TextEditor` of a window editor (the same object every time). */
export const textEditor = (h: EditorHandle, service: Editors, show: ShowDocument): ApiTextEditor => {
  let editor = editors.get(h);
  if (!editor) editors.set(h, (editor = createTextEditor(h, service, show)));
  return editor;
};

const createTextEditor = (h: EditorHandle, service: Editors, show: ShowDocument): ApiTextEditor => {
  const closed = (what: string) => Promise.reject(new Error(`TextEditor#${what} not possible on closed editors`));
  /** Fire-and-report: a call on an editor the window no longer shows does nothing. */
  const run = (f: () => Promise<boolean>): Promise<boolean> => (h.disposed ? Promise.resolve(false) : f());
  const document = () => {
    const doc = h.document;
    if (!doc) throw new Error(`the document of editor ${h.id} (${h.state.uri}) is not open in the extension host`);
    return doc;
  };

  const setOptions = (update: EditorOptionsUpdate) => {
    if (Object.keys(update).length > 0)
      void run(() => h.workbench.setOptions({ id: h.id, options: update }).catch(() => false));
  };
  const optionsView = (): TextEditorOptions =>
    Object.defineProperties(
      {},
      {
        tabSize: {
          enumerable: true,
          get: () => h.state.options.tabSize,
          set: (v: unknown) => {
            if (v === "auto") return setOptions({ tabSize: "auto" });
            const n = typeof v === "number" ? Math.floor(v) : typeof v === "string" ? parseInt(v, 10) : NaN;
            if (!Number.isFinite(n) || n < 1 || n === h.state.options.tabSize) return;
            h.state = { ...h.state, options: { ...h.state.options, tabSize: n } };
            setOptions({ tabSize: n });
          },
        },
        indentSize: {
          enumerable: true,
          get: () => h.state.options.indentSize,
          set: (v: unknown) => {
            if (v === "tabSize") return setOptions({ indentSize: "tabSize" });
            const n = typeof v === "number" ? Math.floor(v) : typeof v === "string" ? parseInt(v, 10) : NaN;
            if (!Number.isFinite(n) || n < 1 || n === h.state.options.indentSize) return;
            h.state = { ...h.state, options: { ...h.state.options, indentSize: n } };
            setOptions({ indentSize: n });
          },
        },
        insertSpaces: {
          enumerable: true,
          get: () => h.state.options.insertSpaces,
          set: (v: unknown) => {
            if (v === "auto") return setOptions({ insertSpaces: "auto" });
            const b = v === "false" ? false : Boolean(v);
            if (b === h.state.options.insertSpaces) return;
            h.state = { ...h.state, options: { ...h.state.options, insertSpaces: b } };
            setOptions({ insertSpaces: b });
          },
        },
        cursorStyle: {
          enumerable: true,
          get: () => keyOf(CURSOR_STYLES, h.state.options.cursorStyle),
          set: (v: unknown) => {
            const style = typeof v === "number" ? CURSOR_STYLES[v] : undefined;
            if (!style || style === h.state.options.cursorStyle) return;
            h.state = { ...h.state, options: { ...h.state.options, cursorStyle: style } };
            setOptions({ cursorStyle: style });
          },
        },
        lineNumbers: {
          enumerable: true,
          get: () => keyOf(LINE_NUMBERS, h.state.options.lineNumbers),
          set: (v: unknown) => {
            const style = typeof v === "number" ? LINE_NUMBERS[v] : undefined;
            if (!style || style === h.state.options.lineNumbers) return;
            h.state = { ...h.state, options: { ...h.state.options, lineNumbers: style } };
            setOptions({ lineNumbers: style });
          },
        },
      },
    ) as TextEditorOptions;
  let options = optionsView();

  const setSelections = (value: readonly Selection[]) => {
    h.state = { ...h.state, selections: value.map(selectionDto) };
    void run(() => h.workbench.setSelections({ id: h.id, selections: value.map(selectionDto) }).catch(() => false));
  };

  return Object.freeze({
    get document() {
      return textDocument(document());
    },
    get selection(): Selection {
      const first = h.state.selections[0];
      return first ? selectionOf(first) : new Selection(0, 0, 0, 0);
    },
    set selection(value: Selection) {
      if (!(value instanceof Selection)) throw new Error("Illegal argument: selection");
      setSelections([value]);
    },
    get selections(): Selection[] {
      return h.state.selections.map(selectionOf);
    },
    set selections(value: Selection[]) {
      if (!Array.isArray(value) || value.length === 0 || value.some((s) => !(s instanceof Selection)))
        throw new Error("Illegal argument: selections");
      setSelections(value);
    },
    get visibleRanges(): Range[] {
      return h.state.visibleRanges.map(rangeOf);
    },
    get options(): TextEditorOptions {
      return options;
    },
    set options(value: TextEditorOptions) {
      options = optionsView();
      for (const key of ["tabSize", "indentSize", "insertSpaces", "cursorStyle", "lineNumbers"] as const) {
        if (value[key] !== undefined) (options as Record<string, unknown>)[key] = value[key];
      }
    },
    get viewColumn(): number {
      return h.state.viewColumn;
    },
    edit(
      callback: (edit: TextEditorEdit) => void,
      opts: { undoStopBefore: boolean; undoStopAfter: boolean } = { undoStopBefore: true, undoStopAfter: true },
    ): Promise<boolean> {
      if (h.disposed) return closed("edit");
      const doc = document();
      const builder = new TextEditorEdit(doc, doc.version, opts);
      callback(builder);
      const data = builder.finalize();
      if (data.edits.length === 0 && data.setEndOfLine === null) return Promise.resolve(true);
      if (overlapping(data.edits)) return Promise.reject(new Error("Overlapping ranges are not allowed!"));
      return run(async () => {
        const applied = await h.workbench.applyEdits({ id: h.id, ...data });
        if (applied) await h.whenApplied(data.version);
        return applied;
      });
    },
    insertSnippet(
      snippet: types.SnippetString,
      where?: Position | readonly Position[] | Range | readonly Range[],
      opts: { undoStopBefore: boolean; undoStopAfter: boolean } = { undoStopBefore: true, undoStopAfter: true },
    ): Promise<boolean> {
      if (h.disposed) return closed("insertSnippet");
      if (!SnippetString.isSnippetString(snippet)) throw new Error("Illegal argument: snippet must be a SnippetString");
      const at = (p: Position | Range): RangeDto => rangeDto(p instanceof Range ? p : new Range(p, p));
      const list: Array<Position | Range> =
        where === undefined ? [] : Array.isArray(where) ? [...(where as Array<Position | Range>)] : [where as Range];
      const ranges = list.length === 0 ? h.state.selections.map((s) => rangeDto(selectionOf(s))) : list.map(at);
      const version = document().version;
      return run(async () => {
        const applied = await h.workbench.insertSnippet({
          id: h.id,
          version,
          snippet: snippet.value,
          ranges,
          undoStopBefore: opts.undoStopBefore,
          undoStopAfter: opts.undoStopAfter,
        });
        if (applied) await h.whenApplied(version);
        return applied;
      });
    },
    setDecorations(type: DecorationTypeHandle, rangesOrOptions: ReadonlyArray<Range | DecorationOptions>): void {
      if (!type || typeof type.key !== "string") throw new Error("Illegal argument: decorationType");
      if (!service.hasDecorationType(type.key)) return; // disposed type: VS Code ignores it too
      const decorations: DecorationDto[] = rangesOrOptions.map((item) => {
        if (item instanceof Range) return { range: rangeDto(item) };
        const hover = markdown(item.hoverMessage);
        const before = item.renderOptions?.before && attachmentDto(item.renderOptions.before);
        const after = item.renderOptions?.after && attachmentDto(item.renderOptions.after);
        return {
          range: rangeDto(item.range),
          ...(hover.length > 0 ? { hoverMessage: hover } : {}),
          ...(before ? { before } : {}),
          ...(after ? { after } : {}),
        };
      });
      if (!h.disposed) h.workbench.setDecorations({ id: h.id, key: type.key, decorations });
    },
    revealRange(range: Range, revealType?: types.TextEditorRevealType): void {
      if (!(range instanceof Range)) throw new Error("Illegal argument: range");
      const type = REVEAL[revealType ?? TextEditorRevealType.Default] ?? "default";
      void run(() =>
        h.workbench.revealRange({ id: h.id, range: rangeDto(range), revealType: type }).catch(() => false),
      );
    },
    /** @deprecated in VS Code: use window.showTextDocument. Shows this editor's document in `column`. */
    show(column?: types.ViewColumn): void {
      void show(types.Uri.parse(h.state.uri), column, false).catch(() => undefined);
    },
    /** @deprecated in VS Code (use the command `workbench.action.closeActiveEditor`); a no-op here. */
    hide(): void {},
  });
};

// ── decoration types ──────────────────────────────────────────────────────────────────────

type Color = string | types.ThemeColor;
interface AttachmentOptions {
  contentText?: string;
  color?: Color;
  backgroundColor?: Color;
  border?: string;
  borderColor?: Color;
  fontStyle?: string;
  fontWeight?: string;
  textDecoration?: string;
  margin?: string;
  width?: string;
  height?: string;
}
export interface DecorationRenderOptions extends Record<string, unknown> {
  isWholeLine?: boolean;
  rangeBehavior?: types.DecorationRangeBehavior;
  overviewRulerLane?: types.OverviewRulerLane;
  light?: Record<string, unknown>;
  dark?: Record<string, unknown>;
}

const colorDto = (c: unknown): ColorDto | undefined =>
  c instanceof ThemeColor
    ? { themeColor: c.id }
    : typeof c === "string"
      ? { css: c }
      : typeof c === "object" && c !== null && "id" in c && typeof c.id === "string"
        ? { themeColor: c.id }
        : undefined;

const STRING_KEYS = [
  "outline",
  "outlineStyle",
  "outlineWidth",
  "border",
  "borderRadius",
  "borderSpacing",
  "borderStyle",
  "borderWidth",
  "fontStyle",
  "fontWeight",
  "textDecoration",
  "cursor",
  "opacity",
  "letterSpacing",
] as const;
const COLOR_KEYS = ["backgroundColor", "outlineColor", "borderColor", "color", "overviewRulerColor"] as const;
const ATTACHMENT_STRINGS = [
  "contentText",
  "border",
  "fontStyle",
  "fontWeight",
  "textDecoration",
  "margin",
  "width",
  "height",
] as const;
const ATTACHMENT_COLORS = ["color", "backgroundColor", "borderColor"] as const;

const attachmentDto = (o: AttachmentOptions | Record<string, unknown>): AttachmentDto => {
  const out: Record<string, unknown> = {};
  const src = o as Record<string, unknown>;
  for (const k of ATTACHMENT_STRINGS) if (typeof src[k] === "string") out[k] = src[k];
  for (const k of ATTACHMENT_COLORS) {
    const c = colorDto(src[k]);
    if (c) out[k] = c;
  }
  return out as AttachmentDto;
};

const styleDto = (o: Record<string, unknown>): DecorationStyleDto => {
  const out: Record<string, unknown> = {};
  for (const k of STRING_KEYS) if (typeof o[k] === "string") out[k] = o[k];
  for (const k of COLOR_KEYS) {
    const c = colorDto(o[k]);
    if (c) out[k] = c;
  }
  for (const k of ["before", "after"] as const) {
    const a = o[k];
    if (typeof a === "object" && a !== null) out[k] = attachmentDto(a as Record<string, unknown>);
  }
  return out as DecorationStyleDto;
};

const RANGE_BEHAVIOR = {
  [DecorationRangeBehavior.OpenOpen]: "openOpen",
  [DecorationRangeBehavior.ClosedClosed]: "closedClosed",
  [DecorationRangeBehavior.OpenClosed]: "openClosed",
  [DecorationRangeBehavior.ClosedOpen]: "closedOpen",
} as const;
const RULER_LANE = {
  [OverviewRulerLane.Left]: "left",
  [OverviewRulerLane.Center]: "center",
  [OverviewRulerLane.Right]: "right",
  [OverviewRulerLane.Full]: "full",
} as const;

let decorationTypeCount = 0;

/** `window.createTextEditorDecorationType`: registered in every window; `dispose` removes it everywhere. */
export const createDecorationType = (
  service: Pick<TextEditorsService, "registerDecorationType" | "removeDecorationType">,
  options: DecorationRenderOptions,
): DecorationTypeHandle & { dispose(): void } => {
  if (typeof options !== "object" || options === null)
    throw new Error("vscode.window.createTextEditorDecorationType: options must be an object");
  const key = `TextEditorDecorationType${++decorationTypeCount}`;
  const lane = options.overviewRulerLane === undefined ? undefined : RULER_LANE[options.overviewRulerLane];
  service.registerDecorationType({
    key,
    style: styleDto(options),
    ...(options.light ? { light: styleDto(options.light) } : {}),
    ...(options.dark ? { dark: styleDto(options.dark) } : {}),
    isWholeLine: Boolean(options.isWholeLine),
    rangeBehavior: RANGE_BEHAVIOR[options.rangeBehavior ?? DecorationRangeBehavior.OpenOpen] ?? "openOpen",
    ...(lane ? { overviewRulerLane: lane } : {}),
  });
  return {
    key,
    dispose: () => service.removeDecorationType(key),
  };
};

/** `ViewColumn` → the wire: null = the active group, -1 = beside it. */
export const viewColumnDto = (column: number | undefined): number | null =>
  column === undefined || column === ViewColumn.Active ? null : column === ViewColumn.Beside ? -1 : column;

// ── the `window` members about editors ────────────────────────────────────────────────────

export interface EditorWindowDeps {
  readonly service: TextEditorsService;
  readonly target: () => Session | undefined;
  /** Wraps an event so a listener's error lands in the extension's Output channel. */
  readonly guard: <T>(event: types.Event<T>) => types.Event<T>;
}

/** `activeTextEditor`, `visibleTextEditors`, their events, `showTextDocument`, `createTextEditorDecorationType`. */
export const createEditorWindowApi = ({ service, target, guard }: EditorWindowDeps) => {
  const show: ShowDocument = async (uri, column, preserveFocus, selection?: Range) => {
    const session = target();
    if (!session) throw new Error("vscode.window.showTextDocument: no workbench window is connected");
    const id = await service.workbenchOf(session).showDocument(
      {
        uri: uri.toString(),
        viewColumn: viewColumnDto(column),
        selection: selection ? rangeDto(selection) : null,
        preserveFocus,
      },
      { timeoutMs: 30_000 },
    );
    const h = id === null ? undefined : service.get(session, id);
    if (!h) throw new Error(`Failed to show text document ${uri.toString()}`);
    return editorOf(h);
  };
  const editorOf = (h: EditorHandle) => textEditor(h, service, show);
  const map = <A, B>(source: types.EventEmitter<A>, f: (a: A) => B): types.Event<B> => {
    const e = new types.EventEmitter<B>();
    source.event((a) => e.fire(f(a)));
    return guard(e.event);
  };
  return {
    get activeTextEditor() {
      const h = service.active();
      return h ? editorOf(h) : undefined;
    },
    get visibleTextEditors() {
      return service.visible().map(editorOf);
    },
    onDidChangeActiveTextEditor: map(service.onDidChangeActive, (h) => (h ? editorOf(h) : undefined)),
    onDidChangeVisibleTextEditors: map(service.onDidChangeVisible, (hs) => hs.map(editorOf)),
    onDidChangeTextEditorSelection: map(service.onDidChangeSelection, ({ editor, kind }) => ({
      textEditor: editorOf(editor),
      selections: editor.state.selections.map(selectionOf),
      kind: selectionChangeKind(kind),
    })),
    onDidChangeTextEditorVisibleRanges: map(service.onDidChangeVisibleRanges, (h) => ({
      textEditor: editorOf(h),
      visibleRanges: h.state.visibleRanges.map(rangeOf),
    })),
    onDidChangeTextEditorOptions: map(service.onDidChangeOptions, (h) => {
      const editor = editorOf(h);
      return { textEditor: editor, options: editor.options };
    }),
    showTextDocument: async (
      documentOrUri: { uri: types.Uri } | types.Uri,
      columnOrOptions?: number | { viewColumn?: number; preserveFocus?: boolean; preview?: boolean; selection?: Range },
      preserveFocus?: boolean,
    ) => {
      const uri = documentOrUri instanceof types.Uri ? documentOrUri : documentOrUri?.uri;
      if (!(uri instanceof types.Uri))
        throw new Error("vscode.window.showTextDocument: expected a TextDocument or a vscode.Uri");
      if (typeof columnOrOptions === "object" && columnOrOptions !== null) {
        const o = columnOrOptions;
        if (o.selection !== undefined && !(o.selection instanceof Range))
          throw new Error("vscode.window.showTextDocument: options.selection must be a vscode.Range");
        return show(uri, o.viewColumn, Boolean(o.preserveFocus), o.selection);
      }
      return show(uri, columnOrOptions, Boolean(preserveFocus));
    },
    createTextEditorDecorationType: (options: DecorationRenderOptions) => createDecorationType(service, options),
  };
};
