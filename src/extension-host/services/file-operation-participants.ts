/**
 * File operation participants and events, as VS Code's mainThreadFileSystemEventService +
 * extHostFileSystemEventService: before the explorer or `workspace.applyEdit` creates, renames or
 * deletes files, every `workspace.onWill…Files` listener is called in turn (in subscription order)
 * and may hand edits to `waitUntil`; all those edits are applied together, then the operation
 * runs, then `onDid…Files` fires. `workspace.fs` raises none of them (VS Code's does not either).
 * The budget is VS Code's `files.participants.timeout` (default 60 s, 0 = no participants) for all
 * listeners together; when it runs out the operation goes ahead without any of their edits.
 */
import type { Session } from "./sessions.js";
import type { ApplyOutcome, WorkspaceEditOperation } from "./workspace-edit.js";

export type FileOperation =
  | { readonly kind: "create"; readonly files: ReadonlyArray<string> }
  | { readonly kind: "delete"; readonly files: ReadonlyArray<string> }
  | {
      readonly kind: "rename";
      readonly files: ReadonlyArray<{ readonly oldUri: string; readonly newUri: string }>;
    };

export interface WillRunListener {
  readonly extensionId: string;
  /**
   * Calls the extension's listener with a fresh event (its token aborted with `signal`); answers
   * the thenables it handed to `waitUntil` during the call. A throw is the listener's failure.
   */
  readonly fire: (operation: FileOperation, signal: AbortSignal) => ReadonlyArray<PromiseLike<unknown>>;
  /** The thenables' values → the edit's operations; values that are not WorkspaceEdits are ignored. */
  readonly edits: (values: ReadonlyArray<unknown>) => WorkspaceEditOperation[];
}

export interface FileOperationParticipantsDeps {
  /** Applies the listeners' merged edit (the workspace edit service). */
  readonly apply: (session: Session, ops: ReadonlyArray<WorkspaceEditOperation>) => Promise<ApplyOutcome>;
  readonly reportError: (extensionId: string, what: string, error: unknown) => void;
  readonly log: (message: string) => void;
  /** `files.participants.timeout` for the session's window: 0 turns participants off. */
  readonly timeoutMs: (session: Session) => number;
}

class OutOfTime extends Error {}

const EVENT_NAMES: Readonly<Record<FileOperation["kind"], string>> = {
  create: "onWillCreateFiles",
  delete: "onWillDeleteFiles",
  rename: "onWillRenameFiles",
};

export class FileOperationParticipants {
  private readonly willListeners: WillRunListener[] = [];
  private readonly didListeners = new Set<(operation: FileOperation) => void>();

  constructor(private readonly deps: FileOperationParticipantsDeps) {}

  /** `onWill…Files` listeners are asked in the order they subscribed. */
  addWillListener(listener: WillRunListener): () => void {
    this.willListeners.push(listener);
    return () => {
      const i = this.willListeners.indexOf(listener);
      if (i >= 0) this.willListeners.splice(i, 1);
    };
  }

  onDidRun(listener: (operation: FileOperation) => void): () => void {
    this.didListeners.add(listener);
    return () => this.didListeners.delete(listener);
  }

  /**
   * Runs the `onWill…` listeners for `operation` and applies their edits. Never fails the
   * operation: a listener that throws or rejects loses its edits, an edit that cannot be applied is
   * reported, as in VS Code.
   */
  async willRun(session: Session, operation: FileOperation): Promise<void> {
    const timeoutMs = this.deps.timeoutMs(session);
    if (this.willListeners.length === 0 || operation.files.length === 0 || timeoutMs <= 0) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const outOfTime = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(new OutOfTime());
      }, timeoutMs);
    });
    const ops: WorkspaceEditOperation[] = [];
    try {
      // A copy: listeners may subscribe or unsubscribe while others run.
      for (const listener of [...this.willListeners]) {
        if (controller.signal.aborted) break;
        ops.push(...(await Promise.race([this.deliver(listener, operation, controller.signal), outOfTime])));
      }
    } catch (e) {
      if (!(e instanceof OutOfTime)) throw e;
      this.deps.log(
        `${EVENT_NAMES[operation.kind]} listeners did not finish within ${timeoutMs} ms: the operation goes ahead without their edits`,
      );
      return;
    } finally {
      clearTimeout(timer);
    }
    if (ops.length === 0) return;
    const outcome = await this.deps.apply(session, ops);
    if (!outcome.applied) this.deps.log(`${EVENT_NAMES[operation.kind]} edits not applied: ${outcome.reason ?? ""}`);
  }

  /** After the operation succeeded: `onDid…Files`. */
  didRun(operation: FileOperation): void {
    if (operation.files.length === 0) return;
    for (const l of [...this.didListeners]) l(operation);
  }

  private async deliver(
    listener: WillRunListener,
    operation: FileOperation,
    signal: AbortSignal,
  ): Promise<WorkspaceEditOperation[]> {
    const what = `${EVENT_NAMES[operation.kind]} listener`;
    let thenables: ReadonlyArray<PromiseLike<unknown>>;
    try {
      thenables = listener.fire(operation, signal);
    } catch (e) {
      this.deps.reportError(listener.extensionId, what, e);
      return [];
    }
    // Each thenable on its own (Promise.allSettled, as VS Code's AsyncEmitter): one rejection loses only its edit.
    const settled = await Promise.allSettled(thenables);
    const values: unknown[] = [];
    for (const s of settled) {
      if (s.status === "fulfilled") values.push(s.value);
      else this.deps.reportError(listener.extensionId, what, s.reason);
    }
    try {
      return listener.edits(values);
    } catch (e) {
      this.deps.reportError(listener.extensionId, what, e);
      return [];
    }
  }
}
