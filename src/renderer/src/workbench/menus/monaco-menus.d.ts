/**
 * The Monaco internals (shipped as ESM without typings) editor-context-submenus.ts uses: the menu
 * registry Monaco's own context menu reads, and the `editorId` clause that scopes an entry to one
 * editor (as `editor.addAction` does).
 */
declare module "monaco-editor/platform/contextkey/common/contextkey.js" {
  export interface ContextKeyExpression {
    readonly type: number;
  }
  export const ContextKeyExpr: {
    equals(key: string, value: unknown): ContextKeyExpression;
    false(): ContextKeyExpression;
  };
}

declare module "monaco-editor/platform/actions/common/actions.js" {
  import type { ContextKeyExpression } from "monaco-editor/platform/contextkey/common/contextkey.js";
  import type { IDisposable } from "monaco-editor/editor/editor.api.js";
  export class MenuId {
    /** Throws when a menu of that id exists already. */
    constructor(id: string);
    static readonly EditorContext: MenuId;
    readonly id: string;
  }
  interface Placement {
    readonly when?: ContextKeyExpression;
    readonly group?: string;
    readonly order?: number;
  }
  export interface IMenuItem extends Placement {
    /** A false `precondition` greys the entry out. */
    readonly command: { readonly id: string; readonly title: string; readonly precondition?: ContextKeyExpression };
  }
  export interface ISubmenuItem extends Placement {
    readonly title: string;
    readonly submenu: MenuId;
  }
  export const MenuRegistry: { appendMenuItem(menu: MenuId, item: IMenuItem | ISubmenuItem): IDisposable };
}
