/**
 * `workspace.onWillCreateFiles` / `onDidCreateFiles` and the rename / delete pairs (VS Code's
 * extHostFileSystemEventService, API side): the events an extension gets, `waitUntil` taking the
 * WorkspaceEdits to apply before the operation. Ordering, the budget and applying the edits live
 * in services/file-operation-participants.ts.
 */
import type { FileOperation, FileOperationParticipants } from "../services/file-operation-participants.js";
import type { WorkspaceEditOperation } from "../services/workspace-edit.js";
import { operationsOf } from "./workspace-edit.js";
import * as types from "./vscode-types.js";
import { deliverWithWaitUntil } from "./wait-until.js";

const { CancellationTokenSource, Disposable, Uri, WorkspaceEdit } = types;

type Listener = (e: unknown) => unknown;
type Track = <T extends { dispose(): unknown }>(d: T) => T;
type Disposables = types.Disposable[] | { push(d: types.Disposable): unknown } | undefined;

/** The operation's files as the extension sees them (frozen, as VS Code's events). */
const filesOf = (operation: FileOperation): ReadonlyArray<unknown> =>
  Object.freeze(
    operation.kind === "rename"
      ? operation.files.map((f) => Object.freeze({ oldUri: Uri.parse(f.oldUri), newUri: Uri.parse(f.newUri) }))
      : operation.files.map((f) => Uri.parse(f)),
  );

/** Only WorkspaceEdits count; anything else a thenable resolved to is ignored, as in VS Code. */
export const participantEdits = (values: ReadonlyArray<unknown>): WorkspaceEditOperation[] =>
  values.flatMap((v) => (v instanceof WorkspaceEdit ? operationsOf(v) : []));

export const createFileOperationEvents = (
  extensionId: string,
  service: FileOperationParticipants,
  guardedEvent: <T>(event: types.Event<T>) => types.Event<T>,
  track: Track,
) => {
  const willEvent =
    (kind: FileOperation["kind"], name: string) =>
    (listener: Listener, thisArgs?: unknown, disposables?: Disposables): types.Disposable => {
      if (typeof listener !== "function") throw new TypeError(`vscode.workspace.${name}: listener must be a function`);
      const remove = service.addWillListener({
        extensionId,
        fire: (operation, signal) => {
          if (operation.kind !== kind) return [];
          const cts = new CancellationTokenSource();
          if (signal.aborted) cts.cancel();
          else signal.addEventListener("abort", () => cts.cancel(), { once: true });
          return deliverWithWaitUntil(
            listener,
            thisArgs,
            { files: filesOf(operation), token: cts.token },
            "waitUntil can NOT be called asynchronous",
          );
        },
        edits: participantEdits,
      });
      const d = track(new Disposable(remove));
      disposables?.push(d);
      return d;
    };

  const didEvent = (kind: FileOperation["kind"]): types.Event<unknown> =>
    guardedEvent((listener, thisArgs, disposables) => {
      const remove = service.onDidRun((operation) => {
        if (operation.kind === kind) listener.call(thisArgs, Object.freeze({ files: filesOf(operation) }));
      });
      const d = track(new Disposable(remove));
      disposables?.push(d);
      return d;
    });

  return {
    onWillCreateFiles: willEvent("create", "onWillCreateFiles"),
    onDidCreateFiles: didEvent("create"),
    onWillRenameFiles: willEvent("rename", "onWillRenameFiles"),
    onDidRenameFiles: didEvent("rename"),
    onWillDeleteFiles: willEvent("delete", "onWillDeleteFiles"),
    onDidDeleteFiles: didEvent("delete"),
  };
};
