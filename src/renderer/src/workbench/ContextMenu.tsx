/** A right-click menu (explorer, tabs): Escape, a click elsewhere or a pick closes it. */
import { useEffect, useRef } from "react";
import { Store, useStore } from "./store.js";

export type MenuItem =
  | { readonly label: string; readonly run: () => unknown; readonly keybinding?: string; readonly disabled?: boolean }
  | "separator";

export interface ContextMenuRequest {
  readonly x: number;
  readonly y: number;
  readonly items: ReadonlyArray<MenuItem>;
}

export const contextMenu = new Store<ContextMenuRequest | undefined>(undefined);

/** Opens the menu at the mouse event's position. */
export const openContextMenu = (
  e: { clientX: number; clientY: number; preventDefault(): void },
  items: ReadonlyArray<MenuItem>,
): void => {
  e.preventDefault();
  contextMenu.set({ x: e.clientX, y: e.clientY, items });
};

export const ContextMenu = () => {
  const menu = useStore(contextMenu);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!menu) return;
    const close = (e: Event) => {
      if (e instanceof KeyboardEvent && e.key !== "Escape") return;
      if (e instanceof MouseEvent && ref.current?.contains(e.target as Node)) return;
      contextMenu.set(undefined);
    };
    window.addEventListener("keydown", close, true);
    window.addEventListener("mousedown", close, true);
    window.addEventListener("blur", close);
    ref.current?.querySelector<HTMLButtonElement>("button")?.focus();
    return () => {
      window.removeEventListener("keydown", close, true);
      window.removeEventListener("mousedown", close, true);
      window.removeEventListener("blur", close);
    };
  }, [menu]);
  if (!menu) return null;
  // Kept inside the window.
  const left = Math.min(menu.x, window.innerWidth - 240);
  const top = Math.min(menu.y, window.innerHeight - menu.items.length * 26 - 8);
  return (
    <div
      ref={ref}
      className="context-menu"
      role="menu"
      data-testid="context-menu"
      style={{ left, top: Math.max(0, top) }}
    >
      {menu.items.map((item, i) =>
        item === "separator" ? (
          <div key={i} className="context-menu-separator" role="separator" />
        ) : (
          <button
            key={item.label}
            type="button"
            role="menuitem"
            disabled={item.disabled}
            data-testid="context-menu-item"
            data-label={item.label}
            onClick={() => {
              contextMenu.set(undefined);
              void item.run();
            }}
          >
            <span>{item.label}</span>
            {item.keybinding && <span className="keybinding">{item.keybinding}</span>}
          </button>
        ),
      )}
    </div>
  );
};
