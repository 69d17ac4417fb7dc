/**
 * `workspace.applyEdit` (VS Code's BulkEditService): file operations run here, on disk, in
 * order; each run of text edits goes to the window, which applies every file as one undoable
 * step (unopened files are opened as dirty tabs). Everything that can be checked beforehand is
 * — file preconditions against the disk as the earlier operations leave it, overlapping text
 * edits — so a refused edit changes nothing.
 */
import { existsSync, statSync } from "node:fs";
import { mkdir, readdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import type { FileTextEditsDto } from "../../protocol/contracts/text-editors.js";
import type { FileOperation, FileOperationParticipants } from "./file-operation-participants.js";
import type { Session } from "./sessions.js";
import type { TextEditorsService } from "./text-editors.js";

export type WorkspaceEditOperation =
  | ({ readonly kind: "text" } & FileTextEditsDto)
  | {
      readonly kind: "create";
      readonly uri: string;
      readonly overwrite: boolean;
      readonly ignoreIfExists: boolean;
      readonly contents: Uint8Array | undefined;
    }
  | { readonly kind: "delete"; readonly uri: string; readonly recursive: boolean; readonly ignoreIfNotExists: boolean }
  | {
      readonly kind: "rename";
      readonly from: string;
      readonly to: string;
      readonly overwrite: boolean;
      readonly ignoreIfExists: boolean;
    };

export interface ApplyOutcome {
  readonly applied: boolean;
  /** Why not, for the extension's Output channel. */
  readonly reason?: string;
}

const pathOf = (uri: string): string => {
  if (!uri.startsWith("file:")) throw new Error(`${uri}: only file: resources can be created, renamed or deleted`);
  return fileURLToPath(uri);
};

/** The disk as the operations before this one leave it (path → exists), to check preconditions. */
class PlannedDisk {
  private readonly overlay = new Map<string, boolean>();
  exists(path: string): boolean {
    const known = this.overlay.get(path);
    if (known !== undefined) return known;
    for (const [p, present] of this.overlay) if (!present && path.startsWith(`${p}/`)) return false;
    return existsSync(path);
  }
  set(path: string, present: boolean): void {
    this.overlay.set(path, present);
  }
}

/** Decides each file operation beforehand: run it, skip it (ignoreIf…), or refuse the whole edit. */
const plan = (ops: readonly WorkspaceEditOperation[]): Array<WorkspaceEditOperation | "skip"> => {
  const disk = new PlannedDisk();
  return ops.map((op) => {
    switch (op.kind) {
      case "text":
        return op;
      case "create": {
        const path = pathOf(op.uri);
        if (disk.exists(path) && !op.overwrite) {
          if (op.ignoreIfExists) return "skip";
          throw new Error(`${op.uri} already exists`);
        }
        disk.set(path, true);
        return op;
      }
      case "delete": {
        const path = pathOf(op.uri);
        if (!disk.exists(path)) {
          if (op.ignoreIfNotExists) return "skip";
          throw new Error(`${op.uri} does not exist`);
        }
        disk.set(path, false);
        return op;
      }
      case "rename": {
        const from = pathOf(op.from);
        const to = pathOf(op.to);
        if (!disk.exists(from)) throw new Error(`${op.from} does not exist`);
        if (disk.exists(to) && !op.overwrite) {
          if (op.ignoreIfExists) return "skip";
          throw new Error(`${op.to} already exists`);
        }
        disk.set(from, false);
        disk.set(to, true);
        return op;
      }
    }
  });
};

export class WorkspaceEditService {
  constructor(
    private readonly editors: TextEditorsService,
    /** onWill…Files / onDid…Files around each file operation, as VS Code's BulkFileEdits. */
    private readonly participants?: FileOperationParticipants,
  ) {}

  async apply(session: Session, ops: readonly WorkspaceEditOperation[]): Promise<ApplyOutcome> {
    let steps: Array<WorkspaceEditOperation | "skip">;
    try {
      steps = plan(ops);
    } catch (e) {
      return { applied: false, reason: e instanceof Error ? e.message : String(e) };
    }
    const workbench = this.editors.workbenchOf(session);
    for (let i = 0; i < steps.length;) {
      const step = steps[i]!;
      if (step === "skip") {
        i++;
        continue;
      }
      if (step.kind === "text") {
        // A run of consecutive text edits is one request: checked together, then applied.
        const files: FileTextEditsDto[] = [];
        for (let s = steps[i]; s !== undefined && s !== "skip" && s.kind === "text"; s = steps[++i]) {
          files.push({ uri: s.uri, version: s.version, edits: s.edits, setEndOfLine: s.setEndOfLine });
        }
        const merged = mergeByFile(files);
        // Versions before the edit (a file opened for it starts at Monaco's 1).
        const before = merged.map((f) => [f.uri, session.documents.get(f.uri)?.version ?? 1] as const);
        const result = await workbench.applyWorkspaceTextEdits({ files: merged }, { timeoutMs: 30_000 });
        if (!result.applied) return result;
        // The extension reads the new text once applyEdit resolves, as in VS Code.
        await Promise.all(
          before.flatMap(([uri, version], i) =>
            merged[i]!.edits.length > 0 ? [this.editors.whenDocumentPasses(session, uri, version)] : [],
          ),
        );
        continue;
      }
      // Adjacent operations of one kind are one operation with several files, as VS Code's
      // BulkFileEdits groups them: one onWill… / onDid… event for the group.
      const group: FileStep[] = [];
      for (let s = steps[i]; s !== undefined && (s === "skip" || s.kind === step.kind); s = steps[++i]) {
        if (s !== "skip") group.push(s);
      }
      try {
        const operation = fileOperationOf(group);
        await this.participants?.willRun(session, operation);
        for (const op of group) await this.runFileOperation(session, op);
        this.participants?.didRun(operation);
      } catch (e) {
        return { applied: false, reason: e instanceof Error ? e.message : String(e) };
      }
    }
    return { applied: true };
  }

  private async runFileOperation(session: Session, op: FileStep) {
    const workbench = this.editors.workbenchOf(session);
    switch (op.kind) {
      case "create": {
        const path = pathOf(op.uri);
        await mkdir(dirname(path), { recursive: true });
        await writeFile(path, op.contents ?? new Uint8Array());
        return;
      }
      case "delete": {
        const path = pathOf(op.uri);
        if (statSync(path).isDirectory() && !op.recursive && (await readdir(path)).length > 0)
          throw new Error(`${op.uri} is a folder that is not empty (use the recursive option)`);
        await rm(path, { recursive: true, force: false });
        if (session.documents.get(op.uri)) await workbench.documentMoved({ from: op.uri, to: null });
        return;
      }
      case "rename": {
        const to = pathOf(op.to);
        await mkdir(dirname(to), { recursive: true });
        if (op.overwrite && existsSync(to)) await rm(to, { recursive: true });
        await rename(pathOf(op.from), to);
        if (session.documents.get(op.from)) await workbench.documentMoved({ from: op.from, to: op.to });
        return;
      }
    }
  }
}

type FileStep = Exclude<WorkspaceEditOperation, { kind: "text" }>;

/** A group of one kind (skipped operations left out, as VS Code's) as the event's operation. */
const fileOperationOf = (group: readonly FileStep[]): FileOperation => {
  const kind = group[0]!.kind;
  if (kind === "rename")
    return { kind, files: group.flatMap((op) => (op.kind === "rename" ? [{ oldUri: op.from, newUri: op.to }] : [])) };
  return { kind, files: group.flatMap((op) => (op.kind === kind ? [op.uri] : [])) };
};

/** Several entries for one file in a run become that file's one list (one undo step). */
const mergeByFile = (files: readonly FileTextEditsDto[]): FileTextEditsDto[] => {
  const byUri = new Map<string, FileTextEditsDto>();
  for (const f of files) {
    const prev = byUri.get(f.uri);
    byUri.set(
      f.uri,
      prev
        ? {
            uri: f.uri,
            version: prev.version ?? f.version,
            edits: [...prev.edits, ...f.edits],
            setEndOfLine: f.setEndOfLine ?? prev.setEndOfLine,
          }
        : f,
    );
  }
  return [...byUri.values()];
};
