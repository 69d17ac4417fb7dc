/**
 * The References view's call / type hierarchy (VS Code's references-view): the prepared item as
 * the root, children asked for as a node expands, a toggle between callers and callees (or
 * supertypes and subtypes), a click opening the call site or the item.
 */
import { useEffect, useState } from "react";
import { useStore } from "../store.js";
import type { WorkbenchServices } from "../workbench-services.js";
import {
  hierarchyModel,
  TITLES,
  type HierarchyDirection,
  type HierarchyModel,
  type HierarchyNode,
} from "./hierarchy-model.js";

/** vscode.SymbolKind (File = 0 … TypeParameter = 25) → its codicon. */
const SYMBOL_ICONS = [
  "file",
  "module",
  "namespace",
  "package",
  "class",
  "method",
  "property",
  "field",
  "constructor",
  "enum",
  "interface",
  "function",
  "variable",
  "constant",
  "string",
  "number",
  "boolean",
  "array",
  "object",
  "key",
  "null",
  "enum-member",
  "struct",
  "event",
  "operator",
  "type-parameter",
] as const;

const OTHER: Readonly<Record<HierarchyDirection, HierarchyDirection>> = {
  incoming: "outgoing",
  outgoing: "incoming",
  supertypes: "subtypes",
  subtypes: "supertypes",
};
const TOGGLE_ICONS: Readonly<Record<HierarchyDirection, string>> = {
  incoming: "call-outgoing",
  outgoing: "call-incoming",
  supertypes: "type-hierarchy-sub",
  subtypes: "type-hierarchy-super",
};

const fileName = (uri: string): string => decodeURIComponent(uri.split("/").pop() ?? uri);

const Node = ({
  model,
  node,
  direction,
  depth,
  initiallyOpen,
}: {
  model: HierarchyModel;
  node: HierarchyNode;
  direction: HierarchyDirection;
  depth: number;
  initiallyOpen: boolean;
}) => {
  const [open, setOpen] = useState(initiallyOpen);
  const [children, setChildren] = useState<ReadonlyArray<HierarchyNode> | string>();
  useEffect(() => {
    if (!open || children !== undefined) return;
    let live = true;
    model.children(node, direction).then(
      (list) => live && setChildren(list),
      (e: unknown) => live && setChildren(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [open, children, model, node, direction]);
  const { item } = node;
  return (
    <li role="treeitem" aria-expanded={open} aria-level={depth + 1}>
      <div
        className="ext-tree-item"
        style={{ paddingLeft: 4 + depth * 12 }}
        data-testid="hierarchy-item"
        data-name={item.name}
        onClick={() => void model.open(node, direction)}
      >
        <button
          type="button"
          className={`tree-twistie codicon codicon-chevron-${open ? "down" : "right"}`}
          aria-label={open ? "Collapse" : "Expand"}
          data-testid="hierarchy-twistie"
          onClick={(e) => {
            e.stopPropagation();
            setOpen((o) => !o);
          }}
        />
        <span className={`codicon codicon-symbol-${SYMBOL_ICONS[item.kind] ?? "misc"}`} aria-hidden="true" />
        <span>{item.name}</span>
        <span className="tree-description">
          {item.detail ? `${item.detail} · ` : ""}
          {fileName(item.uri)}
          {node.fromRanges.length > 1 ? ` (${node.fromRanges.length})` : ""}
        </span>
      </div>
      {open && children === undefined && <div className="tree-note">Loading…</div>}
      {open && typeof children === "string" && <div className="tree-note">{children}</div>}
      {open && Array.isArray(children) && children.length === 0 && depth === 0 && (
        <div className="tree-note">No results.</div>
      )}
      {open && Array.isArray(children) && children.length > 0 && (
        <ul className="tree" role="group">
          {children.map((c, i) => (
            <Node
              key={`${c.item.cacheId}:${c.item.index}:${i}`}
              model={model}
              node={c}
              direction={direction}
              depth={depth + 1}
              initiallyOpen={false}
            />
          ))}
        </ul>
      )}
    </li>
  );
};

export const HierarchyView = ({ services }: { services: WorkbenchServices }) => {
  const model = hierarchyModel(services);
  const state = useStore(model.state);
  if (!state) {
    return (
      <div className="tree-note" data-testid="hierarchy-empty">
        Run &quot;Show Call Hierarchy&quot; (Shift+Alt+H) or &quot;Show Type Hierarchy&quot; on a symbol in the editor.
      </div>
    );
  }
  const label = state.kind === "call" ? "Call Hierarchy" : "Type Hierarchy";
  return (
    <div className="view-pane" data-testid="hierarchy-view" data-direction={state.direction}>
      <div className="view-header" style={{ justifyContent: "space-between", padding: "4px 8px" }}>
        <span data-testid="hierarchy-title">
          {label}: {TITLES[state.direction]} {state.roots.map((r) => r.item.name).join(", ")}
        </span>
        <span>
          <button
            type="button"
            className={`icon-button codicon codicon-${TOGGLE_ICONS[state.direction]}`}
            title={`Show ${TITLES[OTHER[state.direction]]}`}
            aria-label={`Show ${TITLES[OTHER[state.direction]]}`}
            data-testid="hierarchy-toggle"
            onClick={() => model.setDirection(OTHER[state.direction])}
          />
          <button
            type="button"
            className="icon-button codicon codicon-clear-all"
            title="Clear"
            aria-label="Clear"
            onClick={() => model.clear()}
          />
        </span>
      </div>
      <ul className="tree view-body" role="tree" key={state.generation}>
        {state.roots.map((root, i) => (
          <Node
            key={`${root.item.cacheId}:${root.item.index}:${i}`}
            model={model}
            node={root}
            direction={state.direction}
            depth={0}
            initiallyOpen
          />
        ))}
      </ul>
    </div>
  );
};
