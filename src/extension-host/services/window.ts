/**
 * The extensions' UI in the windows: messages and pickers (to the window that asked), and the
 * state every window shows — output channels, status bar items, diagnostics — kept here so a
 * window that (re)connects gets all of it at once, not only what changes afterwards.
 */
import type {
  DiagnosticDto,
  InputBoxRequest,
  MessageRequest,
  QuickPickRequest,
  StatusBarItemDto,
} from "../../protocol/workbench.js";
import type { Session, Sessions } from "./sessions.js";

export class NoWindow extends Error {
  constructor() {
    super("no workbench window is connected");
  }
}

export class WindowService {
  private readonly statusBar = new Map<string, StatusBarItemDto>();
  /** owner → uri → diagnostics. */
  private readonly diagnostics = new Map<string, Map<string, ReadonlyArray<DiagnosticDto>>>();
  private readonly output = new Map<string, string>();
  /** Bound on what one output channel keeps for replay (VS Code trims long channels too). */
  private static readonly OUTPUT_REPLAY_CHARS = 256 * 1024;

  constructor(private readonly sessions: Sessions) {
    sessions.onDidBind((s) => this.replay(s));
  }

  private target(): Session {
    const s = this.sessions.target();
    if (!s) throw new NoWindow();
    return s;
  }

  showMessage(request: MessageRequest): Promise<string | null> {
    return this.target().workbench.showMessage(request, { timeoutMs: 0 });
  }

  showQuickPick(request: QuickPickRequest): Promise<number | ReadonlyArray<number> | null> {
    return this.target().workbench.showQuickPick(request, { timeoutMs: 0 });
  }

  showInputBox(request: InputBoxRequest): Promise<string | null> {
    return this.target().workbench.showInputBox(request, { timeoutMs: 0 });
  }

  async showTextDocument(uri: string): Promise<Session> {
    const s = this.target();
    await s.workbench.showTextDocument(uri, { timeoutMs: 0 });
    return s;
  }

  appendOutput(channel: string, text: string): void {
    const kept = (this.output.get(channel) ?? "") + text;
    this.output.set(channel, kept.slice(-WindowService.OUTPUT_REPLAY_CHARS));
    this.sessions.broadcast((s) => s.workbench.outputAppend({ channel, text }));
  }

  clearOutput(channel: string): void {
    this.output.set(channel, "");
    this.sessions.broadcast((s) => s.workbench.outputClear(channel));
  }

  showOutput(channel: string): void {
    this.target().workbench.outputShow(channel);
  }

  updateStatusBarItem(item: StatusBarItemDto): void {
    this.statusBar.set(item.id, item);
    this.sessions.broadcast((s) => s.workbench.statusBarUpdate(item));
  }

  removeStatusBarItem(id: string): void {
    if (!this.statusBar.delete(id)) return;
    this.sessions.broadcast((s) => s.workbench.statusBarRemove(id));
  }

  setDiagnostics(owner: string, uri: string, diagnostics: ReadonlyArray<DiagnosticDto>): void {
    const byUri = this.diagnostics.get(owner) ?? new Map<string, ReadonlyArray<DiagnosticDto>>();
    if (diagnostics.length === 0) byUri.delete(uri);
    else byUri.set(uri, diagnostics);
    this.diagnostics.set(owner, byUri);
    // Diagnostics belong to the windows that show the file, not to every window.
    for (const s of this.sessions.workbenches) {
      if (s.cares(uri)) s.workbench.diagnosticsSet({ owner, uri, diagnostics });
    }
  }

  clearDiagnostics(owner: string): void {
    if (!this.diagnostics.delete(owner)) return;
    this.sessions.broadcast((s) => s.workbench.diagnosticsClear(owner));
  }

  /** Everything a window that just (re)bound must show. */
  private replay(s: Session): void {
    for (const item of this.statusBar.values()) s.workbench.statusBarUpdate(item);
    for (const [owner, byUri] of this.diagnostics) {
      for (const [uri, diagnostics] of byUri) {
        if (s.cares(uri)) s.workbench.diagnosticsSet({ owner, uri, diagnostics });
      }
    }
    for (const [channel, text] of this.output) if (text) s.workbench.outputAppend({ channel, text });
  }
}
