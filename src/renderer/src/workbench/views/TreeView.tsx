/** An extension's tree view: lazy children, a command on click, selection and keyboard navigation. */
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import type { TreeIconDto, TreeItemDto } from "../../../../protocol/contracts/views.js";
import { openContextMenu, openDropdownMenu } from "../ContextMenu.js";
import { useModifierKeys, wantsAltInToolbar } from "../menus/alt-key.js";
import { useStore } from "../store.js";
import type { TreeItemMenus } from "./tree-item-menus.js";
import type { TreeModel } from "./views-model.js";

export const Icon = ({ icon }: { icon: TreeIconDto | undefined }) =>
  icon === undefined ? null : "codicon" in icon ? (
    <span className={`codicon codicon-${icon.codicon.replace(/~.*$/, "")}`} aria-hidden="true" />
  ) : (
    <img className="tree-icon" src={icon.image} alt="" />
  );

/** TreeItemLabel.highlights as <mark>s. */
const Label = ({ item }: { item: TreeItemDto }) => {
  if (!item.highlights?.length) return <span className="tree-label">{item.label}</span>;
  const parts: Array<string | { mark: string }> = [];
  let at = 0;
  for (const [start, end] of [...item.highlights].sort((a, b) => a[0] - b[0])) {
    if (start < at) continue;
    parts.push(item.label.slice(at, start), { mark: item.label.slice(start, end) });
    at = end;
  }
  parts.push(item.label.slice(at));
  return (
    <span className="tree-label">
      {parts.map((p, i) => (typeof p === "string" ? p : <mark key={i}>{p.mark}</mark>))}
    </span>
  );
};

/** The item's `inline` menu entries as icon buttons (they do not open the item). */
const InlineActions = ({ item, menus }: { item: TreeItemDto; menus: TreeItemMenus }) => {
  const modifiers = useModifierKeys();
  // The button under the pointer: Shift switches only that one (Alt switches them all).
  const [hovered, setHovered] = useState<string | undefined>(undefined);
  const actions = menus.inline(item);
  if (actions.length === 0) return null;
  return (
    <span className="tree-inline-actions">
      {actions.map((a) => {
        // VS Code swaps to the alt command only when that one is enabled.
        const shown = a.alt?.enabled && wantsAltInToolbar(modifiers, hovered === a.command) ? a.alt : a;
        return (
          <button
            key={a.command}
            onMouseEnter={() => setHovered(a.command)}
            onMouseLeave={() => setHovered((h) => (h === a.command ? undefined : h))}
            type="button"
            className="menu-action"
            title={shown.title}
            aria-label={shown.title}
            disabled={!shown.enabled}
            data-testid={a.submenu ? "tree-item-action-submenu" : "tree-item-action"}
            data-command={a.command}
            data-alt-command={shown === a ? undefined : shown.command}
            onClick={(e) => {
              e.stopPropagation();
              if (a.submenu) openDropdownMenu(e.currentTarget, a.submenu);
              else void menus.run(item, shown.command);
            }}
          >
            {shown.icon ? <span className={`codicon codicon-${shown.icon}`} aria-hidden="true" /> : shown.title}
          </button>
        );
      })}
    </span>
  );
};

export const TreeView = ({
  tree,
  canSelectMany,
  menus,
}: {
  tree: TreeModel;
  canSelectMany: boolean;
  menus?: TreeItemMenus;
}) => {
  useStore(tree.version);
  const list = useRef<HTMLUListElement>(null);
  const rows = tree.visibleRows();
  useEffect(() => {
    const handle = tree.takeFocusRequest();
    if (handle) list.current?.querySelector<HTMLElement>(`[data-handle="${CSS.escape(handle)}"]`)?.focus();
  });
  const move = (handle: string) => {
    tree.select([handle]);
    list.current?.querySelector<HTMLElement>(`[data-handle="${CSS.escape(handle)}"]`)?.focus();
  };
  const onKey = (e: KeyboardEvent, item: TreeItemDto, index: number) => {
    const next = (delta: number) => rows[Math.max(0, Math.min(rows.length - 1, index + delta))]?.item.handle;
    let target: string | undefined;
    if (e.key === "ArrowDown") target = next(1);
    else if (e.key === "ArrowUp") target = next(-1);
    else if (e.key === "Home") target = rows[0]?.item.handle;
    else if (e.key === "End") target = rows[rows.length - 1]?.item.handle;
    else if (e.key === "ArrowRight") {
      if (item.collapsibleState !== 0 && !tree.expanded.has(item.handle)) tree.toggle(item.handle, true);
      else target = tree.children.get(item.handle)?.[0];
    } else if (e.key === "ArrowLeft") {
      if (tree.expanded.has(item.handle)) tree.toggle(item.handle, false);
      else target = item.parent ?? undefined;
    } else if (e.key === "Enter" || e.key === " ") void tree.open(item.handle);
    else return;
    e.preventDefault();
    e.stopPropagation();
    if (target) move(target);
  };
  if (tree.error) return <div className="tree-note">{tree.error}</div>;
  return (
    <ul className="tree ext-tree" role="tree" aria-multiselectable={canSelectMany} ref={list}>
      {rows.map(({ item, depth }, index) => {
        const expanded = tree.expanded.has(item.handle);
        const selected = tree.selection.includes(item.handle);
        return (
          <li key={item.handle} role="none">
            <div
              role="treeitem"
              tabIndex={tree.focused === item.handle || (!tree.focused && index === 0) ? 0 : -1}
              aria-expanded={item.collapsibleState === 0 ? undefined : expanded}
              aria-selected={selected}
              aria-level={depth + 1}
              className={`tree-item ext-tree-item ${selected ? "selected" : ""}`}
              style={{ paddingLeft: 4 + depth * 12 }}
              title={item.tooltip}
              data-testid="tree-item"
              data-handle={item.handle}
              data-label={item.label}
              onClick={(e) => {
                if (canSelectMany && (e.ctrlKey || e.metaKey)) {
                  const s = new Set(tree.selection);
                  if (s.has(item.handle)) s.delete(item.handle);
                  else s.add(item.handle);
                  tree.select([...s], item.handle);
                  return;
                }
                void tree.open(item.handle);
              }}
              onKeyDown={(e) => onKey(e, item, index)}
              onContextMenu={(e) => {
                const entries = menus?.contextMenu(item) ?? [];
                if (entries.length > 0) openContextMenu(e, entries);
              }}
            >
              <span
                className={`tree-twistie codicon ${item.collapsibleState === 0 ? "" : expanded ? "codicon-chevron-down" : "codicon-chevron-right"}`}
                data-testid="tree-twistie"
                onClick={(e) => {
                  if (item.collapsibleState === 0) return;
                  e.stopPropagation();
                  tree.toggle(item.handle);
                }}
              />
              <Icon icon={item.icon} />
              <Label item={item} />
              {item.description && <span className="tree-description">{item.description}</span>}
              {menus && <InlineActions item={item} menus={menus} />}
            </div>
          </li>
        );
      })}
    </ul>
  );
};
