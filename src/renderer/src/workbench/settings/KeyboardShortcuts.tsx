/**
 * Keyboard Shortcuts (Ctrl+K Ctrl+S): every keybinding rule in force — command, keys, `when`,
 * source — plus the workbench's fixed keys, searchable; "Open Keyboard Shortcuts (JSON)" edits
 * the user's keybindings.json (a `-command` entry there removes a binding).
 */
import { useState } from "react";
import { builtinCommands, KEYBINDINGS } from "../commands.js";
import { keybindingLabel } from "../keybindings/keys.js";
import { useStore } from "../store.js";
import type { WorkbenchServices } from "../workbench-services.js";

interface Row {
  readonly command: string;
  readonly title: string;
  readonly keys: string;
  readonly when: string;
  readonly source: string;
}

export const KeyboardShortcuts = ({ services }: { services: WorkbenchServices }) => {
  const rules = useStore(services.settings.rules);
  const hostCommands = useStore(services.hostCommands);
  const [query, setQuery] = useState("");
  const titles = new Map<string, string>();
  for (const c of builtinCommands(services)) titles.set(c.id, c.title);
  for (const c of hostCommands) titles.set(c.id, c.category ? `${c.category}: ${c.title}` : c.title);
  const ruled = new Set(rules.map((r) => r.command));
  const rows: Row[] = [
    ...[...rules].reverse().map((r) => ({
      command: r.command,
      title: titles.get(r.command) ?? r.command,
      keys: keybindingLabel(r.chords),
      when: r.when ?? "",
      source: r.source === "user" ? "User" : r.source,
    })),
    ...Object.entries(KEYBINDINGS)
      .filter(([id]) => !ruled.has(id))
      .map(([id, keys]) => ({ command: id, title: titles.get(id) ?? id, keys, when: "", source: "System" })),
  ];
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = rows.filter((r) => {
    const hay = `${r.title} ${r.command} ${r.keys} ${r.when} ${r.source}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
  return (
    <div className="settings-editor" data-testid="keyboard-shortcuts">
      <div className="settings-header">
        <input
          autoFocus
          placeholder="Type to search in keybindings"
          data-testid="keybindings-search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Escape") services.settings.view.set(undefined);
          }}
        />
        <div className="settings-tabs">
          <span className="spacer" />
          <button type="button" onClick={() => void services.settings.openJson("keybindings")}>
            Open Keyboard Shortcuts (JSON)
          </button>
          <button
            type="button"
            aria-label="close keyboard shortcuts"
            onClick={() => services.settings.view.set(undefined)}
          >
            ×
          </button>
        </div>
      </div>
      <table className="keybindings-table">
        <thead>
          <tr>
            <th>Command</th>
            <th>Keybinding</th>
            <th>When</th>
            <th>Source</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((r, i) => (
            <tr key={`${r.command}:${r.keys}:${i}`} data-testid="keybinding-row" data-command={r.command}>
              <td title={r.command}>
                {r.title}
                <div className="muted">{r.command}</div>
              </td>
              <td>
                <kbd className="keybinding">{r.keys}</kbd>
              </td>
              <td className="muted">{r.when}</td>
              <td className="muted">{r.source}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
};
