/**
 * A server's semantic tokens, re-encoded for Monaco's standalone theme. That theme styles every
 * token it is given (a type it has no rule for gets the plain foreground, hiding the TextMate
 * colour underneath), and looks modifiers up only as a dotted suffix of the type. VS Code
 * instead picks the most specific style among the type and its modifier combinations and leaves
 * a token with no style to TextMate. So, per token: alias deprecated types (`member` → `method`),
 * pick the style key (semantic-colors.ts) the theme colours with the most of the token's
 * modifiers, and drop tokens no key styles (left to TextMate). On a theme change Monaco asks
 * for full tokens again, restyled for the new theme. Deltas are applied here to the last raw tokens (Monaco keeps only the
 * re-encoded ones) and Monaco gets full tokens.
 */
import type { SemanticTokensDto, SemanticTokensLegendDto } from "../../../../protocol/language-features.js";
import { SEMANTIC_STYLE_KEYS, currentStyledKeys } from "./semantic-colors.js";

/** VS Code's deprecated token types and their replacements (tokenClassificationRegistry). */
const TYPE_ALIASES: Readonly<Record<string, string>> = { member: "method" };

const KEY_INDEX = new Map(SEMANTIC_STYLE_KEYS.map((key, index) => [key, index]));
const KEYS_BY_TYPE = new Map<string, Array<{ key: string; modifiers: readonly string[] }>>();
for (const key of SEMANTIC_STYLE_KEYS) {
  const [type, ...modifiers] = key.split(".");
  const list = KEYS_BY_TYPE.get(type!) ?? [];
  list.push({ key, modifiers });
  KEYS_BY_TYPE.set(type!, list);
}

/**
 * The style key for a type with these modifiers: the styled one with the most of the modifiers,
 * or undefined when the theme styles none.
 */
export const styleKeyOf = (
  type: string,
  modifiers: ReadonlySet<string>,
  styled: ReadonlySet<string> = currentStyledKeys(),
): string | undefined => {
  const candidates = KEYS_BY_TYPE.get(TYPE_ALIASES[type] ?? type);
  let best: { key: string; modifiers: readonly string[] } | undefined;
  for (const candidate of candidates ?? []) {
    if (!styled.has(candidate.key) || !candidate.modifiers.every((m) => modifiers.has(m))) continue;
    if (!best || candidate.modifiers.length > best.modifiers.length) best = candidate;
  }
  return best?.key;
};

/** Applies LSP / VS Code semantic token edits (non-overlapping, against the old array). */
export const applySemanticTokenEdits = (
  data: readonly number[],
  edits: ReadonlyArray<{ readonly start: number; readonly deleteCount: number; readonly data?: readonly number[] }>,
): number[] => {
  const out = [...data];
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) {
    out.splice(edit.start, edit.deleteCount, ...(edit.data ?? []));
  }
  return out;
};

export class SemanticTokenStyler {
  /** Style key index (Monaco's token type) per (type index, modifier bits); -1: no style. */
  private readonly cache = new Map<number, number>();
  /** The theme's styled keys the cache was filled with. */
  private cachedFor: ReadonlySet<string> | undefined;

  constructor(private readonly legend: SemanticTokensLegendDto) {}

  private keyIndex(type: number, modifierBits: number): number {
    if (this.cachedFor !== currentStyledKeys()) {
      this.cache.clear();
      this.cachedFor = currentStyledKeys();
    }
    const cacheKey = type * 2 ** 32 + (modifierBits >>> 0);
    let index = this.cache.get(cacheKey);
    if (index === undefined) {
      const name = this.legend.tokenTypes[type];
      const modifiers = new Set(this.legend.tokenModifiers.filter((_, bit) => (modifierBits >>> bit) & 1));
      const key = name === undefined ? undefined : styleKeyOf(name, modifiers);
      index = key === undefined ? -1 : KEY_INDEX.get(key)!;
      this.cache.set(cacheKey, index);
    }
    return index;
  }

  /** Re-encodes tokens (relative positions, 5 numbers each) with style keys; unstyled ones dropped. */
  restyle(data: readonly number[]): Uint32Array {
    const out: number[] = [];
    let line = 0;
    let char = 0;
    let lastLine = 0;
    let lastChar = 0;
    for (let i = 0; i + 4 < data.length; i += 5) {
      const deltaLine = data[i]!;
      line += deltaLine;
      char = deltaLine === 0 ? char + data[i + 1]! : data[i + 1]!;
      const key = this.keyIndex(data[i + 3]!, data[i + 4]!);
      if (key < 0) continue;
      out.push(line - lastLine, line === lastLine ? char - lastChar : char, data[i + 2]!, key, 0);
      lastLine = line;
      lastChar = char;
    }
    return Uint32Array.from(out);
  }
}

/** Per document: the raw tokens of the last result, which the next delta applies to. */
export class SemanticTokenResults {
  private readonly raw = new Map<string, { resultId: string; data: readonly number[] }>();

  constructor(readonly styler: SemanticTokenStyler) {}

  /** The id to ask a delta against: only one whose raw tokens are kept here. */
  previousResultId(uri: string, lastResultId: string | null): string | undefined {
    const kept = this.raw.get(uri);
    return kept && lastResultId !== null && kept.resultId === lastResultId ? kept.resultId : undefined;
  }

  /** Full, restyled tokens for Monaco; the raw ones kept for the next delta. */
  accept(uri: string, result: SemanticTokensDto): { data: Uint32Array; resultId?: string } | null {
    let data: readonly number[];
    if (result.type === "full") data = result.data;
    else {
      const base = this.raw.get(uri);
      // A delta against tokens not kept here cannot be applied: Monaco asks again later.
      if (!base) return null;
      data = applySemanticTokenEdits(base.data, result.edits);
    }
    if (result.resultId !== undefined) this.raw.set(uri, { resultId: result.resultId, data });
    else this.raw.delete(uri);
    return { data: this.styler.restyle(data), ...(result.resultId !== undefined ? { resultId: result.resultId } : {}) };
  }
}
