/**
 * Extensions' `languages.setLanguageConfiguration` in this window: each configuration is
 * registered with Monaco's `setLanguageConfiguration` after the contributed
 * language-configuration.json files, so it wins where both set a field (VS Code registers API
 * configurations with a higher priority than contributed ones).
 */
import type {
  LanguageConfigurationDto,
  LanguageConfigurationEntry,
  OnEnterRuleDto,
  RegExpDto,
  WorkbenchLanguageConfigurationContract,
} from "../../../../protocol/contracts/language-configuration.js";
import type { Implementation } from "../../../../protocol/rpc-contract.js";
import { ensureLanguage } from "../documents.js";
import { monaco } from "./monaco.js";

const regex = (r: RegExpDto): RegExp | undefined => {
  try {
    return new RegExp(r.source, r.flags);
  } catch {
    return undefined; // a pattern this engine cannot compile is dropped, not fatal
  }
};

const onEnterRule = (r: OnEnterRuleDto): monaco.languages.OnEnterRule | undefined => {
  const beforeText = regex(r.beforeText);
  if (!beforeText) return undefined;
  const afterText = r.afterText && regex(r.afterText);
  const previousLineText = r.previousLineText && regex(r.previousLineText);
  return {
    beforeText,
    ...(afterText ? { afterText } : {}),
    ...(previousLineText ? { previousLineText } : {}),
    action: {
      // vscode.IndentAction and Monaco's IndentAction share their values.
      indentAction: r.action.indentAction as monaco.languages.IndentAction,
      ...(r.action.appendText !== undefined ? { appendText: r.action.appendText } : {}),
      ...(r.action.removeText !== undefined ? { removeText: r.action.removeText } : {}),
    },
  };
};

export const toMonacoLanguageConfiguration = (c: LanguageConfigurationDto): monaco.languages.LanguageConfiguration => {
  const out: monaco.languages.LanguageConfiguration = {};
  if (c.comments) {
    out.comments = {
      ...(c.comments.lineComment !== undefined ? { lineComment: c.comments.lineComment } : {}),
      ...(c.comments.blockComment ? { blockComment: [...c.comments.blockComment] } : {}),
    };
  }
  if (c.brackets) out.brackets = c.brackets.map(([open, close]) => [open, close]);
  const wordPattern = c.wordPattern && regex(c.wordPattern);
  if (wordPattern) out.wordPattern = wordPattern;
  if (c.indentationRules) {
    const r = c.indentationRules;
    const increase = regex(r.increaseIndentPattern);
    const decrease = regex(r.decreaseIndentPattern);
    const next = r.indentNextLinePattern && regex(r.indentNextLinePattern);
    const unindented = r.unIndentedLinePattern && regex(r.unIndentedLinePattern);
    if (increase && decrease) {
      out.indentationRules = {
        increaseIndentPattern: increase,
        decreaseIndentPattern: decrease,
        ...(next ? { indentNextLinePattern: next } : {}),
        ...(unindented ? { unIndentedLinePattern: unindented } : {}),
      };
    }
  }
  if (c.onEnterRules) out.onEnterRules = c.onEnterRules.flatMap((r) => onEnterRule(r) ?? []);
  if (c.autoClosingPairs) {
    out.autoClosingPairs = c.autoClosingPairs.map((p) => ({
      open: p.open,
      close: p.close,
      ...(p.notIn ? { notIn: [...p.notIn] } : {}),
    }));
  }
  return out;
};

export class ApiLanguageConfigurations {
  private entries: ReadonlyArray<LanguageConfigurationEntry> = [];
  private registered: monaco.IDisposable[] = [];

  handlers(): Implementation<typeof WorkbenchLanguageConfigurationContract> {
    return {
      languageConfigurationsChanged: ({ configurations }) => {
        this.entries = configurations;
        this.reapply();
      },
    };
  }

  /** After contributed configurations were (re)registered: ours go on top again. */
  reapply(): void {
    for (const d of this.registered) d.dispose();
    this.registered = [...this.entries]
      .sort((a, b) => a.handle - b.handle)
      .map((e) => {
        ensureLanguage(e.languageId);
        return monaco.languages.setLanguageConfiguration(e.languageId, toMonacoLanguageConfiguration(e.configuration));
      });
  }
}
