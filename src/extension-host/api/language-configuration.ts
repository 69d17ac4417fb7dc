/**
 * `languages.setLanguageConfiguration` (VS Code's ExtHostLanguageFeatures.setLanguageConfiguration):
 * checks the configuration, turns its RegExps into source + flags and its enums into what Monaco
 * takes, and registers it for every window (services/language-configurations.ts).
 */
import type {
  LanguageConfigurationDto,
  OnEnterRuleDto,
  RegExpDto,
} from "../../protocol/contracts/language-configuration.js";
import type { LanguageConfigurationsService } from "../services/language-configurations.js";
import { Disposable } from "./types.js";
import { IndentAction, SyntaxTokenType } from "./enums.generated.js";

const API = "vscode.languages.setLanguageConfiguration";
const illegal = (what: string): Error => new TypeError(`${API}: ${what}`);

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null;
const isPair = (v: unknown): v is [string, string] =>
  Array.isArray(v) && v.length === 2 && typeof v[0] === "string" && typeof v[1] === "string";

/** VS Code's regExpLeadsToEndlessLoop: a word pattern that matches the empty string never advances. */
export const matchesEmpty = (r: RegExp): boolean => {
  if (["^", "^$", "$", "^\\s*$"].includes(r.source)) return false;
  const probe = new RegExp(r.source, r.flags);
  const match = probe.exec("");
  return match !== null && probe.lastIndex === 0;
};

const regex = (v: unknown, what: string): RegExpDto => {
  if (!(v instanceof RegExp)) throw illegal(`${what} must be a RegExp`);
  return { source: v.source, flags: v.flags };
};
const optionalRegex = (v: unknown, what: string): RegExpDto | undefined =>
  v === undefined ? undefined : regex(v, what);

const NOT_IN: Readonly<Record<number, string>> = {
  [SyntaxTokenType.Comment]: "comment",
  [SyntaxTokenType.String]: "string",
  [SyntaxTokenType.RegEx]: "regex",
};

const onEnterRule = (rule: unknown, i: number): OnEnterRuleDto => {
  if (!isObj(rule) || !isObj(rule["action"])) throw illegal(`onEnterRules[${i}] must have beforeText and an action`);
  const action = rule["action"];
  const indentAction = action["indentAction"];
  if (
    indentAction !== IndentAction.None &&
    indentAction !== IndentAction.Indent &&
    indentAction !== IndentAction.IndentOutdent &&
    indentAction !== IndentAction.Outdent
  )
    throw illegal(`onEnterRules[${i}].action.indentAction must be a vscode.IndentAction`);
  const afterText = optionalRegex(rule["afterText"], `onEnterRules[${i}].afterText`);
  const previousLineText = optionalRegex(rule["previousLineText"], `onEnterRules[${i}].previousLineText`);
  const appendText = action["appendText"];
  const removeText = action["removeText"];
  if (appendText !== undefined && typeof appendText !== "string")
    throw illegal(`onEnterRules[${i}].action.appendText must be a string`);
  if (removeText !== undefined && (typeof removeText !== "number" || !Number.isInteger(removeText)))
    throw illegal(`onEnterRules[${i}].action.removeText must be an integer`);
  return {
    beforeText: regex(rule["beforeText"], `onEnterRules[${i}].beforeText`),
    ...(afterText ? { afterText } : {}),
    ...(previousLineText ? { previousLineText } : {}),
    action: {
      indentAction,
      ...(appendText !== undefined ? { appendText } : {}),
      ...(removeText !== undefined ? { removeText } : {}),
    },
  };
};

/** The configuration as it travels; throws a TypeError naming the field that does not fit. */
export const languageConfigurationDto = (c: unknown): LanguageConfigurationDto => {
  if (!isObj(c)) throw illegal("configuration must be an object");
  const dto: {
    -readonly [K in keyof LanguageConfigurationDto]: LanguageConfigurationDto[K];
  } = {};
  const comments = c["comments"];
  if (comments !== undefined) {
    if (!isObj(comments)) throw illegal("comments must be an object");
    const line = comments["lineComment"];
    const block = comments["blockComment"];
    if (line !== undefined && typeof line !== "string") throw illegal("comments.lineComment must be a string");
    if (block !== undefined && !isPair(block)) throw illegal("comments.blockComment must be a pair of strings");
    dto.comments = {
      ...(line !== undefined ? { lineComment: line } : {}),
      ...(block !== undefined ? { blockComment: block } : {}),
    };
  }
  const brackets = c["brackets"];
  if (brackets !== undefined) {
    if (!Array.isArray(brackets) || !brackets.every(isPair)) throw illegal("brackets must be pairs of strings");
    dto.brackets = brackets;
  }
  if (c["wordPattern"] !== undefined) {
    const pattern = c["wordPattern"];
    if (pattern instanceof RegExp && matchesEmpty(pattern))
      throw new Error(
        `Invalid language configuration: wordPattern '${String(pattern)}' is not allowed to match the empty string.`,
      );
    dto.wordPattern = regex(pattern, "wordPattern");
  }
  const indentation = c["indentationRules"];
  if (indentation !== undefined) {
    if (!isObj(indentation)) throw illegal("indentationRules must be an object");
    const next = optionalRegex(indentation["indentNextLinePattern"], "indentationRules.indentNextLinePattern");
    const unindented = optionalRegex(indentation["unIndentedLinePattern"], "indentationRules.unIndentedLinePattern");
    dto.indentationRules = {
      decreaseIndentPattern: regex(indentation["decreaseIndentPattern"], "indentationRules.decreaseIndentPattern"),
      increaseIndentPattern: regex(indentation["increaseIndentPattern"], "indentationRules.increaseIndentPattern"),
      ...(next ? { indentNextLinePattern: next } : {}),
      ...(unindented ? { unIndentedLinePattern: unindented } : {}),
    };
  }
  const onEnter = c["onEnterRules"];
  if (onEnter !== undefined) {
    if (!Array.isArray(onEnter)) throw illegal("onEnterRules must be an array");
    dto.onEnterRules = onEnter.map(onEnterRule);
  }
  const pairs = c["autoClosingPairs"];
  if (pairs !== undefined) {
    if (!Array.isArray(pairs)) throw illegal("autoClosingPairs must be an array");
    dto.autoClosingPairs = pairs.map((p: unknown, i) => {
      if (!isObj(p) || typeof p["open"] !== "string" || typeof p["close"] !== "string")
        throw illegal(`autoClosingPairs[${i}] must have open and close strings`);
      const notIn = p["notIn"];
      if (notIn !== undefined && !Array.isArray(notIn))
        throw illegal(`autoClosingPairs[${i}].notIn must be an array of vscode.SyntaxTokenType`);
      // SyntaxTokenType.Other never excludes anything.
      const kinds = (notIn ?? []).flatMap((t: unknown) => (typeof t === "number" && NOT_IN[t] ? [NOT_IN[t]] : []));
      return { open: p["open"], close: p["close"], ...(kinds.length > 0 ? { notIn: kinds } : {}) };
    });
  }
  return dto;
};

export const createSetLanguageConfiguration =
  (service: LanguageConfigurationsService, track: <T extends { dispose(): unknown }>(d: T) => T) =>
  (language: unknown, configuration: unknown): Disposable => {
    if (typeof language !== "string" || language.length === 0) throw illegal("language must be a non-empty string");
    return track(new Disposable(service.set(language, languageConfigurationDto(configuration))));
  };
