/**
 * JSON schemas of settings.json and keybindings.json, generated from the configuration registry
 * and the known commands, and served as `vscode://schemas/…` documents, as VS Code's
 * configuration and keybinding services register them. The JSON language server fetches them
 * through `vscode/content`; `extensions/builtin/configuration-editing` associates them with the
 * files (`%APP_SETTINGS_HOME%/settings.json`, `/.vscode/settings.json`, …).
 */
import { WorkbenchSchemasContract } from "../../protocol/contracts/configuration-schemas.js";
import { proxy } from "../../protocol/rpc-contract.js";
import type { CommandInfo } from "../../protocol/workbench.js";
import type { Uri } from "../api/types.js";
import type { SettingSchema } from "./configuration.js";
import type { Session } from "./sessions.js";

export const SCHEMA_URIS = {
  userSettings: "vscode://schemas/settings/user",
  folderSettings: "vscode://schemas/settings/folder",
  workspaceSettings: "vscode://schemas/settings/workspace",
  keybindings: "vscode://schemas/keybindings",
} as const;

type JsonSchema = Record<string, unknown>;

/** `[json]`, `[json][jsonc]`: VS Code's OVERRIDE_PROPERTY_PATTERN. */
const OVERRIDE_PATTERN = "^(\\[[^\\]]+\\])+$";

/** A key rejected with VS Code's own wording: `not: {}` fails any value, `errorMessage` says why. */
const rejected = (errorMessage: string): JsonSchema => ({ not: {}, errorMessage });

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The property schema the language server reads: type, default, enum and description as registered. */
const propertySchema = (schema: SettingSchema): JsonSchema => {
  const { scope: _scope, ...rest } = schema;
  return { ...rest };
};

/**
 * `user` accepts every registered setting; `folder` (a folder's `.vscode/settings.json`) rejects
 * application- and machine-scoped ones, which VS Code applies from user settings only.
 */
export const settingsSchema = (
  settings: ReadonlyArray<readonly [string, SettingSchema]>,
  target: "user" | "folder",
): JsonSchema => {
  const properties: Record<string, JsonSchema> = {};
  const languageProperties: Record<string, JsonSchema> = {};
  const patternProperties: Record<string, JsonSchema> = {};
  for (const [key, schema] of settings) {
    const scope = schema.scope ?? "window";
    if (target === "folder" && (scope === "application" || scope === "machine")) {
      patternProperties[`^${escapeRegExp(key)}$`] = rejected(
        scope === "application"
          ? "This setting has an application scope and can be set only in the user settings file."
          : "This setting can only be applied in user settings in local window or in remote settings in remote window.",
      );
      continue;
    }
    properties[key] = propertySchema(schema);
    if (scope === "language-overridable") languageProperties[key] = propertySchema(schema);
  }
  patternProperties[OVERRIDE_PATTERN] = {
    type: "object",
    description: "Configure settings to be overridden for a set of languages.",
    properties: languageProperties,
    additionalProperties: rejected(
      "This setting cannot be applied because it is not registered as language override setting.",
    ),
  };
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    type: "object",
    properties,
    patternProperties,
    additionalProperties: rejected("Unknown Configuration Setting"),
    allowComments: true,
    allowTrailingCommas: true,
  };
};

/** keybindings.json: an array of `{ key, command, when, args }`, `command` completing the known ids. */
export const keybindingsSchema = (commands: ReadonlyArray<CommandInfo>): JsonSchema => {
  const sorted = [...commands].sort((a, b) => a.id.localeCompare(b.id));
  const ids = sorted.map((c) => c.id);
  const titles = sorted.map((c) => (c.category ? `${c.category}: ${c.title}` : c.title));
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    type: "array",
    title: "Keybindings configuration",
    allowComments: true,
    allowTrailingCommas: true,
    definitions: {
      commandNames: { type: "string", enum: ids, enumDescriptions: titles },
    },
    items: {
      type: "object",
      required: ["key"],
      defaultSnippets: [{ body: { key: "$1", command: "$2", when: "$3" } }],
      properties: {
        key: { type: "string", description: "Key or key sequence (separated by space)" },
        command: {
          anyOf: [
            { $ref: "#/definitions/commandNames" },
            {
              type: "string",
              enum: ids.map((id) => `-${id}`),
              enumDescriptions: titles.map((t) => `Remove the default keybinding of ${t}`),
            },
            { type: "string" },
          ],
          description: "Name of the command to execute",
        },
        when: { type: "string", description: "Condition when the key is active." },
        args: { description: "Arguments to pass to the command to execute." },
      },
    },
  };
};

export interface SchemaSources {
  readonly settings: () => ReadonlyArray<readonly [string, SettingSchema]>;
  readonly commands: () => ReadonlyArray<CommandInfo> | Promise<ReadonlyArray<CommandInfo>>;
}

/**
 * The text of one `vscode://schemas/…` URI, generated now (so it always reflects the current
 * extensions and commands); undefined for any other URI, which then reads as "not found".
 */
export const schemaText = async (uri: Uri | string, sources: SchemaSources): Promise<string | undefined> => {
  const key = String(uri).replace(/[?#].*$/, "");
  switch (key) {
    case SCHEMA_URIS.userSettings:
      return JSON.stringify(settingsSchema(sources.settings(), "user"));
    case SCHEMA_URIS.folderSettings:
    case SCHEMA_URIS.workspaceSettings:
      return JSON.stringify(settingsSchema(sources.settings(), "folder"));
    case SCHEMA_URIS.keybindings:
      return JSON.stringify(keybindingsSchema(await sources.commands()));
    default:
      return undefined;
  }
};

/**
 * The commands keybindings.json may name: the host's (registered and contributed) and the
 * window's own; a window that does not answer (closed, older) adds none rather than failing.
 */
export const knownCommands = async (
  hostCommands: ReadonlyArray<CommandInfo>,
  window: Session | undefined,
): Promise<CommandInfo[]> => {
  const own = window
    ? await proxy(window.peer, WorkbenchSchemasContract)
        .workbenchCommands()
        .catch((): ReadonlyArray<CommandInfo> => [])
    : [];
  const byId = new Map<string, CommandInfo>();
  for (const c of [...own, ...hostCommands]) if (!byId.has(c.id)) byId.set(c.id, c);
  return [...byId.values()];
};
