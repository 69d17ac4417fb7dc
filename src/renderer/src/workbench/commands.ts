/** Built-in commands, listed in the palette next to the extensions' ones. */
import { closeDocument, saveDocument } from "./file-flows.js";
import { editorFileCommands } from "./files/editor-file-commands.js";
import { EDITOR_FILE_KEY_LABELS } from "./files/editor-file-keys.js";
import type { WorkbenchServices } from "./workbench-services.js";
import { showWorkspaceSymbols } from "./workspace-symbols.js";

export interface PaletteCommand {
  readonly id: string;
  readonly title: string;
  readonly source: string;
  readonly run: () => unknown;
}

/** The workbench's own keybindings (Workbench.tsx's `workbenchKey`), shown in the palette. */
export const KEYBINDINGS: Readonly<Record<string, string>> = {
  "workbench.action.showCommands": "Ctrl+Shift+P",
  "workbench.action.quickOpen": "Ctrl+P",
  "workbench.action.findInFiles": "Ctrl+Shift+F",
  "workbench.view.explorer": "Ctrl+Shift+E",
  "workbench.action.files.save": "Ctrl+S",
  "workbench.action.togglePanel": "Ctrl+J",
  "workbench.action.closeActiveEditor": "Ctrl+W",
  "workbench.action.splitEditor": "Ctrl+\\",
  "workbench.action.nextEditor": "Ctrl+Tab",
  "workbench.action.openSettings": "Ctrl+,",
  "workbench.action.openGlobalKeybindings": "Ctrl+K Ctrl+S",
  "workbench.action.showAllSymbols": "Ctrl+T",
  ...EDITOR_FILE_KEY_LABELS,
};

/** Shows the Search view and focuses its query box. */
export const showSearch = (services: WorkbenchServices): void => {
  services.sidebarView.set("search");
  requestAnimationFrame(() => document.querySelector<HTMLInputElement>('[data-testid="search-input"]')?.focus());
};

export const errorText = (e: unknown): string => {
  const tag = (e as { _tag?: string })._tag;
  const message = e instanceof Error ? e.message : String(e);
  return tag ? `${tag}: ${message}` : message;
};

/** A notification raised by the workbench itself (not by an extension). */
export const notify = (services: WorkbenchServices, severity: "information" | "error", message: string): void => {
  services.notifications.update((list) => [
    ...list,
    {
      id: Date.now() + Math.random(),
      request: { severity, message, items: [], extensionId: "Direct Editor" },
      resolve: () => undefined,
    },
  ]);
};

export const openFolder = async (services: WorkbenchServices): Promise<void> => {
  const picked = services.bridge?.openFolderDialog
    ? await services.bridge.openFolderDialog()
    : await services
        .askInput({ prompt: "Folder to open (absolute path)" })
        .then((p) =>
          p ? `file://${p.startsWith("/") ? "" : "/"}${p.split("/").map(encodeURIComponent).join("/")}` : null,
        );
  if (picked) await services.openFolder(picked);
};

/** "Preferences: Color Theme": the first item goes back to following the OS. */
export const pickColorTheme = async (services: WorkbenchServices): Promise<void> => {
  const themeService = services.editor.themes;
  const themes = themeService.themes.get();
  const current = themeService.preference();
  const index = await new Promise<number | null>((resolve) =>
    services.quickInput.set({
      kind: "pick",
      request: {
        placeHolder: "Select Color Theme",
        items: [
          { label: "Follow OS (Dark+ / Light+ / High Contrast)", ...(current ? {} : { description: "current" }) },
          ...themes.map((t) => ({ label: t.label, ...(t.id === current ? { description: "current" } : {}) })),
        ],
      },
      resolve,
    }),
  );
  if (index === null) return;
  themeService.choose(index === 0 ? undefined : themes[index - 1]?.id);
};

