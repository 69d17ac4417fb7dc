/**
 * Settings, keybindings, menus and context keys between a window and the extension host
 * (VS Code's MainThreadConfiguration / ExtHostConfiguration + the contribution points the
 * workbench renders). The host owns the settings files; the window renders and edits them.
 */
import { Schema } from "effect";
import { NoPayload, notification, request } from "../rpc-contract.js";
import { UriString } from "../workbench.js";

/** Where a setting is written: VS Code's ConfigurationTarget, by name. */
export const SettingsTarget = Schema.Literals(["user", "workspace"]);
export type SettingsTarget = typeof SettingsTarget.Type;

/** One contributed (or built-in) setting as the Settings editor shows it. */
export const SettingDto = Schema.Struct({
  key: Schema.String,
  /** JSON Schema `type` (or the first of a union), "" when undeclared. */
  type: Schema.String,
  description: Schema.String,
  enum: Schema.optionalKey(Schema.Array(Schema.Unknown)),
  enumDescriptions: Schema.optionalKey(Schema.Array(Schema.String)),
  defaultValue: Schema.Unknown,
  /** Values the files hold (absent: not set there). */
  userValue: Schema.optionalKey(Schema.Unknown),
  workspaceValue: Schema.optionalKey(Schema.Unknown),
  scope: Schema.String,
  /** The `contributes.configuration` title, or the extension id. */
  category: Schema.String,
  source: Schema.String,
});
export type SettingDto = typeof SettingDto.Type;

export const SettingsSnapshot = Schema.Struct({
  settings: Schema.Array(SettingDto),
  userFile: UriString,
  /** null: no folder open, so no workspace settings. */
  workspaceFile: Schema.NullOr(UriString),
});
export type SettingsSnapshot = typeof SettingsSnapshot.Type;

/** A keybinding rule: an extension's `contributes.keybindings` entry or a user keybindings.json one. */
export const KeybindingRuleDto = Schema.Struct({
  /** "ctrl+k ctrl+s"; the platform variant already chosen. Empty for a removal without key. */
  key: Schema.String,
  /** "-command" removes the rules of `command`. */
  command: Schema.String,
  args: Schema.optionalKey(Schema.Unknown),
  when: Schema.optionalKey(Schema.String),
  /** "user" or the contributing extension's id. */
  source: Schema.String,
});
export type KeybindingRuleDto = typeof KeybindingRuleDto.Type;

export const MenuItemDto = Schema.Struct({
  command: Schema.String,
  /** The alternative command: shown and run instead while Alt (Option) is held. */
  alt: Schema.optionalKey(Schema.String),
  when: Schema.optionalKey(Schema.String),
  group: Schema.optionalKey(Schema.String),
  extensionId: Schema.String,
});
export type MenuItemDto = typeof MenuItemDto.Type;

/** A `{ "submenu": id }` entry of a menu: the submenu's own items are `menus[id]`. */
export const SubmenuItemDto = Schema.Struct({
  submenu: Schema.String,
  when: Schema.optionalKey(Schema.String),
  group: Schema.optionalKey(Schema.String),
  extensionId: Schema.String,
});
export type SubmenuItemDto = typeof SubmenuItemDto.Type;

/** `contributes.submenus`: its label and (`$(codicon)`) icon. */
export const SubmenuDto = Schema.Struct({
  id: Schema.String,
  label: Schema.String,
  icon: Schema.optionalKey(Schema.String),
});
export type SubmenuDto = typeof SubmenuDto.Type;

/** What contributed commands carry beyond their title (menus need icons, enablement). */
export const CommandPresentationDto = Schema.Struct({
  id: Schema.String,
  title: Schema.String,
  category: Schema.optionalKey(Schema.String),
  /** `$(codicon)` or a path: only codicons are shown. */
  icon: Schema.optionalKey(Schema.String),
  enablement: Schema.optionalKey(Schema.String),
});
export type CommandPresentationDto = typeof CommandPresentationDto.Type;

export const KeybindingsAndMenus = Schema.Struct({
  keybindings: Schema.Array(KeybindingRuleDto),
  userKeybindingsFile: UriString,
  /** menu id (`commandPalette`, `editor/context`, `editor/title`, `view/title`) → items */
  menus: Schema.Record(Schema.String, Schema.Array(MenuItemDto)),
  commands: Schema.Array(CommandPresentationDto),
  /** menu id → its submenu entries (only those naming a contributed submenu) */
  submenuItems: Schema.Record(Schema.String, Schema.Array(SubmenuItemDto)),
  submenus: Schema.Array(SubmenuDto),
});
export type KeybindingsAndMenus = typeof KeybindingsAndMenus.Type;

/** A write the settings file refused (not a registered setting, no folder open, unparsable file). */
export class ConfigurationWriteFailure extends Schema.TaggedError<ConfigurationWriteFailure>()(
  "ConfigurationWriteFailure",
  { message: Schema.String },
) {}

/** What a window asks of the host. */
export const ExtHostConfigurationContract = {
  settings: request("extHost.configuration.settings", { payload: NoPayload, success: SettingsSnapshot }),
  /** `value` absent removes the setting from the file (Reset). */
  updateSetting: request("extHost.configuration.update", {
    payload: Schema.Struct({ key: Schema.String, value: Schema.optionalKey(Schema.Unknown), target: SettingsTarget }),
    success: Schema.Null,
    error: ConfigurationWriteFailure,
  }),
  /** Creates the file (`{}`) when missing, and answers its uri, for "Open Settings (JSON)". */
  ensureFile: request("extHost.configuration.ensureFile", {
    payload: Schema.Literals(["user", "workspace", "keybindings"]),
    success: UriString,
    error: ConfigurationWriteFailure,
  }),
  keybindingsAndMenus: request("extHost.configuration.keybindingsAndMenus", {
    payload: NoPayload,
    success: KeybindingsAndMenus,
  }),
} as const;

/** What the host tells a window. */
export const WorkbenchConfigurationContract = {
  /** Settings or keybindings files changed (edited, or written by `update`): re-read them. */
  configurationChanged: notification("workbench.configuration.changed", {
    payload: Schema.Struct({ keys: Schema.Array(Schema.String), keybindings: Schema.Boolean }),
  }),
  /** The `setContext` command: a context key for `when` clauses. */
  setContext: notification("workbench.contextKeys.set", {
    payload: Schema.Struct({ key: Schema.String, value: Schema.Unknown }),
  }),
} as const;
