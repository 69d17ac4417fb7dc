/**
 * Settings, as VS Code layers them: defaults (the workbench's core settings and every
 * extension's `contributes.configuration`) < user `settings.json` < the workspace folder's
 * `.vscode/settings.json`, each file JSONC, watched, and written back with its comments kept.
 * A file that stops parsing is reported once and its last good values stay in force.
 */
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import {
  ConfigurationWriteFailure,
  type SettingDto,
  type SettingsSnapshot,
} from "../../protocol/contracts/configuration.js";
import { EventEmitter } from "../api/types.js";
import type { ExtensionRuntime } from "../extensions/extension-runtime.js";
import { JsoncFile } from "./configuration-files.js";
import { DEFAULT_FILES_EXCLUDE, DEFAULT_WATCHER_EXCLUDE } from "./file-excludes.js";
import {
  changedKeys,
  defaultForType,
  effective,
  forLanguage,
  isOverrideKey,
  lookup,
  toValueTree,
  type Layers,
  type Tree,
} from "./configuration-model.js";

export type ConfigurationTargetName = "user" | "workspace";

export interface SettingSchema {
  readonly type?: string | ReadonlyArray<string>;
  readonly default?: unknown;
  readonly description?: string;
  readonly markdownDescription?: string;
  readonly enum?: ReadonlyArray<unknown>;
  readonly enumDescriptions?: ReadonlyArray<string>;
  readonly markdownEnumDescriptions?: ReadonlyArray<string>;
  readonly scope?: string;
}

interface RegisteredSetting {
  readonly schema: SettingSchema;
  readonly category: string;
  readonly source: string;
}

/** The workbench's own settings (VS Code registers these in the editor and workbench). */
const CORE_SETTINGS: ReadonlyArray<[string, SettingSchema]> = [
  [
    "files.exclude",
    {
      type: "object",
      default: DEFAULT_FILES_EXCLUDE,
      description: "Glob patterns of files and folders hidden from the explorer, Quick Open and findFiles.",
    },
  ],
  [
    "files.watcherExclude",
    {
      type: "object",
      default: DEFAULT_WATCHER_EXCLUDE,
      description: "Glob patterns of folders the file watcher does not watch.",
    },
  ],
  ["editor.fontSize", { type: "number", default: 14, description: "Controls the font size in pixels." }],
  [
    "editor.tabSize",
    {
      type: "number",
      default: 4,
      description: "The number of spaces a tab is equal to.",
      scope: "language-overridable",
    },
  ],
  [
    "editor.insertSpaces",
    { type: "boolean", default: true, description: "Insert spaces when pressing Tab.", scope: "language-overridable" },
  ],
  [
    "editor.wordWrap",
    {
      type: "string",
      enum: ["off", "on", "wordWrapColumn", "bounded"],
      enumDescriptions: [
        "Lines will never wrap.",
        "Lines will wrap at the viewport width.",
        "Lines will wrap at `editor.wordWrapColumn`.",
        "Lines will wrap at the minimum of viewport and `editor.wordWrapColumn`.",
      ],
      default: "off",
      description: "Controls how lines should wrap.",
      scope: "language-overridable",
    },
  ],
  [
    "editor.formatOnSave",
    {
      type: "boolean",
      default: false,
      description: "Format a file on save. A formatter must be available and the file must not be saved after a delay.",
      scope: "language-overridable",
    },
  ],
  ["editor.minimap.enabled", { type: "boolean", default: true, description: "Controls whether the minimap is shown." }],
  [
    "editor.lineNumbers",
    {
      type: "string",
      enum: ["off", "on", "relative", "interval"],
      default: "on",
      description: "Controls the display of line numbers.",
    },
  ],
  [
    "workbench.colorTheme",
    {
      type: "string",
      default: "",
      description: "Specifies the color theme used in the workbench (its name or id; empty follows the OS).",
    },
  ],
];

export interface ConfigurationChange {
  /** Changed keys with all their parent sections. */
  readonly keys: ReadonlyArray<string>;
  /** The folder (file URI) whose workspace settings changed; undefined for defaults / user. */
  readonly folder?: string;
}

export interface ConfigurationOptions {
  /** Holds the user's settings.json and keybindings.json. */
  readonly userDir: string;
  /** Says a settings file is broken (to every window). */
  readonly reportError: (message: string) => void;
}

interface FileLayer {
  readonly file: JsoncFile;
  tree: Tree;
  /** The error last reported, so a broken file is reported once per distinct error. */
  lastError: string | undefined;
}

