/**
 * Cross-file results in Monaco: models for files a result points into, edits from rename and
 * code actions, and navigation to another file.
 *
 * - Peek (references, definitions) shows unopened files from read-only preview models; opening
 *   such a file as a tab adopts its model (Documents.track).
 * - A WorkspaceEdit opens its unopened files as background tabs first (their edits must reach
 *   the host and be saved), then Monaco's bulk edit applies it: one undo element over all the
 *   files, undone together or file by file after a question, as in VS Code (workspace-undo.ts).
 * - Go to definition in another file opens its tab and selects the target (Monaco's editor opener).
 */
import type { ExtHostContract } from "../../../../protocol/contracts/ext-host.js";
import type { WorkspaceEditDto } from "../../../../protocol/language-features.js";
import type { Proxy } from "../../../../protocol/rpc-contract.js";
import type { Documents } from "../documents.js";
import { fromRange } from "./language-convert.js";
import { monaco } from "./monaco.js";

export class WorkspaceModels {
  constructor(
    private readonly host: Proxy<typeof ExtHostContract>,
    private readonly documents: Documents,
    private readonly editors: ReadonlySet<monaco.editor.ICodeEditor>,
  ) {}

  /** A model for every `uri` (previews for unopened files); files that cannot be read are skipped. */
  async ensurePreviews(uris: Iterable<string>): Promise<void> {
    await Promise.all(
      [...new Set(uris)].map(async (uri) => {
        if (monaco.editor.getModel(monaco.Uri.parse(uri))) return;
        const file = await this.host.readFile(uri).catch(() => undefined);
        if (file && !monaco.editor.getModel(monaco.Uri.parse(uri)))
          monaco.editor.createModel(file.text, this.documents.languageFor(uri), monaco.Uri.parse(uri));
      }),
    );
  }

  /** Does every file the edit changes have its document open? */
  allOpen(edit: WorkspaceEditDto): boolean {
    return edit.entries.every((e) => e.kind !== "text" || this.documents.get(e.uri) !== undefined);
  }

  /** Files with text edits become documents (background tabs), then the edit becomes Monaco's. */
  async toMonacoEdit(edit: WorkspaceEditDto): Promise<monaco.languages.WorkspaceEdit> {
    const uris = new Set(edit.entries.flatMap((e) => (e.kind === "text" ? [e.uri] : [])));
    for (const uri of uris) {
      if (!this.documents.get(uri)) await this.documents.openFile(uri, { activate: false });
    }
    return this.toOpenEdit(edit);
  }

  /** Monaco's form of an edit whose files are all open (see `allOpen`). */
  toOpenEdit(edit: WorkspaceEditDto): monaco.languages.WorkspaceEdit {
    return {
      edits: edit.entries.flatMap((e) =>
        e.kind === "text"
          ? e.edits.map((t) => ({
              resource: monaco.Uri.parse(e.uri),
              textEdit: { range: fromRange(t.range), text: t.text },
              versionId: undefined,
            }))
          : [],
      ),
    };
  }

  /** Opens `uri` in the active group and selects `selection` there. */
  async open(uri: string, selection: monaco.IRange | monaco.IPosition | null): Promise<boolean> {
    await this.documents.openFile(uri);
    const editor = await this.editorShowing(uri);
    if (!editor) return false;
    if (selection) {
      const range =
        "lineNumber" in selection
          ? new monaco.Range(selection.lineNumber, selection.column, selection.lineNumber, selection.column)
          : monaco.Range.lift(selection);
      editor.setSelection(range);
      editor.revealRangeInCenterIfOutsideViewport(range, monaco.editor.ScrollType.Immediate);
    }
    editor.focus();
    return true;
  }

  /** The editor that shows `uri` once React has given it the model (a few frames at most). */
  private async editorShowing(uri: string): Promise<monaco.editor.ICodeEditor | undefined> {
    for (let i = 0; i < 120; i++) {
      for (const e of this.editors) if (e.getModel()?.uri.toString() === uri) return e;
      await new Promise((r) => requestAnimationFrame(r));
    }
    return undefined;
  }
}
