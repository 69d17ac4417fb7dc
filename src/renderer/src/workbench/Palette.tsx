/** Command palette (Ctrl/Cmd+Shift+P): built-in commands and every extension command. */
import { useMemo, useState } from "react";
import { builtinCommands, runHostCommand, type PaletteCommand } from "./commands.js";
import { useStore } from "./store.js";
import type { WorkbenchServices } from "./workbench-services.js";

export const Palette = ({ services }: { services: WorkbenchServices }) => {
  const open = useStore(services.paletteOpen);
  const hostCommands = useStore(services.hostCommands);
  const [filter, setFilter] = useState("");
  const [selected, setSelected] = useState(0);
  const all = useMemo<PaletteCommand[]>(
    () => [
      ...builtinCommands(services),
      ...hostCommands.map((c) => ({
        id: c.id,
        title: c.category ? `${c.category}: ${c.title}` : c.title,
        source: c.extensionId,
        run: () => runHostCommand(services, c.id),
      })),
    ],
    [services, hostCommands],
  );
  if (!open) return null;
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = all.filter((c) =>
    words.every((w) => c.title.toLowerCase().includes(w) || c.id.toLowerCase().includes(w)),
  );
  const close = () => {
    services.paletteOpen.set(false);
    setFilter("");
    setSelected(0);
  };
  const run = (c: PaletteCommand | undefined) => {
    close();
    if (c) void c.run();
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
          if (e.key === "Enter") run(shown[selected]);
          if (e.key === "ArrowDown") setSelected((s) => Math.min(s + 1, shown.length - 1));
          if (e.key === "ArrowUp") setSelected((s) => Math.max(s - 1, 0));
        }}
      />
      <ul>
        {shown.map((c, i) => (
          <li key={c.id}>
            <button
              type="button"
              className={i === selected ? "selected" : ""}
              data-testid="palette-item"
              data-command={c.id}
              onClick={() => run(c)}
            >
              {c.title}
              <span className="muted">{c.source === "built-in" ? "" : c.source}</span>
            </button>
          </li>
        ))}
        {shown.length === 0 && <li className="muted">No matching commands</li>}
      </ul>
    </div>
  );
};
