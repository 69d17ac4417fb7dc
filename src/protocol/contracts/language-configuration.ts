/**
 * `languages.setLanguageConfiguration` on the wire (VS Code's ILanguageConfigurationDto):
 * RegExps travel as source + flags. The host pushes the whole current set to every window —
 * on each change and when a window (re)binds — so a window never keeps one that was disposed
 * while it was disconnected.
 */
import { Schema } from "effect";
import { notification } from "../rpc-contract.js";

export const RegExpDto = Schema.Struct({ source: Schema.String, flags: Schema.String });
export type RegExpDto = typeof RegExpDto.Type;

const CharacterPair = Schema.Tuple([Schema.String, Schema.String]);

export const OnEnterRuleDto = Schema.Struct({
  beforeText: RegExpDto,
  afterText: Schema.optionalKey(RegExpDto),
  previousLineText: Schema.optionalKey(RegExpDto),
  action: Schema.Struct({
    /** `vscode.IndentAction` (None, Indent, IndentOutdent, Outdent): Monaco's values too. */
    indentAction: Schema.Literals([0, 1, 2, 3]),
    appendText: Schema.optionalKey(Schema.String),
    removeText: Schema.optionalKey(Schema.Int),
  }),
});
export type OnEnterRuleDto = typeof OnEnterRuleDto.Type;

export const LanguageConfigurationDto = Schema.Struct({
  comments: Schema.optionalKey(
    Schema.Struct({
      lineComment: Schema.optionalKey(Schema.String),
      blockComment: Schema.optionalKey(CharacterPair),
    }),
  ),
  brackets: Schema.optionalKey(Schema.Array(CharacterPair)),
  wordPattern: Schema.optionalKey(RegExpDto),
  indentationRules: Schema.optionalKey(
    Schema.Struct({
      decreaseIndentPattern: RegExpDto,
      increaseIndentPattern: RegExpDto,
      indentNextLinePattern: Schema.optionalKey(RegExpDto),
      unIndentedLinePattern: Schema.optionalKey(RegExpDto),
    }),
  ),
  onEnterRules: Schema.optionalKey(Schema.Array(OnEnterRuleDto)),
  autoClosingPairs: Schema.optionalKey(
    Schema.Array(
      Schema.Struct({
        open: Schema.String,
        close: Schema.String,
        /** Monaco's token kinds: "string", "comment", "regex". */
        notIn: Schema.optionalKey(Schema.Array(Schema.String)),
      }),
    ),
  ),
});
export type LanguageConfigurationDto = typeof LanguageConfigurationDto.Type;

export const LanguageConfigurationEntry = Schema.Struct({
  /** Registration order: later ones win where they overlap, as in VS Code. */
  handle: Schema.Int,
  languageId: Schema.String,
  configuration: LanguageConfigurationDto,
});
export type LanguageConfigurationEntry = typeof LanguageConfigurationEntry.Type;

export const WorkbenchLanguageConfigurationContract = {
  /** Every configuration extensions set and have not disposed, oldest first. */
  languageConfigurationsChanged: notification("workbench.languages.languageConfigurationsChanged", {
    payload: Schema.Struct({ configurations: Schema.Array(LanguageConfigurationEntry) }),
  }),
} as const;
