/**
 * Extension tree views, as VS Code's extHostTreeViews: elements stay here, windows see handles.
 * Each view keeps handle ↔ element maps (rebuilt as the window asks for children), its expanded
 * and selected handles, and pushes refreshes, reveals and its title/message/badge to every window.
 */
import { readFileSync, statSync } from "node:fs";
import { extname } from "node:path";
import {
  UnknownTreeItem,
  UnknownTreeView,
  WorkbenchViewsContract,
  type ExtHostViewsContract,
  type TreeIconDto,
  type TreeItemDto,
  type TreeViewStateDto,
  type ViewContributions,
} from "../../protocol/contracts/views.js";
import { proxy, type Implementation, type Proxy } from "../../protocol/rpc-contract.js";
import { MarkdownString, ThemeIcon, Uri, type CancellationToken } from "../api/types.js";
import type { TreeItem } from "../api/language-types.js";
import { CancellationTokenSource, EventEmitter } from "../api/types.js";
import type { ExtensionRuntime } from "../extensions/extension-runtime.js";
import type { Session, Sessions } from "./sessions.js";

type Awaitable<T> = T | PromiseLike<T>;

export interface TreeDataProvider<T> {
  getChildren(element?: T): Awaitable<readonly T[] | null | undefined>;
  getTreeItem(element: T): Awaitable<TreeItem>;
  getParent?(element: T): Awaitable<T | null | undefined>;
  resolveTreeItem?(item: TreeItem, element: T, token: CancellationToken): Awaitable<TreeItem | null | undefined>;
  onDidChangeTreeData?: (listener: (e: T | readonly T[] | null | undefined | void) => unknown) => {
    dispose(): unknown;
  };
}

export interface TreeViewOptions {
  readonly canSelectMany: boolean;
}

/** Icon files are inlined as data: URIs (the sandboxed window cannot read extension folders). */
const MAX_ICON_BYTES = 64 * 1024;
const ICON_TYPES: Readonly<Record<string, string>> = {
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
};

export const iconFile = (path: string): string | undefined => {
  const mime = ICON_TYPES[extname(path).toLowerCase()];
  try {
    if (!mime || statSync(path).size > MAX_ICON_BYTES) return undefined;
    return `data:${mime};base64,${readFileSync(path).toString("base64")}`;
  } catch {
    return undefined;
  }
};

const iconDto = (icon: TreeItem["iconPath"]): TreeIconDto | undefined => {
  if (!icon) return undefined;
  if (icon instanceof ThemeIcon) return { codicon: icon.id };
  const file = typeof icon === "object" && !(icon instanceof Uri) ? icon.dark : icon;
  const path = typeof file === "string" ? file : file.scheme === "file" ? file.fsPath : undefined;
  const image = path ? iconFile(path) : undefined;
  return image ? { image } : undefined;
};

const basename = (uri: Uri): string => uri.path.split("/").filter(Boolean).pop() ?? uri.path;

export class TreeViewError extends Error {}

/** What the service needs of a view to tell windows about it. */
interface ViewState {
  readonly viewId: string;
  dto(registered?: boolean): TreeViewStateDto;
}

/** One registered tree view (`createTreeView` / `registerTreeDataProvider`). */
export class ExtHostTreeView<T = unknown> {
  private readonly elements = new Map<string, T>();
  private readonly handles = new Map<T, string>();
  private readonly items = new Map<string, TreeItem>();
  private readonly parents = new Map<string, string | null>();
  private readonly expanded = new Set<string>();
  private selected: string[] = [];
  private visibleNow = false;
  private readonly state: {
    title?: string;
    description?: string;
    message?: string;
    badge?: { readonly value: number; readonly tooltip: string };
  };
  private refreshAll = false;
  private readonly toRefresh = new Set<string>();
  private refreshScheduled = false;
  private readonly subscription: { dispose(): unknown } | undefined;
  private disposed = false;

  readonly onDidExpandElement = new EventEmitter<{ element: T }>();
  readonly onDidCollapseElement = new EventEmitter<{ element: T }>();
  readonly onDidChangeSelection = new EventEmitter<{ selection: readonly T[] }>();
  readonly onDidChangeVisibility = new EventEmitter<{ visible: boolean }>();

