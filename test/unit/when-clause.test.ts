/** `when` clauses: VS Code's grammar (precedence, operators, quoting, regex) and its evaluation rules. */
import { describe, expect, it } from "vitest";
import {
  evaluateWhen,
  parseWhen,
  whenMatches,
  WhenParseError,
} from "../../src/renderer/src/workbench/keybindings/when.js";

const context: Record<string, unknown> = {
  editorTextFocus: true,
  editorLangId: "typescript",
  resourceExtname: ".ts",
  resourceFilename: "main.test.ts",
  count: 5,
  zero: 0,
  empty: "",
  list: ["a", "b"],
  map: { a: 1 },
  item: "a",
  other: "z",
  "ext.mode": "on",
};
const get = (key: string): unknown => context[key];
const when = (clause: string): boolean => evaluateWhen(parseWhen(clause), get);

describe("when clauses", () => {
  it("a bare key is truthy; '!' negates; true/false literals", () => {
    expect(when("editorTextFocus")).toBe(true);
    expect(when("!editorTextFocus")).toBe(false);
    expect(when("missingKey")).toBe(false);
    expect(when("!missingKey")).toBe(true);
    expect(when("zero")).toBe(false);
    expect(when("empty")).toBe(false);
    expect(when("true")).toBe(true);
    expect(when("false")).toBe(false);
    expect(when("!!editorTextFocus")).toBe(true);
  });

  it("&& binds tighter than ||; parentheses group; ! applies to a group", () => {
    expect(when("missingKey && editorTextFocus || editorTextFocus")).toBe(true);
    expect(when("missingKey && (editorTextFocus || editorTextFocus)")).toBe(false);
    expect(when("editorTextFocus || missingKey && false")).toBe(true);
    expect(when("!(editorTextFocus && missingKey)")).toBe(true);
    expect(parseWhen("a || b && c")).toEqual({
      kind: "or",
      exprs: [
        { kind: "has", key: "a" },
        {
          kind: "and",
          exprs: [
            { kind: "has", key: "b" },
            { kind: "has", key: "c" },
          ],
        },
      ],
    });
  });

  it("== and != compare loosely (VS Code's ==), with bare or quoted values; == true means truthy", () => {
    expect(when("editorLangId == typescript")).toBe(true);
    expect(when("editorLangId === typescript")).toBe(true);
    expect(when("editorLangId != typescript")).toBe(false);
    expect(when("editorLangId !== python")).toBe(true);
    expect(when("resourceExtname == .ts")).toBe(true);
    expect(when("resourceFilename == 'main.test.ts'")).toBe(true);
    expect(when("ext.mode == 'on' && count == 5")).toBe(true);
    expect(when("editorTextFocus == true")).toBe(true);
    expect(when("missingKey == false")).toBe(true);
    expect(when("missingKey != true")).toBe(true);
    expect(when("missingKey == undefined")).toBe(false);
  });

  it("=~ tests a regex with flags; an escaped slash stays inside", () => {
    expect(when("resourceFilename =~ /\\.test\\.ts$/")).toBe(true);
    expect(when("editorLangId =~ /^TYPE/i")).toBe(true);
    expect(when("editorLangId =~ /^TYPE/")).toBe(false);
    expect(when("resourceFilename =~ /a\\/b/")).toBe(false);
    expect(when("resourceFilename =~ /[/]x/ || editorTextFocus")).toBe(true);
  });

  it("< <= > >= compare numbers; a value that is not a number is false", () => {
    expect(when("count > 4")).toBe(true);
    expect(when("count >= 5")).toBe(true);
    expect(when("count < 5")).toBe(false);
    expect(when("count <= 5")).toBe(true);
    expect(when("missingKey > 1")).toBe(false);
    expect(when("count > abc")).toBe(false);
  });

  it("in / not in look a key's value up in another key's array or object", () => {
    expect(when("item in list")).toBe(true);
    expect(when("other in list")).toBe(false);
    expect(when("item in map")).toBe(true);
    expect(when("other not in list")).toBe(true);
    expect(when("item not in map")).toBe(false);
    expect(when("item in missingKey")).toBe(false);
  });

  it("bad clauses fail with a WhenParseError naming the place; whenMatches treats them as false", () => {
    for (const bad of ["a &&", "(a || b", "a == ", "a =~ /x", "a =~ 'x'", "&& a", "a b"]) {
      expect(() => parseWhen(bad), bad).toThrow(WhenParseError);
    }
    expect(() => parseWhen("a =~ /(/")).toThrow(/invalid regular expression/);
    expect(whenMatches("editorTextFocus &&", get)).toBe(false);
    expect(whenMatches(undefined, get)).toBe(true);
    expect(whenMatches("  ", get)).toBe(true);
  });
});
