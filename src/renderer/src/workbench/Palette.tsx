/**
 * Command palette (Ctrl/Cmd+Shift+P): built-in commands and every extension command, fuzzy
 * matched (fzf) on their titles, recently used first, with the workbench's keybinding for each.
 */
import { useMemo, useState } from "react";
import { fileCommands } from "./files/file-commands.js";
import { builtinCommands, KEYBINDINGS, runHostCommand, type PaletteCommand } from "./commands.js";
import { fuzzyFilter, Highlighted } from "./fuzzy.js";
import { recentFirst } from "./recent.js";
import { useStore } from "./store.js";
import type { WorkbenchServices } from "./workbench-services.js";

export const Palette = ({ services }: { services: WorkbenchServices }) => {
  const open = useStore(services.paletteOpen);
  const hostCommands = useStore(services.hostCommands);
  const recent = useStore(services.recentCommands.items);
  // Keybindings, `commandPalette` menus and enablement come from the settings services.
  useStore(services.settings.rules);
  useStore(services.settings.contributions);
  useStore(services.settings.contextKeys.version);
  const [filter, setFilter] = useState("");
  const [selected, setSelected] = useState(0);
  const all = useMemo<PaletteCommand[]>(
    () =>
      recentFirst(
        [
          ...builtinCommands(services),
          ...fileCommands(services),
          ...hostCommands
            .filter((c) => !services.settings.hiddenInPalette(c.id))
            .map((c) => ({
              id: c.id,
              title: c.category ? `${c.category}: ${c.title}` : c.title,
              source: c.extensionId,
              run: () => runHostCommand(services, c.id),
            })),
        ],
        (c) => c.id,
        recent,
      ),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- re-listed on every render while open (menus' when clauses)
    [services, hostCommands, recent, open],
  );
  if (!open) return null;
  const shown = fuzzyFilter(all, (c) => c.title, filter, 500);
  if (filter.trim() !== "") {
    // Recently used matches first, each group by score (fzf's order; sort is stable).
    const rank = new Set(recent);
    shown.sort((a, b) => (rank.has(a.item.id) ? 0 : 1) - (rank.has(b.item.id) ? 0 : 1));
  }
  const close = () => {
    services.paletteOpen.set(false);
    setFilter("");
    setSelected(0);
  };
  const run = (c: PaletteCommand | undefined) => {
    close();
    if (!c) return;
    services.recentCommands.touch(c.id);
    void c.run();
  };
  return (
    <div className="quick-input palette" data-testid="palette">
      <input
        autoFocus
        placeholder="Type the name of a command to run"
        value={filter}
        data-testid="palette-input"
        onChange={(e) => {
          setFilter(e.target.value);
          setSelected(0);
        }}
        onKeyDown={(e) => {
          if (e.key === "Escape") close();
          if (e.key === "Enter") run(shown[selected]?.item);
          if (e.key === "ArrowDown") setSelected((s) => Math.min(s + 1, shown.length - 1));
          if (e.key === "ArrowUp") setSelected((s) => Math.max(s - 1, 0));
        }}
      />
      <ul>
        {shown.map(({ item: c, positions }, i) => (
          <li key={c.id}>
            <button
              type="button"
              className={i === selected ? "selected" : ""}
              data-testid="palette-item"
              data-command={c.id}
              onClick={() => run(c)}
            >
              <span data-testid="palette-title">
                <Highlighted text={c.title} positions={positions} />
              </span>
              {recent.includes(c.id) && <span className="muted">recently used</span>}
              <span className="muted">{c.source === "built-in" ? "" : c.source}</span>
              {(services.settings.labelFor(c.id) ?? KEYBINDINGS[c.id]) && (
                <kbd className="keybinding" data-testid="palette-keybinding">
                  {services.settings.labelFor(c.id) ?? KEYBINDINGS[c.id]}
                </kbd>
              )}
            </button>
          </li>
        ))}
        {shown.length === 0 && <li className="muted">No matching commands</li>}
      </ul>
    </div>
  );
};
