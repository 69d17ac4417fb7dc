/**
 * Quick Open (Ctrl/Cmd+P): fuzzy file search over the workspace's files (listed by the extension
 * host), recently opened files first. `name:42` opens at a line, `:42` goes to a line of the
 * active editor, like VS Code.
 */
import { useEffect, useMemo, useRef, useState } from "react";
import type { WorkspaceFiles } from "../../../protocol/search.js";
import { errorText } from "./commands.js";
import { fuzzyFilter, Highlighted } from "./fuzzy.js";
import { recentFirst } from "./recent.js";
import { openAt, type Target } from "./search/open-at.js";
import { useStore } from "./store.js";
import type { WorkbenchServices } from "./workbench-services.js";

interface FileItem {
  readonly uri: string;
  /** Workspace-relative, decoded: what is matched and shown. */
  readonly path: string;
}

/** `text` → the file query and the `:line[:column]` suffix (1-based, as typed). */
export const parseQuickOpen = (text: string): { query: string; target?: Target } => {
  const m = /^(.*?):(\d+)(?::(\d+))?\s*$/.exec(text);
  if (!m) return { query: text };
  return { query: m[1]!, target: { line: Math.max(0, Number(m[2]) - 1), column: Math.max(0, Number(m[3] ?? 1) - 1) } };
};

const relativeTo = (folder: string | undefined, uri: string): string => {
  const rel = folder && uri.startsWith(`${folder}/`) ? uri.slice(folder.length + 1) : uri;
  try {
    return decodeURIComponent(rel);
  } catch {
    return rel;
  }
};

export const QuickOpen = ({ services }: { services: WorkbenchServices }) => {
  const initial = useStore(services.quickOpen);
  if (initial === undefined) return null;
  return <QuickOpenBox services={services} initial={initial} />;
};

const QuickOpenBox = ({ services, initial }: { services: WorkbenchServices; initial: string }) => {
  const folder = useStore(services.workspaceFolder);
  const recent = useStore(services.recentFiles.items);
  const [text, setText] = useState(initial);
  const [selected, setSelected] = useState(0);
  const [listing, setListing] = useState<WorkspaceFiles | string | undefined>(undefined);
  /** Enter pressed before the list arrived: open the best match once it does. */
  const acceptWhenListed = useRef(false);
  useEffect(() => {
    const controller = new AbortController();
    services.host.listWorkspaceFiles({}, { signal: controller.signal }).then(
      (r) => setListing(r),
      (e: unknown) => !controller.signal.aborted && setListing(errorText(e)),
    );
    return () => controller.abort();
  }, [services, folder]);

  const files = useMemo<FileItem[]>(() => {
    const listed = typeof listing === "object" ? listing.files : [];
    // Open documents count even when not listed (outside the folder, or not yet listed).
    const all = [...new Set([...listed, ...services.documents.open.get().map((d) => d.uri)])];
    return recentFirst(
      all.map((uri) => ({ uri, path: relativeTo(folder, uri) })),
      (f) => f.uri,
      recent,
    );
  }, [listing, folder, recent, services]);

  const { query, target } = parseQuickOpen(text);
  const goToLine = query === "" && target !== undefined;
  const shown = goToLine ? [] : fuzzyFilter(files, (f) => f.path, query);
  if (query !== "") {
    // Matches of recently opened files first (VS Code's "recently opened" group), each group by score.
    const rank = new Map(recent.map((r, i) => [r, i]));
    shown.sort((a, b) => (rank.has(a.item.uri) ? 0 : 1) - (rank.has(b.item.uri) ? 0 : 1));
  }

  const close = () => services.quickOpen.set(undefined);
  const accept = (item: FileItem | undefined) => {
    if (goToLine) {
      const active = services.documents.active.get();
      close();
      if (active) void openAt(services, active, target);
      return;
    }
    if (!item) return;
    close();
    void openAt(services, item.uri, target);
  };

  const best = shown[0]?.item;
  useEffect(() => {
    if (acceptWhenListed.current && listing !== undefined) {
      acceptWhenListed.current = false;
      services.quickOpen.set(undefined);
      if (best) void openAt(services, best.uri, target);
    }
  }, [listing, best, services, target]);

  return (
    <div className="quick-input quick-open" data-testid="quick-open">
      <input
        autoFocus
        placeholder="Search files by name (append : to go to a line)"
        value={text}
        data-testid="quick-open-input"
        onChange={(e) => {
          setText(e.target.value);
          setSelected(0);
        }}
        onBlur={close}
        onKeyDown={(e) => {
          if (e.key === "Escape") close();
          if (e.key === "Enter") {
            if (listing === undefined && !goToLine) acceptWhenListed.current = true;
            else accept(shown[selected]?.item);
          }
          if (e.key === "ArrowDown") setSelected((s) => Math.min(s + 1, shown.length - 1));
          if (e.key === "ArrowUp") setSelected((s) => Math.max(s - 1, 0));
          if (e.key === "ArrowDown" || e.key === "ArrowUp" || e.key === "Enter") e.preventDefault();
        }}
      />
      {goToLine ? (
        <div className="quick-hint" data-testid="quick-open-hint">
          {services.documents.active.get()
            ? `Go to line ${target.line + 1}, column ${target.column + 1}`
            : "Open an editor first to go to a line"}
        </div>
      ) : (
        <ul>
          {listing === undefined && <li className="muted">Listing the workspace…</li>}
          {typeof listing === "string" && <li className="muted">{listing}</li>}
          {typeof listing === "object" && listing.truncated && (
            <li className="muted" data-testid="quick-open-truncated">
              Only the first {listing.files.length} files are searched
            </li>
          )}
          {shown.map(({ item, positions }, i) => {
            const slash = item.path.lastIndexOf("/");
            const name = item.path.slice(slash + 1);
            return (
              <li key={item.uri}>
                <button
                  type="button"
                  className={i === selected ? "selected" : ""}
                  data-testid="quick-open-item"
                  data-path={item.path}
                  // Keep the input focused (its blur closes the box) until the click lands.
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => accept(item)}
                >
                  <Highlighted text={name} positions={positions} offset={slash + 1} />
                  {slash >= 0 && (
                    <span className="muted">
                      <Highlighted text={item.path.slice(0, slash)} positions={positions} />
                    </span>
                  )}
                  {recent.includes(item.uri) && <span className="muted spacer-left">recently opened</span>}
                </button>
              </li>
            );
          })}
          {listing !== undefined && shown.length === 0 && <li className="muted">No matching files</li>}
        </ul>
      )}
    </div>
  );
};
