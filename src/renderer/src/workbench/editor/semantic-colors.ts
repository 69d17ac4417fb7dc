/**
 * Semantic tokens coloured by the theme. Monaco's standalone theme looks a semantic token up
 * as a token name (`<type>.<modifier>…`); themes here are TextMate themes. So, as VS Code does
 * for themes without `semanticTokenColors`, each standard token type — and the type+modifier
 * combinations VS Code styles by default, such as `variable.readonly` — maps to TextMate scopes
 * (VS Code's tokenClassificationRegistry defaults), and the theme gets one rule per style key
 * (`semantic.<key>`) with the colour its tokenColors give the first matching scope.
 */
import type { ThemeDefinition } from "../theme/theme-data.js";
import type { monaco } from "./monaco.js";

const SCOPES: Readonly<Record<string, readonly string[]>> = {
  comment: ["comment"],
  string: ["string"],
  keyword: ["keyword.control", "keyword"],
  number: ["constant.numeric"],
  regexp: ["constant.regexp"],
  operator: ["keyword.operator"],
  namespace: ["entity.name.namespace"],
  type: ["entity.name.type", "support.type"],
  struct: ["entity.name.type.struct", "storage.type.struct"],
  class: ["entity.name.type.class", "support.class"],
  interface: ["entity.name.type.interface"],
  enum: ["entity.name.type.enum"],
  typeParameter: ["entity.name.type.parameter"],
  function: ["entity.name.function", "support.function"],
  method: ["entity.name.function.member", "support.function"],
  decorator: ["entity.name.decorator", "entity.name.function"],
  macro: ["entity.name.function.preprocessor"],
  variable: ["variable.other.readwrite", "entity.name.variable", "variable"],
  parameter: ["variable.parameter"],
  property: ["variable.other.property"],
  enumMember: ["variable.other.enummember"],
  event: ["variable.other.event"],
  label: ["entity.name.label"],
  // Modifier defaults (tokenClassificationRegistry's registerTokenStyleDefault).
  "variable.readonly": ["variable.other.constant"],
  "variable.defaultLibrary": ["support.variable", "support.other.variable"],
  "variable.defaultLibrary.readonly": ["support.constant"],
  "property.readonly": ["variable.other.constant.property"],
  "property.defaultLibrary": ["support.variable.property"],
  "property.defaultLibrary.readonly": ["support.constant.property"],
  "function.defaultLibrary": ["support.function"],
  "method.defaultLibrary": ["support.function"],
  "class.defaultLibrary": ["support.class"],
  "interface.defaultLibrary": ["support.class"],
  "type.defaultLibrary": ["support.type"],
};

/** Every style key the theme gets a rule for; a token is coloured by one of these or not at all. */
export const SEMANTIC_STYLE_KEYS: readonly string[] = Object.keys(SCOPES);

const PREFIX = "semantic";

/**
 * The legend Monaco gets: one token type per style key, prefixed so only our rules colour them,
 * and no modifiers (they are folded into the key: see semantic-token-styles.ts).
 */
export const SEMANTIC_MONACO_LEGEND: monaco.languages.SemanticTokensLegend = {
  tokenTypes: SEMANTIC_STYLE_KEYS.map((key) => `${PREFIX}.${key}`),
  tokenModifiers: [],
};

/** A TextMate selector matches a scope when it equals it or is a dotted prefix of it. */
const matches = (selector: string, scope: string): boolean => scope === selector || scope.startsWith(`${selector}.`);

const colorOf = (theme: ThemeDefinition, scope: string): { foreground?: string; fontStyle?: string } | undefined => {
  let best: { length: number; settings: { foreground?: string; fontStyle?: string } } | undefined;
  for (const rule of theme.tokenColors) {
    const selectors = typeof rule.scope === "string" ? rule.scope.split(",") : (rule.scope ?? []);
    for (const raw of selectors) {
      const selector = raw.trim();
      // Only plain selectors: descendant selectors ("a b") describe nesting a lone token lacks.
      if (!selector || selector.includes(" ") || !matches(selector, scope)) continue;
      if (!best || selector.length >= best.length) best = { length: selector.length, settings: rule.settings };
    }
  }
  return best?.settings;
};

/** Monaco rules take RRGGBB: #rgb is expanded, an alpha dropped. */
const hex6 = (color: string): string => {
  const h = color.replace(/^#/, "");
  return h.length === 3 || h.length === 4 ? [...h.slice(0, 3)].map((c) => c + c).join("") : h.slice(0, 6);
};

/**
 * Monaco theme rules for the style keys, from the theme's TextMate colours. A key with modifiers
 * whose scopes the theme does not colour takes its type's colour (VS Code falls back the same way).
 */
export const semanticRules = (theme: ThemeDefinition): monaco.editor.ITokenThemeRule[] =>
  Object.entries(SCOPES).flatMap(([key, own]) => {
    const type = key.split(".")[0]!;
    const scopes = type === key ? own : [...own, ...(SCOPES[type] ?? [])];
    for (const scope of scopes) {
      const settings = colorOf(theme, scope);
      if (settings?.foreground) {
        return [
          {
            token: `${PREFIX}.${key}`,
            foreground: hex6(settings.foreground),
            ...(settings.fontStyle !== undefined ? { fontStyle: settings.fontStyle } : {}),
          },
        ];
      }
    }
    return [];
  });

/** The style keys the current theme colours (all, until a theme is applied). */
let styledKeys: ReadonlySet<string> = new Set(SEMANTIC_STYLE_KEYS);

/**
 * `semanticRules` for the theme being applied, remembering which keys it colours: a token whose
 * key the theme does not colour is left to TextMate (semantic-token-styles.ts), as in VS Code.
 */
export const applySemanticTheme = (theme: ThemeDefinition): monaco.editor.ITokenThemeRule[] => {
  const rules = semanticRules(theme);
  styledKeys = new Set(rules.map((r) => r.token.slice(PREFIX.length + 1)));
  return rules;
};

export const currentStyledKeys = (): ReadonlySet<string> => styledKeys;
