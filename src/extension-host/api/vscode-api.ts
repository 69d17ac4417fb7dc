/**
 * The object an extension gets from `require('vscode')`: one per extension, so everything it
 * registers is attributed to it (errors go to its Output channel, its disposables to it).
 */
import { createDialogsApi } from "./dialogs.js";
import { createWindowReportsApi } from "./window-reports.js";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { StatusBarItemDto } from "../../protocol/workbench.js";
import type { HostServices } from "../host-services.js";
import type { DocumentChangeEvent } from "../services/documents.js";
import type { ExtensionRuntime } from "../extensions/extension-runtime.js";
import { createLanguagesApi } from "./languages.js";
import { textDocument } from "./text-document.js";
import { createEditorWindowApi } from "./text-editors.js";
import { createFileOperationEvents } from "./file-operation-events.js";
import { applyEdit, saveApi } from "./workspace-edit.js";
import { saveAsApi } from "./save-as.js";
import { createWillSaveEvent } from "./save-participants.js";
import { createSetLanguageConfiguration } from "./language-configuration.js";
import { randomUUID } from "node:crypto";
import { l10n } from "./l10n.js";
import { fillNotImplemented } from "./not-implemented.js";
import { createProgressApi } from "./progress.js";
import { createOutputChannel } from "./output-channel.js";
import { createExtensionsApi } from "./extensions.js";
import { createTabGroupsApi } from "./tab-groups.js";
import { createConfigurationApi } from "./configuration.js";
import { createTreeViewsApi } from "./tree-views.js";
import { createQuickInputApi } from "./quick-input.js";
import { createContentProvidersApi } from "./content-providers.js";
import { folderOf, relativePath, type WorkspaceFolder } from "./workspace-folders.js";
import { createWorkspaceFs } from "./workspace-fs.js";
import { VSCODE_SURFACE } from "./vscode-surface.generated.js";
import * as types from "./vscode-types.js";

const { Disposable, EventEmitter, Uri } = types;
type Uri = types.Uri;

/** One per host process, like VS Code's per-window session id. */
const sessionId = randomUUID();

/** The installation's root: the folder of the package.json above this module (out/main, or src/…). */
const APP_ROOT = ((): string => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json")) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
})();

