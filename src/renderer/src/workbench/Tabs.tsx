import { isDirty } from "./documents.js";
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
          className={`tab ${d.uri === active ? "active" : ""}`}
          data-testid="tab"
          data-name={basename(d.uri)}
          data-dirty={isDirty(d)}
          data-restored={d.restored}
          title={d.restored ? "Unsaved changes restored" : d.uri}
          onClick={() => {
            groups.focus(group);
            services.documents.setActive(d.uri);
          }}
        >
          {basename(d.uri)}
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
      <MenuActions services={services} menu="editor/title" testId="editor-title-action" />
      {group !== 0 && (
        <button type="button" className="tab-close" aria-label="close group" onClick={() => groups.close(group)}>
          ×
        </button>
      )}
    </div>
  );
};
