/**
 * The object an extension gets from `require('vscode')`: one per extension, so everything it
 * registers is attributed to it (errors go to its Output channel, its disposables to it).
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { StatusBarItemDto } from "../../protocol/workbench.js";
import type { DocumentModel } from "../documents.js";
import type { HostServices } from "../host-services.js";
import type { ExtensionRuntime } from "../extensions/extension-runtime.js";
import { createLanguagesApi } from "./languages.js";
import { textDocument } from "./text-document.js";
import { randomUUID } from "node:crypto";
import { l10n } from "./l10n.js";
import { fillNotImplemented } from "./not-implemented.js";
import { createProgressApi } from "./progress.js";
import { createFileSystemWatcher } from "./file-system-watcher.js";
import { createOutputChannel } from "./output-channel.js";
import { createExtensionsApi } from "./extensions.js";
import { createTabGroupsApi } from "./tab-groups.js";
import { folderOf, relativePath, type WorkspaceFolder } from "./workspace-folders.js";
import { VSCODE_SURFACE } from "./vscode-surface.generated.js";
import * as types from "./vscode-types.js";

const { Disposable, EventEmitter, FileType, Uri } = types;
type Uri = types.Uri;

/** One per host process, like VS Code's per-window session id. */
const sessionId = randomUUID();

const toUri = (u: Uri | string): Uri => (typeof u === "string" ? (u.includes("://") ? Uri.parse(u) : Uri.file(u)) : u);

