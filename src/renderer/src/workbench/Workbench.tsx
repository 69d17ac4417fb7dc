/** The window: explorer | tabs + editor, bottom panel, status bar, and the overlays. */
import { useEffect } from "react";
import { EditorPane } from "./EditorPane.js";
import { Explorer } from "./Explorer.js";
import { Notifications } from "./Notifications.js";
import { Palette } from "./Palette.js";
import { Panels } from "./Panels.js";
import { QuickInputBox } from "./QuickInput.js";
import { StatusBar } from "./StatusBar.js";
import { Tabs } from "./Tabs.js";
import { openFolder } from "./commands.js";
import { useStore } from "./store.js";
import type { WorkbenchServices } from "./workbench-services.js";

export const Workbench = ({ services }: { services: WorkbenchServices }) => {
  const active = useStore(services.documents.active);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // Monaco handled it (e.g. F1, its own command palette, inside the editor): leave it be.
      if (e.defaultPrevented) return;
      const mod = e.ctrlKey || e.metaKey;
      if ((mod && e.shiftKey && e.key.toLowerCase() === "p") || e.key === "F1") {
        e.preventDefault();
        services.paletteOpen.set(true);
      } else if (mod && !e.shiftKey && e.key.toLowerCase() === "s") {
        e.preventDefault();
        const uri = services.documents.active.get();
        if (uri) void services.documents.save(uri);
      } else if (mod && e.key.toLowerCase() === "j") {
        e.preventDefault();
        services.panel.update((p) => (p ? undefined : "problems"));
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [services]);
  return (
    <div className="workbench">
      <div className="main">
        <Explorer services={services} onOpenFolder={() => void openFolder(services)} />
        <div className="editor-area">
          <Tabs services={services} />
          {active ? (
            <EditorPane services={services} uri={active} />
          ) : (
            <div className="empty-editor">
              <p>Ctrl+Shift+P — Show All Commands</p>
              <p>Ctrl+S — Save · Ctrl+J — Toggle Panel</p>
            </div>
          )}
          <Panels services={services} />
        </div>
      </div>
      <StatusBar services={services} />
      <Palette services={services} />
      <QuickInputBox services={services} />
      <Notifications services={services} />
    </div>
  );
};
