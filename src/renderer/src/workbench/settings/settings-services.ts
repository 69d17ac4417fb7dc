/**
 * The window's side of settings, keybindings, context keys and menus: the settings snapshot (re-read
 * whenever the host says a file changed) applied live to the editors and the theme; the context
 * key service; the keybinding dispatcher (capture phase, so extension bindings win as in VS Code,
 * but only keys that resolve to a command or a chord are taken — typing and Monaco's own keys
 * pass); and the command runner menus and keybindings share.
 */
import { registerEditorContextSubmenus } from "../menus/editor-context-submenus.js";
import { wantsAltInMenu } from "../menus/alt-key.js";
import { runEditorMenuCommand } from "../menus/menu-commands.js";
import { resolveMenu, type MenuGroup } from "../menus/menu-model.js";
import {
  ExtHostConfigurationContract,
  WorkbenchConfigurationContract,
  type KeybindingsAndMenus,
  type MenuItemDto,
  type SettingDto,
  type SettingsSnapshot,
  type SettingsTarget,
} from "../../../../protocol/contracts/configuration.js";
import { proxy, serve, type Proxy } from "../../../../protocol/rpc-contract.js";
import { builtinCommands, errorText, notify } from "../commands.js";
import { EDITOR_FILE_KEYBINDINGS } from "../files/editor-file-keys.js";
import { monaco } from "../editor/monaco.js";
import { ContextKeyService } from "../keybindings/context-keys.js";
import { buildRules, primaryKeybinding, resolve, type KeybindingRule } from "../keybindings/keybinding-resolver.js";
import { chordOfEvent, keybindingLabel, type Chord } from "../keybindings/keys.js";
import { whenMatches } from "../keybindings/when.js";
import { Store } from "../store.js";
import type { WorkbenchServices } from "../workbench-services.js";

/** The workbench's own rules that live in this registry (the older ones are in Workbench.tsx). */
const DEFAULT_RULES = [
  { key: "ctrl+,", command: "workbench.action.openSettings", source: "Default" },
  { key: "ctrl+k ctrl+s", command: "workbench.action.openGlobalKeybindings", source: "Default" },
  ...EDITOR_FILE_KEYBINDINGS,
] as const;

export type SettingsView = "settings" | "keybindings";

const CHORD_STATUS_ID = "workbench.keybindings.chord";

export class SettingsServices {
  readonly snapshot = new Store<SettingsSnapshot | undefined>(undefined);
  readonly contributions = new Store<KeybindingsAndMenus | undefined>(undefined);
  readonly rules = new Store<ReadonlyArray<KeybindingRule>>(buildRules(DEFAULT_RULES));
  /** The Settings editor or the Keyboard Shortcuts view, shown over the editor groups. */
  readonly view = new Store<SettingsView | undefined>(undefined);
  readonly contextKeys: ContextKeyService;
  readonly host: Proxy<typeof ExtHostConfigurationContract>;
  private values = new Map<string, SettingDto>();
  private pending: { chord: Chord; event: KeyboardEvent; target: EventTarget | null } | undefined;
  /** Events we re-dispatched to Monaco after a chord that is not ours: not dispatched again. */
  private readonly forwarded = new WeakSet<Event>();
  private loadedGeneration = -1;

  constructor(private readonly services: WorkbenchServices) {
    this.host = proxy(services.client, ExtHostConfigurationContract);
    this.contextKeys = new ContextKeyService(
      (key) => this.computedKey(key),
      (key) => this.value(key),
    );
    // Computed keys change with focus, the active editor, the open overlays.
    const bump = () => this.contextKeys.changed();
    for (const s of [services.documents.active, services.editor.focused, services.quickOpen, services.paletteOpen]) {
      s.subscribe(bump);
    }
    services.sidebarView.subscribe(bump);
    services.workspaceFolder.subscribe(bump);
    this.view.subscribe(bump);
    document.addEventListener("focusin", bump);
  }

  async start(): Promise<void> {
    await serve(this.services.client, WorkbenchConfigurationContract, {
      configurationChanged: ({ keybindings }) => void (keybindings ? this.loadKeybindings() : this.loadSettings()),
      setContext: ({ key, value }) => this.contextKeys.set(key, value),
    }).ready;
    const onState = () => {
      const s = this.services.client.state();
      if (s._tag === "Connected" && s.generation !== this.loadedGeneration) {
        this.loadedGeneration = s.generation;
        void this.loadSettings();
        void this.loadKeybindings();
      }
    };
    this.services.client.subscribe(onState);
    onState();
    window.addEventListener("keydown", (e) => this.onKeyDown(e), true);
  }

  /** The value in force: workspace, else user, else default. */
  value(key: string): unknown {
    const s = this.values.get(key);
    if (!s) return undefined;
    return s.workspaceValue !== undefined ? s.workspaceValue : s.userValue !== undefined ? s.userValue : s.defaultValue;
  }