  constructor(
    readonly viewId: string,
    readonly extensionId: string,
    private readonly provider: TreeDataProvider<T>,
    private readonly options: TreeViewOptions,
    private readonly service: TreeViewsService,
    title: string | undefined,
  ) {
    this.state = title !== undefined ? { title } : {};
    this.subscription = provider.onDidChangeTreeData?.((e) => this.refresh(e));
  }

  get visible(): boolean {
    return this.visibleNow;
  }

  get selection(): readonly T[] {
    return this.selected.flatMap((h) => (this.elements.has(h) ? [this.elements.get(h) as T] : []));
  }

  setProperty<K extends "title" | "description" | "message">(key: K, value: string | undefined): void {
    if (value === undefined) delete this.state[key];
    else this.state[key] = value;
    this.service.pushState(this);
  }

  getProperty(key: "title" | "description" | "message"): string | undefined {
    return this.state[key];
  }

  set badge(badge: { value: number; tooltip: string } | undefined) {
    if (badge === undefined) delete this.state.badge;
    else this.state.badge = { value: Math.trunc(badge.value), tooltip: String(badge.tooltip ?? "") };
    this.service.pushState(this);
  }

  get badge(): { value: number; tooltip: string } | undefined {
    return this.state.badge;
  }

  dto(registered = !this.disposed): TreeViewStateDto {
    return { viewId: this.viewId, ...this.state, canSelectMany: this.options.canSelectMany, registered };
  }

  /** Children of `parent` (null: roots), registering their handles. */
  async getChildren(parent: string | null): Promise<TreeItemDto[]> {
    const element = parent === null ? undefined : this.element(parent);
    const children = (await this.provider.getChildren(element)) ?? [];
    if (!Array.isArray(children))
      throw new TreeViewError(`getChildren of view '${this.viewId}' did not return an array`);
    const out: TreeItemDto[] = [];
    const seen = new Set<string>();
    for (const [index, child] of children.entries()) {
      const item = await this.provider.getTreeItem(child);
      const handle = this.handleFor(child, item, parent, index);
      // VS Code refuses two elements with one id: the second would steal the first's state.
      if (seen.has(handle)) {
        throw new TreeViewError(`Element with id ${item.id ?? handle} is already registered in view '${this.viewId}'`);
      }
      seen.add(handle);
      this.register(handle, child, item, parent);
      out.push(this.itemDto(handle, parent, item));
    }
    return out;
  }

  async resolve(handle: string): Promise<TreeItemDto> {
    const element = this.element(handle);
    let item = this.items.get(handle)!;
    if (this.provider.resolveTreeItem) {
      const cts = new CancellationTokenSource();
      item = (await this.provider.resolveTreeItem(item, element, cts.token)) ?? item;
      cts.dispose();
      this.items.set(handle, item);
    }
    return this.itemDto(handle, this.parents.get(handle) ?? null, item);
  }

  command(handle: string): { command: string; arguments?: readonly unknown[] } | undefined {
    this.element(handle);
    return this.items.get(handle)?.command;
  }

  /** A menu command's arguments: the element, and the selected ones when it is among several. */
  menuArguments(handle: string, selection: readonly string[]): unknown[] {
    const element = this.element(handle);
    if (selection.length < 2 || !selection.includes(handle)) return [element];
    return [element, selection.filter((h) => this.elements.has(h)).map((h) => this.elements.get(h))];
  }

  setExpanded(handle: string, expanded: boolean): void {
    if (!this.elements.has(handle) || this.expanded.has(handle) === expanded) return;
    if (expanded) this.expanded.add(handle);
    else this.expanded.delete(handle);
    const element = this.elements.get(handle) as T;
    (expanded ? this.onDidExpandElement : this.onDidCollapseElement).fire({ element });
  }

  setSelection(handles: readonly string[]): void {
    const next = handles.filter((h) => this.elements.has(h));
    if (next.length === this.selected.length && next.every((h, i) => h === this.selected[i])) return;
    this.selected = this.options.canSelectMany ? next : next.slice(0, 1);
    this.onDidChangeSelection.fire({ selection: this.selection });
  }

