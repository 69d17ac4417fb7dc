/**
 * The editor's hierarchy commands, under VS Code's ids (references-view.*): Show Call
 * Hierarchy (Shift+Alt+H, also in the context menu), Show Incoming / Outgoing Calls, Show Type
 * Hierarchy, Show Supertypes / Subtypes. Each prepares the item at the cursor.
 */
import { monaco } from "../editor/monaco.js";
import type { WorkbenchServices } from "../workbench-services.js";
import { errorText, notify } from "../commands.js";
import { hierarchyModel, type HierarchyDirection, type HierarchyKind } from "./hierarchy-model.js";

const ACTIONS: ReadonlyArray<{
  id: string;
  label: string;
  kind: HierarchyKind;
  direction: HierarchyDirection;
  keybinding?: number;
  contextMenu?: boolean;
}> = [
  {
    id: "references-view.showCallHierarchy",
    label: "Calls: Show Call Hierarchy",
    kind: "call",
    direction: "incoming",
    keybinding: monaco.KeyMod.Shift | monaco.KeyMod.Alt | monaco.KeyCode.KeyH,
    contextMenu: true,
  },
  { id: "references-view.showIncomingCalls", label: "Calls: Show Incoming Calls", kind: "call", direction: "incoming" },
  { id: "references-view.showOutgoingCalls", label: "Calls: Show Outgoing Calls", kind: "call", direction: "outgoing" },
  {
    id: "references-view.showTypeHierarchy",
    label: "Types: Show Type Hierarchy",
    kind: "type",
    direction: "subtypes",
    contextMenu: true,
  },
  { id: "references-view.showSupertypes", label: "Types: Show Supertypes", kind: "type", direction: "supertypes" },
  { id: "references-view.showSubtypes", label: "Types: Show Subtypes", kind: "type", direction: "subtypes" },
];

export const addHierarchyActions = (
  editor: monaco.editor.IStandaloneCodeEditor,
  services: WorkbenchServices,
): monaco.IDisposable => {
  const added = ACTIONS.map((a) =>
    editor.addAction({
      id: a.id,
      label: a.label,
      ...(a.keybinding !== undefined ? { keybindings: [a.keybinding] } : {}),
      ...(a.contextMenu ? { contextMenuGroupId: "0_navigation", contextMenuOrder: 3 } : {}),
      run: async (e) => {
        const model = e.getModel();
        const position = e.getPosition();
        if (!model || !position) return;
        try {
          const found = await hierarchyModel(services).show(a.kind, a.direction, {
            uri: model.uri.toString(),
            version: model.getVersionId(),
            position: { line: position.lineNumber - 1, character: position.column - 1 },
          });
          if (!found) {
            notify(
              services,
              "information",
              a.kind === "call" ? "No call hierarchy results." : "No type hierarchy results.",
            );
          }
        } catch (err) {
          notify(services, "error", `${a.label}: ${errorText(err)}`);
        }
      },
    }),
  );
  return { dispose: () => added.forEach((d) => d.dispose()) };
};