  async update(key: string, value: unknown, target: SettingsTarget): Promise<void> {
    try {
      await this.host.updateSetting({ key, ...(value === undefined ? {} : { value }), target });
      await this.loadSettings();
    } catch (e) {
      notify(this.services, "error", errorText(e));
    }
  }

  async openJson(which: "user" | "workspace" | "keybindings"): Promise<void> {
    try {
      const uri = await this.host.ensureFile(which);
      this.view.set(undefined);
      await this.services.documents.openFile(uri);
    } catch (e) {
      notify(this.services, "error", errorText(e));
    }
  }

  /** A folder may have been opened: workspace settings differ. */
  async loadSettings(): Promise<void> {
    try {
      const before = this.values;
      const snap = await this.host.settings();
      this.values = new Map(snap.settings.map((s) => [s.key, s]));
      this.snapshot.set(snap);
      this.applyToEditors();
      const theme = this.value("workbench.colorTheme");
      const previous = before.get("workbench.colorTheme");
      const themeChanged =
        previous === undefined || JSON.stringify(previous) !== JSON.stringify(this.values.get("workbench.colorTheme"));
      if (themeChanged && typeof theme === "string" && theme !== "") this.applyTheme(theme);
      this.contextKeys.changed();
    } catch (e) {
      console.warn(`could not load settings: ${errorText(e)}`);
    }
  }

  async loadKeybindings(): Promise<void> {
    try {
      const c = await this.host.keybindingsAndMenus();
      this.contributions.set(c);
      this.rules.set(buildRules([...DEFAULT_RULES, ...c.keybindings], (m) => console.warn(m)));
    } catch (e) {
      console.warn(`could not load keybindings: ${errorText(e)}`);
    }
  }

  labelFor(command: string): string | undefined {
    const rule = primaryKeybinding(this.rules.get(), command);
    return rule ? keybindingLabel(rule.chords) : undefined;
  }

  /** A command's `enablement` clause (true when it has none). */
  isEnabled = (command: string): boolean => {
    const c = this.contributions.get()?.commands.find((x) => x.id === command);
    return whenMatches(c?.enablement, this.contextKeys.get);
  };

  /** The items of a menu whose `when` holds, grouped and ordered as VS Code orders them (`group@order`). */
  menu(id: string, overlay: Readonly<Record<string, unknown>> = {}): MenuItemDto[] {
    const get = this.contextKeys.with(overlay);
    const items = (this.contributions.get()?.menus[id] ?? []).filter((i) => whenMatches(i.when, get));
    const order = (i: MenuItemDto) => {
      const [group = "", at = ""] = (i.group ?? "").split("@");
      return { group, at: Number(at) || 0 };
    };
    return [...items].sort((a, b) => {
      const x = order(a);
      const y = order(b);
      return x.group === y.group ? x.at - y.at : x.group < y.group ? -1 : 1;
    });
  }

  /** A menu's visible entries in sorted groups, submenus resolved (menus/menu-model.ts). */
  menuGroups(id: string, overlay: Readonly<Record<string, unknown>> = {}): MenuGroup[] {
    return resolveMenu(this.contributions.get(), id, this.contextKeys.with(overlay));
  }

  /** Commands the palette hides: a `commandPalette` entry whose `when` is false, or disabled ones. */
  hiddenInPalette(command: string): boolean {
    const entries = (this.contributions.get()?.menus["commandPalette"] ?? []).filter((i) => i.command === command);
    if (entries.length > 0 && !entries.some((i) => whenMatches(i.when, this.contextKeys.get))) return true;
    return !this.isEnabled(command);
  }

  presentation(command: string) {
    return this.contributions.get()?.commands.find((c) => c.id === command);
  }

  /** Runs a command for a keybinding or a menu: the workbench's, the focused editor's, else the host's. */
  async runCommand(id: string, args?: unknown): Promise<void> {
    if (!this.isEnabled(id)) return;
    const builtin = builtinCommands(this.services).find((c) => c.id === id);
    if (builtin) {
      this.services.recentCommands.touch(id);
      await builtin.run();
      return;
    }
    const editorAction = this.services.editor.focused.get()?.getAction(id);
    if (editorAction) {
      await editorAction.run(args);
      return;
    }
    try {
      await this.services.host.executeCommand({ id, args: args === undefined ? [] : [args] }, { timeoutMs: 0 });
    } catch (e) {
      notify(this.services, "error", errorText(e));
    }
  }

