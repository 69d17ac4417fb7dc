/** The views of one activity-bar container (or the Explorer's contributed views), each a collapsible pane. */
import { useEffect, useMemo, useState } from "react";
import type { ViewDto } from "../../../../protocol/contracts/views.js";
import { useStore } from "../store.js";
import type { WorkbenchServices } from "../workbench-services.js";
import { TreeItemMenus } from "./tree-item-menus.js";
import { TreeView } from "./TreeView.js";
import { MenuActions } from "../settings/MenuActions.js";
import { useContextKeys, visibleViews, visibleWelcome } from "./view-visibility.js";

/** `viewsWelcome` contents: text lines, and `[label](command:id)` links as buttons. */
const Welcome = ({ services, contents }: { services: WorkbenchServices; contents: string }) => (
  <div className="view-welcome" data-testid="view-welcome">
    {contents.split("\n").map((line, i) => {
      const parts = line.split(/(\[[^\]]+\]\([^)]+\))/g).filter(Boolean);
      return (
        <p key={i}>
          {parts.map((p, j) => {
            const link = /^\[([^\]]+)\]\((command:)?([^)]+)\)$/.exec(p);
            if (!link) return p;
            const [, label, isCommand, target] = link as unknown as [string, string, string | undefined, string];
            return (
              <button
                key={j}
                type="button"
                className="primary"
                onClick={() =>
                  isCommand
                    ? void services.host.executeCommand({ id: target, args: [] }).catch(() => undefined)
                    : void services.features.openExternal(target)
                }
              >
                {label}
              </button>
            );
          })}
        </p>
      );
    })}
  </div>
);

const ViewPane = ({ services, view }: { services: WorkbenchServices; view: ViewDto }) => {
  const views = services.features.views;
  const state = useStore(views.states).get(view.id);
  const contributions = useStore(views.contributions);
  useContextKeys(services);
  const [open, setOpen] = useState(true);
  const tree = views.tree(view.id);
  useStore(tree.version);
  const menus = useMemo(() => new TreeItemMenus(services, tree), [services, tree]);
  useEffect(() => {
    if (!open) return;
    void views.open(view.id).catch(() => undefined);
    return () => views.close(view.id);
  }, [views, view.id, open]);
  const empty = (tree.children.get("") ?? []).length === 0;
  const welcome = visibleWelcome(services, contributions, view.id);
  return (
    <section className="view-pane" data-testid="view-pane" data-view={view.id}>
      <div className="view-pane-header">
        <button type="button" className="view-header" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          <span className={`codicon ${open ? "codicon-chevron-down" : "codicon-chevron-right"}`} aria-hidden="true" />
          <span className="view-title">{(state?.title ?? view.name).toUpperCase()}</span>
          {state?.description && <span className="tree-description">{state.description}</span>}
          {state?.badge && (
            <span className="badge" title={state.badge.tooltip} data-testid="view-badge">
              {state.badge.value}
            </span>
          )}
        </button>
        <MenuActions services={services} menu="view/title" overlay={{ view: view.id }} testId="view-title-action" />
      </div>
      {open && (
        <div className="view-body">
          {state?.message && (
            <div className="tree-note" data-testid="view-message">
              {state.message}
            </div>
          )}
          {state?.registered && <TreeView tree={tree} canSelectMany={state.canSelectMany} menus={menus} />}
          {empty && welcome.map((w, i) => <Welcome key={i} services={services} contents={w.contents} />)}
        </div>
      )}
    </section>
  );
};

/** The contributed views of `container` whose `when` holds. */
export const ContainerViews = ({ services, container }: { services: WorkbenchServices; container: string }) => {
  const contributions = useStore(services.features.views.contributions);
  useContextKeys(services);
  const views = visibleViews(services, contributions, container);
  return (
    <>
      {views.map((v) => (
        <ViewPane key={v.id} services={services} view={v} />
      ))}
    </>
  );
};

export const ViewContainer = ({ services, id }: { services: WorkbenchServices; id: string }) => {
  const contributions = useStore(services.features.views.contributions);
  const container = contributions.containers.find((c) => c.id === id);
  return (
    <aside className="sidebar" data-testid="view-container" data-container={id}>
      <div className="sidebar-title">{(container?.title ?? id).toUpperCase()}</div>
      <ContainerViews services={services} container={id} />
    </aside>
  );
};
