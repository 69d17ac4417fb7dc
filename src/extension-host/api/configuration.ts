/**
 * `workspace.getConfiguration` and `workspace.onDidChangeConfiguration`, with VS Code's
 * semantics (extHostConfiguration.ts): the returned WorkspaceConfiguration is a snapshot of the
 * merged values, `get` falls back to its default argument, `inspect` tells the layers apart,
 * `update` writes the target's settings.json and resolves once the new value is in force.
 */
import { ConfigurationTarget } from "./enums.generated.js";
import { EventEmitter, Uri, type Event } from "./types.js";
import { lookup, isPlainObject, type Tree } from "../services/configuration-model.js";
import type { ConfigurationChange, ConfigurationService } from "../services/configuration.js";
import { folderOfSession } from "../services/configuration-host.js";
import type { Sessions } from "../services/sessions.js";

/** What `getConfiguration`'s scope may be: a Uri, a TextDocument, a WorkspaceFolder, `{uri, languageId}`. */
type Scope = Uri | { readonly uri?: Uri; readonly languageId?: string } | null | undefined;

interface ResolvedScope {
  readonly uri: Uri | undefined;
  readonly languageId: string | undefined;
}

const resolveScope = (scope: Scope): ResolvedScope => {
  if (scope === null || scope === undefined) return { uri: undefined, languageId: undefined };
  if (scope instanceof Uri) return { uri: scope, languageId: undefined };
  if (typeof scope !== "object")
    throw new Error(
      "vscode.workspace.getConfiguration: scope must be a Uri, a TextDocument, a WorkspaceFolder or { uri, languageId }",
    );
  return {
    uri: scope.uri instanceof Uri ? scope.uri : undefined,
    languageId: typeof scope.languageId === "string" ? scope.languageId : undefined,
  };
};

const inside = (uri: Uri, folder: string): boolean => {
  const u = uri.toString();
  return u === folder || u.startsWith(folder.endsWith("/") ? folder : `${folder}/`);
};

/** Deep-frozen copies: the snapshot must not be changed through the values it hands out. */
const frozen = <T>(v: T): T => {
  if (typeof v !== "object" || v === null) return v;
  const copy = structuredClone(v);
  const freeze = (o: unknown): void => {
    if (typeof o !== "object" || o === null) return;
    Object.freeze(o);
    for (const child of Object.values(o)) freeze(child);
  };
  freeze(copy);
  return copy;
};

export const createConfigurationApi = (deps: {
  readonly configuration: ConfigurationService;
  readonly sessions: Sessions;
  readonly guardedEvent: <T>(event: Event<T>) => Event<T>;
}) => {
  const { configuration, sessions } = deps;

  /** The folder whose workspace settings apply: the one holding the scope's uri, else the window's. */
  const folderFor = (uri: Uri | undefined): string | undefined => {
    if (uri) {
      for (const s of sessions.workbenches) {
        const f = folderOfSession(s);
        if (f && inside(uri, f)) return f;
      }
    }
    return folderOfSession(sessions.target());
  };

  const targetName = (target: unknown): "user" | "workspace" => {
    if (target === true || target === ConfigurationTarget.Global) return "user";
    if (target === undefined || target === null || target === false) return "workspace";
    if (target === ConfigurationTarget.Workspace || target === ConfigurationTarget.WorkspaceFolder) return "workspace";
    throw new Error(`vscode.WorkspaceConfiguration.update: unknown configuration target ${String(target)}`);
  };

  const getConfiguration = (section?: string, scope?: Scope) => {
    if (section !== undefined && section !== null && typeof section !== "string") {
      throw new Error("vscode.workspace.getConfiguration: section must be a string");
    }
    const { uri, languageId } = resolveScope(scope);
    const folder = folderFor(uri);
    const values = configuration.values(folder, languageId);
    const sectionValue = section ? lookup(values, section) : values;
    const config: Tree = isPlainObject(sectionValue) ? sectionValue : {};
    const full = (key: string): string => (section ? `${section}.${key}` : key);
    const methods = {
      has: (key: string): boolean => lookup(config, key) !== undefined,
      get: <T>(key: string, defaultValue?: T): T | undefined => {
        const value = lookup(config, key);
        return value === undefined ? defaultValue : frozen(value as T);
      },
      inspect: <T>(key: string) => {
        const k = full(key);
        const i = configuration.inspect(k, folder, languageId);
        const explicitFolder = uri !== undefined && folder !== undefined;
        return {
          key: k,
          defaultValue: i.defaultValue as T | undefined,
          globalValue: i.globalValue as T | undefined,
          workspaceValue: i.workspaceValue as T | undefined,
          workspaceFolderValue: (explicitFolder ? i.workspaceValue : undefined) as T | undefined,
          defaultLanguageValue: i.defaultLanguageValue as T | undefined,
          globalLanguageValue: i.globalLanguageValue as T | undefined,
          workspaceLanguageValue: i.workspaceLanguageValue as T | undefined,
          workspaceFolderLanguageValue: (explicitFolder ? i.workspaceLanguageValue : undefined) as T | undefined,
          ...(languageId ? { languageIds: [languageId] } : {}),
        };
      },
      update: async (key: string, value: unknown, target?: unknown, overrideInLanguage?: boolean): Promise<void> => {
        const name = targetName(target);
        configuration.update(full(key), value, name, folder, overrideInLanguage ? languageId : undefined);
      },
    };
    // Like VS Code, the section's values are readable as properties too (`config.fontSize`).
    const properties: Tree = {};
    for (const [k, v] of Object.entries(config)) properties[k] = frozen(v);
    return Object.freeze(Object.assign(properties, methods));
  };

  const changes = new EventEmitter<{
    affectsConfiguration(section: string, scope?: Scope): boolean;
  }>();
  configuration.onDidChange.event((change: ConfigurationChange) => {
    const keys = new Set(change.keys);
    changes.fire(
      Object.freeze({
        affectsConfiguration: (section: string, scope?: Scope): boolean => {
          if (!keys.has(section)) return false;
          if (change.folder === undefined || scope === undefined || scope === null) return true;
          const { uri } = resolveScope(scope);
          return uri === undefined || inside(uri, change.folder);
        },
      }),
    );
  });

  return { getConfiguration, onDidChangeConfiguration: deps.guardedEvent(changes.event) };
};
