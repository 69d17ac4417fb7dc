/**
 * The window's side of extensions' text editors (VS Code's MainThreadTextEditors): reports each
 * group's editor — a new id whenever its document changes, as VS Code makes a new TextEditor —
 * with its selections, visible ranges and options, and carries out what extensions ask: edits
 * (with undo stops), snippets, reveals, decorations, options, showing documents and the text
 * part of workspace edits (one undoable step per file).
 */
import {
  type ColorDto,
  type DecorationDto,
  type DecorationStyleDto,
  type DecorationTypeDto,
  type EditorOptionsDto,
  type EditorOptionsUpdate,
  ExtHostTextEditorsContract,
  type SelectionChangeKind,
  type SelectionDto,
  type SingleEditDto,
  type TextEditorStateDto,
  WorkbenchTextEditorsContract,
  type AttachmentDto,
} from "../../../../protocol/contracts/text-editors.js";
import { proxy, serve, type Caller, type Proxy, type Registrar } from "../../../../protocol/rpc-contract.js";
import type { Range } from "../../../../protocol/workbench.js";
import type { Documents } from "../documents.js";
import type { Store } from "../store.js";
import type { ThemeDefinition } from "../theme/theme-data.js";
import type { EditorGroups } from "./editor-groups.js";
import { monaco } from "./monaco.js";

interface GroupEditor {
  readonly group: number;
  readonly editor: monaco.editor.IStandaloneCodeEditor;
  /** The TextEditor id of (this editor, its current document); undefined without a model. */
  id: string | undefined;
  uri: string | undefined;
  /** key → that decoration type's decorations in this editor. */
  readonly decorations: Map<string, monaco.editor.IEditorDecorationsCollection>;
}

const toMonacoRange = (r: Range): monaco.Range =>
  new monaco.Range(r.start.line + 1, r.start.character + 1, r.end.line + 1, r.end.character + 1);
const fromMonacoRange = (r: monaco.IRange): Range => ({
  start: { line: r.startLineNumber - 1, character: r.startColumn - 1 },
  end: { line: r.endLineNumber - 1, character: r.endColumn - 1 },
});
const selectionDto = (s: monaco.Selection): SelectionDto => ({
  anchor: { line: s.selectionStartLineNumber - 1, character: s.selectionStartColumn - 1 },
  active: { line: s.positionLineNumber - 1, character: s.positionColumn - 1 },
});

const CURSOR_STYLES: ReadonlyArray<EditorOptionsDto["cursorStyle"]> = [
  "line",
  "block",
  "underline",
  "line-thin",
  "block-outline",
  "underline-thin",
];
const LINE_NUMBERS: ReadonlyArray<EditorOptionsDto["lineNumbers"]> = ["off", "on", "relative", "interval"];

/** Monaco's cursor-change source → VS Code's TextEditorSelectionChangeKind (others: none). */
const kindOf = (source: string): SelectionChangeKind =>
  source === "keyboard" ? "keyboard" : source === "mouse" ? "mouse" : source === "api" ? "command" : null;

interface SnippetController extends monaco.editor.IEditorContribution {
  insert(
    edits: Array<{ range: monaco.IRange; template: string }>,
    opts: { undoStopBefore: boolean; undoStopAfter: boolean },
  ): void;
}

export class TextEditors {
  private readonly host: Proxy<typeof ExtHostTextEditorsContract>;
  private readonly editors = new Map<number, GroupEditor>();
  private readonly types = new Map<string, DecorationTypeDto>();
  private readonly sheet = new CSSStyleSheet();
  private nextId = 1;
  private reportScheduled = false;

