/** The VS Code-style `package.json` of an extension, validated before anything runs. */
import { Schema } from "effect";

const CommandContribution = Schema.Struct({
  command: Schema.String,
  title: Schema.String,
  category: Schema.optionalKey(Schema.String),
  /** `$(codicon)`, a path, or `{ light, dark }` paths. */
  icon: Schema.optionalKey(Schema.Union([Schema.String, Schema.Struct({ light: Schema.String, dark: Schema.String })])),
  /** A `when` clause: the command is disabled (not run, greyed in menus) while it is false. */
  enablement: Schema.optionalKey(Schema.String),
});

const ConfigurationProperty = Schema.Struct({
  type: Schema.optionalKey(Schema.Union([Schema.String, Schema.Array(Schema.String)])),
  default: Schema.optionalKey(Schema.Unknown),
  description: Schema.optionalKey(Schema.String),
  markdownDescription: Schema.optionalKey(Schema.String),
  enum: Schema.optionalKey(Schema.Array(Schema.Unknown)),
  enumDescriptions: Schema.optionalKey(Schema.Array(Schema.String)),
  markdownEnumDescriptions: Schema.optionalKey(Schema.Array(Schema.String)),
  scope: Schema.optionalKey(Schema.String),
  order: Schema.optionalKey(Schema.Number),
});

/** `contributes.keybindings`: `key` (or a platform's own) and the command it runs. */
const KeybindingContribution = Schema.Struct({
  command: Schema.String,
  key: Schema.optionalKey(Schema.String),
  mac: Schema.optionalKey(Schema.String),
  linux: Schema.optionalKey(Schema.String),
  win: Schema.optionalKey(Schema.String),
  when: Schema.optionalKey(Schema.String),
  args: Schema.optionalKey(Schema.Unknown),
});

const MenuItemContribution = Schema.Struct({
  command: Schema.optionalKey(Schema.String),
  submenu: Schema.optionalKey(Schema.String),
  when: Schema.optionalKey(Schema.String),
  group: Schema.optionalKey(Schema.String),
  /** Checked by menu-contributions: a non-string `alt` is reported there, the entry kept. */
  alt: Schema.optionalKey(Schema.Unknown),
});

/** `contributes.submenus`: a menu of its own, filled by `contributes.menus["<id>"]`. */
const SubmenuContribution = Schema.Struct({
  id: Schema.String,
  label: Schema.String,
  icon: Schema.optionalKey(Schema.Union([Schema.String, Schema.Struct({ light: Schema.String, dark: Schema.String })])),
});

const ConfigurationContribution = Schema.Struct({
  title: Schema.optionalKey(Schema.String),
  properties: Schema.optionalKey(Schema.Record(Schema.String, ConfigurationProperty)),
});

/** `contributes.languages`, `.grammars`, `.themes`: paths are relative to the extension folder. */
const LanguageContribution = Schema.Struct({
  id: Schema.String,
  extensions: Schema.optionalKey(Schema.Array(Schema.String)),
  filenames: Schema.optionalKey(Schema.Array(Schema.String)),
  aliases: Schema.optionalKey(Schema.Array(Schema.String)),
  configuration: Schema.optionalKey(Schema.String),
});

const GrammarContribution = Schema.Struct({
  language: Schema.optionalKey(Schema.String),
  scopeName: Schema.String,
  path: Schema.String,
  embeddedLanguages: Schema.optionalKey(Schema.Record(Schema.String, Schema.String)),
});

const ThemeContribution = Schema.Struct({
  id: Schema.optionalKey(Schema.String),
  label: Schema.String,
  uiTheme: Schema.Literals(["vs", "vs-dark", "hc-black", "hc-light"]),
  path: Schema.String,
});

/** `contributes.viewsContainers`, `.views`, `.viewsWelcome` (services/view-contributions.ts). */
const ViewContainerContribution = Schema.Struct({
  id: Schema.String,
  title: Schema.String,
  icon: Schema.optionalKey(Schema.String),
});
const ViewContribution = Schema.Struct({
  id: Schema.String,
  name: Schema.String,
  when: Schema.optionalKey(Schema.String),
  type: Schema.optionalKey(Schema.String),
});
const ViewWelcomeContribution = Schema.Struct({
  view: Schema.String,
  contents: Schema.String,
  when: Schema.optionalKey(Schema.String),
});

/** npm-style names: lower case, digits, `-`, `.`, `_`. */
const Name = Schema.String.check(Schema.isPattern(/^[a-z0-9][a-z0-9._-]*$/));

export const ExtensionManifest = Schema.Struct({
  name: Name,
  publisher: Name,
  version: Schema.String,
  displayName: Schema.optionalKey(Schema.String),
  description: Schema.optionalKey(Schema.String),
  main: Schema.optionalKey(Schema.String),
  engines: Schema.Struct({ vscode: Schema.String }),
  activationEvents: Schema.optionalKey(Schema.Array(Schema.String)),
  contributes: Schema.optionalKey(
    Schema.Struct({
      commands: Schema.optionalKey(Schema.Array(CommandContribution)),
      configuration: Schema.optionalKey(
        Schema.Union([ConfigurationContribution, Schema.Array(ConfigurationContribution)]),
      ),
      languages: Schema.optionalKey(Schema.Array(LanguageContribution)),
      grammars: Schema.optionalKey(Schema.Array(GrammarContribution)),
      themes: Schema.optionalKey(Schema.Array(ThemeContribution)),
      keybindings: Schema.optionalKey(Schema.Union([KeybindingContribution, Schema.Array(KeybindingContribution)])),
      menus: Schema.optionalKey(Schema.Record(Schema.String, Schema.Array(MenuItemContribution))),
      submenus: Schema.optionalKey(Schema.Array(SubmenuContribution)),
      viewsContainers: Schema.optionalKey(
        Schema.Struct({ activitybar: Schema.optionalKey(Schema.Array(ViewContainerContribution)) }),
      ),
      views: Schema.optionalKey(Schema.Record(Schema.String, Schema.Array(ViewContribution))),
      viewsWelcome: Schema.optionalKey(Schema.Array(ViewWelcomeContribution)),
    }),
  ),
});
export type ExtensionManifest = typeof ExtensionManifest.Type;

export const decodeManifest = Schema.decodeUnknownResult(ExtensionManifest);