export const createVscodeApi = (ext: ExtensionRuntime, host: HostServices): Record<string, unknown> => {
  const id = ext.id;
  const { commands: commandService, documents, extensions: extensionService, window: windowService } = host;
  /** Everything the API creates for the extension is taken back if its activation fails. */
  const track = <T extends { dispose(): unknown }>(d: T): T => {
    ext.registrations.push(d);
    return d;
  };
  const reportError = (what: string, e: unknown): void => extensionService.reportError(id, what, e);

  /** An event whose listeners' errors land in this extension's Output channel. */
  const guardedEvent =
    <T>(event: types.Event<T>): types.Event<T> =>
    (listener, thisArgs, disposables) =>
      event(
        (e) => {
          try {
            const r = listener.call(thisArgs, e);
            if (r instanceof Promise) r.catch((err: unknown) => reportError("event listener", err));
          } catch (err) {
            reportError("event listener", err);
          }
        },
        undefined,
        disposables,
      );
  // ── commands ───────────────────────────────────────────────────────────────────────────
  const commands = {
    registerCommand: (command: string, handler: (...args: unknown[]) => unknown, thisArg?: unknown) =>
      track(
        new Disposable(
          commandService.register(command, { extensionId: id, handler: thisArg ? handler.bind(thisArg) : handler }),
        ),
      ),
    executeCommand: (command: string, ...args: unknown[]) => commandService.execute(command, args),
    getCommands: () => Promise.resolve(commandService.ids()),
  };

  // ── window ─────────────────────────────────────────────────────────────────────────────
  type Item = string | { title: string };
  const showMessage =
    (severity: "information" | "warning" | "error") =>
    async (message: string, ...rest: unknown[]): Promise<Item | undefined> => {
      const modal =
        typeof rest[0] === "object" && rest[0] !== null && !("title" in rest[0])
          ? Boolean((rest.shift() as { modal?: boolean }).modal)
          : false;
      const items = rest.filter(
        (i): i is Item => typeof i === "string" || (typeof i === "object" && i !== null && "title" in i),
      );
      const titles = items.map((i) => (typeof i === "string" ? i : i.title));
      const chosen = await windowService
        .showMessage({ severity, message: String(message), items: titles, modal, extensionId: id })
        .catch(() => null);
      const index = typeof chosen === "string" ? titles.indexOf(chosen) : -1;
      return index >= 0 ? items[index] : undefined;
    };

  let statusItemCount = 0;
  const createStatusBarItem = (
    a?: string | types.StatusBarAlignment,
    b?: types.StatusBarAlignment | number,
    c?: number,
  ) => {
    const itemId = typeof a === "string" ? `${id}.${a}` : `${id}.status.${++statusItemCount}`;
    const alignment = (typeof a === "string" ? b : a) ?? types.StatusBarAlignment.Left;
    const priority = (typeof a === "string" ? c : (b as number | undefined)) ?? 0;
    const state = {
      text: "",
      tooltip: undefined as string | undefined,
      command: undefined as string | { command: string } | undefined,
      visible: false,
    };
    let scheduled = false;
    let disposed = false;
    const push = () => {
      if (scheduled) return;
      scheduled = true;
      // Coalesce several property writes in one tick into one update.
      queueMicrotask(() => {
        scheduled = false;
        const command = typeof state.command === "string" ? state.command : state.command?.command;
        const dto: StatusBarItemDto = {
          id: itemId,
          extensionId: id,
          text: state.text,
          alignment: alignment === types.StatusBarAlignment.Right ? "right" : "left",
          priority,
          visible: state.visible,
          ...(state.tooltip ? { tooltip: state.tooltip } : {}),
          ...(command ? { command } : {}),
        };
        if (!disposed) windowService.updateStatusBarItem(dto);
      });
    };
    const prop = <K extends "text" | "tooltip" | "command">(key: K) => ({
      get: () => state[key],
      set: (v: (typeof state)[K]) => {
        state[key] = v;
        push();
      },
      enumerable: true,
    });
    const item = Object.defineProperties(
      {
        id: itemId,
        alignment,
        priority,
        show: () => ((state.visible = true), push()),
        hide: () => ((state.visible = false), push()),
        dispose: () => {
          disposed = true;
          windowService.removeStatusBarItem(itemId);
        },
      },
      { text: prop("text"), tooltip: prop("tooltip"), command: prop("command") },
    );
    return track(item);
  };

  const activeEditor = (doc: DocumentModel | undefined, sel = documents.active()?.selection) => {
    if (!doc) return undefined;
    const anchor = new types.Position(sel?.start.line ?? 0, sel?.start.character ?? 0);
    const active = new types.Position(sel?.end.line ?? 0, sel?.end.character ?? 0);
    return { document: textDocument(doc), selection: new types.Selection(anchor, active), viewColumn: 1 };
  };
  const onDidChangeActiveTextEditor = new EventEmitter<unknown>();
  documents.onDidChangeActiveEditor.event((doc) => onDidChangeActiveTextEditor.fire(activeEditor(doc)));

  const progress = createProgressApi(id, {
    update: (item) => windowService.updateStatusBarItem(item),
    remove: (itemId) => windowService.removeStatusBarItem(itemId),
  });
  const window = {
    withProgress: progress.withProgress,
    setStatusBarMessage: (text: string, hideAfter?: number | PromiseLike<unknown>) =>
      track(progress.setStatusBarMessage(text, hideAfter)),
    showInformationMessage: showMessage("information"),
    showWarningMessage: showMessage("warning"),
    showErrorMessage: showMessage("error"),
    showQuickPick: async (itemsOrPromise: unknown, options: { placeHolder?: string; canPickMany?: boolean } = {}) => {
      const items = (await itemsOrPromise) as Array<string | { label: string; description?: string; detail?: string }>;
      const dtos = items.map((i) =>
        typeof i === "string"
          ? { label: i }
          : {
              label: i.label,
              ...(i.description ? { description: i.description } : {}),
              ...(i.detail ? { detail: i.detail } : {}),
            },
      );
      const picked = await windowService
        .showQuickPick({
          items: dtos,
          ...(options.placeHolder ? { placeHolder: options.placeHolder } : {}),
          ...(options.canPickMany ? { canPickMany: true } : {}),
        })
        .catch(() => null);
      if (Array.isArray(picked)) return picked.filter((n): n is number => typeof n === "number").map((n) => items[n]);
      return typeof picked === "number" ? items[picked] : undefined;
    },
    showInputBox: async (
      options: { prompt?: string; placeHolder?: string; value?: string; password?: boolean } = {},
    ) => {
      const value = await windowService
        .showInputBox({
          ...(options.prompt !== undefined ? { prompt: options.prompt } : {}),
          ...(options.placeHolder !== undefined ? { placeHolder: options.placeHolder } : {}),
          ...(options.value !== undefined ? { value: options.value } : {}),
          ...(options.password !== undefined ? { password: options.password } : {}),
        })
        .catch(() => null);
      return typeof value === "string" ? value : undefined;
    },
    createOutputChannel: (name: unknown, languageIdOrOptions?: unknown) =>
      track(
        createOutputChannel(
          {
            append: (channel, text) => windowService.appendOutput(channel, text),
            clear: (channel) => windowService.clearOutput(channel),
            show: (channel) => windowService.showOutput(channel),
          },
          name,
          languageIdOrOptions,
        ),
      ),
    createStatusBarItem,
    get activeTextEditor() {
      return activeEditor(documents.active()?.doc);
    },
    get visibleTextEditors() {
      const e = activeEditor(documents.active()?.doc);
      return e ? [e] : [];
    },
    onDidChangeActiveTextEditor: guardedEvent(onDidChangeActiveTextEditor.event),
    tabGroups: createTabGroupsApi({
      documents: () => host.sessions.target()?.documents.all ?? [],
      activeUri: () => host.sessions.target()?.activeUri,
      onDidOpen: documents.onDidOpen.event,
      onDidClose: documents.onDidClose.event,
      onDidChangeActive: documents.onDidChangeActiveEditor.event,
      guard: guardedEvent,
    }),
    showTextDocument: async (docOrUri: { uri: Uri } | Uri) => {
      const uri = docOrUri instanceof Uri ? docOrUri : docOrUri.uri;
      const session = await windowService.showTextDocument(uri.toString());
      return activeEditor(session.documents.get(uri.toString()) ?? documents.get(uri.toString()));
    },
  };

  // ── workspace ──────────────────────────────────────────────────────────────────────────
  const mapEvent = <A, B>(source: types.EventEmitter<A>, f: (a: A) => B) => {
    const e = new EventEmitter<B>();
    source.event((a) => e.fire(f(a)));
    return guardedEvent(e.event);
  };
  const configuration = (section?: string) => {
    const key = (k: string) => (section ? `${section}.${k}` : k);
    return {
      get: <T>(k: string, defaultValue?: T) =>
        host.configuration.has(key(k)) ? (host.configuration.get(key(k)) as T) : defaultValue,
      has: (k: string) => host.configuration.has(key(k)),
      update: (k: string, value: unknown) => {
        host.configuration.update(key(k), value);
        return Promise.resolve();
      },
      inspect: (k: string) => ({ key: key(k), defaultValue: host.configuration.get(key(k)) }),
    };
  };
  const folders = (): WorkspaceFolder[] =>
    (host.sessions.target()?.workspaceFolders ?? []).map((f, index) => ({
      uri: Uri.parse(f.uri),
      name: f.name,
      index,
    }));
  const workspace = {
    get workspaceFolders() {
      const list = folders();
      return list.length === 0 ? undefined : list;
    },
    get name() {
      return folders()[0]?.name;
    },
    /** Folders are opened directly; there are no .code-workspace files. */
    get workspaceFile() {
      return undefined;
    },
    /** The host has no restricted mode: every extension runs with full rights, as in a trusted workspace. */
    get isTrusted() {
      return true;
    },
    getWorkspaceFolder: (uri: Uri) => {
      if (!(uri instanceof Uri)) throw new Error("vscode.workspace.getWorkspaceFolder: uri must be a vscode.Uri");
      return folderOf(folders(), uri);
    },
    asRelativePath: (pathOrUri: string | Uri, includeWorkspaceFolder?: boolean) => {
      if (typeof pathOrUri !== "string" && !(pathOrUri instanceof Uri))
        throw new Error("vscode.workspace.asRelativePath: expected a path or a vscode.Uri");
      return relativePath(folders(), pathOrUri, includeWorkspaceFolder);
    },
    get rootPath() {
      const first = host.sessions.target()?.workspaceFolders[0];
      return first ? Uri.parse(first.uri).fsPath : undefined;
    },
    get textDocuments() {
      return documents.all.map(textDocument);
    },
    openTextDocument: async (arg: Uri | string | { content?: string; language?: string }) => {
      if (typeof arg === "object" && !(arg instanceof Uri)) {
        const { DocumentModel } = await import("../documents.js");
        return textDocument(
          new DocumentModel(`untitled:Untitled-${Date.now()}`, arg.language ?? "plaintext", 1, arg.content ?? ""),
        );
      }
      const uri = toUri(arg);
      const open = documents.get(uri.toString());
      if (open) return textDocument(open);
      const { DocumentModel } = await import("../documents.js");
      return textDocument(new DocumentModel(uri.toString(), languageOf(uri.path), 1, readFileSync(uri.fsPath, "utf8")));
    },
    onDidOpenTextDocument: mapEvent(documents.onDidOpen, textDocument),
    onDidCloseTextDocument: mapEvent(documents.onDidClose, textDocument),
    onDidSaveTextDocument: mapEvent(documents.onDidSave, textDocument),
    onDidChangeTextDocument: mapEvent(documents.onDidChange, ({ doc, changes }) => ({
      document: textDocument(doc),
      contentChanges: changes.map((c) => ({
        range: new types.Range(c.range.start.line, c.range.start.character, c.range.end.line, c.range.end.character),
        text: c.text,
      })),
    })),
    onDidChangeWorkspaceFolders: mapEvent(host.workspaceFolders.onDidChange, ({ added, removed }) => ({
      added: added.map((f) => ({
        uri: Uri.parse(f.uri),
        name: f.name,
        index: folders().findIndex((g) => g.uri.toString() === f.uri),
      })),
      removed: removed.map((f, index) => ({ uri: Uri.parse(f.uri), name: f.name, index })),
    })),
    createFileSystemWatcher: (
      pattern: unknown,
      ignoreCreate?: boolean,
      ignoreChange?: boolean,
      ignoreDelete?: boolean,
    ) =>
      track(
        createFileSystemWatcher(
          {
            watcher: host.fileWatcher,
            folderPaths: () =>
              folders()
                .filter((f) => f.uri.scheme === "file")
                .map((f) => f.uri.fsPath),
            onDidChangeFolders: host.workspaceFolders.onDidChange.event,
            guard: guardedEvent,
          },
          pattern,
          ignoreCreate,
          ignoreChange,
          ignoreDelete,
        ),
      ),
    onDidChangeConfiguration: mapEvent(host.configuration.onDidChange, (changed) => ({
      affectsConfiguration: (section: string) => changed === section || changed.startsWith(`${section}.`),
    })),
    getConfiguration: configuration,
    fs: {
      readFile: async (uri: Uri) => new Uint8Array(readFileSync(uri.fsPath)),
      writeFile: async (uri: Uri, content: Uint8Array) => {
        mkdirSync(dirname(uri.fsPath), { recursive: true });
        writeFileSync(uri.fsPath, content);
      },
      readDirectory: async (uri: Uri) =>
        readdirSync(uri.fsPath, { withFileTypes: true }).map(
          (d) => [d.name, d.isDirectory() ? FileType.Directory : FileType.File] as const,
        ),
      stat: async (uri: Uri) => {
        const s = statSync(uri.fsPath);
        return {
          type: s.isDirectory() ? FileType.Directory : FileType.File,
          size: s.size,
          ctime: s.ctimeMs,
          mtime: s.mtimeMs,
        };
      },
      createDirectory: async (uri: Uri) => void mkdirSync(uri.fsPath, { recursive: true }),
      delete: async (uri: Uri, options: { recursive?: boolean } = {}) =>
        rmSync(uri.fsPath, { recursive: options.recursive ?? false }),
    },
  };

  // ── languages (api/languages.ts) ─────────────────────────────────────────────────────────
  const languages = createLanguagesApi({ ext, host, track, guardedEvent });

  const extensions = createExtensionsApi(extensionService);

  const api: Record<string, unknown> = {
    // The API level we claim is the @types/vscode authors compile against.
    version: VSCODE_SURFACE.version,
    env: {
      appName: "Direct Editor",
      appHost: "desktop",
      uriScheme: "direct-editor",
      language: "en",
      machineId: "direct-editor",
      sessionId,
      isNewAppInstall: false,
      isTelemetryEnabled: false,
      uiKind: types.UIKind.Desktop,
      logLevel: types.LogLevel.Info,
      shell: process.env.SHELL ?? "",
      /** Extensions run locally, never in a remote (SSH, WSL, container) window. */
      get remoteName() {
        return undefined;
      },
    },
    l10n,
    commands,
    window,
    workspace,
    languages,
    extensions,
    ...types,
  };
  fillNotImplemented(api, VSCODE_SURFACE);
  return api;
};

const LANGUAGES: Readonly<Record<string, string>> = {
  ts: "typescript",
  tsx: "typescriptreact",
  js: "javascript",
  jsx: "javascriptreact",
  json: "json",
  md: "markdown",
  css: "css",
  html: "html",
  py: "python",
  rs: "rust",
  go: "go",
  todo: "todo",
  txt: "plaintext",
};
/** The languages the editor knows without extensions. */
export const BUILTIN_LANGUAGES: readonly string[] = [...new Set(Object.values(LANGUAGES))];
export const languageOf = (path: string): string =>
  LANGUAGES[path.split(".").pop()?.toLowerCase() ?? ""] ?? "plaintext";
