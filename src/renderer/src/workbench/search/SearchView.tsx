/**
 * The Search view (Ctrl/Cmd+Shift+F): query with regex / match case / whole word toggles,
 * include and exclude globs, Replace All; results stream in grouped by file, each line with its
 * match highlighted, and a click opens the file at the match.
 */
import { useState } from "react";
import type { FileMatches, TextMatch } from "../../../../protocol/search.js";
import { errorText, notify } from "../commands.js";
import { useStore } from "../store.js";
import type { WorkbenchServices } from "../workbench-services.js";
import { openAt } from "./open-at.js";
import type { SearchOptions } from "./search-model.js";

/** Rows rendered at most (the model keeps up to 20,000 matches). */
const MAX_RENDERED_MATCHES = 2_000;

const Toggle = ({
  services,
  name,
  label,
  title,
}: {
  services: WorkbenchServices;
  name: "isRegExp" | "matchCase" | "wholeWord";
  label: string;
  title: string;
}) => {
  const on = useStore(services.search.options)[name];
  return (
    <button
      type="button"
      className={`search-toggle ${on ? "on" : ""}`}
      title={title}
      aria-pressed={on}
      data-testid={`search-${name}`}
      onClick={() => {
        services.search.options.update((o) => ({ ...o, [name]: !o[name] }));
        void services.search.run();
      }}
    >
      {label}
    </button>
  );
};

const MatchLine = ({ services, uri, match }: { services: WorkbenchServices; uri: string; match: TextMatch }) => {
  const { preview, previewColumn, length } = match;
  return (
    <li>
      <button
        type="button"
        className="tree-item search-match"
        data-testid="search-match"
        data-line={match.line + 1}
        data-column={match.column + 1}
        title={`${match.line + 1}:${match.column + 1}`}
        onClick={() => void openAt(services, uri, match)}
      >
        {preview.slice(0, previewColumn).trimStart()}
        <mark>{preview.slice(previewColumn, previewColumn + length)}</mark>
        {preview.slice(previewColumn + length)}
      </button>
    </li>
  );
};

const FileGroup = ({
  services,
  file,
  folder,
  budget,
}: {
  services: WorkbenchServices;
  file: FileMatches;
  folder: string | undefined;
  budget: number;
}) => {
  const [open, setOpen] = useState(true);
  const rel = folder && file.uri.startsWith(`${folder}/`) ? file.uri.slice(folder.length + 1) : file.uri;
  const path = decodeURIComponent(rel);
  const slash = path.lastIndexOf("/");
  return (
    <li data-testid="search-file" data-path={path}>
      <button type="button" className="tree-item search-file" onClick={() => setOpen((o) => !o)}>
        {open ? "▾ " : "▸ "}
        {path.slice(slash + 1)}
        <span className="muted">{slash >= 0 ? path.slice(0, slash) : ""}</span>
        <span className="search-count">{file.matches.length}</span>
      </button>
      {open && (
        <ul className="tree">
          {file.matches.slice(0, budget).map((m) => (
            <MatchLine key={`${m.line}:${m.column}`} services={services} uri={file.uri} match={m} />
          ))}
        </ul>
      )}
    </li>
  );
};

const Field = ({
  services,
  name,
  placeholder,
  onEnter,
}: {
  services: WorkbenchServices;
  name: keyof Pick<SearchOptions, "pattern" | "include" | "exclude" | "replacement">;
  placeholder: string;
  onEnter: () => void;
}) => {
  const value = useStore(services.search.options)[name];
  return (
    <input
      className="search-field"
      placeholder={placeholder}
      value={value}
      data-testid={name === "pattern" ? "search-input" : `search-${name}`}
      onChange={(e) => {
        services.search.options.update((o) => ({ ...o, [name]: e.target.value }));
        if (name !== "replacement") services.search.runSoon();
      }}
      onKeyDown={(e) => {
        if (e.key === "Enter") onEnter();
        if (e.key === "Escape") services.search.cancel();
      }}
    />
  );
};

export const SearchView = ({ services }: { services: WorkbenchServices }) => {
  const state = useStore(services.search.state);
  const folder = useStore(services.workspaceFolder);
  const [replacing, setReplacing] = useState(false);
  const run = () => void services.search.run();
  const replaceAll = async () => {
    setReplacing(true);
    try {
      const n = await services.search.replaceAll();
      notify(services, "information", `Replaced ${n} occurrence${n === 1 ? "" : "s"}`);
    } catch (e) {
      notify(services, "error", `Replace All failed: ${errorText(e)}`);
    } finally {
      setReplacing(false);
    }
  };
  // Each file gets the rows left of the rendering budget.
  const budgets: number[] = [];
  let used = 0;
  for (const f of state.files) {
    const rows = Math.max(0, Math.min(MAX_RENDERED_MATCHES - used, f.matches.length));
    budgets.push(rows);
    used += rows;
  }
  return (
    <aside className="sidebar search-view" data-testid="search-view">
      <div className="sidebar-title">SEARCH</div>
      <div className="search-form">
        <div className="search-row">
          <Field services={services} name="pattern" placeholder="Search" onEnter={run} />
          <Toggle services={services} name="matchCase" label="Aa" title="Match Case" />
          <Toggle services={services} name="wholeWord" label="ab" title="Match Whole Word" />
          <Toggle services={services} name="isRegExp" label=".*" title="Use Regular Expression" />
        </div>
        <div className="search-row">
          <Field services={services} name="replacement" placeholder="Replace" onEnter={() => void replaceAll()} />
          <button
            type="button"
            data-testid="search-replace-all"
            disabled={replacing || state.matches === 0 || state.status === "running"}
            onClick={() => void replaceAll()}
          >
            Replace All
          </button>
        </div>
        <Field services={services} name="include" placeholder="files to include (e.g. *.ts, src)" onEnter={run} />
        <Field services={services} name="exclude" placeholder="files to exclude" onEnter={run} />
        <div className="search-row">
          <button type="button" className="primary" data-testid="search-run" onClick={run}>
            Search
          </button>
          {state.status === "running" && (
            <button type="button" data-testid="search-cancel" onClick={() => services.search.cancel()}>
              Cancel
            </button>
          )}
        </div>
      </div>
      <div className="tree-note" data-testid="search-status" data-status={state.status}>
        {state.status === "error" && state.message}
        {state.status !== "error" &&
          state.status !== "idle" &&
          `${state.matches} result${state.matches === 1 ? "" : "s"} in ${state.files.length} file${
            state.files.length === 1 ? "" : "s"
          }${state.status === "running" ? " — searching…" : state.status === "cancelled" ? " — cancelled" : ""}`}
        {state.truncated && (
          <span data-testid="search-truncated">
            The result set only contains a subset of all matches. Be more specific in your search to narrow down the
            results.
          </span>
        )}
      </div>
      <ul className="tree" data-testid="search-results">
        {state.files.map((f, i) =>
          budgets[i]! > 0 ? (
            <FileGroup key={f.uri} services={services} file={f} folder={folder} budget={budgets[i]!} />
          ) : null,
        )}
      </ul>
    </aside>
  );
};