  setVisible(visible: boolean): void {
    if (visible === this.visibleNow) return;
    this.visibleNow = visible;
    this.onDidChangeVisibility.fire({ visible });
  }

  /** `onDidChangeTreeData`: refreshes are coalesced per tick, as VS Code batches them. */
  refresh(e: T | readonly T[] | null | undefined | void): void {
    if (this.disposed) return;
    if (e === undefined || e === null) this.refreshAll = true;
    else {
      for (const element of Array.isArray(e) ? (e as readonly T[]) : [e as T]) {
        const handle = this.handles.get(element);
        if (handle !== undefined) this.toRefresh.add(handle);
      }
    }
    if (this.refreshScheduled) return;
    this.refreshScheduled = true;
    setTimeout(() => {
      this.refreshScheduled = false;
      const all = this.refreshAll;
      const handles = [...this.toRefresh];
      this.refreshAll = false;
      this.toRefresh.clear();
      if (all) {
        this.elements.clear();
        this.handles.clear();
        this.items.clear();
        this.parents.clear();
      } else if (handles.length === 0) return;
      // The element's own item may have changed too: its parent's children are asked again.
      const parents = [...new Set(handles.map((h) => this.parents.get(h) ?? null))];
      this.service.broadcast((w) =>
        w.treeRefresh({ viewId: this.viewId, handles: all || parents.includes(null) ? null : (parents as string[]) }),
      );
    }, 0);
  }

  /** `TreeView.reveal`: needs `getParent` to find the path from a root, as in VS Code. */
  async reveal(element: T, options: { select?: boolean; focus?: boolean; expand?: boolean | number } = {}) {
    if (!this.provider.getParent) {
      throw new TreeViewError(
        "Required registered TreeDataProvider to implement 'getParent' method to access 'reveal' method",
      );
    }
    const chain: T[] = [element];
    for (
      let p = await this.provider.getParent(element);
      p !== undefined && p !== null;
      p = await this.provider.getParent(p)
    ) {
      if (chain.length > 100) throw new TreeViewError(`getParent of view '${this.viewId}' loops`);
      chain.unshift(p);
    }
    const path: TreeItemDto[] = [];
    let parent: string | null = null;
    for (const step of chain) {
      if (!this.handles.has(step)) await this.getChildren(parent);
      const handle = this.handles.get(step);
      if (handle === undefined)
        throw new TreeViewError(`Cannot resolve tree item for element in view '${this.viewId}'`);
      path.push(this.itemDto(handle, parent, this.items.get(handle)!));
      parent = handle;
    }
    for (const dto of path.slice(0, -1)) this.setExpanded(dto.handle, true);
    const expand = options.expand === true ? 1 : typeof options.expand === "number" ? Math.min(3, options.expand) : 0;
    const select = options.select !== false;
    if (select) this.setSelection([path[path.length - 1]!.handle]);
    this.service.broadcast((w) =>
      w.treeReveal({ viewId: this.viewId, path, select, focus: options.focus === true, expand }),
    );
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.subscription?.dispose();
    for (const e of [
      this.onDidExpandElement,
      this.onDidCollapseElement,
      this.onDidChangeSelection,
      this.onDidChangeVisibility,
    ])
      e.dispose();
    this.service.unregister(this);
  }

  private element(handle: string): T {
    if (!this.elements.has(handle)) {
      throw new UnknownTreeItem({
        viewId: this.viewId,
        handle,
        message: `no element with handle '${handle}' in view '${this.viewId}' (refreshed since?)`,
      });
    }
    return this.elements.get(handle) as T;
  }

  /** VS Code's scheme: `1/<id>` for items with an id, else parent path + index + label. */
  private handleFor(element: T, item: TreeItem, parent: string | null, index: number): string {
    if (item.id !== undefined) return `1/${item.id}`;
    const label = typeof item.label === "string" ? item.label : (item.label?.label ?? "");
    return `0/${parent ?? ""}/${index}:${label}`;
  }

