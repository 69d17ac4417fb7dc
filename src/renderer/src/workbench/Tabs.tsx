import { isDirty } from "./documents.js";
import { basename } from "./languages.js";
import { useStore } from "./store.js";
import type { WorkbenchServices } from "./workbench-services.js";

export const Tabs = ({ services }: { services: WorkbenchServices }) => {
  const docs = useStore(services.documents.open);
  const active = useStore(services.documents.active);
  return (
    <div className="tabs" role="tablist">
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
          onClick={() => services.documents.setActive(d.uri)}
        >
          {basename(d.uri)}
          {d.restored && <span className="restored"> (restored)</span>}
          <button
            type="button"
            className="tab-close"
            aria-label={isDirty(d) ? "unsaved; close" : "close"}
            onClick={(e) => {
              e.stopPropagation();
              services.documents.close(d.uri);
            }}
          >
            {isDirty(d) ? "●" : "×"}
          </button>
        </div>
      ))}
    </div>
  );
};
