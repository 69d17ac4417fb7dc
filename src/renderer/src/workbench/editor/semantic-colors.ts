/**
 * Semantic tokens coloured by the theme. Monaco's standalone theme looks a semantic token up
 * as a token name (`<type>.<modifier>…`); themes here are TextMate themes. So, as VS Code does
 * for themes without `semanticTokenColors`, each standard token type maps to TextMate scopes
 * (VS Code's tokenClassificationRegistry defaults), and the theme gets one rule per type
 * (`semantic.<type>`) with the colour its tokenColors give the first matching scope.
 */
import type { SemanticTokensLegendDto } from "../../../../protocol/language-features.js";
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
};

const PREFIX = "semantic";

/** The legend Monaco gets: type names prefixed so only our rules colour them. */
export const semanticLegendForMonaco = (legend: SemanticTokensLegendDto): monaco.languages.SemanticTokensLegend => ({
  tokenTypes: legend.tokenTypes.map((t) => `${PREFIX}.${t}`),
  tokenModifiers: [...legend.tokenModifiers],
});

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

/** Monaco theme rules for the standard token types, from the theme's TextMate colours. */
export const semanticRules = (theme: ThemeDefinition): monaco.editor.ITokenThemeRule[] =>
  Object.entries(SCOPES).flatMap(([type, scopes]) => {
    for (const scope of scopes) {
      const settings = colorOf(theme, scope);
      if (settings?.foreground) {
        return [
          {
            token: `${PREFIX}.${type}`,
            foreground: hex6(settings.foreground),
            ...(settings.fontStyle !== undefined ? { fontStyle: settings.fontStyle } : {}),
          },
        ];
      }
    }
    return [];
  });
