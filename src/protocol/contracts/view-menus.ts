/**
 * `view/item/context` menus of extension tree views. The window decides which entries show (their
 * `when` with `view` and `viewItem` = the item's contextValue); the host runs the chosen command
 * with the tree's own elements as arguments, as VS Code does: the item's element, plus every
 * selected element when the item is part of a multi-selection.
 */
import { Schema } from "effect";
import { request } from "../rpc-contract.js";
import { UnknownTreeItem, UnknownTreeView } from "./views.js";

export const ExtHostViewMenusContract = {
  runTreeItemMenuCommand: request("extHost.viewMenus.runTreeItemCommand", {
    payload: Schema.Struct({
      viewId: Schema.String,
      handle: Schema.String,
      /** The view's selected handles when the menu opened. */
      selection: Schema.Array(Schema.String),
      command: Schema.String,
    }),
    success: Schema.Null,
    error: Schema.Union([UnknownTreeView, UnknownTreeItem]),
  }),
} as const;
