/** The Settings editor or Keyboard Shortcuts, shown over the editor groups while open. */
import { KeyboardShortcuts } from "./KeyboardShortcuts.js";
import { SettingsEditor } from "./SettingsEditor.js";
import { useStore } from "../store.js";
import type { WorkbenchServices } from "../workbench-services.js";

export const SettingsViews = ({ services }: { services: WorkbenchServices }) => {
  const view = useStore(services.settings.view);
  if (!view) return null;
  return (
    <div className="settings-overlay">
      {view === "settings" ? <SettingsEditor services={services} /> : <KeyboardShortcuts services={services} />}
    </div>
  );
};
