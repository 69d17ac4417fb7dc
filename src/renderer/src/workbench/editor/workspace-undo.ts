/**
 * Multi-file edits (rename, code actions) undo as in VS Code. Monaco's standalone bulk edit
 * applies each file's part as its own undo step, and its dialog service is `window.confirm`.
 * VS Code's bulk edit (bulkTextEdits.ts) pushes one workspace undo element over all the files
 * (MultiModelEditStackElement), and its undo service then asks, on Ctrl+Z in any of them,
 * "Would you like to undo '…' across all files?" — Undo in N Files / Undo this File / Cancel.
 * Monaco ships that undo service unchanged; this patches the two standalone services it talks
 * to: the bulk edit (pushes the workspace element) and the dialog (the workbench's own modal).
 */
import {
  IBulkEditService,
  ResourceEdit,
  ResourceTextEdit,
} from "monaco-editor/editor/browser/services/bulkEditService.js";
import {
  MultiModelEditStackElement,
  SingleModelEditStackElement,
} from "monaco-editor/editor/common/model/editStack.js";
import { StandaloneServices } from "monaco-editor/editor/standalone/browser/standaloneServices.js";
import { IDialogService, type Prompt } from "monaco-editor/platform/dialogs/common/dialogs.js";
import { IUndoRedoService } from "monaco-editor/platform/undoRedo/common/undoRedo.js";
import { monaco } from "./monaco.js";

/** The workbench's modal: the index of the button chosen, or null (Escape, a click outside). */
export type AskDialog = (request: { message: string; detail?: string; buttons: string[] }) => Promise<number | null>;

/** `&&U` marks a mnemonic in VS Code's labels; the workbench's buttons have none. */
const plain = (label: string): string => label.replace(/&&/g, "");

const CANCEL = "Cancel";

/** Text edits grouped by model, checked as Monaco's standalone bulk edit checks them. */
const byModel = (
  edits: ResourceEdit[],
): Map<monaco.editor.ITextModel, monaco.editor.IIdentifiedSingleEditOperation[]> => {
  const groups = new Map<monaco.editor.ITextModel, monaco.editor.IIdentifiedSingleEditOperation[]>();
  for (const edit of edits) {
    if (!(edit instanceof ResourceTextEdit)) throw new Error("bad edit - only text edits are supported");
    const model = monaco.editor.getModel(edit.resource);
    if (!model) throw new Error("bad edit - model not found");
    if (typeof edit.versionId === "number" && model.getVersionId() !== edit.versionId) {
      throw new Error("bad state - model changed in the meantime");
    }
    const list = groups.get(model) ?? [];
    list.push({ range: monaco.Range.lift(edit.textEdit.range), text: edit.textEdit.text, forceMoveMarkers: true });
    groups.set(model, list);
  }
  return groups;
};

let installed = false;

/** Patches Monaco's bulk edit and dialog services (once per page). */
export const installWorkspaceUndo = (ask: AskDialog): void => {
  if (installed) return;
  installed = true;
  const undoRedo = StandaloneServices.get(IUndoRedoService);
  const bulkEdit = StandaloneServices.get(IBulkEditService);
  bulkEdit.apply = async (editsIn, options) => {
    const groups = byModel(Array.isArray(editsIn) ? editsIn : ResourceEdit.convert(editsIn));
    const label = options?.quotableLabel ?? options?.label ?? "Workspace Edit";
    const code = options?.code ?? "undoredo.bulkEdit";
    if (groups.size > 1) {
      // One undo element over every file; each model's edit appends to it while it is open.
      const element = new MultiModelEditStackElement(
        label,
        code,
        [...groups.keys()].map((model) => new SingleModelEditStackElement(label, code, model, null)),
      );
      undoRedo.pushElement(element);
      for (const [model, operations] of groups) model.pushEditOperations(null, operations, () => null);
      element.close();
    } else {
      for (const [model, operations] of groups) {
        model.pushStackElement();
        model.pushEditOperations([], operations, () => []);
        model.pushStackElement();
      }
    }
    const total = [...groups.values()].reduce((n, list) => n + list.length, 0);
    return { ariaSummary: `Made ${total} text edits in ${groups.size} files`, isApplied: total > 0 };
  };

  const dialogs = StandaloneServices.get(IDialogService);
  dialogs.prompt = async <T>(prompt: Prompt<T>) => {
    const buttons = prompt.buttons ?? [];
    const cancel = prompt.cancelButton;
    const labels = [
      ...buttons.map((b) => plain(b.label)),
      ...(cancel
        ? [
            typeof cancel === "string"
              ? plain(cancel)
              : typeof cancel === "object"
                ? plain(cancel.label ?? CANCEL)
                : CANCEL,
          ]
        : []),
    ];
    const chosen = await ask({
      message: prompt.message,
      ...(prompt.detail ? { detail: prompt.detail } : {}),
      buttons: labels,
    });
    const button =
      chosen !== null && chosen < buttons.length ? buttons[chosen] : typeof cancel === "object" ? cancel : undefined;
    return button ? { result: await button.run({ checkboxChecked: false }) } : {};
  };
  dialogs.confirm = async (confirmation) => {
    const chosen = await ask({
      message: confirmation.message,
      ...(confirmation.detail ? { detail: confirmation.detail } : {}),
      buttons: [plain(confirmation.primaryButton ?? "Yes"), plain(confirmation.cancelButton ?? CANCEL)],
    });
    return { confirmed: chosen === 0 };
  };
};
