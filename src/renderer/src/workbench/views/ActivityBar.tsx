/** The activity bar: Explorer, Search, Outline and the extensions' view containers, with their views' badges. */
import { hierarchyModel, REFERENCES_VIEW } from "../hierarchy/hierarchy-model.js";
import { useStore } from "../store.js";
import type { WorkbenchServices } from "../workbench-services.js";
import { containerVisible, useContextKeys } from "./view-visibility.js";

export const ActivityBar = ({ services }: { services: WorkbenchServices }) => {
  const current = useStore(services.sidebarView);
  const contributions = useStore(services.features.views.contributions);
  const states = useStore(services.features.views.states);
  const hierarchy = useStore(hierarchyModel(services).state);
  useContextKeys(services);
  const entries = [
    { id: "explorer", title: "Explorer", icon: "files", testId: "sidebar-tab-explorer" },
    { id: "search", title: "Search", icon: "search", testId: "sidebar-tab-search" },
    { id: "outline", title: "Outline", icon: "list-tree", testId: "sidebar-tab-outline" },
    // VS Code's References container appears once a hierarchy was shown.
    ...(hierarchy
      ? [{ id: REFERENCES_VIEW, title: "References", icon: "references", testId: "sidebar-tab-references" }]
      : []),
    ...contributions.containers
      .filter((c) => containerVisible(services, contributions, c.id))
      .map((c) => ({ id: c.id, title: c.title, icon: c.icon, testId: `activity-${c.id}` })),
  ];
  const badge = (container: string) =>
    contributions.views
      .filter((v) => v.container === container)
      .reduce((sum, v) => sum + (states.get(v.id)?.badge?.value ?? 0), 0);
  return (
    <nav className="activity-bar" role="tablist" aria-orientation="vertical" data-testid="activity-bar">
      {entries.map((e) => {
        const count = badge(e.id);
        return (
          <button
            key={e.id}
            type="button"
            role="tab"
            title={e.title}
            aria-label={e.title}
            aria-selected={current === e.id}
            className={current === e.id ? "on" : ""}
            data-testid={e.testId}
            onClick={() => services.sidebarView.set(e.id)}
          >
            {e.icon?.startsWith("data:") ? (
              <img src={e.icon} alt="" />
            ) : (
              <span className={`codicon codicon-${e.icon ?? "extensions"}`} aria-hidden="true" />
            )}
            {count > 0 && <span className="badge">{count}</span>}
          </button>
        );
      })}
    </nav>
  );
};
