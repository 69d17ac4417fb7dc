/**
 * `workspace.applyEdit`, `workspace.save` / `saveAll` and `TextDocument.save` — VS Code's
 * extHostBulkEdits + mainThreadBulkEdits over the WorkspaceEditService: the WorkspaceEdit's
 * operations in order, text edits of one file in a run as one undoable step.
 */
import type { FileTextEditsDto, SingleEditDto } from "../../protocol/contracts/text-editors.js";
import type { Session } from "../services/sessions.js";
import type { TextEditorsService } from "../services/text-editors.js";
import type { WorkspaceEditOperation, WorkspaceEditService } from "../services/workspace-edit.js";
import { overlapping } from "./text-editors.js";
import * as types from "./vscode-types.js";

const { EndOfLine, SnippetTextEdit, TextEdit, WorkspaceEdit, Uri } = types;

const rangeDto = (r: types.Range): SingleEditDto["range"] => ({
  start: { line: r.start.line, character: r.start.character },
  end: { line: r.end.line, character: r.end.character },
});

/** A snippet applied outside an editor is its text: tabstops vanish, placeholders keep their default. */
export const snippetText = (snippet: string): string =>
  snippet
    .replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, "$1")
    .replace(/\$\{\d+:([^}]*)\}/g, "$1")
    .replace(/\$\{\d+\}|\$\d+/g, "")
    .replace(/\\([$}\\])/g, "$1");

/** The WorkspaceEdit's operations, consecutive text edits of one file merged. */
export const operationsOf = (edit: types.WorkspaceEdit): WorkspaceEditOperation[] => {
  const ops: WorkspaceEditOperation[] = [];
  for (const entry of edit.allEntries()) {
    if (entry.kind === "text") {
      const uri = entry.uri.toString();
      const e = entry.edit;
      const single: SingleEditDto | undefined =
        e instanceof SnippetTextEdit
          ? { range: rangeDto(e.range), text: snippetText(e.snippet.value) }
          : e.newEol !== undefined && e.newText === "" && e.range.isEmpty
            ? undefined
            : { range: rangeDto(e.range), text: e.newText };
      const eol =
        e instanceof TextEdit && e.newEol !== undefined ? (e.newEol === EndOfLine.CRLF ? "CRLF" : "LF") : null;
      const last = ops.at(-1);
      if (last?.kind === "text" && last.uri === uri) {
        ops[ops.length - 1] = {
          ...last,
          edits: single ? [...last.edits, single] : last.edits,
          setEndOfLine: eol ?? last.setEndOfLine,
        };
      } else ops.push({ kind: "text", uri, version: null, edits: single ? [single] : [], setEndOfLine: eol });
      continue;
    }
    const o = entry.options ?? {};
    if (entry.from && entry.to) {
      ops.push({
        kind: "rename",
        from: entry.from.toString(),
        to: entry.to.toString(),
        overwrite: Boolean(o.overwrite),
        ignoreIfExists: Boolean(o.ignoreIfExists),
      });
    } else if (entry.to) {
      ops.push({
        kind: "create",
        uri: entry.to.toString(),
        overwrite: Boolean(o.overwrite),
        ignoreIfExists: Boolean(o.ignoreIfExists),
        contents: o.contents,
      });
    } else if (entry.from) {
      ops.push({
        kind: "delete",
        uri: entry.from.toString(),
        recursive: Boolean(o.recursive),
        ignoreIfNotExists: Boolean(o.ignoreIfNotExists),
      });
    }
  }
  return ops;
};

export interface WorkspaceEditApiDeps {
  readonly service: WorkspaceEditService;
  readonly target: () => Session | undefined;
  readonly reportError: (what: string, e: unknown) => void;
}

/** `workspace.applyEdit`: false (never a rejection) when the edit cannot be applied, as in VS Code. */
export const applyEdit =
  ({ service, target, reportError }: WorkspaceEditApiDeps) =>
  async (edit: types.WorkspaceEdit): Promise<boolean> => {
    if (!(edit instanceof WorkspaceEdit))
      throw new Error("vscode.workspace.applyEdit: expected a vscode.WorkspaceEdit");
    const session = target();
    if (!session) return false;
    const ops = operationsOf(edit);
    // Overlapping edits of one file cannot be applied (Monaco refuses them): refuse before touching anything.
    const perFile = new Map<string, Array<{ range: FileTextEditsDto["edits"][number]["range"] }>>();
    for (const op of ops) if (op.kind === "text") perFile.set(op.uri, [...(perFile.get(op.uri) ?? []), ...op.edits]);
    for (const [uri, edits] of perFile) {
      if (overlapping(edits)) {
        reportError("workspace.applyEdit", new Error(`overlapping edits for ${uri}`));
        return false;
      }
    }
    try {
      const outcome = await service.apply(session, ops);
      if (!outcome.applied) reportError("workspace.applyEdit", new Error(outcome.reason ?? "refused"));
      return outcome.applied;
    } catch (e) {
      reportError("workspace.applyEdit", e);
      return false;
    }
  };

/** `workspace.save` / `saveAll` and `TextDocument.save`: the window saves its buffers (it owns them). */
export const saveApi = (editors: TextEditorsService, target: () => Session | undefined) => {
  const save = async (uris: string[] | null, includeUntitled = false) => {
    const session = target();
    if (!session) return { saved: [], failed: uris ?? [] };
    return editors.workbenchOf(session).saveDocuments({ uris, includeUntitled }, { timeoutMs: 0 });
  };
  return {
    save: async (uri: types.Uri): Promise<types.Uri | undefined> => {
      if (!(uri instanceof Uri)) throw new Error("vscode.workspace.save: expected a vscode.Uri");
      const { saved } = await save([uri.toString()]);
      return saved.includes(uri.toString()) ? uri : undefined;
    },
    saveAll: async (includeUntitled?: boolean): Promise<boolean> =>
      (await save(null, Boolean(includeUntitled))).failed.length === 0,
    saveDocument: async (uri: string): Promise<boolean> => (await save([uri])).saved.includes(uri),
  };
};
