/** Fuzzy matching for Quick Open and the palette (fzf's algorithm), and the highlighted label. */
import { Fzf } from "fzf";

export interface FuzzyOptions {
  readonly limit?: number;
  /** Quick Open and the palette: smart case; an extension's quick pick ignores case, as VS Code's. */
  readonly casing?: "smart-case" | "case-insensitive";
  /** False keeps the items' own order (a quick pick with `sortByLabel` off). */
  readonly sort?: boolean;
}

export interface FuzzyMatch<T> {
  readonly item: T;
  /** Matched character indices in the selector's text. */
  readonly positions: ReadonlySet<number>;
}

interface Entry {
  readonly index: number;
  readonly text: string;
}

/** Best matches first (unless `sort` is false); an empty query keeps every item, in order. */
export const fuzzyFilter = <T,>(
  items: ReadonlyArray<T>,
  selector: (item: T) => string,
  query: string,
  limitOrOptions: number | FuzzyOptions = 200,
): FuzzyMatch<T>[] => {
  const options = typeof limitOrOptions === "number" ? { limit: limitOrOptions } : limitOrOptions;
  const { limit = 200, casing = "smart-case", sort = true } = options;
  const q = query.trim();
  if (q === "") return items.slice(0, limit).map((item) => ({ item, positions: new Set() }));
  // fzf's option types are conditional on the item type: give it a concrete one.
  const entries: Entry[] = items.map((item, index) => ({ index, text: selector(item) }));
  const fzf = new Fzf(entries, { selector: (e) => e.text, limit, casing, sort });
  return fzf.find(q).map((r) => ({ item: items[r.item.index]!, positions: r.positions }));
};

/** `text` with the characters at `positions` (offset by `offset`) in <mark>. */
export const Highlighted = ({
  text,
  positions,
  offset = 0,
}: {
  text: string;
  positions: ReadonlySet<number>;
  offset?: number;
}) => {
  if (positions.size === 0) return <>{text}</>;
  const parts: React.ReactNode[] = [];
  let run = "";
  let marked = false;
  const push = (key: number) => {
    if (run) parts.push(marked ? <mark key={key}>{run}</mark> : run);
    run = "";
  };
  for (let i = 0; i < text.length; i++) {
    const hit = positions.has(i + offset);
    if (hit !== marked) {
      push(i);
      marked = hit;
    }
    run += text[i];
  }
  push(text.length);
  return <>{parts}</>;
};
