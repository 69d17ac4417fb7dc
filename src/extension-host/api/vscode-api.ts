/**
 * The object an extension gets from `require('vscode')`: one per extension, so everything it
 * registers is attributed to it (errors go to its Output channel, its disposables to it).
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { Workbench, type DiagnosticDto, type Severity, type StatusBarItemDto } from "../../protocol/workbench.js";
import type { DocumentModel } from "../documents.js";
import type { ExtensionHostCore, DocumentSelector } from "../extension-host-core.js";
import type { ExtensionRuntime } from "../extensions/extension-runtime.js";
import { textDocument } from "./text-document.js";
import * as types from "./types.js";

const { Disposable, EventEmitter, Uri } = types;
type Uri = types.Uri;

const toUri = (u: Uri | string): Uri => (typeof u === "string" ? (u.includes("://") ? Uri.parse(u) : Uri.file(u)) : u);

const SEVERITIES: Severity[] = ["error", "warning", "information", "hint"];

const rangeDto = (r: types.Range) => ({
  start: { line: r.start.line, character: r.start.character },
  end: { line: r.end.line, character: r.end.character },
});

export enum FileType {
  Unknown = 0,
  File = 1,
  Directory = 2,
  SymbolicLink = 64,
}

export const createVscodeApi = (ext: ExtensionRuntime, core: ExtensionHostCore): Record<string, unknown> => {
  const id = ext.id;
  const track = <T extends { dispose(): unknown }>(d: T): T => d;

  /** An event whose listeners' errors land in this extension's Output channel. */
  const guardedEvent =
    <T>(event: types.Event<T>): types.Event<T> =>
    (listener, thisArgs, disposables) =>
      event(
        (e) => {
          try {
            const r = listener.call(thisArgs, e);
            if (r instanceof Promise) r.catch((err: unknown) => core.reportError(id, "event listener", err));
          } catch (err) {
            core.reportError(id, "event listener", err);
          }
        },
        undefined,
        disposables,
      );
  // ── commands ───────────────────────────────────────────────────────────────────────────
  const commands = {
    registerCommand: (command: string, handler: (...args: unknown[]) => unknown, thisArg?: unknown) => {
      if (core.commands.has(command)) throw new Error(`command '${command}' already exists`);
      core.commands.set(command, { extensionId: id, handler: thisArg ? handler.bind(thisArg) : handler });
      core.notifyWorkbench(Workbench.commandsChanged, []);
      return track(
        new Disposable(() => {
          if (core.commands.get(command)?.extensionId === id) core.commands.delete(command);
          core.notifyWorkbench(Workbench.commandsChanged, []);
        }),
      );
    },
    executeCommand: (command: string, ...args: unknown[]) => core.executeCommand(command, args),
    getCommands: () => Promise.resolve([...core.commands.keys()]),
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
      const chosen = await core
        .callWorkbench(Workbench.showMessage, [
          { severity, message: String(message), items: titles, modal, extensionId: id },
        ])
        .catch(() => null);
      const index = typeof chosen === "string" ? titles.indexOf(chosen) : -1;
      return index >= 0 ? items[index] : undefined;
    };

  const outputChannel = (name: string) => {
    const append = (text: string) => core.notifyWorkbench(Workbench.outputAppend, [name, text]);
    return {
      name,
      append,
      appendLine: (text: string) => append(`${text}\n`),
      replace: (text: string) => {
        core.notifyWorkbench(Workbench.outputClear, [name]);
        append(text);
      },
      clear: () => core.notifyWorkbench(Workbench.outputClear, [name]),
      show: () => core.notifyWorkbench(Workbench.outputShow, [name]),
      hide: () => undefined,
      dispose: () => core.notifyWorkbench(Workbench.outputClear, [name]),
    };
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
        core.statusBarItems.set(itemId, dto);
        core.notifyWorkbench(Workbench.statusBarUpdate, [dto]);
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
          core.statusBarItems.delete(itemId);
          core.notifyWorkbench(Workbench.statusBarRemove, [itemId]);
        },
      },
      { text: prop("text"), tooltip: prop("tooltip"), command: prop("command") },
    );
    return item;
  };

  const activeEditor = (doc: DocumentModel | undefined) => {
    if (!doc) return undefined;
    const sel = core.activeSelection;
    const anchor = new types.Position(sel?.start.line ?? 0, sel?.start.character ?? 0);
    const active = new types.Position(sel?.end.line ?? 0, sel?.end.character ?? 0);
    return { document: textDocument(doc), selection: new types.Selection(anchor, active), viewColumn: 1 };
  };
  const onDidChangeActiveTextEditor = new EventEmitter<unknown>();
  core.onDidChangeActiveEditor.event((doc) => onDidChangeActiveTextEditor.fire(activeEditor(doc)));

  const window = {
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
      const picked = await core
        .callWorkbench(Workbench.showQuickPick, [
          {
            items: dtos,
            ...(options.placeHolder ? { placeHolder: options.placeHolder } : {}),
            ...(options.canPickMany ? { canPickMany: true } : {}),
          },
        ])
        .catch(() => null);
      if (Array.isArray(picked)) return picked.filter((n): n is number => typeof n === "number").map((n) => items[n]);
      return typeof picked === "number" ? items[picked] : undefined;
    },
    showInputBox: async (
      options: { prompt?: string; placeHolder?: string; value?: string; password?: boolean } = {},
    ) => {
      const value = await core.callWorkbench(Workbench.showInputBox, [{ ...options }]).catch(() => null);
      return typeof value === "string" ? value : undefined;
    },
    createOutputChannel: (name: string) => outputChannel(name),
    createStatusBarItem,
    get activeTextEditor() {
      return activeEditor(core.activeUri ? core.documents.get(core.activeUri) : undefined);
    },
    get visibleTextEditors() {
      const e = activeEditor(core.activeUri ? core.documents.get(core.activeUri) : undefined);
      return e ? [e] : [];
    },
    onDidChangeActiveTextEditor: guardedEvent(onDidChangeActiveTextEditor.event),
    showTextDocument: async (docOrUri: { uri: Uri } | Uri) => {
      const uri = docOrUri instanceof Uri ? docOrUri : docOrUri.uri;
      await core.callWorkbench(Workbench.showTextDocument, [uri.toString()]);
      return activeEditor(core.documents.get(uri.toString()));
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
        core.configuration.has(key(k)) ? (core.configuration.get(key(k)) as T) : defaultValue,
      has: (k: string) => core.configuration.has(key(k)),
      update: (k: string, value: unknown) => {
        core.configuration.set(key(k), value);
        core.onDidChangeConfiguration.fire(key(k));
        return Promise.resolve();
      },
      inspect: (k: string) => ({ key: key(k), defaultValue: core.configuration.get(key(k)) }),
    };
  };
  const workspace = {
    get workspaceFolders() {
      return core.workspaceFolders.length === 0
        ? undefined
        : core.workspaceFolders.map((f, index) => ({ uri: Uri.parse(f.uri), name: f.name, index }));
    },
    get rootPath() {
      return core.workspaceFolders[0] ? Uri.parse(core.workspaceFolders[0].uri).fsPath : undefined;
    },
    get textDocuments() {
      return core.documents.all.map(textDocument);
    },
    openTextDocument: async (arg: Uri | string | { content?: string; language?: string }) => {
      if (typeof arg === "object" && !(arg instanceof Uri)) {
        const { DocumentModel } = await import("../documents.js");
        return textDocument(
          new DocumentModel(`untitled:Untitled-${Date.now()}`, arg.language ?? "plaintext", 1, arg.content ?? ""),
        );
      }
      const uri = toUri(arg);
      const open = core.documents.get(uri.toString());
      if (open) return textDocument(open);
      const { DocumentModel } = await import("../documents.js");
      return textDocument(new DocumentModel(uri.toString(), languageOf(uri.path), 1, readFileSync(uri.fsPath, "utf8")));
    },
    onDidOpenTextDocument: mapEvent(core.onDidOpenTextDocument, textDocument),
    onDidCloseTextDocument: mapEvent(core.onDidCloseTextDocument, textDocument),
    onDidSaveTextDocument: mapEvent(core.onDidSaveTextDocument, textDocument),
    onDidChangeTextDocument: mapEvent(core.onDidChangeTextDocument, ({ doc, change }) => ({
      document: textDocument(doc),
      contentChanges: change.changes.map((c) => ({
        range: new types.Range(c.range.start.line, c.range.start.character, c.range.end.line, c.range.end.character),
        text: c.text,
      })),
    })),
    onDidChangeConfiguration: mapEvent(core.onDidChangeConfiguration, (changed) => ({
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

  // ── languages ──────────────────────────────────────────────────────────────────────────
  const createDiagnosticCollection = (name = id) => {
    const entries = new Map<string, types.Diagnostic[]>();
    const push = (uri: string, diagnostics: readonly types.Diagnostic[]) => {
      const dtos: DiagnosticDto[] = diagnostics.map((d) => ({
        range: rangeDto(d.range),
        message: d.message,
        severity: SEVERITIES[d.severity] ?? "error",
        ...(d.source ? { source: d.source } : {}),
        ...(d.code !== undefined ? { code: d.code } : {}),
      }));
      core.pushDiagnostics(name, uri, dtos);
    };
    return {
      name,
      set: (uriOrEntries: Uri | Array<[Uri, types.Diagnostic[] | undefined]>, diagnostics?: types.Diagnostic[]) => {
        const list: Array<[Uri, types.Diagnostic[] | undefined]> =
          uriOrEntries instanceof Uri ? [[uriOrEntries, diagnostics]] : uriOrEntries;
        for (const [uri, diags] of list) {
          entries.set(uri.toString(), [...(diags ?? [])]);
          push(uri.toString(), diags ?? []);
        }
      },
      delete: (uri: Uri) => {
        entries.delete(uri.toString());
        push(uri.toString(), []);
      },
      clear: () => {
        entries.clear();
        core.notifyWorkbench(Workbench.diagnosticsClear, [name]);
      },
      get: (uri: Uri) => entries.get(uri.toString()),
      has: (uri: Uri) => entries.has(uri.toString()),
      forEach: (cb: (uri: Uri, diagnostics: types.Diagnostic[]) => void) =>
        entries.forEach((d, u) => cb(Uri.parse(u), d)),
      dispose: () => core.notifyWorkbench(Workbench.diagnosticsClear, [name]),
    };
  };
  const languages = {
    registerCompletionItemProvider: (
      selector: DocumentSelector,
      provider: { provideCompletionItems(...a: unknown[]): unknown },
    ) => {
      const entry = { extensionId: id, selector, provider };
      core.completionProviders.add(entry);
      return new Disposable(() => core.completionProviders.delete(entry));
    },
    registerHoverProvider: (selector: DocumentSelector, provider: { provideHover(...a: unknown[]): unknown }) => {
      const entry = { extensionId: id, selector, provider };
      core.hoverProviders.add(entry);
      return new Disposable(() => core.hoverProviders.delete(entry));
    },
    createDiagnosticCollection,
  };

  const extensions = {
    getExtension: (extensionId: string) => {
      const r = core.extensions.find((e) => e.id === extensionId);
      return r
        ? {
            id: r.id,
            extensionPath: r.description.location,
            packageJSON: r.description.manifest,
            get isActive() {
              return r.activated;
            },
            get exports() {
              return r.exports;
            },
            activate: () => core.activate(r, "api").then(() => r.exports),
          }
        : undefined;
    },
    get all() {
      return core.extensions.map((r) => ({ id: r.id, extensionPath: r.description.location, isActive: r.activated }));
    },
  };

  return {
    version: "1.90.0",
    env: { appName: "Direct Editor", language: "en", machineId: "direct-editor" },
    commands,
    window,
    workspace,
    languages,
    extensions,
    FileType,
    ...types,
  };
};

const LANGUAGES: Record<string, string> = {
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
export const languageOf = (path: string): string =>
  LANGUAGES[path.split(".").pop()?.toLowerCase() ?? ""] ?? "plaintext";
