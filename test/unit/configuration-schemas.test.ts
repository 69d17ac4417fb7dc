/**
 * The generated settings.json / keybindings.json schemas, checked by the JSON language service
 * the editor runs (vscode-json-languageservice): completion of keys and command ids, and the
 * diagnostics for a wrong type, an unknown key, a user-only setting in a folder, a language section.
 */
import { describe, expect, it } from "vitest";
import { getLanguageService, type Diagnostic, type JSONSchema } from "vscode-json-languageservice";
import { TextDocument } from "vscode-languageserver-textdocument";
import {
  SCHEMA_URIS,
  keybindingsSchema,
  schemaText,
  settingsSchema,
} from "../../src/extension-host/services/configuration-schemas.js";
import type { SettingSchema } from "../../src/extension-host/services/configuration.js";

const SETTINGS: ReadonlyArray<readonly [string, SettingSchema]> = [
  ["editor.fontSize", { type: "number", default: 14, description: "Controls the font size in pixels." }],
  ["editor.tabSize", { type: "number", default: 4, scope: "language-overridable" }],
  ["greeter.volume", { type: "string", enum: ["quiet", "loud"], default: "quiet" }],
  ["telemetry.level", { type: "string", default: "all", scope: "application" }],
];

const service = (schema: unknown) => {
  const ls = getLanguageService({});
  ls.configure({
    validate: true,
    allowComments: true,
    schemas: [{ uri: "test://schema", fileMatch: ["*"], schema: schema as JSONSchema }],
  });
  return ls;
};

const analyse = async (schema: unknown, text: string) => {
  const ls = service(schema);
  const doc = TextDocument.create("file:///User/settings.json", "jsonc", 1, text);
  return { ls, doc, json: ls.parseJSONDocument(doc) };
};

const diagnostics = async (schema: unknown, text: string): Promise<Diagnostic[]> => {
  const { ls, doc, json } = await analyse(schema, text);
  return ls.doValidation(doc, json, { comments: "ignore", trailingCommas: "ignore" });
};

const completions = async (schema: unknown, text: string): Promise<string[]> => {
  const offset = text.indexOf("|");
  const { ls, doc, json } = await analyse(schema, text.replace("|", ""));
  const list = await ls.doComplete(doc, doc.positionAt(offset), json);
  return list?.items.map((i) => i.label) ?? [];
};

describe("settings.json schema", () => {
  const user = settingsSchema(SETTINGS, "user");

  it("completes registered keys, with their descriptions", async () => {
    const labels = await completions(user, '{\n  "editor.fontS|"\n}');
    expect(labels).toContain("editor.fontSize");
    const props = user["properties"] as Record<string, { description?: string; default?: unknown }>;
    expect(props["editor.fontSize"]).toMatchObject({ description: "Controls the font size in pixels.", default: 14 });
  });

  it("accepts valid values, comments and trailing commas", async () => {
    const text =
      '{\n  // mine\n  "editor.fontSize": 16,\n  "greeter.volume": "loud",\n  "[json]": { "editor.tabSize": 2 },\n}';
    expect(await diagnostics(user, text)).toEqual([]);
  });

  it("flags a wrong type, a value outside the enum and an unknown key", async () => {
    const messages = (
      await diagnostics(user, '{ "editor.fontSize": "big", "greeter.volume": "shout", "no.such.setting": 1 }')
    ).map((d) => d.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        'Incorrect type. Expected "number".',
        expect.stringContaining("Value is not accepted"),
        "Unknown Configuration Setting",
      ]),
    );
    expect(messages).toHaveLength(3);
  });

  it("language sections take only language-overridable settings", async () => {
    const messages = (await diagnostics(user, '{ "[json]": { "editor.tabSize": 2, "editor.fontSize": 3 } }')).map(
      (d) => d.message,
    );
    expect(messages).toEqual([
      "This setting cannot be applied because it is not registered as language override setting.",
    ]);
  });

  it("a folder's settings.json rejects application-scoped settings the user file accepts", async () => {
    const text = '{ "telemetry.level": "off" }';
    expect(await diagnostics(user, text)).toEqual([]);
    const folder = settingsSchema(SETTINGS, "folder");
    expect((await diagnostics(folder, text)).map((d) => d.message)).toEqual([
      "This setting has an application scope and can be set only in the user settings file.",
    ]);
  });
});

describe("keybindings.json schema", () => {
  const schema = keybindingsSchema([
    { id: "greeter.greet", title: "Greet", category: "Greeter", extensionId: "x.y" },
    { id: "vscode.open", title: "vscode.open", extensionId: "vscode" },
  ]);

  it("completes command ids", async () => {
    const labels = await completions(schema, '[ { "key": "ctrl+g", "command": "|" } ]');
    expect(labels).toEqual(expect.arrayContaining(['"greeter.greet"', '"vscode.open"', '"-greeter.greet"']));
  });

  it("requires key and accepts when, args and unknown command ids", async () => {
    expect(
      await diagnostics(schema, '[ { "key": "ctrl+g", "command": "other.cmd", "when": "editorFocus", "args": [1] } ]'),
    ).toEqual([]);
    const messages = (await diagnostics(schema, '[ { "command": "greeter.greet" } ]')).map((d) => d.message);
    expect(messages).toEqual(['Missing property "key".']);
  });
});

describe("vscode://schemas documents", () => {
  const sources = { settings: () => SETTINGS, commands: () => [] };

  it("serves each schema URI and nothing else", async () => {
    for (const uri of Object.values(SCHEMA_URIS)) {
      expect(JSON.parse((await schemaText(uri, sources)) ?? "null")).toMatchObject({ allowComments: true });
    }
    expect(await schemaText("vscode://schemas/other", sources)).toBeUndefined();
  });

  it("is generated on each read, so it follows the registry", async () => {
    let settings = SETTINGS;
    const live = { settings: () => settings, commands: () => [] };
    expect(await schemaText(SCHEMA_URIS.userSettings, live)).not.toContain("added.setting");
    settings = [...SETTINGS, ["added.setting", { type: "boolean" }]];
    expect(await schemaText(SCHEMA_URIS.userSettings, live)).toContain("added.setting");
  });
});
