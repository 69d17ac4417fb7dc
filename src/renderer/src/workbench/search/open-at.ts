/** Opens a file and puts the cursor at a position once its editor shows it (search results, Quick Open `:line`). */
import type { WorkbenchServices } from "../workbench-services.js";

export interface Target {
  /** 0-based. */
  readonly line: number;
  readonly column: number;
  readonly length?: number;
}

export const openAt = async (services: WorkbenchServices, uri: string, target?: Target): Promise<void> => {
  await services.documents.openFile(uri);
  if (!target) return;
  // The editor switches to the model on its next render: wait for it (bounded).
  const deadline = performance.now() + 3_000;
  while (performance.now() < deadline) {
    const editor = services.editor.focused.get();
    const model = services.documents.model(uri);
    if (editor && model && editor.getModel() === model) {
      const lineNumber = Math.min(target.line + 1, model.getLineCount());
      const column = Math.min(target.column + 1, model.getLineMaxColumn(lineNumber));
      const endColumn = Math.min(column + (target.length ?? 0), model.getLineMaxColumn(lineNumber));
      editor.setSelection({ startLineNumber: lineNumber, startColumn: column, endLineNumber: lineNumber, endColumn });
      editor.revealLineInCenterIfOutsideViewport(lineNumber);
      editor.focus();
      return;
    }
    await new Promise((r) => requestAnimationFrame(r));
  }
};
