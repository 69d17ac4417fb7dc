/**
 * The window's side of extension views: contributed containers and views (asked on initialize),
 * each tree view's state, and per tree the handles the host gave it. Children load when a node
 * is expanded; a refresh drops what was loaded under the refreshed handles and asks again.
 */
import {
  ExtHostViewsContract,
  type TreeItemDto,
  type TreeViewStateDto,
  type ViewContributions,
  type WorkbenchViewsContract,
} from "../../../../protocol/contracts/views.js";
import { proxy, type Caller, type Implementation, type Proxy } from "../../../../protocol/rpc-contract.js";
import { Store } from "../store.js";

const describe = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export class TreeModel {
  /** Bumped on every change: the view re-renders from the fields below. */
  readonly version = new Store(0);
  readonly items = new Map<string, TreeItemDto>();
  /** parent handle ('' = root) → child handles; absent: not loaded. */
  readonly children = new Map<string, readonly string[]>();
  readonly expanded = new Set<string>();
  selection: readonly string[] = [];
  focused: string | undefined;
  error: string | undefined;
  /** A reveal asked for focus: the view moves DOM focus to `focused` once. */
  private focusRequested = false;
  private readonly loading = new Map<string, Promise<void>>();

  constructor(
    readonly viewId: string,
    private readonly host: Proxy<typeof ExtHostViewsContract>,
  ) {}

  private bump(): void {
    this.version.update((v) => v + 1);
  }

  /** Loads the children of `parent` (null: roots) once; expanded children load too. */
  load(parent: string | null): Promise<void> {
    const key = parent ?? "";
    const running = this.loading.get(key);
    if (running) return running;
    const work = this.host
      .getChildren({ viewId: this.viewId, parent })
      .then(
        async (items) => {
          for (const item of items) {
            this.items.set(item.handle, item);
            if (item.collapsibleState === 2) this.expanded.add(item.handle);
          }
          this.children.set(
            key,
            items.map((i) => i.handle),
          );
          this.error = undefined;
          this.bump();
          await Promise.all(items.filter((i) => this.expanded.has(i.handle)).map((i) => this.load(i.handle)));
        },
        (e: unknown) => {
          this.error = describe(e);
          this.children.set(key, []);
          this.bump();
        },
      )
      .finally(() => this.loading.delete(key));
    this.loading.set(key, work);
    return work;
  }

  toggle(handle: string, expand = !this.expanded.has(handle)): void {
    const item = this.items.get(handle);
    if (!item || item.collapsibleState === 0 || this.expanded.has(handle) === expand) return;
    if (expand) this.expanded.add(handle);
    else this.expanded.delete(handle);
    this.host.setExpanded({ viewId: this.viewId, handle, expanded: expand });
    this.bump();
    if (expand && !this.children.has(handle)) void this.load(handle);
  }

  select(handles: readonly string[], focus = handles[handles.length - 1]): void {
    this.selection = handles;
    this.focused = focus;
    this.host.setSelection({ viewId: this.viewId, handles });
    this.bump();
  }

  /** A click (or Enter): selects and runs the item's command in the host. */
  async open(handle: string): Promise<void> {
    this.select([handle]);
    const item = this.items.get(handle);
    if (item?.command) {
      await this.host.runItemCommand({ viewId: this.viewId, handle }).catch((e: unknown) => {
        this.error = describe(e);
        this.bump();
      });
    } else if (item && item.collapsibleState !== 0) this.toggle(handle);
  }

  /** The handle a reveal asked to focus, once. */
  takeFocusRequest(): string | undefined {
    if (!this.focusRequested) return undefined;
    this.focusRequested = false;
    return this.focused;
  }

  /** The rows a keyboard walks: expanded nodes' loaded children, depth first. */
  visibleRows(): Array<{ item: TreeItemDto; depth: number }> {
    const rows: Array<{ item: TreeItemDto; depth: number }> = [];
    const walk = (key: string, depth: number): void => {
      for (const h of this.children.get(key) ?? []) {
        const item = this.items.get(h);
        if (!item) continue;
        rows.push({ item, depth });
        if (this.expanded.has(h)) walk(h, depth + 1);
      }
    };
    walk("", 0);
    return rows;
  }

  /** `onDidChangeTreeData`: forget what was loaded under these handles (null: everything) and reload. */
  refresh(handles: readonly string[] | null): void {
    if (handles === null) {
      this.children.clear();
      this.items.clear();
      void this.load(null);
      return;
    }
    for (const h of handles) {
      this.children.delete(h);
      if (this.expanded.has(h)) void this.load(h);
    }
    this.bump();
  }

  reveal(path: readonly TreeItemDto[], select: boolean, focus: boolean): void {
    let parent = "";
    for (const item of path) {
      this.items.set(item.handle, item);
      const siblings = this.children.get(parent);
      if (siblings && !siblings.includes(item.handle)) this.children.set(parent, [...siblings, item.handle]);
      parent = item.handle;
    }
    for (const item of path.slice(0, -1)) {
      if (!this.expanded.has(item.handle)) {
        this.expanded.add(item.handle);
        if (!this.children.has(item.handle)) void this.load(item.handle);
      }
    }
    const target = path[path.length - 1];
    if (target && select) this.selection = [target.handle];
    if (target) this.focused = target.handle;
    this.focusRequested = focus;
    this.bump();
  }
}

export class ViewsModel {
  readonly contributions = new Store<ViewContributions>({ containers: [], views: [], welcome: [] });
  readonly states = new Store<ReadonlyMap<string, TreeViewStateDto>>(new Map());
  readonly host: Proxy<typeof ExtHostViewsContract>;
  private readonly trees = new Map<string, TreeModel>();

  constructor(caller: Caller) {
    this.host = proxy(caller, ExtHostViewsContract);
  }

  /** On every initialize: a new host may have other extensions; trees are asked again. */
  async reload(): Promise<void> {
    this.contributions.set(await this.host.viewContributions());
    this.trees.clear();
  }

  tree(viewId: string): TreeModel {
    let t = this.trees.get(viewId);
    if (!t) {
      t = new TreeModel(viewId, this.host);
      this.trees.set(viewId, t);
    }
    return t;
  }

  /** A view became visible: `onView:` activation, then its roots. */
  async open(viewId: string): Promise<void> {
    const state = await this.host.openView(viewId);
    if (state) this.setState(state);
    this.host.setVisible({ viewId, visible: true });
    if (state?.registered) await this.tree(viewId).load(null);
  }

  close(viewId: string): void {
    this.host.setVisible({ viewId, visible: false });
  }

  private setState(state: TreeViewStateDto): void {
    this.states.update((m) => new Map(m).set(state.viewId, state));
  }

  implementation(): Implementation<typeof WorkbenchViewsContract> {
    return {
      treeViewState: (state) => {
        const had = this.states.get().get(state.viewId)?.registered === true;
        this.setState(state);
        // A provider arrived for a view already on screen: show its roots.
        if (state.registered && !had && this.trees.has(state.viewId)) void this.tree(state.viewId).load(null);
      },
      treeRefresh: ({ viewId, handles }) => this.trees.get(viewId)?.refresh(handles),
      treeReveal: ({ viewId, path, select, focus }) => this.tree(viewId).reveal(path, select, focus),
    };
  }
}