  constructor(
    client: Caller & Registrar,
    private readonly documents: Documents,
    private readonly groups: EditorGroups,
    private readonly theme: Store<ThemeDefinition>,
  ) {
    this.host = proxy(client, ExtHostTextEditorsContract);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, this.sheet];
    groups.focused.subscribe(() => this.scheduleReport());
    groups.groups.subscribe(() => this.scheduleReport());
    theme.subscribe(() => this.renderStyles());
    void serve(client, WorkbenchTextEditorsContract, {
      applyEdits: (p) => this.applyEdits(p),
      insertSnippet: ({ id, version, snippet, ranges, undoStopBefore, undoStopAfter }) => {
        const g = this.byId(id);
        const model = g?.editor.getModel();
        if (!g || !model || model.getVersionId() !== version) return false;
        const controller = g.editor.getContribution<SnippetController>("snippetController2");
        if (!controller) return false;
        g.editor.focus();
        controller.insert(
          ranges.map((r) => ({ range: toMonacoRange(r), template: snippet })),
          { undoStopBefore, undoStopAfter },
        );
        return true;
      },
      setSelections: ({ id, selections }) => {
        const g = this.byId(id);
        if (!g || selections.length === 0) return false;
        g.editor.setSelections(
          selections.map(
            (s) =>
              new monaco.Selection(
                s.anchor.line + 1,
                s.anchor.character + 1,
                s.active.line + 1,
                s.active.character + 1,
              ),
          ),
          "api",
        );
        return true;
      },
      setOptions: ({ id, options }) => this.setOptions(id, options),
      revealRange: ({ id, range, revealType }) => {
        const g = this.byId(id);
        if (!g) return false;
        const r = toMonacoRange(range);
        const e = g.editor;
        const scroll = monaco.editor.ScrollType.Immediate;
        if (revealType === "inCenter") e.revealRangeInCenter(r, scroll);
        else if (revealType === "inCenterIfOutsideViewport") e.revealRangeInCenterIfOutsideViewport(r, scroll);
        else if (revealType === "atTop") e.revealRangeAtTop(r, scroll);
        else e.revealRange(r, scroll);
        return true;
      },
      registerDecorationType: (type) => {
        this.types.set(type.key, type);
        this.renderStyles();
      },
      removeDecorationType: (key) => {
        this.types.delete(key);
        for (const g of this.editors.values()) {
          g.decorations.get(key)?.clear();
          g.decorations.delete(key);
        }
        this.renderStyles();
      },
      setDecorations: ({ id, key, decorations }) => this.setDecorations(id, key, decorations),
      showDocument: (request) => this.showDocument(request),
      applyWorkspaceTextEdits: ({ files }) => this.applyWorkspaceTextEdits(files),
      documentMoved: ({ from, to }) => this.documentMoved(from, to),
      saveDocuments: async ({ uris }) => {
        const targets =
          uris ??
          this.documents.open
            .get()
            .filter((d) => d.dirty)
            .map((d) => d.uri);
        const saved: string[] = [];
        const failed: string[] = [];
        for (const uri of targets) {
          if (!this.documents.model(uri)) {
            failed.push(uri);
            continue;
          }
          await this.documents.save(uri).then(
            () => saved.push(uri),
            () => failed.push(uri),
          );
        }
        return { saved, failed };
      },
    });
  }

  /** Called by each group's EditorPane for its Monaco editor; the returned function detaches it. */
  attach(editor: monaco.editor.IStandaloneCodeEditor, group: number): () => void {
    const g: GroupEditor = { group, editor, id: undefined, uri: undefined, decorations: new Map() };
    this.editors.set(group, g);
    const onModel = () => {
      const uri = editor.getModel()?.uri.toString();
      g.decorations.clear(); // Monaco drops a collection's decorations with the model
      g.uri = uri;
      g.id = uri === undefined ? undefined : `editor-${this.nextId++}`;
      this.scheduleReport();
    };
    let rangesTimer: ReturnType<typeof setTimeout> | undefined;
    const listeners = [
      editor.onDidChangeModel(onModel),
      editor.onDidChangeCursorSelection((e) => {
        if (!g.id || this.reportScheduled) return;
        this.host.selectionChanged({
          id: g.id,
          selections: [e.selection, ...e.secondarySelections].map(selectionDto),
          kind: kindOf(e.source),
        });
      }),
      editor.onDidScrollChange(() => {
        // Scrolling fires per frame: the host hears the ranges it settles on.
        clearTimeout(rangesTimer);
        rangesTimer = setTimeout(() => {
          if (g.id) this.host.visibleRangesChanged({ id: g.id, visibleRanges: this.visibleRanges(editor) });
        }, 50);
      }),
      editor.onDidChangeModelOptions(() => this.reportOptions(g)),
      editor.onDidChangeConfiguration(() => this.reportOptions(g)),
    ];
    onModel();
    return () => {
      clearTimeout(rangesTimer);
      for (const l of listeners) l.dispose();
      if (this.editors.get(group) === g) this.editors.delete(group);
      this.scheduleReport();
    };
  }

  /** After a (re)connect the host may be a new one: tell it every editor again. */
  resend(): void {
    this.report();
  }

  private byId(id: string): GroupEditor | undefined {
    for (const g of this.editors.values()) if (g.id === id) return g;
    return undefined;
  }

  private visibleRanges(editor: monaco.editor.ICodeEditor): Range[] {
    return editor.getVisibleRanges().map(fromMonacoRange);
  }

  private optionsOf(editor: monaco.editor.ICodeEditor): EditorOptionsDto {
    const o = editor.getModel()?.getOptions();
    const cursor = editor.getOption(monaco.editor.EditorOption.cursorStyle);
    const lineNumbers = editor.getOption(monaco.editor.EditorOption.lineNumbers).renderType;
    return {
      tabSize: o?.tabSize ?? 4,
      indentSize: o?.indentSize ?? 4,
      insertSpaces: o?.insertSpaces ?? true,
      cursorStyle: CURSOR_STYLES[cursor - 1] ?? "line",
      lineNumbers: LINE_NUMBERS[lineNumbers] ?? "on",
    };
  }

  private reportOptions(g: GroupEditor): void {
    if (g.id) this.host.optionsChanged({ id: g.id, options: this.optionsOf(g.editor) });
  }

  private stateOf(g: GroupEditor): TextEditorStateDto | undefined {
    if (!g.id || !g.uri) return undefined;
    const column = this.groups.groups.get().findIndex((s) => s.id === g.group) + 1;
    return {
      id: g.id,
      uri: g.uri,
      viewColumn: Math.max(1, column),
      selections: (g.editor.getSelections() ?? []).map(selectionDto),
      visibleRanges: this.visibleRanges(g.editor),
      options: this.optionsOf(g.editor),
    };
  }

  /** Editor set and focus changes of one task go to the host as one `editorsChanged`. */
  private scheduleReport(): void {
    if (this.reportScheduled) return;
    this.reportScheduled = true;
    queueMicrotask(() => this.report());
  }

  private report(): void {
    this.reportScheduled = false;
    const states = [...this.editors.values()].flatMap((g) => this.stateOf(g) ?? []);
    const focused = this.editors.get(this.groups.focused.get());
    const activeId = focused?.id && states.some((s) => s.id === focused.id) ? focused.id : null;
    this.host.editorsChanged({ editors: states, activeId });
  }

  private applyEdits(p: {
    readonly id: string;
    readonly version: number;
    readonly edits: ReadonlyArray<SingleEditDto>;
    readonly setEndOfLine: "LF" | "CRLF" | null;
    readonly undoStopBefore: boolean;
    readonly undoStopAfter: boolean;
  }): boolean {
    const g = this.byId(p.id);
    const model = g?.editor.getModel();
    // The document moved on since the extension read it: VS Code answers false too.
    if (!g || !model || model.getVersionId() !== p.version) return false;
    if (p.setEndOfLine)
      model.pushEOL(
        p.setEndOfLine === "CRLF" ? monaco.editor.EndOfLineSequence.CRLF : monaco.editor.EndOfLineSequence.LF,
      );
    if (p.undoStopBefore) g.editor.pushUndoStop();
    g.editor.executeEdits(
      "MainThreadTextEditor",
      p.edits.map((e) => ({ range: toMonacoRange(e.range), text: e.text })),
    );
    if (p.undoStopAfter) g.editor.pushUndoStop();
    return true;
  }

  private setOptions(id: string, o: EditorOptionsUpdate): boolean {
    const g = this.byId(id);
    const model = g?.editor.getModel();
    if (!g || !model) return false;
    if (o.tabSize === "auto" || o.insertSpaces === "auto") {
      const current = model.getOptions();
      model.detectIndentation(current.insertSpaces, current.tabSize);
    }
    const modelOptions: monaco.editor.ITextModelUpdateOptions = {
      ...(typeof o.tabSize === "number" ? { tabSize: o.tabSize } : {}),
      ...(o.indentSize !== undefined ? { indentSize: o.indentSize } : {}),
      ...(typeof o.insertSpaces === "boolean" ? { insertSpaces: o.insertSpaces } : {}),
    };
    if (Object.keys(modelOptions).length > 0) model.updateOptions(modelOptions);
    g.editor.updateOptions({
      ...(o.cursorStyle ? { cursorStyle: o.cursorStyle } : {}),
      ...(o.lineNumbers ? { lineNumbers: o.lineNumbers } : {}),
    });
    this.reportOptions(g);
    return true;
  }

  // ── decorations ─────────────────────────────────────────────────────────────────────────

  private setDecorations(id: string, key: string, decorations: ReadonlyArray<DecorationDto>): void {
    const g = this.byId(id);
    const type = this.types.get(key);
    if (!g || !type) return;
    let collection = g.decorations.get(key);
    if (!collection) g.decorations.set(key, (collection = g.editor.createDecorationsCollection()));
    collection.set(decorations.map((d) => this.decorationOf(type, d)));
  }

  private decorationOf(type: DecorationTypeDto, d: DecorationDto): monaco.editor.IModelDeltaDecoration {
    const style = this.styleFor(type);
    const cls = classOf(type.key);
    const attachment = (which: "before" | "after", own: AttachmentDto | undefined) => {
      const text = own?.contentText ?? style[which]?.contentText;
      if (text === undefined) return undefined;
      return {
        content: text,
        inlineClassName: `${cls}-${which}`,
        cursorStops: monaco.editor.InjectedTextCursorStops.None,
      };
    };
    const before = attachment("before", d.before);
    const after = attachment("after", d.after);
    const ruler = style.overviewRulerColor && this.resolve(style.overviewRulerColor);
    const stickiness = {
      openOpen: monaco.editor.TrackedRangeStickiness.AlwaysGrowsWhenTypingAtEdges,
      closedClosed: monaco.editor.TrackedRangeStickiness.NeverGrowsWhenTypingAtEdges,
      openClosed: monaco.editor.TrackedRangeStickiness.GrowsOnlyWhenTypingBefore,
      closedOpen: monaco.editor.TrackedRangeStickiness.GrowsOnlyWhenTypingAfter,
    }[type.rangeBehavior];
    const lane = {
      left: monaco.editor.OverviewRulerLane.Left,
      center: monaco.editor.OverviewRulerLane.Center,
      right: monaco.editor.OverviewRulerLane.Right,
      full: monaco.editor.OverviewRulerLane.Full,
    }[type.overviewRulerLane ?? "center"];
    return {
      range: toMonacoRange(d.range),
      options: {
        stickiness,
        isWholeLine: type.isWholeLine,
        // Block styles (background, border) on the range; text styles inline so they win over tokens.
        className: type.isWholeLine ? cls : null,
        inlineClassName: type.isWholeLine ? `${cls}-text` : `${cls} ${cls}-text`,
        ...(d.hoverMessage ? { hoverMessage: d.hoverMessage.map((value) => ({ value })) } : {}),
        ...(before ? { before } : {}),
        ...(after ? { after } : {}),
        ...(ruler ? { overviewRuler: { color: ruler, position: lane } } : {}),
      },
    };
  }

  /** The type's style for the current theme kind (its `light`/`dark` override the base). */
  private styleFor(type: DecorationTypeDto): DecorationStyleDto {
    const dark = this.theme.get().uiTheme !== "vs";
    const variant = dark ? type.dark : type.light;
    return variant ? { ...type.style, ...variant } : type.style;
  }

  /** ThemeColor ids go through the current theme, as VS Code resolves them. */
  private resolve(c: ColorDto): string {
    if ("css" in c) return c.css;
    const value = this.theme.get().colors[c.themeColor];
    return value ?? `var(--vscode-${c.themeColor.replace(/\./g, "-")})`;
  }

  private renderStyles(): void {
    const rules: string[] = [];
    for (const type of this.types.values()) {
      const s = this.styleFor(type);
      const cls = classOf(type.key);
      const block = css({
        "background-color": s.backgroundColor && this.resolve(s.backgroundColor),
        outline: s.outline,
        "outline-color": s.outlineColor && this.resolve(s.outlineColor),
        "outline-style": s.outlineStyle,
        "outline-width": s.outlineWidth,
        border: s.border,
        "border-color": s.borderColor && this.resolve(s.borderColor),
        "border-radius": s.borderRadius,
        "border-spacing": s.borderSpacing,
        "border-style": s.borderStyle,
        "border-width": s.borderWidth,
        "box-sizing": s.border || s.borderWidth ? "border-box" : undefined,
      });
      const text = css({
        color: s.color && this.resolve(s.color),
        "font-style": s.fontStyle,
        "font-weight": s.fontWeight,
        "text-decoration": s.textDecoration,
        cursor: s.cursor,
        opacity: s.opacity,
        "letter-spacing": s.letterSpacing,
      });
      if (block) rules.push(`.monaco-editor .${cls} { ${block} }`);
      if (text) rules.push(`.monaco-editor .${cls}-text { ${text} }`);
      for (const which of ["before", "after"] as const) {
        const a = s[which];
        if (!a) continue;
        const body = css({
          color: a.color && this.resolve(a.color),
          "background-color": a.backgroundColor && this.resolve(a.backgroundColor),
          border: a.border,
          "border-color": a.borderColor && this.resolve(a.borderColor),
          "font-style": a.fontStyle,
          "font-weight": a.fontWeight,
          "text-decoration": a.textDecoration,
          margin: a.margin,
          width: a.width,
          height: a.height,
        });
        if (body) rules.push(`.monaco-editor .${cls}-${which} { ${body} }`);
      }
    }
    this.sheet.replaceSync(rules.join("\n"));
  }

  // ── showing documents and workspace edits ────────────────────────────────────────────────

  private async showDocument(request: {
    readonly uri: string;
    readonly viewColumn: number | null;
    readonly selection: Range | null;
    readonly preserveFocus: boolean;
  }): Promise<string | null> {
    const groups = this.groups.groups.get();
    const focusedIndex = groups.findIndex((g) => g.id === this.groups.focused.get());
    const column =
      request.viewColumn === null
        ? focusedIndex + 1
        : request.viewColumn === -1
          ? focusedIndex + 2
          : request.viewColumn;
    const target = groups[column - 1];
    if (target) this.groups.focus(target.id);
    else if (column > groups.length) this.groups.split();
    await this.documents.openFile(request.uri);
    const group = this.groups.focused.get();
    const g = await waitFor(() => {
      const e = this.editors.get(group);
      return e?.uri === request.uri && e.id ? e : undefined;
    });
    if (!g) return null;
    if (request.selection) {
      const r = toMonacoRange(request.selection);
      g.editor.setSelection(r, "api");
      g.editor.revealRangeInCenterIfOutsideViewport(r, monaco.editor.ScrollType.Immediate);
    }
    if (!request.preserveFocus) g.editor.focus();
    this.report(); // the host must know the editor before it gets its id
    return g.id ?? null;
  }

  private async applyWorkspaceTextEdits(
    files: ReadonlyArray<{
      readonly uri: string;
      readonly version: number | null;
      readonly edits: ReadonlyArray<SingleEditDto>;
      readonly setEndOfLine: "LF" | "CRLF" | null;
    }>,
  ): Promise<{ applied: boolean; reason?: string }> {
    // 1. Every file gets a model (unopened ones open as tabs in the background).
    for (const f of files) {
      if (this.documents.model(f.uri)) continue;
      try {
        await this.documents.openFile(f.uri, { activate: false });
      } catch (e) {
        return { applied: false, reason: `cannot open ${f.uri}: ${e instanceof Error ? e.message : String(e)}` };
      }
    }
    // 2. Checked before anything changes: a refused edit leaves every file as it was.
    const models: monaco.editor.ITextModel[] = [];
    for (const f of files) {
      const model = this.documents.model(f.uri);
      if (!model) return { applied: false, reason: `${f.uri} is not a text document` };
      if (f.version !== null && model.getVersionId() !== f.version)
        return { applied: false, reason: `${f.uri} changed since version ${f.version}` };
      models.push(model);
    }
    // 3. One undo step per file.
    files.forEach((f, i) => {
      const model = models[i]!;
      model.pushStackElement();
      if (f.edits.length > 0)
        model.pushEditOperations(
          [],
          f.edits.map((e) => ({ range: model.validateRange(toMonacoRange(e.range)), text: e.text })),
          () => null,
        );
      if (f.setEndOfLine)
        model.pushEOL(
          f.setEndOfLine === "CRLF" ? monaco.editor.EndOfLineSequence.CRLF : monaco.editor.EndOfLineSequence.LF,
        );
      model.pushStackElement();
    });
    return { applied: true };
  }

  private async documentMoved(from: string, to: string | null): Promise<boolean> {
    const model = this.documents.model(from);
    if (!model) return false;
    const wasActive = this.documents.active.get() === from;
    if (to === null) {
      this.documents.close(from);
      return true;
    }
    const dirty = this.documents.get(from)?.dirty ?? false;
    const text = model.getValue();
    await this.documents.openFile(to, { activate: wasActive });
    const moved = this.documents.model(to);
    // Unsaved text moves with the file (the disk has the saved text under the new name).
    if (dirty && moved && moved.getValue() !== text)
      moved.pushEditOperations([], [{ range: moved.getFullModelRange(), text }], () => null);
    this.documents.close(from);
    return true;
  }
}

const classOf = (key: string): string => `ced-${key.replace(/[^\w-]/g, "_")}`;

/** CSS declarations from defined values; values with `;`, `{` or `}` are dropped (no rule injection). */
const css = (props: Record<string, string | undefined>): string =>
  Object.entries(props)
    .filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== "" && !/[;{}]/.test(e[1]))
    .map(([k, v]) => `${k}: ${v};`)
    .join(" ");

const waitFor = async <T>(f: () => T | undefined, timeoutMs = 5_000): Promise<T | undefined> => {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = f();
    if (v !== undefined || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 16));
  }
};