export class ConfigurationService {
  private readonly registry = new Map<string, RegisteredSetting>();
  private readonly defaults: Tree;
  private readonly user: FileLayer;
  private readonly workspaces = new Map<string, FileLayer>();
  readonly onDidChange = new EventEmitter<ConfigurationChange>();

  constructor(
    runtimes: ReadonlyArray<ExtensionRuntime>,
    private readonly options: ConfigurationOptions,
  ) {
    for (const [key, schema] of CORE_SETTINGS)
      this.registry.set(key, { schema, category: "Workbench", source: "core" });
    for (const r of runtimes) this.collect(r);
    const flat: Tree = {};
    for (const [key, { schema }] of this.registry) {
      flat[key] = schema.default !== undefined ? schema.default : defaultForType(schema.type);
    }
    this.defaults = toValueTree(flat);
    this.user = this.load(new JsoncFile(join(options.userDir, "settings.json"), "User settings (settings.json)"));
  }

  get userFile(): JsoncFile {
    return this.user.file;
  }

  /** The layers for a window whose (first) folder is `folder` (a file URI), read and watched on first use. */
  layers(folder: string | undefined): Layers {
    return {
      defaults: this.defaults,
      user: this.user.tree,
      workspace: folder ? this.workspace(folder).tree : undefined,
    };
  }

  /** The merged value tree, as `getConfiguration` reads it. */
  values(folder: string | undefined, languageId?: string): Tree {
    return effective(this.layers(folder), languageId);
  }

  /** One merged value (dotted key), e.g. for host services that follow a setting. */
  get(key: string, folder?: string): unknown {
    return lookup(this.values(folder), key);
  }

  inspect(
    key: string,
    folder: string | undefined,
    languageId?: string,
  ): {
    defaultValue: unknown;
    globalValue: unknown;
    workspaceValue: unknown;
    defaultLanguageValue: unknown;
    globalLanguageValue: unknown;
    workspaceLanguageValue: unknown;
  } {
    const { defaults, user, workspace } = this.layers(folder);
    const inLanguage = (tree: Tree | undefined): unknown => {
      if (!tree || !languageId) return undefined;
      const section = Object.entries(tree).find(([k]) => isOverrideKey(k) && k.includes(`[${languageId}]`))?.[1];
      return section && typeof section === "object" ? lookup(section as Tree, key) : undefined;
    };
    return {
      defaultValue: lookup(forLanguage(defaults, undefined), key),
      globalValue: lookup(forLanguage(user, undefined), key),
      workspaceValue: workspace ? lookup(forLanguage(workspace, undefined), key) : undefined,
      defaultLanguageValue: inLanguage(defaults),
      globalLanguageValue: inLanguage(user),
      workspaceLanguageValue: inLanguage(workspace),
    };
  }

  isRegistered(key: string): boolean {
    if (this.registry.has(key)) return true;
    for (const k of this.registry.keys()) if (k.startsWith(`${key}.`) || key.startsWith(`${k}.`)) return true;
    return false;
  }

  /**
   * Writes `key` into the target's file (undefined removes it), as VS Code's
   * ConfigurationEditing does, then applies it at once: `get` after the returned promise sees it.
   */
  update(
    key: string,
    value: unknown,
    target: ConfigurationTargetName,
    folder: string | undefined,
    /** Writes into the file's `[languageId]` section (`update(…, overrideInLanguage)`). */
    languageId?: string,
  ): void {
    const label = target === "user" ? "User Settings" : "Workspace Settings";
    if (!this.isRegistered(key) && !isOverrideKey(key)) {
      throw new ConfigurationWriteFailure({
        message: `Unable to write to ${label} because ${key} is not a registered configuration.`,
      });
    }
    if (target === "workspace" && !folder) {
      throw new ConfigurationWriteFailure({
        message:
          "Unable to write to Workspace Settings because no workspace is opened. Please open a workspace first and try again.",
      });
    }
    const layer = target === "user" ? this.user : this.workspace(folder!);
    const current = layer.file.read<Tree>("object");
    if (!current.ok) {
      throw new ConfigurationWriteFailure({
        message: `Unable to write into ${label}. Please open the file to correct errors/warnings in it and try again. (${current.error})`,
      });
    }
    try {
      layer.file.edit(languageId ? [`[${languageId}]`, key] : [key], value);
    } catch (e) {
      throw new ConfigurationWriteFailure({
        message: `Unable to write to ${label}: ${e instanceof Error ? e.message : String(e)}`,
      });
    }
    this.reload(layer, target === "workspace" ? folder : undefined);
  }

