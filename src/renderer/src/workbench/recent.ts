/** A most-recently-used list kept in localStorage (recent files for Quick Open, recent commands for the palette). */
import { Store } from "./store.js";

export class RecentList {
  readonly items: Store<ReadonlyArray<string>>;

  constructor(
    private readonly key: string,
    private readonly max = 50,
    private readonly storage: Storage = localStorage,
  ) {
    this.items = new Store<ReadonlyArray<string>>(this.load());
  }

  /** Moves `item` to the front. */
  touch(item: string): void {
    this.items.update((list) => [item, ...list.filter((x) => x !== item)].slice(0, this.max));
    try {
      this.storage.setItem(this.key, JSON.stringify(this.items.get()));
    } catch {
      // storage full or disabled: the list still works for this window
    }
  }

  private load(): string[] {
    try {
      const parsed: unknown = JSON.parse(this.storage.getItem(this.key) ?? "[]");
      return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === "string").slice(0, this.max) : [];
    } catch {
      return [];
    }
  }
}

/** Recent items first (most recent first), then the rest in their order. */
export const recentFirst = <T>(
  items: ReadonlyArray<T>,
  keyOf: (item: T) => string,
  recent: ReadonlyArray<string>,
): T[] => {
  const rank = new Map(recent.map((r, i) => [r, i]));
  const recents = items.filter((i) => rank.has(keyOf(i)));
  recents.sort((a, b) => rank.get(keyOf(a))! - rank.get(keyOf(b))!);
  return [...recents, ...items.filter((i) => !rank.has(keyOf(i)))];
};
