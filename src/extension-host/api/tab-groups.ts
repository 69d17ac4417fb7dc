/**
 * `window.tabGroups` (VS Code's extHostEditorTabs): the window's editor tabs. Every document a
 * window has open is one of its tabs (the workbench opens a document in the host when it opens
 * its tab and closes it with the tab), all in one group in column one.
 */
import { basename } from "node:path";
import type { DocumentModel } from "../documents.js";
import { ViewColumn } from "./enums.generated.js";
import { TabInputText } from "./feature-types.js";
import { EventEmitter, type Event } from "./types.js";
import { Uri } from "./uri.js";

export interface Tab {
  readonly label: string;
  readonly group: TabGroup;
  readonly input: TabInputText;
  readonly isActive: boolean;
  readonly isDirty: boolean;
  readonly isPinned: boolean;
  readonly isPreview: boolean;
}

export interface TabGroup {
  readonly isActive: boolean;
  readonly viewColumn: ViewColumn;
  readonly activeTab: Tab | undefined;
  readonly tabs: readonly Tab[];
}

export interface TabChangeEvent {
  readonly opened: readonly Tab[];
  readonly closed: readonly Tab[];
  readonly changed: readonly Tab[];
}

export interface TabsSource {
  /** The documents open in the window extensions talk to. */
  readonly documents: () => DocumentModel[];
  readonly activeUri: () => string | undefined;
  readonly onDidOpen: Event<DocumentModel>;
  readonly onDidClose: Event<DocumentModel>;
  readonly onDidChangeActive: Event<DocumentModel | undefined>;
  readonly guard: <T>(event: Event<T>) => Event<T>;
}

const labelOf = (uri: Uri): string => basename(uri.path) || uri.toString();

export const createTabGroupsApi = (source: TabsSource) => {
  /** A snapshot of the one group, its tabs in opening order. */
  const group = (): TabGroup => {
    const active = source.activeUri();
    const tabs: Tab[] = [];
    const g: TabGroup = {
      isActive: true,
      viewColumn: ViewColumn.One,
      get activeTab() {
        return tabs.find((t) => t.isActive);
      },
      tabs,
    };
    for (const doc of source.documents()) tabs.push(tabOf(g, doc, doc.uri === active));
    return g;
  };
  const tabOf = (g: TabGroup, doc: DocumentModel, isActive: boolean): Tab => {
    const uri = Uri.parse(doc.uri);
    return {
      label: labelOf(uri),
      group: g,
      input: new TabInputText(uri),
      isActive,
      isDirty: false,
      isPinned: false,
      isPreview: false,
    };
  };
  const tabFor = (doc: DocumentModel): Tab => tabOf(group(), doc, source.activeUri() === doc.uri);

  const onDidChangeTabs = new EventEmitter<TabChangeEvent>();
  const onDidChangeTabGroups = new EventEmitter<{ opened: TabGroup[]; closed: TabGroup[]; changed: TabGroup[] }>();
  // After every onDidOpenTextDocument listener, as in VS Code (documents, then the tab model):
  // vscode-languageclient asks for pull diagnostics of a new tab's document, which it must have
  // sent to the server first, or it never asks again.
  source.onDidOpen((doc) =>
    queueMicrotask(() => onDidChangeTabs.fire({ opened: [tabFor(doc)], closed: [], changed: [] })),
  );
  source.onDidClose((doc) => onDidChangeTabs.fire({ opened: [], closed: [tabOf(group(), doc, false)], changed: [] }));
  source.onDidChangeActive((doc) => {
    if (doc) onDidChangeTabs.fire({ opened: [], closed: [], changed: [tabFor(doc)] });
  });

  return {
    get all(): readonly TabGroup[] {
      return [group()];
    },
    get activeTabGroup(): TabGroup {
      return group();
    },
    onDidChangeTabs: source.guard(onDidChangeTabs.event),
    onDidChangeTabGroups: source.guard(onDidChangeTabGroups.event),
    close: (): Promise<boolean> =>
      Promise.reject(new Error("vscode.window.tabGroups.close is not implemented yet in Direct Editor")),
  };
};
