/**
 * Semantic tokens re-encoded for Monaco as VS Code styles them: deprecated types aliased, the
 * modifier defaults (`variable.readonly`…) picked, unstyled tokens left to TextMate, deltas applied.
 */
import { describe, expect, it } from "vitest";
import {
  SemanticTokenResults,
  SemanticTokenStyler,
  applySemanticTokenEdits,
  styleKeyOf,
} from "../../src/renderer/src/workbench/editor/semantic-token-styles.js";
import {
  SEMANTIC_MONACO_LEGEND,
  applySemanticTheme,
  semanticRules,
} from "../../src/renderer/src/workbench/editor/semantic-colors.js";
import { BUILTIN_THEMES } from "../../src/renderer/src/workbench/theme/theme-data.js";

/** typescript-language-server's legend. */
const LEGEND = {
  tokenTypes: [
    "class",
    "enum",
    "interface",
    "namespace",
    "typeParameter",
    "type",
    "parameter",
    "variable",
    "enumMember",
    "property",
    "function",
    "member",
  ],
  tokenModifiers: ["declaration", "static", "async", "readonly", "defaultLibrary", "local"],
};
const type = (name: string) => LEGEND.tokenTypes.indexOf(name);
const mods = (...names: string[]) => names.reduce((bits, n) => bits | (1 << LEGEND.tokenModifiers.indexOf(n)), 0);
const keyName = (index: number) => SEMANTIC_MONACO_LEGEND.tokenTypes[index]!.replace(/^semantic\./, "");

describe("semantic token styles", () => {
  it("picks the most specific style key the modifiers allow, aliasing member to method", () => {
    expect(styleKeyOf("variable", new Set())).toBe("variable");
    expect(styleKeyOf("variable", new Set(["declaration", "readonly"]))).toBe("variable.readonly");
    expect(styleKeyOf("variable", new Set(["readonly", "defaultLibrary"]))).toBe("variable.defaultLibrary.readonly");
    expect(styleKeyOf("member", new Set())).toBe("method");
    expect(styleKeyOf("member", new Set(["defaultLibrary"]))).toBe("method.defaultLibrary");
    expect(styleKeyOf("madeUpType", new Set(["readonly"]))).toBeUndefined();
  });

  it("re-encodes positions around dropped tokens and clears the modifiers", () => {
    const styler = new SemanticTokenStyler({ ...LEGEND, tokenTypes: [...LEGEND.tokenTypes, "madeUpType"] });
    // line 0 col 6 `counter` (const decl), line 0 col 20 unknown type, line 0 col 30 `Counter` class, line 2 col 4 `log` member.
    const data = [
      ...[0, 6, 7, type("variable"), mods("declaration", "readonly")],
      ...[0, 14, 3, LEGEND.tokenTypes.length, 0],
      ...[0, 10, 7, type("class"), 0],
      ...[2, 4, 3, type("member"), mods("defaultLibrary")],
    ];
    const out = [...styler.restyle(data)];
    expect(out).toHaveLength(15);
    // The class keeps its absolute column 30 though the token before it is gone: 30 - 6 = 24.
    expect(out.slice(5, 8)).toEqual([0, 24, 7]);
    expect(out.slice(10, 13)).toEqual([2, 4, 3]);
    expect([out[3], out[8], out[13]].map((i) => keyName(i!))).toEqual([
      "variable.readonly",
      "class",
      "method.defaultLibrary",
    ]);
    expect([out[4], out[9], out[14]]).toEqual([0, 0, 0]);
  });

  it("applies a delta to the kept tokens and answers Monaco with full tokens", () => {
    const results = new SemanticTokenResults(new SemanticTokenStyler(LEGEND));
    const full = [0, 0, 3, type("class"), 0, 1, 2, 5, type("function"), 0];
    expect(results.previousResultId("a", null)).toBeUndefined();
    expect([...results.accept("a", { type: "full", resultId: "1", data: full })!.data]).toHaveLength(10);
    expect(results.previousResultId("a", "1")).toBe("1");
    expect(results.previousResultId("a", "0")).toBeUndefined();
    // The second token becomes a parameter.
    const next = results.accept("a", {
      type: "delta",
      resultId: "2",
      edits: [{ start: 8, deleteCount: 1, data: [type("parameter")] }],
    })!;
    expect(next.resultId).toBe("2");
    expect(keyName(next.data[8]!)).toBe("parameter");
    expect(keyName(next.data[3]!)).toBe("class");
    // A delta for a document whose tokens are not kept cannot be applied.
    expect(results.accept("b", { type: "delta", edits: [] })).toBeNull();
    expect(
      applySemanticTokenEdits(
        [1, 2, 3, 4],
        [
          { start: 3, deleteCount: 1 },
          { start: 0, deleteCount: 1, data: [9, 9] },
        ],
      ),
    ).toEqual([9, 9, 2, 3]);
  });

  it("leaves tokens of a type the theme does not colour to TextMate", () => {
    const highContrast = BUILTIN_THEMES[2]!;
    const rules = applySemanticTheme(highContrast);
    const styled = new Set(rules.map((r) => r.token.replace(/^semantic\./, "")));
    // High Contrast colours no namespace scope: the token is dropped, not painted the plain foreground.
    expect(styled.has("namespace")).toBe(false);
    const styler = new SemanticTokenStyler(LEGEND);
    expect([...styler.restyle([0, 0, 3, type("namespace"), 0, 0, 4, 3, type("class"), 0])]).toEqual([
      0,
      4,
      3,
      SEMANTIC_MONACO_LEGEND.tokenTypes.indexOf("semantic.class"),
      0,
    ]);
    // A theme change is seen by the next restyle.
    applySemanticTheme(BUILTIN_THEMES[0]!);
    expect(styler.restyle([0, 0, 3, type("namespace"), 0])).toHaveLength(5);
  });

  it("readonly variables take the theme's constant colour", () => {
    const darkPlus = new Map(semanticRules(BUILTIN_THEMES[0]!).map((r) => [r.token, r.foreground?.toLowerCase()]));
    // Dark+: variable.other.constant #4FC1FF, variables #9CDCFE.
    expect(darkPlus.get("semantic.variable.readonly")).toBe("4fc1ff");
    expect(darkPlus.get("semantic.variable")).toBe("9cdcfe");
  });
});