export const builtinCommands = (services: WorkbenchServices): PaletteCommand[] => [
  {
    id: "workbench.action.quickOpen",
    title: "Go to File…",
    source: "built-in",
    run: () => services.quickOpen.set(""),
  },
  {
    id: "workbench.action.gotoLine",
    title: "Go to Line/Column…",
    source: "built-in",
    run: () => services.quickOpen.set(":"),
  },
  {
    id: "workbench.action.findInFiles",
    title: "Search: Find in Files",
    source: "built-in",
    run: () => showSearch(services),
  },
  {
    id: "workbench.view.explorer",
    title: "View: Show Explorer",
    source: "built-in",
    run: () => services.sidebarView.set("explorer"),
  },
  {
    id: "workbench.action.showAllSymbols",
    title: "Go to Symbol in Workspace…",
    source: "built-in",
    run: () => showWorkspaceSymbols(services, (message) => notify(services, "error", message)),
  },
  {
    id: "outline.focus",
    title: "View: Show Outline",
    source: "built-in",
    run: () => services.sidebarView.set("outline"),
  },
  {
    id: "workbench.action.selectTheme",
    title: "Preferences: Color Theme",
    source: "built-in",
    run: () => pickColorTheme(services),
  },
  {
    id: "workbench.action.openSettings",
    title: "Preferences: Open Settings",
    source: "built-in",
    run: () => services.settings.view.set("settings"),
  },
  {
    id: "workbench.action.openSettingsJson",
    title: "Preferences: Open User Settings (JSON)",
    source: "built-in",
    run: () => services.settings.openJson("user"),
  },
  {
    id: "workbench.action.openWorkspaceSettingsFile",
    title: "Preferences: Open Workspace Settings (JSON)",
    source: "built-in",
    run: () => services.settings.openJson("workspace"),
  },
  {
    id: "workbench.action.openGlobalKeybindings",
    title: "Preferences: Open Keyboard Shortcuts",
    source: "built-in",
    run: () => services.settings.view.set("keybindings"),
  },
  {
    id: "workbench.action.openGlobalKeybindingsFile",
    title: "Preferences: Open Keyboard Shortcuts (JSON)",
    source: "built-in",
    run: () => services.settings.openJson("keybindings"),
  },
  {
    id: "workbench.action.files.openFolder",
    title: "File: Open Folder…",
    source: "built-in",
    run: () => openFolder(services),
  },
  {
    id: "workbench.action.splitEditor",
    title: "View: Split Editor",
    source: "built-in",
    run: () => services.editor.groups.split(),
  },
  {
    id: "workbench.action.closeActiveEditor",
    title: "View: Close Editor",
    source: "built-in",
    run: () => {
      const uri = services.documents.active.get();
      return uri ? closeDocument(services, uri) : undefined;
    },
  },
  {
    id: "editor.action.toggleWordWrap",
    title: "View: Toggle Word Wrap",
    source: "built-in",
    run: () => services.editor.focused.get()?.trigger("palette", "editor.action.toggleWordWrap", null),
  },
  {
    id: "workbench.action.files.save",
    title: "File: Save",
    source: "built-in",
    run: () => {
      const uri = services.documents.active.get();
      return uri ? saveDocument(services, uri) : undefined;
    },
  },
  ...editorFileCommands(services),
  {
    id: "workbench.action.togglePanel",
    title: "View: Toggle Panel",
    source: "built-in",
    run: () => services.panel.update((p) => (p ? undefined : "problems")),
  },
  {
    id: "workbench.action.problems",
    title: "View: Problems",
    source: "built-in",
    run: () => services.panel.set("problems"),
  },
  { id: "workbench.action.output", title: "View: Output", source: "built-in", run: () => services.panel.set("output") },
  {
    id: "workbench.action.reloadWindow",
    title: "Developer: Reload Window",
    source: "built-in",
    run: () => services.reloadWindow(),
  },
  {
    id: "workbench.action.showRunningExtensions",
    title: "Developer: Show Running Extensions",
    source: "built-in",
    run: () => services.panel.set("developer"),
  },
  {
    id: "workbench.action.ipcProfiler",
    title: "Developer: IPC Profiler",
    source: "built-in",
    run: () => services.panel.set("developer"),
  },
  {
    id: "workbench.action.pingExtensionHost",
    title: "Developer: Ping Extension Host",
    source: "built-in",
    run: async () => {
      const t0 = performance.now();
      try {
        await services.channel.ping();
        notify(services, "information", `Extension host answered in ${(performance.now() - t0).toFixed(2)} ms`);
      } catch (e) {
        notify(services, "error", errorText(e));
      }
    },
  },
  {
    id: "workbench.action.restartExtensionHost",
    title: "Developer: Restart Extension Host",
    source: "built-in",
    run: () => restartExtensionHost(services),
  },
  {
    id: "workbench.action.reconnectExtensionHost",
    title: "Developer: Reconnect to Extension Host",
    source: "built-in",
    run: () => services.client.reconnect(),
  },
];

/** Asks main for a fresh extension host (also the way out after its crash-loop guard gave up). */
export const restartExtensionHost = async (services: WorkbenchServices): Promise<void> => {
  const restart = services.bridge?.restartExtensionHost;
  if (!restart) return notify(services, "error", "This window cannot restart the extension host (no main process).");
  try {
    await restart();
    await services.client.reconnect();
  } catch (e) {
    notify(services, "error", `Restart Extension Host failed: ${errorText(e)}`);
  }
};

/** Main gave up restarting a crashing host: say so, and offer the restart VS Code offers. */
export const offerHostRestart = (services: WorkbenchServices, reason: string): void => {
  services.notifications.update((list) => [
    ...list,
    {
      id: Date.now() + Math.random(),
      request: {
        severity: "error",
        message: `The extension host terminated unexpectedly and will not be restarted: ${reason}`,
        items: ["Restart Extension Host"],
        extensionId: "Direct Editor",
      },
      resolve: (item) => {
        if (item) void restartExtensionHost(services);
      },
    },
  ]);
};

export const runHostCommand = async (services: WorkbenchServices, id: string): Promise<void> => {
  try {
    await services.host.executeCommand({ id, args: [] }, { timeoutMs: 0 });
  } catch (e) {
    notify(services, "error", errorText(e));
  }
};