  private register(handle: string, element: T, item: TreeItem, parent: string | null): void {
    const previous = this.elements.get(handle);
    if (previous !== undefined && previous !== element) this.handles.delete(previous);
    this.elements.set(handle, element);
    this.handles.set(element, handle);
    this.items.set(handle, item);
    this.parents.set(handle, parent);
  }

  private itemDto(handle: string, parent: string | null, item: TreeItem): TreeItemDto {
    const label =
      typeof item.label === "string"
        ? item.label
        : (item.label?.label ?? (item.resourceUri ? basename(item.resourceUri) : ""));
    const highlights = typeof item.label === "object" ? item.label.highlights : undefined;
    const description =
      typeof item.description === "string"
        ? item.description
        : item.description === true && item.resourceUri
          ? item.resourceUri.path.split("/").slice(0, -1).join("/")
          : undefined;
    const tooltip = item.tooltip instanceof MarkdownString ? item.tooltip.value : item.tooltip;
    const icon = iconDto(item.iconPath);
    const state = item.collapsibleState ?? 0;
    return {
      handle,
      parent,
      label,
      collapsibleState: state === 1 && this.expanded.has(handle) ? 2 : state === 2 || state === 1 ? state : 0,
      ...(highlights ? { highlights: highlights.map(([a, b]) => [a, b] as const) } : {}),
      ...(description !== undefined ? { description } : {}),
      ...(typeof tooltip === "string" ? { tooltip } : {}),
      ...(icon ? { icon } : {}),
      ...(item.command ? { command: item.command.title || item.command.command } : {}),
      ...(item.contextValue !== undefined ? { contextValue: item.contextValue } : {}),
      ...(item.resourceUri ? { resourceUri: item.resourceUri.toString() } : {}),
    };
  }
}

/** Every window's proxy for the views contract, made once per session. */
const proxies = new WeakMap<Session, Proxy<typeof WorkbenchViewsContract>>();
const viewsOf = (s: Session): Proxy<typeof WorkbenchViewsContract> => {
  let p = proxies.get(s);
  if (!p) {
    p = proxy(s.peer, WorkbenchViewsContract);
    proxies.set(s, p);
  }
  return p;
};

export class TreeViewsService {
  private readonly views = new Map<string, ExtHostTreeView>();

  constructor(
    private readonly sessions: Sessions,
    private readonly runtimes: ReadonlyArray<ExtensionRuntime>,
    private readonly activateByEvent: (event: string) => Promise<void>,
  ) {
    // A window that (re)binds learns which views have providers.
    sessions.onDidBind((s) => {
      for (const view of this.views.values()) viewsOf(s).treeViewState(view.dto());
    });
  }

  /** Every extension's containers, views and welcome content. */
  contributions(): ViewContributions {
    const out: {
      containers: ViewContributions["containers"][number][];
      views: ViewContributions["views"][number][];
      welcome: ViewContributions["welcome"][number][];
    } = {
      containers: [],
      views: [],
      welcome: [],
    };
    for (const r of this.runtimes) {
      const c = r.description.manifest.contributes;
      if (!c) continue;
      for (const container of c.viewsContainers?.activitybar ?? []) {
        const icon = container.icon?.startsWith("$(")
          ? container.icon.slice(2, -1)
          : container.icon
            ? iconFile(`${r.description.location}/${container.icon}`)
            : undefined;
        out.containers.push({
          id: container.id,
          title: container.title,
          extensionId: r.id,
          ...(icon ? { icon } : {}),
        });
      }
      for (const [container, views] of Object.entries(c.views ?? {})) {
        for (const v of views) {
          if (v.type !== undefined && v.type !== "tree") continue; // webview views are not supported
          out.views.push({ id: v.id, name: v.name, container, extensionId: r.id, ...(v.when ? { when: v.when } : {}) });
        }
      }
      for (const w of c.viewsWelcome ?? [])
        out.welcome.push({ view: w.view, contents: w.contents, ...(w.when ? { when: w.when } : {}) });
    }
    return out;
  }

  isContributed(viewId: string): boolean {
    return this.runtimes.some((r) =>
      Object.values(r.description.manifest.contributes?.views ?? {}).some((vs) => vs.some((v) => v.id === viewId)),
    );
  }

