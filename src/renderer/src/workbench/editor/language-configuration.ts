/**
 * VS Code's language-configuration.json → Monaco's LanguageConfiguration. The JSON comes from
 * extensions, so every field is checked; what does not fit (a bad regex, say) is dropped.
 */
import type { monaco } from "./monaco.js";

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const isPair = (v: unknown): v is [string, string] =>
  Array.isArray(v) && v.length === 2 && typeof v[0] === "string" && typeof v[1] === "string";

/** A regex as VS Code writes it: a string, or `{ pattern, flags }`. */
const regex = (v: unknown): RegExp | undefined => {
  try {
    if (typeof v === "string") return new RegExp(v);
    if (isObject(v) && typeof v["pattern"] === "string") {
      return new RegExp(v["pattern"], typeof v["flags"] === "string" ? v["flags"] : undefined);
    }
  } catch {
    // An invalid pattern is ignored, like VS Code does.
  }
  return undefined;
};

const autoClosingPairs = (v: unknown): monaco.languages.IAutoClosingPairConditional[] | undefined => {
  if (!Array.isArray(v)) return undefined;
  return v.flatMap((p): monaco.languages.IAutoClosingPairConditional[] => {
    if (isPair(p)) return [{ open: p[0], close: p[1] }];
    if (isObject(p) && typeof p["open"] === "string" && typeof p["close"] === "string") {
      const notIn = Array.isArray(p["notIn"])
        ? p["notIn"].filter((x): x is string => typeof x === "string")
        : undefined;
      return [{ open: p["open"], close: p["close"], ...(notIn ? { notIn } : {}) }];
    }
    return [];
  });
};

/** language-configuration.json names the indent action as a string (VS Code's `indent` field). */
const INDENT_ACTIONS: Readonly<Record<string, number>> = { none: 0, indent: 1, indentOutdent: 2, outdent: 3 };

const onEnterRule = (v: unknown): monaco.languages.OnEnterRule[] => {
  if (!isObject(v) || !isObject(v["action"])) return [];
  const beforeText = regex(v["beforeText"]);
  const action = v["action"];
  const indentAction = typeof action["indent"] === "string" ? INDENT_ACTIONS[action["indent"]] : undefined;
  if (!beforeText || indentAction === undefined) return [];
  const afterText = regex(v["afterText"]);
  const previousLineText = regex(v["previousLineText"]);
  return [
    {
      beforeText,
      ...(afterText ? { afterText } : {}),
      ...(previousLineText ? { previousLineText } : {}),
      action: {
        indentAction: indentAction as monaco.languages.IndentAction,
        ...(typeof action["appendText"] === "string" ? { appendText: action["appendText"] } : {}),
        ...(typeof action["removeText"] === "number" ? { removeText: action["removeText"] } : {}),
      },
    },
  ];
};

export const toLanguageConfiguration = (json: Json): monaco.languages.LanguageConfiguration => {
  const config: monaco.languages.LanguageConfiguration = {};
  const comments = json["comments"];
  if (isObject(comments)) {
    config.comments = {
      ...(typeof comments["lineComment"] === "string" ? { lineComment: comments["lineComment"] } : {}),
      ...(isPair(comments["blockComment"]) ? { blockComment: comments["blockComment"] } : {}),
    };
  }
  if (Array.isArray(json["brackets"])) config.brackets = json["brackets"].filter(isPair);
  const closing = autoClosingPairs(json["autoClosingPairs"]);
  if (closing) config.autoClosingPairs = closing;
  const surrounding = autoClosingPairs(json["surroundingPairs"]);
  if (surrounding) config.surroundingPairs = surrounding;
  const wordPattern = regex(json["wordPattern"]);
  if (wordPattern) config.wordPattern = wordPattern;
  const indentation = json["indentationRules"];
  if (isObject(indentation)) {
    const increase = regex(indentation["increaseIndentPattern"]);
    const decrease = regex(indentation["decreaseIndentPattern"]);
    const next = regex(indentation["indentNextLinePattern"]);
    const unindented = regex(indentation["unIndentedLinePattern"]);
    if (increase && decrease)
      config.indentationRules = {
        increaseIndentPattern: increase,
        decreaseIndentPattern: decrease,
        ...(next ? { indentNextLinePattern: next } : {}),
        ...(unindented ? { unIndentedLinePattern: unindented } : {}),
      };
  }
  if (Array.isArray(json["onEnterRules"])) config.onEnterRules = json["onEnterRules"].flatMap(onEnterRule);
  const folding = json["folding"];
  if (isObject(folding)) {
    const markers = folding["markers"];
    const start = isObject(markers) ? regex(markers["start"]) : undefined;
    const end = isObject(markers) ? regex(markers["end"]) : undefined;
    config.folding = {
      ...(typeof folding["offSide"] === "boolean" ? { offSide: folding["offSide"] } : {}),
      ...(start && end ? { markers: { start, end } } : {}),
    };
  }
  return config;
};
