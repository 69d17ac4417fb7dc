/**
 * A right-click or dropdown menu (explorer, tabs, contributed menus): Escape, a click elsewhere or
 * a pick closes it. Submenus nest as in VS Code: hover, click, Enter or ArrowRight opens one;
 * ArrowLeft or Escape closes it again; ArrowUp / ArrowDown move within a level.
 */
import { useEffect, useRef, useState, type CSSProperties, type KeyboardEvent as ReactKeyboardEvent } from "react";
import { useModifierKeys, wantsAltInMenu } from "./menus/alt-key.js";
import { Store, useStore } from "./store.js";

/** What a menu item shows and runs instead while Alt is held (a contributed entry's `alt`). */
export interface MenuItemAlt {
  readonly label: string;
  readonly run: () => unknown;
  readonly disabled: boolean;
}

export type MenuItem =
  | {
      readonly label: string;
      readonly run: () => unknown;
      readonly keybinding?: string;
      readonly disabled?: boolean;
      readonly alt?: MenuItemAlt;
    }
  | { readonly label: string; readonly submenu: ReadonlyArray<MenuItem> }
  | "separator";

export interface ContextMenuRequest {
  readonly x: number;
  readonly y: number;
  readonly items: ReadonlyArray<MenuItem>;
  /** The button a dropdown hangs from: clicking it again closes the dropdown. */
  readonly anchor?: Element;
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

/** Opens the menu below an element (a title bar's "…" or submenu button), or closes it when open there. */
export const openDropdownMenu = (anchor: Element, items: ReadonlyArray<MenuItem>): void => {
  if (contextMenu.get()?.anchor === anchor) {
    contextMenu.set(undefined);
    return;
  }
  const r = anchor.getBoundingClientRect();
  contextMenu.set({ x: Math.min(r.left, window.innerWidth - 240), y: r.bottom, items, anchor });
};

const WIDTH = 240;

export const ContextMenu = () => {
  const menu = useStore(contextMenu);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!menu) return;
    const close = (e: Event) => {
      // Keys pressed inside the menu are its own (Escape may only close a submenu).
      if (e instanceof KeyboardEvent && (e.key !== "Escape" || ref.current?.contains(document.activeElement))) return;
      if (e instanceof MouseEvent && ref.current?.contains(e.target as Node)) return;
      // The dropdown's own button toggles it on click.
      if (e instanceof MouseEvent && menu.anchor?.contains(e.target as Node)) return;
      contextMenu.set(undefined);
    };
    window.addEventListener("keydown", close, true);
    window.addEventListener("mousedown", close, true);
    window.addEventListener("blur", close);
    return () => {
      window.removeEventListener("keydown", close, true);
      window.removeEventListener("mousedown", close, true);
      window.removeEventListener("blur", close);
    };
  }, [menu]);
  if (!menu) return null;
  // Kept inside the window.
  const left = Math.min(menu.x, window.innerWidth - WIDTH);
  const top = Math.min(menu.y, window.innerHeight - menu.items.length * 26 - 8);
  return (
    <div ref={ref}>
      <MenuList
        key={`${menu.x},${menu.y}`}
        items={menu.items}
        testId="context-menu"
        autoFocus
        style={{ left, top: Math.max(0, top) }}
        close={() => contextMenu.set(undefined)}
      />
    </div>
  );
};