  register<T>(
    viewId: string,
    extensionId: string,
    provider: TreeDataProvider<T>,
    options: TreeViewOptions,
  ): ExtHostTreeView<T> {
    if (typeof viewId !== "string" || !this.isContributed(viewId)) {
      throw new TreeViewError(`No view is registered with id: ${String(viewId)} (declare it in contributes.views)`);
    }
    if (this.views.has(viewId)) throw new TreeViewError(`A tree view with id '${viewId}' is already registered`);
    if (!provider || typeof provider.getChildren !== "function" || typeof provider.getTreeItem !== "function") {
      throw new TreeViewError(`the TreeDataProvider of '${viewId}' must implement getChildren and getTreeItem`);
    }
    const name = this.contributions().views.find((v) => v.id === viewId)?.name;
    const view = new ExtHostTreeView<T>(viewId, extensionId, provider, options, this, name);
    // Elements are opaque to the service: it only hands handles back to the view that made them.
    this.views.set(viewId, view as unknown as ExtHostTreeView);
    this.pushState(view);
    return view;
  }

  unregister(view: ViewState): void {
    if (this.views.get(view.viewId) !== view) return;
    this.views.delete(view.viewId);
    this.broadcast((w) => w.treeViewState(view.dto(false)));
  }

  pushState(view: ViewState): void {
    if (this.views.get(view.viewId) === view) this.broadcast((w) => w.treeViewState(view.dto()));
  }

  broadcast(send: (w: Proxy<typeof WorkbenchViewsContract>) => void): void {
    this.sessions.broadcast((s) => send(viewsOf(s)));
  }

  /** `onView:<id>` activation, then the view's state (null: still no provider). */
  async open(viewId: string): Promise<TreeViewStateDto | null> {
    await this.activateByEvent(`onView:${viewId}`);
    return this.views.get(viewId)?.dto() ?? null;
  }

  find(viewId: string): ExtHostTreeView | undefined {
    return this.views.get(viewId);
  }

  view(viewId: string): ExtHostTreeView {
    const view = this.views.get(viewId);
    if (!view)
      throw new UnknownTreeView({ viewId, message: `no tree data provider is registered for view '${viewId}'` });
    return view;
  }
}

/** Runs extension code for a view: a throw lands in the extension's Output channel and fails the call. */
export type Guard = <R>(extensionId: string, what: string, fn: () => R | Promise<R>) => Promise<R>;

/** ExtHostViewsContract, served on every connection. */
export const treeViewsImplementation = (
  service: TreeViewsService,
  guard: Guard,
  execute: (command: string, args: readonly unknown[]) => Promise<unknown>,
): Implementation<typeof ExtHostViewsContract> => {
  const guarded = <R>(viewId: string, what: string, fn: (view: ExtHostTreeView) => Promise<R>): Promise<R> => {
    const view = service.view(viewId);
    // A stale handle is the window's mistake, not the extension's: it keeps its own tagged error.
    return fn(view).catch((e: unknown) => {
      if (e instanceof UnknownTreeItem) throw e;
      return guard(view.extensionId, `${what} of view '${viewId}'`, () => Promise.reject(e));
    });
  };
  return {
    viewContributions: () => service.contributions(),
    openView: (viewId) => service.open(viewId),
    getChildren: ({ viewId, parent }) => guarded(viewId, "getChildren", (v) => v.getChildren(parent)),
    resolveItem: ({ viewId, handle }) => guarded(viewId, "resolveTreeItem", (v) => v.resolve(handle)),
    runItemCommand: async ({ viewId, handle }) => {
      const command = service.view(viewId).command(handle);
      if (command) await execute(command.command, command.arguments ?? []);
      return null;
    },
    setExpanded: ({ viewId, handle, expanded }) => service.find(viewId)?.setExpanded(handle, expanded),
    setSelection: ({ viewId, handles }) => service.find(viewId)?.setSelection(handles),
    setVisible: ({ viewId, visible }) => service.find(viewId)?.setVisible(visible),
  };
};