  /**
   * Per Monaco editor: live settings, and `editor/context` items brought up to date as the menu
   * opens. Items that stay are kept, not re-added: a menu already on screen holds the action
   * objects, and a disposed one runs nothing when clicked.
   */
  attachEditor(editor: monaco.editor.IStandaloneCodeEditor, dom: HTMLElement): () => void {
    this.applyEditorOptions(editor);
    const added = new Map<string, monaco.IDisposable>();
    const focus = editor.onDidFocusEditorText(() => this.contextKeys.changed());
    const blur = editor.onDidBlurEditorText(() => this.contextKeys.changed());
    // Capture phase: before Monaco's own handler builds the menu from the editor's actions.
    let submenus: monaco.IDisposable | undefined;
    const onContextMenu = (e: MouseEvent) => {
      submenus?.dispose();
      // Entries with an `alt` command show it when the menu opens with Alt held (VS Code's choice).
      const useAlt = wantsAltInMenu({ alt: e.altKey, shift: e.shiftKey });
      const withSubmenus = this.menuGroups("editor/context").map((g) => ({
        ...g,
        entries: g.entries.filter((e) => e.kind === "submenu"),
      }));
      // Extension commands get the editor's resource as a vscode.Uri, as in VS Code.
      const run = (command: string) => runEditorMenuCommand(this.services, command, editor.getModel()?.uri.toString());
      submenus = registerEditorContextSubmenus(editor, withSubmenus, (entry) => run(entry.command), useAlt);
      const wanted = new Map(
        this.menu("editor/context").map((item) => {
          const command = useAlt && item.alt !== undefined ? item.alt : item.command;
          return [`${command}@${item.group ?? ""}`, { command, group: item.group }];
        }),
      );
      for (const [key, action] of added) {
        if (wanted.has(key)) continue;
        action.dispose();
        added.delete(key);
      }
      for (const [key, item] of wanted) {
        if (added.has(key)) continue;
        const [group = "navigation", at = ""] = (item.group ?? "navigation").split("@");
        const title = this.presentation(item.command)?.title ?? item.command;
        added.set(
          key,
          editor.addAction({
            id: `menu.editorContext.${key}`,
            label: title,
            contextMenuGroupId: group,
            contextMenuOrder: Number(at) || 0,
            run: () => run(item.command),
          }),
        );
      }
    };
    dom.addEventListener("contextmenu", onContextMenu, true);
    return () => {
      dom.removeEventListener("contextmenu", onContextMenu, true);
      submenus?.dispose();
      for (const d of added.values()) d.dispose();
      focus.dispose();
      blur.dispose();
    };
  }

  private applyToEditors(): void {
    for (const e of this.services.editor.editors) this.applyEditorOptions(e);
    const tabSize = this.value("editor.tabSize");
    const insertSpaces = this.value("editor.insertSpaces");
    for (const m of monaco.editor.getModels()) {
      m.updateOptions({
        ...(typeof tabSize === "number" && tabSize > 0 ? { tabSize, indentSize: tabSize } : {}),
        ...(typeof insertSpaces === "boolean" ? { insertSpaces } : {}),
      });
    }
  }

  private applyEditorOptions(e: monaco.editor.IStandaloneCodeEditor): void {
    if (this.values.size === 0) return;
    const fontSize = this.value("editor.fontSize");
    const wordWrap = this.value("editor.wordWrap");
    const minimap = this.value("editor.minimap.enabled");
    const lineNumbers = this.value("editor.lineNumbers");
    e.updateOptions({
      ...(typeof fontSize === "number" && fontSize > 0 ? { fontSize } : {}),
      ...(wordWrap === "off" || wordWrap === "on" || wordWrap === "wordWrapColumn" || wordWrap === "bounded"
        ? { wordWrap }
        : {}),
      ...(typeof minimap === "boolean" ? { minimap: { enabled: minimap } } : {}),
      ...(lineNumbers === "on" || lineNumbers === "off" || lineNumbers === "relative" || lineNumbers === "interval"
        ? { lineNumbers }
        : {}),
    });
  }

  private applyTheme(name: string): void {
    const themes = this.services.editor.themes;
    const theme = themes.themes.get().find((t) => t.id === name || t.label === name);
    if (theme) themes.choose(theme.id);
    else notify(this.services, "error", `workbench.colorTheme: no colour theme named "${name}"`);
  }

