/**
 * A session is one window's binding to this host: its connection, its open documents, its
 * workspace and its focused editor. A connection becomes a session's workbench only by calling
 * `initialize`; tools, the profiler's extra channels and tests that never do get no workbench
 * traffic. Extension UI calls (messages, pickers…) go to the window whose request is running
 * (tracked with AsyncLocalStorage across the extension's awaits), else to the last active one.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import type { RpcPeer } from "../../protocol/peer.js";
import { proxy, type Proxy, type Registrar } from "../../protocol/rpc-contract.js";
import { WorkbenchContract } from "../../protocol/contracts/workbench.js";
import type { Range, WorkspaceFolderDto } from "../../protocol/workbench.js";
import { DocumentStore } from "../documents.js";

export class Session {
  readonly workbench: Proxy<typeof WorkbenchContract>;
  readonly documents = new DocumentStore();
  /** UTF-16 code units held in this session's documents, against its quota. */
  documentChars = 0;
  /** Documents whose copy fell behind; edits are ignored until the window's snapshot arrives. */
  readonly resyncing = new Set<string>();
  workspaceFolders: WorkspaceFolderDto[] = [];
  activeUri: string | undefined;
  activeSelection: Range | undefined;
  /** Set by `initialize`: only then does this connection receive workbench traffic. */
  isWorkbench = false;
  lastActiveAt = 0;

  constructor(
    readonly id: number,
    readonly peer: RpcPeer,
  ) {
    this.workbench = proxy(peer, WorkbenchContract);
  }

  get isOpen(): boolean {
    return !this.peer.isClosed;
  }

  /** Does this window show `uri` (open, or inside its workspace)? */
  cares(uri: string): boolean {
    return this.documents.get(uri) !== undefined || this.workspaceFolders.some((f) => uri.startsWith(`${f.uri}/`));
  }
}

export class Sessions {
  private readonly live = new Set<Session>();
  private readonly current = new AsyncLocalStorage<Session>();
  private nextId = 1;
  private readonly openedListeners = new Set<(s: Session) => void>();
  private readonly closedListeners = new Set<(s: Session) => void>();

  open(peer: RpcPeer): Session {
    const session = new Session(this.nextId++, peer);
    this.live.add(session);
    return session;
  }

  close(session: Session): void {
    if (!this.live.delete(session)) return;
    for (const l of this.closedListeners) l(session);
  }

  /** A window (re)bound itself with `initialize`: replay the UI state it must show. */
  bound(session: Session): void {
    session.isWorkbench = true;
    session.lastActiveAt = Date.now();
    for (const l of this.openedListeners) l(session);
  }

  onDidBind(listener: (s: Session) => void): void {
    this.openedListeners.add(listener);
  }

  onDidClose(listener: (s: Session) => void): void {
    this.closedListeners.add(listener);
  }

  /** Registers methods so their handlers (and everything they await) run as `session`. */
  registrar(session: Session): Registrar {
    return {
      register: (method, handler) =>
        session.peer.register(method, (params, ctx) => this.current.run(session, () => handler(params, ctx))),
    };
  }

  run<T>(session: Session, fn: () => T): T {
    return this.current.run(session, fn);
  }

  /** The session whose request is running right now, if any. */
  get active(): Session | undefined {
    const s = this.current.getStore();
    return s && this.live.has(s) ? s : undefined;
  }

  get workbenches(): Session[] {
    return [...this.live].filter((s) => s.isWorkbench && s.isOpen);
  }

  /** Where an extension's UI call goes: the requesting window, else the last active one. */
  target(): Session | undefined {
    const active = this.active;
    if (active?.isWorkbench) return active;
    return this.workbenches.sort((a, b) => b.lastActiveAt - a.lastActiveAt)[0];
  }

  /** Notifies every window (status bar, output: extension state every window shows). */
  broadcast(send: (s: Session) => void): void {
    for (const s of this.workbenches) send(s);
  }
}