const MenuList = ({
  items,
  testId,
  autoFocus,
  style,
  close,
  back,
}: {
  items: ReadonlyArray<MenuItem>;
  testId: string;
  /** Focus the first entry: a menu opened by mouse click or key, not one opened by hover. */
  autoFocus: boolean;
  style: CSSProperties;
  close: () => void;
  /** Closes this submenu and gives the focus back to its parent entry; absent at the top level. */
  back?: () => void;
}) => {
  const ref = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState<{ index: number; focus: boolean } | undefined>(undefined);
  // Entries with an `alt` command show and run it while Alt (or Shift off macOS) is held: VS Code
  // picks them as the menu opens; here they also follow the key while it is open.
  const altHeld = wantsAltInMenu(useModifierKeys());
  const buttons = () =>
    [...(ref.current?.querySelectorAll<HTMLButtonElement>(":scope > .context-menu-entry > button") ?? [])].filter(
      (b) => !b.disabled,
    );
  useEffect(() => {
    if (autoFocus) buttons()[0]?.focus();
  }, [autoFocus]);

  const onKeyDown = (e: ReactKeyboardEvent) => {
    const list = buttons();
    const at = list.indexOf(document.activeElement as HTMLButtonElement);
    const focusAt = (i: number) => {
      setOpen(undefined);
      list[(i + list.length) % list.length]?.focus();
    };
    switch (e.key) {
      case "ArrowDown":
        focusAt(at + 1);
        break;
      case "ArrowUp":
        focusAt(at < 0 ? -1 : at - 1);
        break;
      case "ArrowRight": {
        const index = Number(list[at]?.dataset["index"]);
        const item = items[index];
        if (item === undefined || item === "separator" || !("submenu" in item)) return;
        setOpen({ index, focus: true });
        break;
      }
      case "ArrowLeft":
        if (!back) return;
        back();
        break;
      case "Escape":
        if (back) back();
        else close();
        break;
      default:
        return;
    }
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <div
      ref={ref}
      className="context-menu"
      role="menu"
      data-testid={testId}
      style={style}
      onKeyDown={onKeyDown}
      // The pointer on another entry of this level closes its open submenu (deeper levels are theirs).
      onMouseOver={(e) => {
        const entry = (e.target as Element).closest(".context-menu-entry");
        if (open && entry?.parentElement === ref.current && !entry.classList.contains("open")) setOpen(undefined);
      }}
    >
      {items.map((item, i) => {
        if (item === "separator") return <div key={i} className="context-menu-separator" role="separator" />;
        if ("submenu" in item) {
          const isOpen = open?.index === i;
          return (
            <div key={`${i}:${item.label}`} className={`context-menu-entry${isOpen ? " open" : ""}`}>
              <button
                type="button"
                role="menuitem"
                aria-haspopup="menu"
                aria-expanded={isOpen}
                data-testid="context-menu-item"
                data-label={item.label}
                data-submenu="true"
                data-index={i}
                onMouseEnter={() => setOpen({ index: i, focus: false })}
                onClick={() => setOpen({ index: i, focus: true })}
              >
                <span>{item.label}</span>
                <span className="codicon codicon-chevron-right" aria-hidden="true" />
              </button>
              {isOpen && (
                <SubmenuList
                  items={item.submenu}
                  focus={open.focus}
                  close={close}
                  back={() => {
                    setOpen(undefined);
                    buttons()
                      .find((b) => b.dataset["index"] === String(i))
                      ?.focus();
                  }}
                />
              )}
            </div>
          );
        }
        const shown = altHeld && item.alt ? item.alt : undefined;
        return (
          <div key={`${i}:${item.label}`} className="context-menu-entry">
            <button
              type="button"
              role="menuitem"
              disabled={shown ? shown.disabled : item.disabled}
              data-testid="context-menu-item"
              data-label={shown?.label ?? item.label}
              data-alt={shown ? "true" : undefined}
              data-index={i}
              onClick={() => {
                close();
                void (shown ?? item).run();
              }}
            >
              <span>{shown?.label ?? item.label}</span>
              {!shown && item.keybinding && <span className="keybinding">{item.keybinding}</span>}
            </button>
          </div>
        );
      })}
    </div>
  );
};

/** A nested list beside its entry: to the right, or to the left when the window ends first. */
const SubmenuList = ({
  items,
  focus,
  close,
  back,
}: {
  items: ReadonlyArray<MenuItem>;
  focus: boolean;
  close: () => void;
  back: () => void;
}) => {
  const ref = useRef<HTMLDivElement>(null);
  const [style, setStyle] = useState<CSSProperties>({ position: "absolute", top: -4, left: "100%" });
  useEffect(() => {
    const r = ref.current?.parentElement?.getBoundingClientRect();
    if (r && r.right + WIDTH > window.innerWidth) setStyle({ position: "absolute", top: -4, right: "100%" });
  }, []);
  return (
    <div ref={ref} className="context-menu-submenu">
      <MenuList items={items} testId="context-menu-submenu" autoFocus={focus} style={style} close={close} back={back} />
    </div>
  );
};
