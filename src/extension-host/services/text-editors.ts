/**
 * The windows' visible text editors as the host knows them (VS Code's ExtHostEditors +
 * ExtHostDocumentsAndEditors): each window reports its editors, their selections, visible
 * ranges and options; extensions' edits, reveals and decorations go back to that window.
 * Decoration types are host-wide and replayed to a window that (re)binds.
 */
import { proxy, type Implementation, type Proxy } from "../../protocol/rpc-contract.js";
import {
  type DecorationTypeDto,
  type EditorOptionsDto,
  ExtHostTextEditorsContract,
  type SelectionChangeKind,
  type SelectionDto,
  type TextEditorStateDto,
  WorkbenchTextEditorsContract,
} from "../../protocol/contracts/text-editors.js";
import { EventEmitter } from "../api/types.js";
import type { DocumentModel } from "../documents.js";
import type { Session, Sessions } from "./sessions.js";

/** One editor of one window showing one document; disposed when the window stops showing it there. */
export class EditorHandle {
  disposed = false;
  constructor(
    readonly session: Session,
    readonly workbench: Proxy<typeof WorkbenchTextEditorsContract>,
    public state: TextEditorStateDto,
  ) {}

  get id(): string {
    return this.state.id;
  }

  /** The host's copy of the document (it is opened before the window shows it). */
  get document(): DocumentModel | undefined {
    return this.session.documents.get(this.state.uri);
  }
}

export interface SelectionChange {
  readonly editor: EditorHandle;
  readonly kind: SelectionChangeKind;
}

interface WindowEditors {
  readonly editors: Map<string, EditorHandle>;
  activeId: string | undefined;
}

const sameIds = (a: readonly EditorHandle[], b: readonly EditorHandle[]): boolean =>
  a.length === b.length && a.every((h, i) => h === b[i]);

export class TextEditorsService {
  readonly onDidChangeActive = new EventEmitter<EditorHandle | undefined>();
  readonly onDidChangeVisible = new EventEmitter<readonly EditorHandle[]>();
  readonly onDidChangeSelection = new EventEmitter<SelectionChange>();
  readonly onDidChangeVisibleRanges = new EventEmitter<EditorHandle>();
  readonly onDidChangeOptions = new EventEmitter<EditorHandle>();
  private readonly windows = new Map<Session, WindowEditors>();
  private readonly proxies = new WeakMap<Session, Proxy<typeof WorkbenchTextEditorsContract>>();
  private readonly decorationTypes = new Map<string, DecorationTypeDto>();

  constructor(private readonly sessions: Sessions) {
    sessions.onDidBind((s) => {
      for (const type of this.decorationTypes.values()) this.workbenchOf(s).registerDecorationType(type);
    });
    sessions.onDidClose((s) => this.update(s, [], null));
  }

  workbenchOf(s: Session): Proxy<typeof WorkbenchTextEditorsContract> {
    let p = this.proxies.get(s);
    if (!p) this.proxies.set(s, (p = proxy(s.peer, WorkbenchTextEditorsContract)));
    return p;
  }

  /** What one window's connection serves (host-services.ts). */
  implementation(s: Session): Implementation<typeof ExtHostTextEditorsContract> {
    return {
      editorsChanged: ({ editors, activeId }) => this.update(s, editors, activeId),
      selectionChanged: ({ id, selections, kind }) => {
        const h = this.windows.get(s)?.editors.get(id);
        if (!h || sameSelections(h.state.selections, selections)) return;
        h.state = { ...h.state, selections };
        this.onDidChangeSelection.fire({ editor: h, kind });
      },
      visibleRangesChanged: ({ id, visibleRanges }) => {
        const h = this.windows.get(s)?.editors.get(id);
        if (!h) return;
        h.state = { ...h.state, visibleRanges };
        this.onDidChangeVisibleRanges.fire(h);
      },
      optionsChanged: ({ id, options }) => {
        const h = this.windows.get(s)?.editors.get(id);
        if (!h || sameOptions(h.state.options, options)) return;
        h.state = { ...h.state, options };
        this.onDidChangeOptions.fire(h);
      },
    };
  }

  /** The window extensions act on right now (see Sessions.target). */
  private current(): WindowEditors | undefined {
    const s = this.sessions.target();
    return s && this.windows.get(s);
  }

  active(): EditorHandle | undefined {
    const w = this.current();
    return w?.activeId === undefined ? undefined : w.editors.get(w.activeId);
  }

  visible(): EditorHandle[] {
    return [...(this.current()?.editors.values() ?? [])];
  }

  get(s: Session, id: string): EditorHandle | undefined {
    return this.windows.get(s)?.editors.get(id);
  }

  registerDecorationType(type: DecorationTypeDto): void {
    this.decorationTypes.set(type.key, type);
    this.sessions.broadcast((s) => this.workbenchOf(s).registerDecorationType(type));
  }

  removeDecorationType(key: string): void {
    if (!this.decorationTypes.delete(key)) return;
    this.sessions.broadcast((s) => this.workbenchOf(s).removeDecorationType(key));
  }

  hasDecorationType(key: string): boolean {
    return this.decorationTypes.has(key);
  }

  private update(s: Session, states: readonly TextEditorStateDto[], activeId: string | null): void {
    const w = this.windows.get(s) ?? { editors: new Map<string, EditorHandle>(), activeId: undefined };
    this.windows.set(s, w);
    const before = [...w.editors.values()];
    const previousActive = w.activeId === undefined ? undefined : w.editors.get(w.activeId);
    const next = new Map<string, EditorHandle>();
    for (const state of states) {
      const h = w.editors.get(state.id);
      if (h) h.state = state;
      next.set(state.id, h ?? new EditorHandle(s, this.workbenchOf(s), state));
    }
    for (const h of before) if (!next.has(h.id)) h.disposed = true;
    w.editors.clear();
    for (const [id, h] of next) w.editors.set(id, h);
    w.activeId = activeId !== null && next.has(activeId) ? activeId : undefined;
    if (states.length === 0 && activeId === null) this.windows.delete(s);
    const after = [...next.values()];
    // VS Code's order: visible editors first, then the active one.
    if (!sameIds(before, after)) this.onDidChangeVisible.fire(after);
    const active = w.activeId === undefined ? undefined : next.get(w.activeId);
    if (active !== previousActive) this.onDidChangeActive.fire(active);
  }
}

const samePosition = (a: SelectionDto["anchor"], b: SelectionDto["anchor"]): boolean =>
  a.line === b.line && a.character === b.character;

const sameSelections = (a: readonly SelectionDto[], b: readonly SelectionDto[]): boolean =>
  a.length === b.length &&
  a.every((s, i) => samePosition(s.anchor, b[i]!.anchor) && samePosition(s.active, b[i]!.active));

const sameOptions = (a: EditorOptionsDto, b: EditorOptionsDto): boolean =>
  a.tabSize === b.tabSize &&
  a.indentSize === b.indentSize &&
  a.insertSpaces === b.insertSpaces &&
  a.cursorStyle === b.cursorStyle &&
  a.lineNumbers === b.lineNumbers;
