/**
 * Views: the activity bar's containers, contributed views, and extension tree views
 * (`window.createTreeView` / `registerTreeDataProvider`). As in VS Code's extHostTreeViews, tree
 * elements never leave the extension host: the window sees opaque handles, asks for children
 * lazily, and the host maps each handle back to its element (and runs an item's command with its
 * original arguments).
 */
import { Schema } from "effect";
import { NoPayload, notification, request } from "../rpc-contract.js";
import { UriString } from "../workbench.js";

/** A view container of the activity bar (`contributes.viewsContainers.activitybar`). */
export const ViewContainerDto = Schema.Struct({
  id: Schema.String,
  title: Schema.String,
  /** A codicon id (`$(name)` in the manifest) or a data: URI of the extension's icon file. */
  icon: Schema.optionalKey(Schema.String),
  extensionId: Schema.String,
});
export type ViewContainerDto = typeof ViewContainerDto.Type;

/** A contributed view; `container` is `explorer` or a contributed container's id. */
export const ViewDto = Schema.Struct({
  id: Schema.String,
  name: Schema.String,
  container: Schema.String,
  when: Schema.optionalKey(Schema.String),
  extensionId: Schema.String,
});
export type ViewDto = typeof ViewDto.Type;

/** `contributes.viewsWelcome`: shown while the view has no items. */
export const ViewWelcomeDto = Schema.Struct({
  view: Schema.String,
  contents: Schema.String,
  when: Schema.optionalKey(Schema.String),
});
export type ViewWelcomeDto = typeof ViewWelcomeDto.Type;

export const ViewContributions = Schema.Struct({
  containers: Schema.Array(ViewContainerDto),
  views: Schema.Array(ViewDto),
  welcome: Schema.Array(ViewWelcomeDto),
});
export type ViewContributions = typeof ViewContributions.Type;

/** A codicon (`ThemeIcon`) or an image (data: URI of the extension's icon file). */
export const TreeIconDto = Schema.Union([
  Schema.Struct({ codicon: Schema.String }),
  Schema.Struct({ image: Schema.String }),
]);
export type TreeIconDto = typeof TreeIconDto.Type;

export const TreeItemDto = Schema.Struct({
  handle: Schema.String,
  /** The handle of the parent (null at the root). */
  parent: Schema.NullOr(Schema.String),
  label: Schema.String,
  /** [start, end) ranges of `label` to emphasise (TreeItemLabel.highlights). */
  highlights: Schema.optionalKey(Schema.Array(Schema.Tuple([Schema.Int, Schema.Int]))),
  description: Schema.optionalKey(Schema.String),
  tooltip: Schema.optionalKey(Schema.String),
  icon: Schema.optionalKey(TreeIconDto),
  /** 0 none, 1 collapsed, 2 expanded (TreeItemCollapsibleState). */
  collapsibleState: Schema.Literals([0, 1, 2]),
  /** The title of the item's command; the command itself stays in the host (`runItemCommand`). */
  command: Schema.optionalKey(Schema.String),
  contextValue: Schema.optionalKey(Schema.String),
  resourceUri: Schema.optionalKey(UriString),
});
export type TreeItemDto = typeof TreeItemDto.Type;

/** The TreeView's own properties, shown in the view's header and body. */
export const TreeViewStateDto = Schema.Struct({
  viewId: Schema.String,
  title: Schema.optionalKey(Schema.String),
  description: Schema.optionalKey(Schema.String),
  message: Schema.optionalKey(Schema.String),
  badge: Schema.optionalKey(Schema.Struct({ value: Schema.Int, tooltip: Schema.String })),
  canSelectMany: Schema.Boolean,
  /** False once the extension disposed the view (the window shows it empty). */
  registered: Schema.Boolean,
});
export type TreeViewStateDto = typeof TreeViewStateDto.Type;

const ViewHandle = Schema.Struct({ viewId: Schema.String, handle: Schema.String });

/** A tree view id that no extension contributed or registered. */
export class UnknownTreeView extends Schema.TaggedError<UnknownTreeView>()("UnknownTreeView", {
  viewId: Schema.String,
  message: Schema.String,
}) {}

/** The handle no longer names an element (the tree was refreshed since). */
export class UnknownTreeItem extends Schema.TaggedError<UnknownTreeItem>()("UnknownTreeItem", {
  viewId: Schema.String,
  handle: Schema.String,
  message: Schema.String,
}) {}

/** What a window asks of the host's tree views. */
export const ExtHostViewsContract = {
  /** Every extension's view containers, views and welcome content. */
  viewContributions: request("extHost.views.contributions", { payload: NoPayload, success: ViewContributions }),
  /** The view became visible: fires `onView:<id>` activation; answers the view's state (null: no provider yet). */
  openView: request("extHost.views.open", {
    payload: Schema.String,
    success: Schema.NullOr(TreeViewStateDto),
  }),
  /** Children of `parent` (null: the roots), asked when a node is expanded. */
  getChildren: request("extHost.views.getChildren", {
    payload: Schema.Struct({ viewId: Schema.String, parent: Schema.NullOr(Schema.String) }),
    success: Schema.Array(TreeItemDto),
    error: Schema.Union([UnknownTreeView, UnknownTreeItem]),
  }),
  /** `resolveTreeItem`: the tooltip (and command) completed on hover. */
  resolveItem: request("extHost.views.resolveItem", {
    payload: ViewHandle,
    success: TreeItemDto,
    error: Schema.Union([UnknownTreeView, UnknownTreeItem]),
  }),
  /** Runs the item's command with its arguments (a click on the item). */
  runItemCommand: request("extHost.views.runItemCommand", {
    payload: ViewHandle,
    success: Schema.Null,
    error: Schema.Union([UnknownTreeView, UnknownTreeItem]),
  }),
  setExpanded: notification("extHost.views.setExpanded", {
    payload: Schema.Struct({ viewId: Schema.String, handle: Schema.String, expanded: Schema.Boolean }),
  }),
  setSelection: notification("extHost.views.setSelection", {
    payload: Schema.Struct({ viewId: Schema.String, handles: Schema.Array(Schema.String) }),
  }),
  setVisible: notification("extHost.views.setVisible", {
    payload: Schema.Struct({ viewId: Schema.String, visible: Schema.Boolean }),
  }),
} as const;

/** What the host tells windows about tree views. */
export const WorkbenchViewsContract = {
  /** A view got (or lost) its provider, or its title / message / badge changed. */
  treeViewState: notification("workbench.views.state", { payload: TreeViewStateDto }),
  /** `onDidChangeTreeData`: these handles' children (null: the whole tree) must be asked again. */
  treeRefresh: notification("workbench.views.refresh", {
    payload: Schema.Struct({ viewId: Schema.String, handles: Schema.NullOr(Schema.Array(Schema.String)) }),
  }),
  /** `TreeView.reveal`: `path` runs from a root to the element; the window expands and selects. */
  treeReveal: notification("workbench.views.reveal", {
    payload: Schema.Struct({
      viewId: Schema.String,
      path: Schema.Array(TreeItemDto),
      select: Schema.Boolean,
      focus: Schema.Boolean,
      /** Levels below the element to expand too (0: none). */
      expand: Schema.Int,
    }),
  }),
} as const;
