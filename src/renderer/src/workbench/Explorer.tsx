/**
 * The file tree of the workspace folder, read through the extension host (which owns the disk
 * and applies `files.exclude`), kept current by its file watcher. New File / New Folder / Rename
 * happen in an inline input, as in VS Code; right-click opens the context menu; F2 renames and
 * Delete deletes the selection.
 */
import { useEffect, useRef, useState } from "react";
import type { FileEntry } from "../../../protocol/workbench.js";
import { useChannelState } from "../use-channel-state.js";
import { openContextMenu, type MenuItem } from "./ContextMenu.js";
import { commitEdit, copyPath, deleteEntry, startNew, startRename, validateName } from "./files/file-operations.js";
import { explorerContributedItems } from "./menus/explorer-menu.js";
import { MenuActions } from "./settings/MenuActions.js";
import { useStore } from "./store.js";
import type { WorkbenchServices } from "./workbench-services.js";

const itemMenu = (services: WorkbenchServices, e: FileEntry | undefined): MenuItem[] => {
  const common: MenuItem[] = [
    { label: "New File…", run: () => startNew(services, "file", e?.uri) },
    { label: "New Folder…", run: () => startNew(services, "folder", e?.uri) },
  ];
  if (!e) return common;
  return [
    ...(e.kind === "file"
      ? [{ label: "Open", run: () => services.documents.openFile(e.uri) }, "separator" as const]
      : []),
    ...common,
    "separator",
    { label: "Copy Path", keybinding: "Shift+Alt+C", run: () => copyPath(services, e.uri, false) },
    { label: "Copy Relative Path", keybinding: "Ctrl+Shift+Alt+C", run: () => copyPath(services, e.uri, true) },
    "separator",
    { label: "Rename…", keybinding: "F2", run: () => startRename(services, e.uri) },
    { label: "Delete", keybinding: "Delete", run: () => deleteEntry(services, e.uri) },
    ...explorerContributedItems(services, e),
  ];
};

/** The inline name input (new entry or rename): validated as you type, Enter commits, Escape cancels. */
const NameInput = ({
  services,
  parent,
  initial,
  renaming,
  depth,
}: {
  services: WorkbenchServices;
  parent: string;
  initial: string;
  renaming?: string;
  depth: number;
}) => {
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<string>();
  const ref = useRef<HTMLInputElement>(null);
  const done = useRef(false);
  useEffect(() => {
    const input = ref.current;
    if (!input) return;
    input.focus();
    // VS Code selects the name without its extension.
    const dot = initial.lastIndexOf(".");
    input.setSelectionRange(0, dot > 0 ? dot : initial.length);
  }, [initial]);
  const commit = async () => {
    if (done.current) return;
    const message = await commitEdit(services, value);
    if (message) setError(message);
    else done.current = true;
  };
  const cancel = () => {
    done.current = true;
    services.explorer.edit.set(undefined);
  };
  return (
    <div className="tree-input" style={{ paddingLeft: 8 + depth * 12 }}>
      <input
        ref={ref}
        value={value}
        aria-label={renaming ? "Rename" : "New name"}
        aria-invalid={error !== undefined}
        data-testid="explorer-input"
        spellCheck={false}
        onChange={(e) => {
          setValue(e.target.value);
          setError(validateName(services, parent, e.target.value, renaming));
        }}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === "Enter") void commit();
          else if (e.key === "Escape") cancel();
        }}
        // VS Code: leaving the input commits a valid name and drops an invalid one.
        onBlur={() => {
          if (done.current) return;
          if (validateName(services, parent, value, renaming) === undefined && value !== "") void commit();
          else cancel();
        }}
      />
      {error && (
        <div className="tree-input-error" role="alert" data-testid="explorer-input-error">
          {error.replace(/\*\*/g, "")}
        </div>
      )}
    </div>
  );
};

