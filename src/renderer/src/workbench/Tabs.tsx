import { openContextMenu } from "./ContextMenu.js";
import { isDirty } from "./documents.js";
import { copyPath, revealActive } from "./files/file-operations.js";
import { closeDocument } from "./file-flows.js";
import { basename } from "./languages.js";
import { MenuActions } from "./settings/MenuActions.js";
import { useStore } from "./store.js";
import type { WorkbenchServices } from "./workbench-services.js";

/** The tab bar of one editor group; clicking a tab focuses the group and shows the document there. */
export const Tabs = ({ services, group, active }: { services: WorkbenchServices; group: number; active?: string }) => {
  const docs = useStore(services.documents.open);
  const groups = services.editor.groups;
  return (
    <div className="tabs" role="tablist" data-group={group}>
      {docs.map((d) => (
        <div
          key={d.uri}
          role="tab"
          aria-selected={d.uri === active}
          className={`tab ${d.uri === active ? "active" : ""} ${d.deleted ? "deleted" : ""}`}
          data-testid="tab"
          data-name={basename(d.uri)}
          data-dirty={isDirty(d)}
          data-restored={d.restored}
          data-deleted={d.deleted ?? false}
          title={d.deleted ? `${d.uri} (deleted)` : d.restored ? "Unsaved changes restored" : d.uri}
          onClick={() => {
            groups.focus(group);
            services.documents.setActive(d.uri);
          }}
          onContextMenu={(e) =>
            openContextMenu(e, [
              { label: "Close", keybinding: "Ctrl+W", run: () => closeDocument(services, d.uri) },
              {
                label: "Close Others",
                run: async () => {
                  for (const other of services.documents.open.get().filter((o) => o.uri !== d.uri)) {
                    if (!(await closeDocument(services, other.uri))) return;
                  }
                },
              },
              "separator",
              { label: "Copy Path", run: () => copyPath(services, d.uri, false) },
              { label: "Copy Relative Path", run: () => copyPath(services, d.uri, true) },
              "separator",
              {
                label: "Reveal in Explorer View",
                run: () => {
                  services.documents.setActive(d.uri);
                  return revealActive(services);
                },
              },
            ])
          }
        >
          {basename(d.uri)}
          {d.deleted && <span className="deleted-mark"> (deleted)</span>}
          {d.restored && <span className="restored"> (restored)</span>}
          <button
            type="button"
            className="tab-close"
            aria-label={isDirty(d) ? "unsaved; close" : "close"}
            onClick={(e) => {
              e.stopPropagation();
              void closeDocument(services, d.uri);
            }}
          >
            {isDirty(d) ? "●" : "×"}
          </button>
        </div>
      ))}
      <span className="spacer" />
      <MenuActions services={services} menu="editor/title" testId="editor-title-action" resource={active} />
      {group !== 0 && (
        <button type="button" className="tab-close" aria-label="close group" onClick={() => groups.close(group)}>
          ×
        </button>
      )}
    </div>
  );
};
