/** `window.createTreeView` / `registerTreeDataProvider`: the TreeView object over services/tree-views.ts. */
import type { TreeDataProvider, TreeViewsService } from "../services/tree-views.js";
import { Disposable, type Event } from "./types.js";

export const createTreeViewsApi = (
  extensionId: string,
  service: TreeViewsService,
  guardedEvent: <E>(event: Event<E>) => Event<E>,
  track: <D extends { dispose(): unknown }>(d: D) => D,
) => {
  const createTreeView = <T>(
    viewId: string,
    options: { treeDataProvider: TreeDataProvider<T>; canSelectMany?: boolean; showCollapseAll?: boolean },
  ) => {
    if (!options || typeof options !== "object" || !options.treeDataProvider) {
      throw new Error("vscode.window.createTreeView: options.treeDataProvider is required");
    }
    const view = service.register(viewId, extensionId, options.treeDataProvider, {
      canSelectMany: options.canSelectMany === true,
    });
    const prop = (key: "title" | "description" | "message") => ({
      get: () => view.getProperty(key),
      set: (value: string | undefined) => view.setProperty(key, value),
      enumerable: true,
    });
    const treeView = Object.defineProperties(
      {
        onDidExpandElement: guardedEvent(view.onDidExpandElement.event),
        onDidCollapseElement: guardedEvent(view.onDidCollapseElement.event),
        onDidChangeSelection: guardedEvent(view.onDidChangeSelection.event),
        onDidChangeVisibility: guardedEvent(view.onDidChangeVisibility.event),
        /** Checkboxes are not supported: the event never fires. */
        onDidChangeCheckboxState: guardedEvent<unknown>(() => new Disposable(() => undefined)),
        reveal: (element: T, revealOptions?: { select?: boolean; focus?: boolean; expand?: boolean | number }) =>
          view.reveal(element, revealOptions),
        dispose: () => view.dispose(),
      },
      {
        title: prop("title"),
        description: prop("description"),
        message: prop("message"),
        visible: { get: () => view.visible, enumerable: true },
        selection: { get: () => view.selection, enumerable: true },
        badge: {
          get: () => view.badge,
          set: (badge: { value: number; tooltip: string } | undefined) => (view.badge = badge),
          enumerable: true,
        },
      },
    );
    return track(treeView);
  };

  const registerTreeDataProvider = <T>(viewId: string, treeDataProvider: TreeDataProvider<T>): Disposable => {
    const view = createTreeView(viewId, { treeDataProvider });
    return new Disposable(() => view.dispose());
  };

  return { createTreeView, registerTreeDataProvider };
};
