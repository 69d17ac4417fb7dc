/**
 * Call and type hierarchy (VS Code's references-view): "Show Call Hierarchy" prepares the item
 * under the cursor through the host's providers and shows it in the References view, whose
 * nodes ask for their callers / callees (or supertypes / subtypes) as they are expanded.
 * Host-side items live in the host's cache: every cache this view asked for is released when
 * the view shows something else.
 */
import type { HierarchyCallDto, HierarchyItemDto } from "../../../../protocol/language-features.js";
import type { Range } from "../../../../protocol/workbench.js";
import { fromRange } from "../editor/language-convert.js";
import { Store } from "../store.js";
import type { WorkbenchServices } from "../workbench-services.js";

export type HierarchyKind = "call" | "type";
/** Calls: incoming (callers of) or outgoing (calls from). Types: supertypes or subtypes. */
export type HierarchyDirection = "incoming" | "outgoing" | "supertypes" | "subtypes";

/** One node: an item, and (for calls) the ranges of the calls it stands for. */
export interface HierarchyNode {
  readonly item: HierarchyItemDto;
  readonly fromRanges: ReadonlyArray<Range>;
}

export interface HierarchyState {
  readonly kind: HierarchyKind;
  readonly direction: HierarchyDirection;
  /** Several when the providers prepared several items (VS Code shows them side by side). */
  readonly roots: ReadonlyArray<HierarchyNode>;
  /** Bumped on every new question, so expanded children of an older one are not shown. */
  readonly generation: number;
}

export const REFERENCES_VIEW = "references";

export const TITLES: Readonly<Record<HierarchyDirection, string>> = {
  incoming: "Callers Of",
  outgoing: "Calls From",
  supertypes: "Supertypes Of",
  subtypes: "Subtypes Of",
};

const models = new WeakMap<WorkbenchServices, HierarchyModel>();

/** The window's hierarchy model (one per workbench). */
export const hierarchyModel = (services: WorkbenchServices): HierarchyModel => {
  let model = models.get(services);
  if (!model) models.set(services, (model = new HierarchyModel(services)));
  return model;
};

export class HierarchyModel {
  readonly state = new Store<HierarchyState | undefined>(undefined);
  private caches: number[] = [];
  private generation = 0;

  constructor(private readonly services: WorkbenchServices) {}

  private get lf() {
    return this.services.editor.languageFeatures.lf;
  }

  /**
   * Prepares the hierarchy at a position and shows it; false when no provider had an item there
   * (the caller says so, as VS Code's "No results").
   */
  async show(
    kind: HierarchyKind,
    direction: HierarchyDirection,
    at: { uri: string; version: number; position: { line: number; character: number } },
  ): Promise<boolean> {
    const items =
      kind === "call"
        ? await this.lf.prepareCallHierarchy(at, { timeoutMs: 10_000 })
        : await this.lf.prepareTypeHierarchy(at, { timeoutMs: 10_000 });
    this.releaseAll();
    if (items.length === 0) {
      this.state.set(undefined);
      return false;
    }
    this.remember(items);
    this.state.set({
      kind,
      direction,
      roots: items.map((item) => ({ item, fromRanges: [] })),
      generation: ++this.generation,
    });
    this.services.sidebarView.set(REFERENCES_VIEW);
    return true;
  }

  /** Same roots, the other direction (the view's toggle). */
  setDirection(direction: HierarchyDirection): void {
    const current = this.state.get();
    if (current) this.state.set({ ...current, direction, generation: ++this.generation });
  }

  /** The children of a node in the current direction. */
  async children(node: HierarchyNode, direction: HierarchyDirection): Promise<HierarchyNode[]> {
    const ref = { cacheId: node.item.cacheId, index: node.item.index };
    const opts = { timeoutMs: 10_000 };
    if (direction === "incoming" || direction === "outgoing") {
      const calls: ReadonlyArray<HierarchyCallDto> =
        direction === "incoming" ? await this.lf.incomingCalls(ref, opts) : await this.lf.outgoingCalls(ref, opts);
      this.remember(calls.map((c) => c.item));
      return calls.map((c) => ({ item: c.item, fromRanges: c.fromRanges }));
    }
    const types = direction === "supertypes" ? await this.lf.supertypes(ref, opts) : await this.lf.subtypes(ref, opts);
    this.remember(types);
    return types.map((item) => ({ item, fromRanges: [] }));
  }

  /**
   * Opens a node as VS Code does: a caller at the call (its first `fromRange`, which lies in
   * the caller's own file); anything else at its name.
   */
  open(node: HierarchyNode, direction: HierarchyDirection): Promise<unknown> {
    const call = node.fromRanges[0];
    if (direction === "incoming" && call)
      return this.services.editor.languageFeatures.models.open(node.item.uri, fromRange(call));
    // An outgoing call's ranges lie in the caller (the parent): the callee opens at its name.
    return this.services.editor.languageFeatures.models.open(node.item.uri, fromRange(node.item.selectionRange));
  }

  clear(): void {
    this.releaseAll();
    this.state.set(undefined);
  }

  private remember(items: ReadonlyArray<HierarchyItemDto>): void {
    for (const id of new Set(items.map((i) => i.cacheId))) this.caches.push(id);
  }

  private releaseAll(): void {
    for (const id of this.caches) this.lf.releaseCache(id);
    this.caches = [];
  }
}