  /** Creates the file with `{}` when missing (for "Open Settings (JSON)"); answers its URI. */
  ensureFile(target: ConfigurationTargetName, folder: string | undefined): string {
    if (target === "workspace" && !folder) {
      throw new ConfigurationWriteFailure({ message: "No folder is open: there are no workspace settings." });
    }
    const file = target === "user" ? this.user.file : this.workspace(folder!).file;
    if (!file.exists) file.write("{\n}\n");
    return pathToFileURL(file.path).href;
  }

  /** Every registered setting's schema (core first, then extensions), for the settings.json schema. */
  schemas(): ReadonlyArray<readonly [string, SettingSchema]> {
    return [...this.registry].map(([key, { schema }]) => [key, schema] as const);
  }

  /** Every registered setting with the values the files hold, for the Settings editor. */
  snapshot(folder: string | undefined): SettingsSnapshot {
    const { user, workspace } = this.layers(folder);
    const settings: SettingDto[] = [...this.registry].map(([key, { schema, category, source }]) => {
      const userValue = lookup(forLanguage(user, undefined), key);
      const workspaceValue = workspace ? lookup(forLanguage(workspace, undefined), key) : undefined;
      const type = Array.isArray(schema.type) ? (schema.type[0] ?? "") : ((schema.type as string | undefined) ?? "");
      const enumDescriptions = schema.enumDescriptions ?? schema.markdownEnumDescriptions;
      return {
        key,
        type,
        description: schema.markdownDescription ?? schema.description ?? "",
        ...(schema.enum ? { enum: schema.enum } : {}),
        ...(enumDescriptions ? { enumDescriptions } : {}),
        defaultValue: lookup(this.defaults, key) ?? null,
        ...(userValue !== undefined ? { userValue } : {}),
        ...(workspaceValue !== undefined ? { workspaceValue } : {}),
        scope: schema.scope ?? "window",
        category,
        source,
      };
    });
    return {
      settings,
      userFile: pathToFileURL(this.user.file.path).href,
      workspaceFile: folder ? pathToFileURL(this.workspace(folder).file.path).href : null,
    };
  }

  dispose(): void {
    this.user.file.dispose();
    for (const w of this.workspaces.values()) w.file.dispose();
  }

  private workspace(folder: string): FileLayer {
    let layer = this.workspaces.get(folder);
    if (!layer) {
      const path = join(fileURLToPath(folder), ".vscode", "settings.json");
      layer = this.load(new JsoncFile(path, `Workspace settings (${path})`), folder);
      this.workspaces.set(folder, layer);
    }
    return layer;
  }

  private load(file: JsoncFile, folder?: string): FileLayer {
    const layer: FileLayer = { file, tree: {}, lastError: undefined };
    this.reload(layer, folder, false);
    file.watch(() => this.reload(layer, folder));
    return layer;
  }

  /** Re-reads a file: a parse error is reported (once) and the last good tree kept. */
  private reload(layer: FileLayer, folder: string | undefined, fire = true): void {
    const read = layer.file.read<Tree>("object");
    if (!read.ok) {
      if (layer.lastError !== read.error) {
        layer.lastError = read.error;
        this.options.reportError(`Unable to parse ${read.error}. The last valid settings stay in use.`);
      }
      return;
    }
    layer.lastError = undefined;
    const before = layer.tree;
    layer.tree = toValueTree(read.value);
    const keys = changedKeys(before, layer.tree);
    if (fire && keys.length > 0) this.onDidChange.fire({ keys, ...(folder ? { folder } : {}) });
  }

  private collect(runtime: ExtensionRuntime): void {
    const c = runtime.description.manifest.contributes?.configuration;
    // Array.isArray does not narrow readonly arrays, hence the explicit shape.
    const sections = (c === undefined ? [] : Array.isArray(c) ? c : [c]) as ReadonlyArray<{
      readonly title?: string;
      readonly properties?: Readonly<Record<string, SettingSchema>>;
    }>;
    const name = runtime.description.manifest.displayName ?? runtime.id;
    for (const section of sections) {
      for (const [key, schema] of Object.entries(section.properties ?? {})) {
        // The first registration wins, as in VS Code's configuration registry.
        if (!this.registry.has(key)) {
          this.registry.set(key, { schema, category: section.title ?? name, source: runtime.id });
        }
      }
    }
  }
}