/** An event for a value that never changes here: listeners are kept as the API requires, never called. */
const neverFires =
  <T>(): types.Event<T> =>
  () =>
    new Disposable(() => undefined);

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
    executeCommand: (command: string, ...args: unknown[]) =>
      command === "setContext"
        ? Promise.resolve(host.settings.setContext(args[0], args[1]))
        : commandService.execute(command, args),
    getCommands: () => Promise.resolve(commandService.ids()),
    /**
     * VS Code's extHostCommands: runs with the active editor and an edit builder whose edits are
     * applied (one undo step) when the callback returns; without an active editor it does nothing
     * but log a warning (no notification), as VS Code does.
     */
    registerTextEditorCommand: (
      command: string,
      callback: (editor: unknown, edit: unknown, ...args: unknown[]) => void,
      thisArg?: unknown,
    ) => {
      if (typeof callback !== "function")
        throw new Error("vscode.commands.registerTextEditorCommand: callback must be a function");
      return commands.registerCommand(command, (...args: unknown[]) => {
        const editor = editorWindow.activeTextEditor;
        if (!editor) {
          extensionService.reportWarning(id, `Cannot execute ${command} because there is no active text editor.`);
          return undefined;
        }
        return editor
          .edit((edit) => {
            callback.apply(thisArg, [editor, edit, ...args]);
          })
          .then(
            (applied) => {
              if (!applied) extensionService.reportWarning(id, `Edits from command ${command} were not applied.`);
            },
            (e: unknown) => reportError(`command '${command}'`, e),
          );
      });
    },
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

  const editorWindow = createEditorWindowApi({
    service: host.textEditors,
    target: () => host.sessions.target(),
    guard: guardedEvent,
  });
  const saving = saveApi(host.textEditors, () => host.sessions.target());

  const progress = createProgressApi(
    id,
    {
      update: (item) => windowService.updateStatusBarItem(item),
      remove: (itemId) => windowService.removeStatusBarItem(itemId),
    },
    { start: (request, onCancel) => host.progress.start(request, onCancel) },
  );
  const quickInput = createQuickInputApi(host.quickInput, guardedEvent);
  const reports = createWindowReportsApi(host.windowReports, () => host.sessions.target(), guardedEvent);
  const window = {
    ...createTreeViewsApi(id, host.treeViews, guardedEvent, track),
    ...quickInput,
    // Getters (spreading would copy one reading of them).
    get activeColorTheme() {
      return reports.activeColorTheme;
    },
    onDidChangeActiveColorTheme: reports.onDidChangeActiveColorTheme,
    get state() {
      return reports.state;
    },
    onDidChangeWindowState: reports.onDidChangeWindowState,
    /** VS Code's: a quick pick of the workspace folders (name, path); none open → undefined. */
    showWorkspaceFolderPick: async (options: { placeHolder?: string; ignoreFocusOut?: boolean } = {}) => {
      const list = folders();
      if (list.length === 0) return undefined;
      const picked = await quickInput.showQuickPick(
        list.map((folder) => ({ label: folder.name, description: folder.uri.fsPath, folder })),
        {
          ...(options.placeHolder !== undefined ? { placeHolder: options.placeHolder } : {}),
          ...(options.ignoreFocusOut !== undefined ? { ignoreFocusOut: options.ignoreFocusOut } : {}),
        },
      );
      return picked && typeof picked === "object" && "folder" in picked ? picked.folder : undefined;
    },
    ...createDialogsApi(host.dialogs),
    withProgress: progress.withProgress,
    setStatusBarMessage: (text: string, hideAfter?: number | PromiseLike<unknown>) =>
      track(progress.setStatusBarMessage(text, hideAfter)),
    showInformationMessage: showMessage("information"),
    showWarningMessage: showMessage("warning"),
    showErrorMessage: showMessage("error"),
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
      return editorWindow.activeTextEditor;
    },
    get visibleTextEditors() {
      return editorWindow.visibleTextEditors;
    },
    onDidChangeActiveTextEditor: editorWindow.onDidChangeActiveTextEditor,
    onDidChangeVisibleTextEditors: editorWindow.onDidChangeVisibleTextEditors,
    onDidChangeTextEditorSelection: editorWindow.onDidChangeTextEditorSelection,
    onDidChangeTextEditorVisibleRanges: editorWindow.onDidChangeTextEditorVisibleRanges,
    onDidChangeTextEditorOptions: editorWindow.onDidChangeTextEditorOptions,
    showTextDocument: editorWindow.showTextDocument,
    tabGroups: createTabGroupsApi({
      documents: () => host.sessions.target()?.documents.all ?? [],
      activeUri: () => host.sessions.target()?.activeUri,
      onDidOpen: documents.onDidOpen.event,
      onDidClose: documents.onDidClose.event,
      onDidChangeActive: documents.onDidChangeActiveEditor.event,
      guard: guardedEvent,
    }),
    createTextEditorDecorationType: (options: Parameters<typeof editorWindow.createTextEditorDecorationType>[0]) =>
      track(editorWindow.createTextEditorDecorationType(options)),
  };

  // ── workspace ──────────────────────────────────────────────────────────────────────────
  const mapEvent = <A, B>(source: types.EventEmitter<A>, f: (a: A) => B) => {
    const e = new EventEmitter<B>();
    source.event((a) => e.fire(f(a)));
    return guardedEvent(e.event);
  };
  const configurationApi = createConfigurationApi({
    configuration: host.configuration,
    sessions: host.sessions,
    guardedEvent,
  });
  const folders = (): WorkspaceFolder[] =>
    (host.sessions.target()?.workspaceFolders ?? []).map((f, index) => ({
      uri: Uri.parse(f.uri),
      name: f.name,
      index,
    }));
  const contentProviders = createContentProvidersApi(id, host.fileSystemProviders, track);
  /** workspace.fs / findFiles / createFileSystemWatcher (api/workspace-fs.ts), watchers tracked and their events guarded. */
  const workspaceFiles = ({ fs, findFiles, createFileSystemWatcher }: ReturnType<typeof createWorkspaceFs>) => ({
    fs,
    findFiles,
    ...createFileOperationEvents(id, host.fileOperations, guardedEvent, track),
    createFileSystemWatcher: (...args: Parameters<typeof createFileSystemWatcher>) => {
      const w = track(createFileSystemWatcher(...args));
      return {
        ...w,
        onDidCreate: guardedEvent(w.onDidCreate),
        onDidChange: guardedEvent(w.onDidChange),
        onDidDelete: guardedEvent(w.onDidDelete),
      };
    },
  });
  const files = workspaceFiles(createWorkspaceFs(host));
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
    /** Already trusted from the start, so the grant never happens (VS Code fires it on a grant). */
    onDidGrantWorkspaceTrust: neverFires<void>(),
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
      // Other schemes come from their content or file system provider.
      const text = uri.scheme === "file" ? readFileSync(uri.fsPath, "utf8") : await contentProviders.readText(uri);
      return textDocument(new DocumentModel(uri.toString(), languageOf(uri.path), 1, text));
    },
    onDidOpenTextDocument: mapEvent(documents.onDidOpen, textDocument),
    onDidCloseTextDocument: mapEvent(documents.onDidClose, textDocument),
    onDidSaveTextDocument: mapEvent(documents.onDidSave, textDocument),
    onWillSaveTextDocument: createWillSaveEvent(id, host.saveParticipants, track),
    onDidChangeTextDocument: mapEvent(documents.onDidChange, textDocumentChangeEvent),
    onDidChangeWorkspaceFolders: mapEvent(host.workspaceFolders.onDidChange, ({ added, removed }) => ({
      added: added.map((f) => ({
        uri: Uri.parse(f.uri),
        name: f.name,
        index: folders().findIndex((g) => g.uri.toString() === f.uri),
      })),
      removed: removed.map((f, index) => ({ uri: Uri.parse(f.uri), name: f.name, index })),
    })),
    onDidChangeConfiguration: configurationApi.onDidChangeConfiguration,
    getConfiguration: configurationApi.getConfiguration,
    applyEdit: applyEdit({ service: host.workspaceEdits, target: () => host.sessions.target(), reportError }),
    save: saving.save,
    saveAll: saving.saveAll,
    saveAs: saveAsApi(() => host.sessions.target()),
    ...files,
    // Other schemes than file: go to their FileSystemProvider (api/content-providers.ts).
    fs: contentProviders.routeFs(files.fs),
    registerTextDocumentContentProvider: contentProviders.registerTextDocumentContentProvider,
    registerFileSystemProvider: contentProviders.registerFileSystemProvider,
  };

  // ── languages (api/languages.ts) ─────────────────────────────────────────────────────────
  const languages = {
    ...createLanguagesApi({ ext, host, track, guardedEvent }),
    setLanguageConfiguration: createSetLanguageConfiguration(host.languageConfigurations, track),
  };

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
      /** Where the application is installed (the folder holding its package.json). */
      appRoot: APP_ROOT,
      // Neither telemetry (always off), the shell nor the log level changes while the host runs.
      onDidChangeTelemetryEnabled: neverFires<boolean>(),
      onDidChangeShell: neverFires<string>(),
      onDidChangeLogLevel: neverFires<types.LogLevel>(),
      clipboard: {
        readText: () => host.env.readClipboard(),
        writeText: (text: string) => Promise.resolve().then(() => host.env.writeClipboard(text)),
      },
      openExternal: (target: Uri) => {
        if (!(target instanceof Uri)) throw new Error("vscode.env.openExternal: expected a vscode.Uri");
        return host.env.openExternal(target.toString(true));
      },
      /** Local windows reach local URIs as they are (no port forwarding or tunnels). */
      asExternalUri: (target: Uri) => {
        if (!(target instanceof Uri)) throw new Error("vscode.env.asExternalUri: expected a vscode.Uri");
        return Promise.resolve(target);
      },
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

/** `vscode.TextDocumentChangeEvent`; an empty `contentChanges` is a dirty-state change, as in VS Code. */
const textDocumentChangeEvent = ({ doc, changes, reason }: DocumentChangeEvent) => ({
  document: textDocument(doc),
  contentChanges: changes.map((c) => ({
    range: new types.Range(c.range.start.line, c.range.start.character, c.range.end.line, c.range.end.character),
    text: c.text,
  })),
  reason:
    reason === "undo"
      ? types.TextDocumentChangeReason.Undo
      : reason === "redo"
        ? types.TextDocumentChangeReason.Redo
        : undefined,
});

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