  private computedKey(key: string): unknown {
    const s = this.services;
    const editor = s.editor.focused.get();
    const active = s.documents.active.get();
    const focusedEl = document.activeElement;
    switch (key) {
      case "editorTextFocus":
        return editor?.hasTextFocus() ?? false;
      case "editorFocus":
        return editor?.hasWidgetFocus() ?? false;
      case "textInputFocus":
        return (
          (editor?.hasTextFocus() ?? false) ||
          focusedEl instanceof HTMLInputElement ||
          focusedEl instanceof HTMLTextAreaElement
        );
      case "inputFocus":
        return focusedEl instanceof HTMLInputElement || focusedEl instanceof HTMLTextAreaElement;
      case "editorHasSelection":
        return editor ? !(editor.getSelection()?.isEmpty() ?? true) : false;
      case "editorLangId":
      case "resourceLangId":
        return active ? s.documents.model(active)?.getLanguageId() : undefined;
      case "resource":
        return active;
      case "resourceScheme":
        return active?.split(":")[0];
      case "resourceFilename":
        return active ? decodeURIComponent(active.split("/").pop() ?? "") : undefined;
      case "resourceExtname": {
        const name = active ? decodeURIComponent(active.split("/").pop() ?? "") : "";
        const dot = name.lastIndexOf(".");
        return dot > 0 ? name.slice(dot) : "";
      }
      case "explorerViewletVisible":
        return s.sidebarView.get() === "explorer";
      case "explorerViewletFocus":
      case "filesExplorerFocus":
        return focusedEl?.closest('[data-testid="explorer"]') != null;
      case "searchViewletVisible":
        return s.sidebarView.get() === "search";
      case "activeViewlet":
        return s.sidebarView.get() === "explorer" ? "workbench.view.explorer" : "workbench.view.search";
      case "inQuickOpen":
        return s.quickOpen.get() !== undefined || s.paletteOpen.get();
      case "panelVisible":
        return s.panel.get() !== undefined;
      case "inSettingsEditor":
        return this.view.get() === "settings";
      case "inKeybindings":
        return this.view.get() === "keybindings";
      case "workbenchState":
        return s.workspaceFolder.get() ? "folder" : "empty";
      case "workspaceFolderCount":
        return s.workspaceFolder.get() ? 1 : 0;
      case "isLinux":
        return /Linux/.test(navigator.platform);
      case "isMac":
        return /Mac/.test(navigator.platform);
      case "isWindows":
        return /Win/.test(navigator.platform);
      case "isWeb":
        return s.bridge === undefined;
      default:
        return undefined;
    }
  }

  private showChordStatus(text: string | undefined): void {
    this.services.statusItems.update((m) => {
      const next = new Map(m);
      if (text === undefined) next.delete(CHORD_STATUS_ID);
      else {
        next.set(CHORD_STATUS_ID, {
          id: CHORD_STATUS_ID,
          extensionId: "Direct Editor",
          text,
          alignment: "left",
          priority: 100_000,
          visible: true,
        });
      }
      return next;
    });
  }

  private onKeyDown(e: KeyboardEvent): void {
    if (this.forwarded.has(e) || e.isComposing) return;
    const chord = chordOfEvent(e);
    if (!chord) return;
    const rules = this.rules.get();
    const get = this.contextKeys.get;
    const pending = this.pending;
    if (pending) {
      this.pending = undefined;
      const label = keybindingLabel([pending.chord, chord]);
      this.showChordStatus(undefined);
      const r = resolve(rules, [pending.chord, chord], get, this.isEnabled);
      if (r.kind === "command") {
        this.take(e);
        void this.runCommand(r.rule.command, r.rule.args);
        return;
      }
      // Not ours: Monaco may bind it (Ctrl+K Ctrl+C…) — give it both keys, as if we never looked.
      if (pending.target instanceof HTMLElement && pending.target.closest(".monaco-editor")) {
        this.take(e);
        this.forward(pending.event, pending.target);
        this.forward(e, pending.target);
        return;
      }
      this.take(e);
      this.showChordStatus(`The key combination (${label}) is not a command.`);
      setTimeout(() => this.showChordStatus(undefined), 3_000);
      return;
    }
    const r = resolve(rules, [chord], get, this.isEnabled);
    if (r.kind === "none") return;
    this.take(e);
    if (r.kind === "chord") {
      this.pending = { chord, event: e, target: e.target };
      this.showChordStatus(`(${keybindingLabel([chord])}) was pressed. Waiting for second key of chord…`);
      return;
    }
    void this.runCommand(r.rule.command, r.rule.args);
  }

  private take(e: KeyboardEvent): void {
    e.preventDefault();
    e.stopPropagation();
  }

  /** Re-dispatches a key to Monaco's textarea; Monaco reads `keyCode`, which synthetic events lack. */
  private forward(original: KeyboardEvent, target: HTMLElement): void {
    const copy = new KeyboardEvent("keydown", {
      key: original.key,
      code: original.code,
      ctrlKey: original.ctrlKey,
      shiftKey: original.shiftKey,
      altKey: original.altKey,
      metaKey: original.metaKey,
      bubbles: true,
      cancelable: true,
    });
    Object.defineProperty(copy, "keyCode", { value: original.keyCode });
    Object.defineProperty(copy, "which", { value: original.which });
    this.forwarded.add(copy);
    target.dispatchEvent(copy);
  }
}
