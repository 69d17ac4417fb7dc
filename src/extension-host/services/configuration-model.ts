/**
 * VS Code's configuration model, as pure functions over value trees: settings files hold dotted
 * keys (`"editor.minimap.enabled": false`) or nested objects, both become one tree; layers merge
 * default < user < workspace (objects deeply, everything else replaced), language overrides
 * (`"[typescript]": {…}`) on top of the layer that holds them. See VS Code's
 * configurationModels.ts (`toValuesTree`, `merge`, `getConfigurationValue`).
 */

export type Tree = Record<string, unknown>;

export const isPlainObject = (v: unknown): v is Tree =>
  typeof v === "object" && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

const clone = <T>(v: T): T => (v === undefined ? v : (structuredClone(v) as T));

/** `[typescript]` or `[javascript][typescript]`: a language override section. */
export const isOverrideKey = (key: string): boolean => /^(\[[^\]]+\])+$/.test(key);
export const overrideLanguages = (key: string): string[] =>
  [...key.matchAll(/\[([^\]]+)\]/g)].map((m) => m[1]!).filter((s) => s.length > 0);

/** Adds `value` at the dotted `key`; a non-object in the way wins (VS Code reports and skips). */
const addToTree = (root: Tree, key: string, value: unknown): void => {
  const segments = key.split(".");
  const last = segments.pop()!;
  let node = root;
  for (const s of segments) {
    const next = node[s];
    if (next === undefined) node = node[s] = {};
    else if (isPlainObject(next)) node = next;
    else return;
  }
  const existing = node[last];
  node[last] = isPlainObject(existing) && isPlainObject(value) ? merge(existing, value) : clone(value);
};

/** A settings file's root object as a tree; override sections keep their own (treed) content. */
export const toValueTree = (flat: Tree): Tree => {
  const root: Tree = {};
  for (const [key, value] of Object.entries(flat)) {
    if (isOverrideKey(key)) root[key] = isPlainObject(value) ? toValueTree(value) : {};
    else addToTree(root, key, value);
  }
  return root;
};

/** `over` on top of `base`, objects merged deeply; neither input is changed. */
export const merge = (base: Tree, over: Tree): Tree => {
  const out: Tree = clone(base);
  for (const [key, value] of Object.entries(over)) {
    const current = out[key];
    out[key] = isPlainObject(current) && isPlainObject(value) ? merge(current, value) : clone(value);
  }
  return out;
};

/** The value at a dotted key, or undefined. */
export const lookup = (tree: Tree, key: string): unknown => {
  let node: unknown = tree;
  for (const s of key.split(".")) {
    if (!isPlainObject(node)) return undefined;
    node = node[s];
  }
  return node;
};

/** A layer as seen for one language: its `[lang]` section merged over it. */
export const forLanguage = (tree: Tree, languageId: string | undefined): Tree => {
  const plain: Tree = Object.fromEntries(Object.entries(tree).filter(([k]) => !isOverrideKey(k)));
  if (!languageId) return plain;
  let out = plain;
  for (const [k, v] of Object.entries(tree)) {
    if (isOverrideKey(k) && overrideLanguages(k).includes(languageId) && isPlainObject(v)) out = merge(out, v);
  }
  return out;
};

export interface Layers {
  readonly defaults: Tree;
  readonly user: Tree;
  /** undefined: no folder open. */
  readonly workspace: Tree | undefined;
}

/** What `getConfiguration()` reads: default < user < workspace, each with its language override. */
export const effective = (layers: Layers, languageId?: string): Tree =>
  [layers.defaults, layers.user, layers.workspace ?? {}].reduce<Tree>(
    (acc, layer) => merge(acc, forLanguage(layer, languageId)),
    {},
  );

/** Every leaf key (objects walked, arrays are leaves) with its value; overrides as `[lang].key`. */
const leaves = (tree: Tree, prefix = "", out = new Map<string, unknown>()): Map<string, unknown> => {
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (isPlainObject(v) && Object.keys(v).length > 0) leaves(v, key, out);
    else out.set(key, v);
  }
  return out;
};

/**
 * The keys whose value differs between two trees, with every parent section ("editor" when
 * "editor.fontSize" changed) and, for a language override, both `[lang]` and the inner key —
 * what `affectsConfiguration` answers from.
 */
export const changedKeys = (before: Tree, after: Tree): string[] => {
  const a = leaves(before);
  const b = leaves(after);
  const out = new Set<string>();
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    if (JSON.stringify(a.get(key)) === JSON.stringify(b.get(key))) continue;
    const [first, ...rest] = key.split(".");
    const inner = first !== undefined && isOverrideKey(first) ? rest : [first!, ...rest];
    if (first !== undefined && isOverrideKey(first)) out.add(first);
    for (let i = 1; i <= inner.length; i++) out.add(inner.slice(0, i).join("."));
  }
  return [...out];
};

/** The default of a setting without one, by its type — VS Code's `getDefaultValue`. */
export const defaultForType = (type: unknown): unknown => {
  const t = Array.isArray(type) ? type[0] : type;
  switch (t) {
    case "boolean":
      return false;
    case "integer":
    case "number":
      return 0;
    case "string":
      return "";
    case "array":
      return [];
    case "object":
      return {};
    default:
      return null;
  }
};
