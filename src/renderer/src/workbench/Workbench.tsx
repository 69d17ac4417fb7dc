/** The window: explorer | editor groups (tabs + Monaco), bottom panel, status bar, and the overlays. */
import { OutlineView } from "./OutlineView.js";
import { HierarchyView } from "./hierarchy/HierarchyView.js";
import { REFERENCES_VIEW } from "./hierarchy/hierarchy-model.js";
import { showWorkspaceSymbols } from "./workspace-symbols.js";
import { useEffect, useMemo } from "react";
import { BinaryView } from "./BinaryView.js";
import { ContextMenu } from "./ContextMenu.js";
import { Dialog } from "./Dialog.js";
import { EditorPane } from "./EditorPane.js";
import { Explorer } from "./Explorer.js";
import { Notifications } from "./Notifications.js";
import { Palette } from "./Palette.js";
import { Panels } from "./Panels.js";
import { QuickInputBox } from "./QuickInput.js";
import { QuickOpen } from "./QuickOpen.js";
import { SearchView } from "./search/SearchView.js";
import { SettingsViews } from "./settings/SettingsViews.js";
import { Sash, persistedSize } from "./Sash.js";
import { StatusBar } from "./StatusBar.js";
import { Tabs } from "./Tabs.js";
import { notify, openFolder, showSearch } from "./commands.js";
import { closeDocument, saveDocument } from "./file-flows.js";
import { useStore } from "./store.js";
import { ActivityBar } from "./views/ActivityBar.js";
import { ContainerViews, ViewContainer } from "./views/ViewContainer.js";
import type { WorkbenchServices } from "./workbench-services.js";

/** Workbench keys. Keys Monaco handled (defaultPrevented) are left alone, so its bindings win. */
const workbenchKey = (services: WorkbenchServices, e: KeyboardEvent): (() => void) | undefined => {
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.toLowerCase();
  const groups = services.editor.groups;
  if ((mod && e.shiftKey && key === "p") || e.key === "F1") return () => services.paletteOpen.set(true);
  if (mod && !e.shiftKey && key === "p") return () => services.quickOpen.set("");
  if (mod && e.shiftKey && key === "f") return () => showSearch(services);
  if (mod && e.shiftKey && key === "e") return () => services.sidebarView.set("explorer");
  if (mod && !e.shiftKey && key === "s") {
    return () => {
      const uri = services.documents.active.get();
      if (uri) void saveDocument(services, uri);
    };
  }
  if (mod && key === "j") return () => services.panel.update((p) => (p ? undefined : "problems"));
  if (e.ctrlKey && e.key === "Tab") return () => groups.cycle(e.shiftKey ? -1 : 1);
  if (e.ctrlKey && e.key === "PageDown") return () => groups.cycle(1);
  if (e.ctrlKey && e.key === "PageUp") return () => groups.cycle(-1);
  if (mod && !e.shiftKey && key === "w") {
    return () => {
      const uri = services.documents.active.get();
      if (uri) void closeDocument(services, uri);
    };
  }
  if (mod && e.key === "\\") return () => groups.split();
  if (mod && !e.shiftKey && key === "t")
    return () => void showWorkspaceSymbols(services, (message) => notify(services, "error", message));
  return undefined;
};

export const Workbench = ({ services }: { services: WorkbenchServices }) => {
  const groups = useStore(services.editor.groups.groups);
  const focused = useStore(services.editor.groups.focused);
  const sidebar = useMemo(() => persistedSize("sidebar", 240), []);
  const panel = useMemo(() => persistedSize("panel", 240), []);
  const sidebarWidth = useStore(sidebar);
  const panelHeight = useStore(panel);
  const panelOpen = useStore(services.panel) !== undefined;
  const docs = useStore(services.documents.open);
  const isBinary = (uri: string) => docs.some((d) => d.uri === uri && d.binary);
  const sidebarView = useStore(services.sidebarView);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const action = workbenchKey(services, e);
      if (!action) return;
      e.preventDefault();
      action();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [services]);
  return (
    <div className="workbench">
      <div className="main">
        <ActivityBar services={services} />
        <div className="sidebar-container" style={{ width: sidebarWidth, flexDirection: "column" }}>
          {/* The explorer stays mounted (its expanded folders survive a visit to Search). */}
          <div style={{ display: sidebarView === "explorer" ? "contents" : "none" }}>
            <Explorer services={services} onOpenFolder={() => void openFolder(services)} />
            <ContainerViews services={services} container="explorer" />
          </div>
          {sidebarView === "search" && <SearchView services={services} />}
          {sidebarView === "outline" && <OutlineView services={services} />}
          {sidebarView === REFERENCES_VIEW && <HierarchyView services={services} />}
          {sidebarView !== "explorer" &&
            sidebarView !== "search" &&
            sidebarView !== "outline" &&
            sidebarView !== REFERENCES_VIEW && <ViewContainer services={services} id={sidebarView} />}
        </div>
        <Sash orientation="vertical" size={sidebar} min={120} max={800} testId="sidebar-sash" />
        <div className="editor-area">
          <div className="editor-groups">
            {groups.map((g) => (
              <div
                key={g.id}
                className={`editor-group ${g.id === focused ? "focused" : ""}`}
                data-testid="editor-group"
                data-group={g.id}
              >
                <Tabs services={services} group={g.id} {...(g.active ? { active: g.active } : {})} />
                {g.active && isBinary(g.active) && <BinaryView services={services} uri={g.active} />}
                {g.active ? (
                  <EditorPane
                    hidden={isBinary(g.active)}
                    services={services}
                    uri={g.active}
                    group={g.id}
                    onFocus={() => services.editor.groups.focus(g.id)}
                  />
                ) : (
                  <div className="empty-editor">
                    <p>Ctrl+Shift+P — Show All Commands · Ctrl+P — Go to File</p>
                    <p>Ctrl+Shift+F — Find in Files</p>
                    <p>Ctrl+S — Save · Ctrl+J — Toggle Panel · Ctrl+\ — Split Editor</p>
                  </div>
                )}
              </div>
            ))}
            <SettingsViews services={services} />
          </div>
          {panelOpen && <Sash orientation="horizontal" size={panel} min={80} max={900} invert testId="panel-sash" />}
          <div className="panel-container" style={panelOpen ? { height: panelHeight } : undefined}>
            <Panels services={services} />
          </div>
        </div>
      </div>
      <StatusBar services={services} />
      <Palette services={services} />
      <QuickOpen services={services} />
      <QuickInputBox services={services} />
      <Notifications services={services} />
      <Dialog services={services} />
      <ContextMenu />
    </div>
  );
};
