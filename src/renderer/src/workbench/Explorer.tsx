/** File tree of the workspace folder, read lazily through the extension host (which owns the disk). */
import { useState } from "react";
import type { FileEntry } from "../../../protocol/workbench.js";
import { useChannelState } from "../use-channel-state.js";
import { MenuActions } from "./settings/MenuActions.js";
import { useStore } from "./store.js";
import type { WorkbenchServices } from "./workbench-services.js";

const Folder = ({ services, uri, depth }: { services: WorkbenchServices; uri: string; depth: number }) => {
  const [entries, setEntries] = useState<ReadonlyArray<FileEntry> | undefined>(undefined);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<string>();
  if (entries === undefined && error === undefined) {
    services.host.readDirectory(uri).then(
      (r) => setEntries(r),
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
    return <div className="tree-note">Loading…</div>;
  }
  if (error) return <div className="tree-note">{error}</div>;
  return (
    <ul className="tree" role="group">
      {entries!.map((e) => (
        <li key={e.uri}>
          <button
            type="button"
            className={`tree-item ${e.kind}`}
            style={{ paddingLeft: 8 + depth * 12 }}
            data-testid="explorer-item"
            data-name={e.name}
            onClick={() =>
              e.kind === "directory"
                ? setOpen((s) => {
                    const next = new Set(s);
                    if (next.has(e.uri)) next.delete(e.uri);
                    else next.add(e.uri);
                    return next;
                  })
                : void services.documents.openFile(e.uri)
            }
          >
            {e.kind === "directory" ? (open.has(e.uri) ? "▾ " : "▸ ") : "  "}
            {e.name}
          </button>
          {e.kind === "directory" && open.has(e.uri) && <Folder services={services} uri={e.uri} depth={depth + 1} />}
        </li>
      ))}
    </ul>
  );
};

export const Explorer = ({ services, onOpenFolder }: { services: WorkbenchServices; onOpenFolder: () => void }) => {
  const folder = useStore(services.workspaceFolder);
  const channel = useChannelState(services.client);
  // The tree is read through the extension host: wait for it, and re-read on every new one.
  const generation = channel._tag === "Connected" ? channel.generation : undefined;
  return (
    <aside className="sidebar" data-testid="explorer">
      <div className="sidebar-title">
        EXPLORER
        <MenuActions
          services={services}
          menu="view/title"
          overlay={{ view: "workbench.explorer.fileView" }}
          testId="view-title-action"
        />
      </div>
      {folder ? (
        <>
          <div className="sidebar-section">{decodeURIComponent(folder.split("/").pop() ?? folder).toUpperCase()}</div>
          {generation === undefined ? (
            <div className="tree-note">Waiting for the extension host…</div>
          ) : (
            <Folder key={`${folder}#${generation}`} services={services} uri={folder} depth={0} />
          )}
        </>
      ) : (
        <div className="tree-note">
          No folder opened.
          <button type="button" className="primary" onClick={onOpenFolder}>
            Open Folder
          </button>
        </div>
      )}
    </aside>
  );
};