const Folder = ({ services, uri, depth }: { services: WorkbenchServices; uri: string; depth: number }) => {
  const children = useStore(services.explorer.children);
  const errors = useStore(services.explorer.errors);
  const expanded = useStore(services.explorer.expanded);
  const selected = useStore(services.explorer.selected);
  const edit = useStore(services.explorer.edit);
  const active = useStore(services.documents.active);
  const entries = children.get(uri);
  const error = errors.get(uri);
  const missing = entries === undefined && error === undefined;
  useEffect(() => {
    if (missing) void services.explorer.load(uri);
  }, [services, uri, missing]);
  if (error && !entries) return <div className="tree-note">{error}</div>;
  if (!entries) return <div className="tree-note">Loading…</div>;
  const creating = edit?.kind === "new" && edit.parent === uri ? edit : undefined;
  return (
    <ul className="tree" role="group">
      {creating && (
        <li>
          <NameInput services={services} parent={uri} initial="" depth={depth} />
        </li>
      )}
      {entries.map((e) => (
        <li key={e.uri}>
          {edit?.kind === "rename" && edit.uri === e.uri ? (
            <NameInput services={services} parent={uri} initial={e.name} renaming={e.uri} depth={depth} />
          ) : (
            <button
              type="button"
              className={`tree-item ${e.kind} ${selected === e.uri ? "selected" : ""} ${active === e.uri ? "active" : ""}`}
              style={{ paddingLeft: 8 + depth * 12 }}
              data-testid="explorer-item"
              data-name={e.name}
              data-uri={e.uri}
              aria-selected={selected === e.uri}
              onClick={() => {
                services.explorer.selected.set(e.uri);
                if (e.kind === "directory") services.explorer.toggle(e.uri);
                else void services.documents.openFile(e.uri);
              }}
              onContextMenu={(ev) => {
                ev.stopPropagation();
                services.explorer.selected.set(e.uri);
                openContextMenu(ev, itemMenu(services, e));
              }}
            >
              {e.kind === "directory" ? (expanded.has(e.uri) ? "▾ " : "▸ ") : "  "}
              {e.name}
            </button>
          )}
          {e.kind === "directory" && expanded.has(e.uri) && (
            <Folder services={services} uri={e.uri} depth={depth + 1} />
          )}
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
  useEffect(() => {
    services.explorer.reset();
  }, [services, folder, generation]);
  const onKeyDown = (e: React.KeyboardEvent) => {
    const selected = services.explorer.selected.get();
    if (!selected || services.explorer.edit.get()) return;
    if (e.key === "F2") startRename(services, selected);
    else if (e.key === "Delete") void deleteEntry(services, selected, e.shiftKey);
    else return;
    e.preventDefault();
  };
  return (
    <aside className="sidebar" data-testid="explorer" onKeyDown={onKeyDown}>
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
          <div className="sidebar-section explorer-header">
            <span>{decodeURIComponent(folder.split("/").pop() ?? folder).toUpperCase()}</span>
            <span className="spacer" />
            <button
              type="button"
              title="New File…"
              aria-label="New File"
              data-testid="explorer-new-file"
              onClick={() => startNew(services, "file")}
            >
              <span className="codicon codicon-new-file" aria-hidden="true" />
            </button>
            <button
              type="button"
              title="New Folder…"
              aria-label="New Folder"
              data-testid="explorer-new-folder"
              onClick={() => startNew(services, "folder")}
            >
              <span className="codicon codicon-new-folder" aria-hidden="true" />
            </button>
            <button
              type="button"
              title="Refresh Explorer"
              aria-label="Refresh Explorer"
              onClick={() => services.explorer.refresh()}
            >
              <span className="codicon codicon-refresh" aria-hidden="true" />
            </button>
          </div>
          {generation === undefined ? (
            <div className="tree-note">Waiting for the extension host…</div>
          ) : (
            <div
              className="tree-root"
              data-testid="explorer-tree"
              onContextMenu={(e) => {
                services.explorer.selected.set(undefined);
                openContextMenu(e, itemMenu(services, undefined));
              }}
            >
              <Folder key={`${folder}#${generation}`} services={services} uri={folder} depth={0} />
            </div>
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
