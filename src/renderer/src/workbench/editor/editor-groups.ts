/**
 * Editor groups side by side (at most two, like a plain "Split Editor"). Each group shows one
 * of the open documents in its own Monaco editor; `Documents.active` is always the focused
 * group's document, so everything that acts on "the active editor" keeps working unchanged.
 */
import type { Documents } from "../documents.js";
import { Store } from "../store.js";

export interface EditorGroupState {
  readonly id: number;
  readonly active: string | undefined;
}

export const MAX_GROUPS = 2;

export class EditorGroups {
  readonly groups = new Store<ReadonlyArray<EditorGroupState>>([{ id: 0, active: undefined }]);
  readonly focused = new Store(0);
  private nextId = 1;

  constructor(private readonly documents: Documents) {
    documents.active.subscribe(() => this.setGroupActive(this.focused.get(), documents.active.get()));
    // A renamed document stays in the groups that showed it, under its new uri.
    documents.onDidRename((from, to) =>
      this.groups.update((gs) => gs.map((g) => (g.active === from ? { ...g, active: to } : g))),
    );
    // A closed document leaves every group that showed it.
    documents.open.subscribe(() => {
      const open = documents.open.get().map((d) => d.uri);
      this.groups.update((gs) =>
        gs.map((g) => (g.active === undefined || open.includes(g.active) ? g : { ...g, active: open.at(-1) })),
      );
    });
  }

  focus(id: number): void {
    const group = this.groups.get().find((g) => g.id === id);
    if (!group) return;
    this.focused.set(id);
    if (this.documents.active.get() !== group.active) this.documents.setActive(group.active);
  }

  /** Opens the focused document in a new group to the right, focused. */
  split(): void {
    if (this.groups.get().length >= MAX_GROUPS) return;
    const id = this.nextId++;
    this.groups.update((gs) => [...gs, { id, active: this.documents.active.get() }]);
    this.focus(id);
  }

  close(id: number): void {
    const remaining = this.groups.get().filter((g) => g.id !== id);
    if (remaining.length === 0) return;
    this.groups.set(remaining);
    if (this.focused.get() === id) this.focus(remaining[0]!.id);
  }

  /** Ctrl+Tab / Ctrl+PageDown (+1) and Ctrl+Shift+Tab / Ctrl+PageUp (-1) over the open documents. */
  cycle(delta: number): void {
    const open = this.documents.open.get();
    if (open.length === 0) return;
    const index = open.findIndex((d) => d.uri === this.documents.active.get());
    this.documents.setActive(open[(index + delta + open.length) % open.length]!.uri);
  }

  private setGroupActive(id: number, uri: string | undefined): void {
    this.groups.update((gs) => gs.map((g) => (g.id === id && g.active !== uri ? { ...g, active: uri } : g)));
  }
}
