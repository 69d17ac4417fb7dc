/**
 * The explorer's state: loaded folders (read through the host, which applies `files.exclude`),
 * expanded folders, the selection, and the inline editor (new file / new folder / rename). Watcher
 * events re-read only the folders they touch, so a file created or deleted outside appears or
 * disappears without a refresh, and expanded folders stay expanded.
 */
import type { FileChange } from "../../../../protocol/contracts/files.js";
import type { ExtHostContract } from "../../../../protocol/contracts/ext-host.js";
import type { Proxy } from "../../../../protocol/rpc-contract.js";
import type { FileEntry } from "../../../../protocol/workbench.js";
import { Store } from "../store.js";

export type InlineEdit =
  | { readonly kind: "new"; readonly type: "file" | "folder"; readonly parent: string }
  | { readonly kind: "rename"; readonly uri: string; readonly parent: string };

/** The folder holding `uri` (its uri without the last segment). */
export const parentOf = (uri: string): string => uri.slice(0, uri.lastIndexOf("/"));
export const nameOf = (uri: string): string => decodeURIComponent(uri.slice(uri.lastIndexOf("/") + 1));
/** `name` may hold `/` (VS Code creates the folders on the way): each segment is encoded. */
export const childUri = (parent: string, name: string): string =>
  `${parent}/${name
    .split("/")
    .filter(Boolean)
    .map((s) => encodeURIComponent(s))
    .join("/")}`;

const isInside = (uri: string, folder: string): boolean => uri === folder || uri.startsWith(`${folder}/`);

export class ExplorerModel {
  /** folder uri → its entries (absent: not loaded). */
  readonly children = new Store<ReadonlyMap<string, ReadonlyArray<FileEntry>>>(new Map());
  readonly errors = new Store<ReadonlyMap<string, string>>(new Map());
  readonly expanded = new Store<ReadonlySet<string>>(new Set());
  readonly selected = new Store<string | undefined>(undefined);
  readonly edit = new Store<InlineEdit | undefined>(undefined);
  private readonly loading = new Map<string, Promise<void>>();
  private readonly stale = new Set<string>();

  constructor(private readonly host: Proxy<typeof ExtHostContract>) {}

  /** Forgets everything (a new folder, a new host). */
  reset(): void {
    this.children.set(new Map());
    this.errors.set(new Map());
    this.expanded.set(new Set());
    this.edit.set(undefined);
  }

  /** Re-reads every loaded folder (Refresh Explorer), keeping what is expanded. */
  refresh(): void {
    for (const folder of this.children.get().keys()) void this.load(folder);
  }

  /** Reads `folder` (again when it is loaded); concurrent calls share one read and a change during it reads again. */
  load(folder: string): Promise<void> {
    const running = this.loading.get(folder);
    if (running) {
      this.stale.add(folder);
      return running;
    }
    const read = this.host.readDirectory(folder).then(
      (entries) => {
        this.children.update((m) => new Map(m).set(folder, entries));
        this.errors.update((m) => {
          if (!m.has(folder)) return m;
          const next = new Map(m);
          next.delete(folder);
          return next;
        });
      },
      (e: unknown) => {
        this.errors.update((m) => new Map(m).set(folder, e instanceof Error ? e.message : String(e)));
      },
    );
    const done = read.finally(() => {
      this.loading.delete(folder);
      if (this.stale.delete(folder)) void this.load(folder);
    });
    this.loading.set(folder, done);
    return done;
  }

  isLoaded(folder: string): boolean {
    return this.children.get().has(folder);
  }

  entry(uri: string): FileEntry | undefined {
    return this.children
      .get()
      .get(parentOf(uri))
      ?.find((e) => e.uri === uri);
  }

  toggle(folder: string): void {
    const open = !this.expanded.get().has(folder);
    this.setExpanded(folder, open);
  }

  setExpanded(folder: string, open: boolean): void {
    this.expanded.update((s) => {
      const next = new Set(s);
      if (open) next.add(folder);
      else next.delete(folder);
      return next;
    });
    if (open && !this.isLoaded(folder)) void this.load(folder);
  }

  /** Expands every folder from `root` down to `uri`'s parent and selects it (Reveal in Explorer). */
  async reveal(root: string, uri: string): Promise<void> {
    if (!isInside(uri, root) || uri === root) return;
    const segments = uri.slice(root.length + 1).split("/");
    let folder = root;
    for (const segment of segments.slice(0, -1)) {
      folder = `${folder}/${segment}`;
      this.setExpanded(folder, true);
      await this.load(folder);
    }
    this.selected.set(uri);
  }

  /** Watcher events: re-read the loaded folders they touch; forget deleted folders. */
  onFilesChanged(changes: ReadonlyArray<FileChange>): void {
    const folders = new Set<string>();
    for (const c of changes) {
      if (c.kind === "changed") continue; // content only: the tree looks the same
      folders.add(parentOf(c.uri));
      if (c.kind === "deleted") this.forget(c.uri);
    }
    for (const folder of folders) if (this.isLoaded(folder)) void this.load(folder);
  }

  /** A folder (and everything below it) is gone: drop what was loaded and expanded there. */
  forget(uri: string): void {
    const drop = <V>(m: ReadonlyMap<string, V>) => new Map([...m].filter(([k]) => !isInside(k, uri)));
    if ([...this.children.get().keys()].some((k) => isInside(k, uri))) this.children.update(drop);
    if ([...this.expanded.get()].some((k) => isInside(k, uri))) {
      this.expanded.update((s) => new Set([...s].filter((k) => !isInside(k, uri))));
    }
    const selected = this.selected.get();
    if (selected && isInside(selected, uri)) this.selected.set(undefined);
  }
}
