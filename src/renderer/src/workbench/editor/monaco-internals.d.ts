/**
 * The few Monaco internals (shipped as ESM without typings) that workspace-undo.ts uses: the
 * standalone service registry, the bulk edit and dialog services it patches, and the edit stack
 * elements VS Code's own bulk edit pushes for a multi-file edit.
 */
declare module "monaco-editor/editor/standalone/browser/standaloneServices.js" {
  import type { ServiceIdentifier } from "monaco-editor/platform/instantiation/common/instantiation.js";
  export const StandaloneServices: { get<T>(id: ServiceIdentifier<T>): T };
}

declare module "monaco-editor/platform/instantiation/common/instantiation.js" {
  /** A service id; `T` only types what `StandaloneServices.get` returns. */
  export interface ServiceIdentifier<T> {
    readonly type: T;
  }
}

declare module "monaco-editor/editor/browser/services/bulkEditService.js" {
  import type * as monaco from "monaco-editor/editor/editor.api.js";
  import type { ServiceIdentifier } from "monaco-editor/platform/instantiation/common/instantiation.js";
  export class ResourceEdit {
    static convert(edit: monaco.languages.WorkspaceEdit): ResourceEdit[];
  }
  export class ResourceTextEdit extends ResourceEdit {
    readonly resource: monaco.Uri;
    readonly textEdit: monaco.languages.TextEdit;
    readonly versionId: number | undefined;
  }
  export interface BulkEditOptions {
    readonly label?: string;
    readonly quotableLabel?: string;
    readonly code?: string;
  }
  export interface BulkEditResult {
    readonly ariaSummary: string;
    readonly isApplied: boolean;
  }
  export interface IBulkEditService {
    apply(edits: ResourceEdit[] | monaco.languages.WorkspaceEdit, options?: BulkEditOptions): Promise<BulkEditResult>;
  }
  export const IBulkEditService: ServiceIdentifier<IBulkEditService>;
}

declare module "monaco-editor/platform/dialogs/common/dialogs.js" {
  import type { ServiceIdentifier } from "monaco-editor/platform/instantiation/common/instantiation.js";
  export interface PromptButton<T> {
    readonly label: string;
    run(context: { checkboxChecked?: boolean }): T | Promise<T>;
  }
  export interface Prompt<T> {
    readonly message: string;
    readonly detail?: string;
    readonly buttons?: ReadonlyArray<PromptButton<T>>;
    /** VS Code's undo prompt gives its cancel button no label. */
    readonly cancelButton?: { readonly label?: string; run: PromptButton<T>["run"] } | string | boolean;
  }
  export interface Confirmation {
    readonly message: string;
    readonly detail?: string;
    readonly primaryButton?: string;
    readonly cancelButton?: string;
  }
  export interface IDialogService {
    prompt<T>(prompt: Prompt<T>): Promise<{ result?: T; checkboxChecked?: boolean }>;
    confirm(confirmation: Confirmation): Promise<{ confirmed: boolean; checkboxChecked?: boolean }>;
  }
  export const IDialogService: ServiceIdentifier<IDialogService>;
}

declare module "monaco-editor/platform/undoRedo/common/undoRedo.js" {
  import type { ServiceIdentifier } from "monaco-editor/platform/instantiation/common/instantiation.js";
  export interface IUndoRedoService {
    pushElement(element: object): void;
  }
  export const IUndoRedoService: ServiceIdentifier<IUndoRedoService>;
}

declare module "monaco-editor/editor/common/model/editStack.js" {
  import type * as monaco from "monaco-editor/editor/editor.api.js";
  export class SingleModelEditStackElement {
    constructor(label: string, code: string, model: monaco.editor.ITextModel, beforeCursorState: null);
  }
  export class MultiModelEditStackElement {
    constructor(label: string, code: string, elements: SingleModelEditStackElement[]);
    close(): void;
  }
}
