/**
 * Quick input (`window.createQuickPick` / `createInputBox`, and `showQuickPick` / `showInputBox`
 * built on them), as VS Code's extHostQuickOpen: the host owns each input's state and pushes it
 * whole on every change; the window renders one input at a time and reports what the user does.
 */
import { Schema } from "effect";
import { notification } from "../rpc-contract.js";
import { TreeIconDto } from "./views.js";

export const QuickInputButtonDto = Schema.Struct({
  /** `back` is QuickInputButtons.Back. */
  icon: Schema.Union([TreeIconDto, Schema.Literal("back")]),
  tooltip: Schema.optionalKey(Schema.String),
});
export type QuickInputButtonDto = typeof QuickInputButtonDto.Type;

export const QuickPickItemDto = Schema.Struct({
  /** Index in the host's item list. */
  handle: Schema.Int,
  label: Schema.String,
  description: Schema.optionalKey(Schema.String),
  detail: Schema.optionalKey(Schema.String),
  /** QuickPickItemKind.Separator: a labelled line, never picked. */
  separator: Schema.optionalKey(Schema.Boolean),
  alwaysShow: Schema.optionalKey(Schema.Boolean),
  buttons: Schema.optionalKey(Schema.Array(QuickInputButtonDto)),
});
export type QuickPickItemDto = typeof QuickPickItemDto.Type;

const Common = {
  id: Schema.Int,
  title: Schema.optionalKey(Schema.String),
  step: Schema.optionalKey(Schema.Int),
  totalSteps: Schema.optionalKey(Schema.Int),
  placeholder: Schema.optionalKey(Schema.String),
  value: Schema.String,
  busy: Schema.Boolean,
  enabled: Schema.Boolean,
  ignoreFocusOut: Schema.Boolean,
  buttons: Schema.Array(QuickInputButtonDto),
};

export const QuickPickStateDto = Schema.Struct({
  ...Common,
  kind: Schema.Literal("pick"),
  items: Schema.Array(QuickPickItemDto),
  activeItems: Schema.Array(Schema.Int),
  selectedItems: Schema.Array(Schema.Int),
  canSelectMany: Schema.Boolean,
  matchOnDescription: Schema.Boolean,
  matchOnDetail: Schema.Boolean,
  /** Label matches first, best first (VS Code's default); absent: true. */
  sortByLabel: Schema.optionalKey(Schema.Boolean),
  /** New items keep the list's scroll position; absent: false. */
  keepScrollPosition: Schema.optionalKey(Schema.Boolean),
});
export type QuickPickStateDto = typeof QuickPickStateDto.Type;

export const InputBoxStateDto = Schema.Struct({
  ...Common,
  kind: Schema.Literal("input"),
  prompt: Schema.optionalKey(Schema.String),
  password: Schema.Boolean,
  /** Shown under the input; an error blocks Accept for `showInputBox`. */
  validationMessage: Schema.optionalKey(
    Schema.Struct({ text: Schema.String, severity: Schema.Literals(["info", "warning", "error"]) }),
  ),
  valueSelection: Schema.optionalKey(Schema.Tuple([Schema.Int, Schema.Int])),
});
export type InputBoxStateDto = typeof InputBoxStateDto.Type;

export const QuickInputStateDto = Schema.Union([QuickPickStateDto, InputBoxStateDto]);
export type QuickInputStateDto = typeof QuickInputStateDto.Type;

/** The host shows, updates and hides inputs. */
export const WorkbenchQuickInputContract = {
  /** Shows the input (replacing any other) or updates it when it is showing. */
  quickInputShow: notification("workbench.quickInput.show", { payload: QuickInputStateDto }),
  quickInputHide: notification("workbench.quickInput.hide", { payload: Schema.Int }),
} as const;

const Id = { id: Schema.Int };

/** What the user did in the window's input. */
export const ExtHostQuickInputContract = {
  quickInputValue: notification("extHost.quickInput.value", {
    payload: Schema.Struct({ ...Id, value: Schema.String }),
  }),
  quickInputAccept: notification("extHost.quickInput.accept", { payload: Schema.Struct(Id) }),
  quickInputActive: notification("extHost.quickInput.active", {
    payload: Schema.Struct({ ...Id, handles: Schema.Array(Schema.Int) }),
  }),
  quickInputSelection: notification("extHost.quickInput.selection", {
    payload: Schema.Struct({ ...Id, handles: Schema.Array(Schema.Int) }),
  }),
  /** A title-bar button, by its index in `buttons`. */
  quickInputButton: notification("extHost.quickInput.button", {
    payload: Schema.Struct({ ...Id, button: Schema.Int }),
  }),
  quickInputItemButton: notification("extHost.quickInput.itemButton", {
    payload: Schema.Struct({ ...Id, item: Schema.Int, button: Schema.Int }),
  }),
  /** Escape, focus lost, or replaced by another input. */
  quickInputHidden: notification("extHost.quickInput.hidden", { payload: Schema.Struct(Id) }),
} as const;
