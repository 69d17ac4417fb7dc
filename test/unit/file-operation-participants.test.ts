/**
 * The onWill…Files participants (services/file-operation-participants.ts) with the API side's
 * event objects (api/file-operation-events.ts): order, merged WorkspaceEdits, what is ignored,
 * failures that cost only their own edits, the budget, and waitUntil misuse.
 */
import { describe, expect, it } from "vitest";
import { createFileOperationEvents } from "../../src/extension-host/api/file-operation-events.js";
import { Range, Uri, WorkspaceEdit, type Event } from "../../src/extension-host/api/vscode-types.js";
import {
  FileOperationParticipants,
  type FileOperation,
} from "../../src/extension-host/services/file-operation-participants.js";
import type { Session } from "../../src/extension-host/services/sessions.js";
import type { WorkspaceEditOperation } from "../../src/extension-host/services/workspace-edit.js";

const session = {} as unknown as Session;
const RENAME: FileOperation = { kind: "rename", files: [{ oldUri: "file:///w/a.ts", newUri: "file:///w/b.ts" }] };

interface WillEvent {
  readonly files: ReadonlyArray<{ oldUri: Uri; newUri: Uri }>;
  readonly token: { isCancellationRequested: boolean };
  waitUntil(thenable: PromiseLike<unknown>): void;
}

const setup = (timeoutMs = 1_000) => {
  const applied: Array<ReadonlyArray<WorkspaceEditOperation>> = [];
  const errors: string[] = [];
  const logs: string[] = [];
  const service = new FileOperationParticipants({
    apply: async (_s, ops) => {
      applied.push(ops);
      return { applied: true };
    },
    reportError: (ext, what, e) => errors.push(`${ext} ${what}: ${e instanceof Error ? e.message : String(e)}`),
    log: (m) => logs.push(m),
    timeoutMs: () => timeoutMs,
  });
  const api = createFileOperationEvents(
    "test.ext",
    service,
    <T>(e: Event<T>) => e,
    (d) => d,
  );
  const onWillRename = api.onWillRenameFiles as unknown as (l: (e: WillEvent) => unknown) => { dispose(): void };
  return { service, api, onWillRename, applied, errors, logs };
};

const insert = (uri: string, text: string) => {
  const edit = new WorkspaceEdit();
  edit.insert(Uri.parse(uri), new Range(0, 0, 0, 0).start, text);
  return edit;
};
const texts = (ops: ReadonlyArray<WorkspaceEditOperation>) =>
  ops.flatMap((o) => (o.kind === "text" ? o.edits.map((e) => `${o.uri}:${e.text}`) : [o.kind]));

describe("onWill…Files participants", () => {
  it("asks listeners in subscription order and applies all their WorkspaceEdits once, merged; other values are ignored", async () => {
    const { service, onWillRename, applied } = setup();
    const order: string[] = [];
    onWillRename((e) => {
      order.push(`first ${e.files[0]!.oldUri.path} -> ${e.files[0]!.newUri.path}`);
      e.waitUntil(Promise.resolve(insert("file:///w/main.ts", "one")));
      e.waitUntil(Promise.resolve([1, 2, 3]));
    });
    onWillRename((e) => {
      order.push("second");
      e.waitUntil(new Promise((r) => setTimeout(() => r(insert("file:///w/other.ts", "two")), 20)));
    });
    await service.willRun(session, RENAME);
    expect(order).toEqual(["first /w/a.ts -> /w/b.ts", "second"]);
    expect(applied.map(texts)).toEqual([["file:///w/main.ts:one", "file:///w/other.ts:two"]]);
  });

  it("only the matching kind's listeners run; no listener or no edit applies nothing", async () => {
    const { service, api, applied } = setup();
    let creates = 0;
    (api.onWillCreateFiles as unknown as (l: () => void) => void)(() => creates++);
    await service.willRun(session, RENAME);
    expect(creates).toBe(0);
    expect(applied).toEqual([]);
  });

  it("a listener that throws or a thenable that rejects loses only its own edit, reported to its extension", async () => {
    const { service, onWillRename, applied, errors } = setup();
    onWillRename(() => {
      throw new Error("boom");
    });
    onWillRename((e) => {
      e.waitUntil(Promise.reject(new Error("server crashed")));
      e.waitUntil(Promise.resolve(insert("file:///w/kept.ts", "kept")));
    });
    await service.willRun(session, RENAME);
    expect(applied.map(texts)).toEqual([["file:///w/kept.ts:kept"]]);
    expect(errors).toEqual([
      "test.ext onWillRenameFiles listener: boom",
      "test.ext onWillRenameFiles listener: server crashed",
    ]);
  });

  it("waitUntil after the listener returned throws, as VS Code's AsyncEmitter", async () => {
    const { service, onWillRename } = setup();
    let late: unknown;
    onWillRename((e) => {
      setTimeout(() => {
        try {
          e.waitUntil(Promise.resolve(undefined));
        } catch (err) {
          late = err;
        }
      }, 0);
    });
    await service.willRun(session, RENAME);
    await new Promise((r) => setTimeout(r, 10));
    expect(String(late)).toContain("waitUntil can NOT be called asynchronous");
  });

  it("out of budget: the token is cancelled, later listeners are not asked and no edit is applied", async () => {
    const { service, onWillRename, applied, logs } = setup(100);
    let token: { isCancellationRequested: boolean } | undefined;
    let secondAsked = false;
    onWillRename((e) => {
      token = e.token;
      e.waitUntil(Promise.resolve(insert("file:///w/early.ts", "early")));
      e.waitUntil(new Promise(() => undefined));
    });
    onWillRename(() => {
      secondAsked = true;
    });
    await service.willRun(session, RENAME);
    expect(token?.isCancellationRequested).toBe(true);
    expect(secondAsked).toBe(false);
    expect(applied).toEqual([]);
    expect(logs.join("\n")).toContain("did not finish within 100 ms");
  });

  it("files.participants.timeout 0 turns participants off", async () => {
    const { service, onWillRename, applied } = setup(0);
    let asked = 0;
    onWillRename((e) => {
      asked++;
      e.waitUntil(Promise.resolve(insert("file:///w/x.ts", "x")));
    });
    await service.willRun(session, RENAME);
    expect(asked).toBe(0);
    expect(applied).toEqual([]);
  });

  it("a disposed listener is not asked; onDid… listeners get the files of their kind only", async () => {
    const { service, api, onWillRename } = setup();
    let asked = 0;
    onWillRename(() => asked++).dispose();
    await service.willRun(session, RENAME);
    expect(asked).toBe(0);
    const seen: string[] = [];
    (api.onDidRenameFiles as unknown as (l: (e: { files: Array<{ newUri: Uri }> }) => void) => void)((e) =>
      seen.push(e.files.map((f) => f.newUri.path).join()),
    );
    (api.onDidDeleteFiles as unknown as (l: () => void) => void)(() => seen.push("delete?"));
    service.didRun(RENAME);
    expect(seen).toEqual(["/w/b.ts"]);
  });
});
