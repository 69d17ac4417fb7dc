/**
 * An extension quick pick's filter, as VS Code's QuickInputTree.filter: each item's label (and its
 * description / detail with `matchOnDescription` / `matchOnDetail`) fuzzy-matched, case-insensitive,
 * by the same fzf matcher as Quick Open; `alwaysShow` items stay; with `sortByLabel` (the default)
 * label matches come first, ordered as VS Code's compareAnything orders them (prefix matches,
 * shorter first; then suffix matches; then by name), then the others in their own order —
 * without it every shown item keeps its place and separators stay above their items.
 */
import type { QuickPickItemDto } from "../../../protocol/contracts/quick-input.js";
import { fuzzyFilter } from "./fuzzy.js";

export interface QuickPickRow {
  readonly item: QuickPickItemDto;
  /** Matched character indices of the label, description and detail. */
  readonly label: ReadonlySet<number>;
  readonly description: ReadonlySet<number>;
  readonly detail: ReadonlySet<number>;
}

export interface QuickPickFilterOptions {
  readonly matchOnDescription: boolean;
  readonly matchOnDetail: boolean;
  readonly sortByLabel: boolean;
}

const NONE: ReadonlySet<number> = new Set();

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });

/** VS Code's compareAnything (base/common/comparers.ts) for two labels and the query. */
const compareLabels = (a: string, b: string, query: string): number => {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  const q = query.toLowerCase();
  const xPrefix = x.startsWith(q);
  const yPrefix = y.startsWith(q);
  if (xPrefix !== yPrefix) return xPrefix ? -1 : 1;
  if (xPrefix && x.length !== y.length) return x.length - y.length;
  const xSuffix = x.endsWith(q);
  const ySuffix = y.endsWith(q);
  if (xSuffix !== ySuffix) return xSuffix ? -1 : 1;
  return collator.compare(x, y);
};

export const filterQuickPick = (
  items: ReadonlyArray<QuickPickItemDto>,
  query: string,
  options: QuickPickFilterOptions,
): QuickPickRow[] => {
  if (query.trim() === "") return items.map((item) => ({ item, label: NONE, description: NONE, detail: NONE }));
  const pickable = items.filter((i) => !i.separator);
  const match = (text: (i: QuickPickItemDto) => string) =>
    new Map(
      fuzzyFilter(pickable, text, query, {
        limit: Number.POSITIVE_INFINITY,
        casing: "case-insensitive",
        sort: false,
      }).map((m) => [m.item.handle, m.positions] as const),
    );
  const labels = match((i) => i.label);
  const descriptions = options.matchOnDescription ? match((i) => i.description ?? "") : new Map();
  const details = options.matchOnDetail ? match((i) => i.detail ?? "") : new Map();
  const row = (item: QuickPickItemDto): QuickPickRow | undefined => {
    const label = labels.get(item.handle);
    const description = descriptions.get(item.handle);
    const detail = details.get(item.handle);
    if (!label && !description && !detail && !item.alwaysShow) return undefined;
    return { item, label: label ?? NONE, description: description ?? NONE, detail: detail ?? NONE };
  };
  if (options.sortByLabel) {
    // Label matches in VS Code's order, then the rest in their own order; no separators.
    const q = query.trim();
    const byLabel = pickable
      .filter((i) => labels.has(i.handle))
      .sort((a, b) => compareLabels(a.label, b.label, q))
      .flatMap((i) => row(i) ?? []);
    const rest = pickable.filter((i) => !labels.has(i.handle)).flatMap((i) => row(i) ?? []);
    return [...byLabel, ...rest];
  }
  // Items in place; a separator shows when one of the items under it does.
  const out: QuickPickRow[] = [];
  let separator: QuickPickItemDto | undefined;
  for (const item of items) {
    if (item.separator) {
      separator = item;
      continue;
    }
    const r = row(item);
    if (!r) continue;
    if (separator) out.push({ item: separator, label: NONE, description: NONE, detail: NONE });
    separator = undefined;
    out.push(r);
  }
  return out;
};
