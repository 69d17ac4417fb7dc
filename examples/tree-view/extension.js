// @ts-check
// The shape of VS Code's tree-view-sample "Node Dependencies" view, on an in-memory package list.
const vscode = require("vscode");

/** @typedef {{ name: string, version: string, deps: Dependency[], parent?: Dependency }} Dependency */

/** @param {string} name @param {string} version @param {Dependency[]} [deps] @returns {Dependency} */
const dep = (name, version, deps = []) => {
  /** @type {Dependency} */
  const d = { name, version, deps };
  for (const c of deps) c.parent = d;
  return d;
};

/** @implements {vscode.TreeDataProvider<Dependency>} */
class DepNodeProvider {
  constructor() {
    /** @type {Dependency[]} */
    this.roots = [
      dep("left-pad", "1.3.0"),
      dep("express", "4.19.2", [dep("accepts", "1.3.8"), dep("body-parser", "1.20.2")]),
    ];
    this._onDidChangeTreeData = new vscode.EventEmitter();
    this.onDidChangeTreeData = this._onDidChangeTreeData.event;
    /** @type {string[]} */
    this.clicked = [];
  }
  refresh() {
    this._onDidChangeTreeData.fire(undefined);
  }
  /** @param {Dependency} element */
  getTreeItem(element) {
    const item = new vscode.TreeItem(
      element.name,
      element.deps.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
    );
    item.description = element.version;
    item.tooltip = `${element.name}-${element.version}`;
    item.iconPath = new vscode.ThemeIcon(element.deps.length > 0 ? "package" : "symbol-field");
    item.contextValue = "dependency";
    item.command = { command: "nodeDependencies.open", title: "Open", arguments: [element] };
    return item;
  }
  /** @param {Dependency} [element] */
  getChildren(element) {
    return element ? element.deps : this.roots;
  }
  /** @param {Dependency} element */
  getParent(element) {
    return element.parent;
  }
}

/** @param {vscode.ExtensionContext} context */
exports.activate = (context) => {
  const provider = new DepNodeProvider();
  const view = vscode.window.createTreeView("nodeDependencies", { treeDataProvider: provider, canSelectMany: false });
  /** @type {string[]} */
  const events = [];
  let showDetails = false;
  context.subscriptions.push(
    view,
    view.onDidExpandElement((e) => events.push(`expand:${e.element.name}`)),
    view.onDidCollapseElement((e) => events.push(`collapse:${e.element.name}`)),
    view.onDidChangeSelection((e) => events.push(`select:${e.selection.map((d) => d.name).join(",")}`)),
    view.onDidChangeVisibility((e) => events.push(`visible:${e.visible}`)),
    vscode.commands.registerCommand("nodeDependencies.refreshEntry", () => provider.refresh()),
    vscode.commands.registerCommand("nodeDependencies.addEntry", (name = `dep-${provider.roots.length + 1}`) => {
      provider.roots.push(dep(String(name), "0.0.1"));
      provider.refresh();
      view.badge = { value: provider.roots.length, tooltip: `${provider.roots.length} dependencies` };
      return provider.roots.length;
    }),
    vscode.commands.registerCommand("nodeDependencies.open", (/** @type {Dependency} */ d) => {
      // The argument is the element itself: it never left the extension host.
      provider.clicked.push(`${d.name}@${d.version}`);
      vscode.window.setStatusBarMessage(`Opened ${d.name}@${d.version}`, 5000);
      return d.name;
    }),
    vscode.commands.registerCommand("nodeDependencies.revealLast", async () => {
      const last = provider.roots[1].deps[1];
      await view.reveal(last, { select: true, focus: true });
      return view.selection.map((d) => d.name);
    }),
    vscode.commands.registerCommand("nodeDependencies.state", () => ({
      events,
      clicked: provider.clicked,
      visible: view.visible,
      selection: view.selection.map((d) => d.name),
    })),
    // Context keys drive the manifest's `when` clauses: the Details view (and its activity-bar
    // entry), its welcome text and the Add button in the view's title bar.
    vscode.commands.registerCommand("nodeDependencies.toggleDetails", async () => {
      showDetails = !showDetails;
      await vscode.commands.executeCommand("setContext", "nodeDependencies.showDetails", showDetails);
      return showDetails;
    }),
    vscode.commands.registerCommand("nodeDependencies.pin", () =>
      vscode.commands.executeCommand("setContext", "nodeDependencies.pinned", true),
    ),
    // view/item/context entries get the element the menu was opened on.
    vscode.commands.registerCommand("nodeDependencies.editEntry", (/** @type {Dependency} */ d) =>
      vscode.window.setStatusBarMessage(`Editing ${d.name}@${d.version}`, 5000),
    ),
    // With several items selected, VS Code passes the selection as the second argument.
    vscode.commands.registerCommand(
      "nodeDependencies.deleteEntry",
      (/** @type {Dependency} */ d, /** @type {Dependency[] | undefined} */ selected) => {
        for (const x of selected ?? [d]) {
          const siblings = x.parent ? x.parent.deps : provider.roots;
          siblings.splice(siblings.indexOf(x), 1);
        }
        provider.refresh();
      },
    ),
    // Menu entries' `alt` commands (Alt held): Refresh → Reload, Edit → Copy Name, Delete → Delete
    // All; each gets the same arguments as its entry's command.
    vscode.commands.registerCommand("nodeDependencies.reload", () => {
      provider.refresh();
      vscode.window.setStatusBarMessage(`Reloaded ${provider.roots.length} dependencies`, 5000);
    }),
    vscode.commands.registerCommand("nodeDependencies.deleteAll", (/** @type {Dependency} */ d) => {
      const siblings = d.parent ? d.parent.deps : provider.roots;
      const count = siblings.splice(0).length;
      provider.refresh();
      vscode.window.setStatusBarMessage(`Deleted ${count} dependencies beside ${d.name}`, 5000);
    }),
    vscode.commands.registerCommand("nodeDependencies.pinEntry", async (/** @type {Dependency} */ d) => {
      await vscode.commands.executeCommand("setContext", "nodeDependencies.pinned", true);
      vscode.window.setStatusBarMessage(`Pinned ${d.name}`, 5000);
    }),
    // The "Sort By" submenu (view title bar, editor context menu) and the "Copy" submenu of an item.
    vscode.commands.registerCommand("nodeDependencies.sortByName", () => {
      provider.roots.sort((a, b) => a.name.localeCompare(b.name));
      provider.refresh();
      vscode.window.setStatusBarMessage("Sorted by name", 5000);
    }),
    vscode.commands.registerCommand("nodeDependencies.sortByVersion", () => {
      provider.roots.sort((a, b) => a.version.localeCompare(b.version, undefined, { numeric: true }));
      provider.refresh();
      vscode.window.setStatusBarMessage("Sorted by version", 5000);
    }),
    vscode.commands.registerCommand("nodeDependencies.copyName", (/** @type {Dependency} */ d) =>
      vscode.window.setStatusBarMessage(`Copied name ${d.name}`, 5000),
    ),
    vscode.commands.registerCommand("nodeDependencies.copyVersion", (/** @type {Dependency} */ d) =>
      vscode.window.setStatusBarMessage(`Copied version ${d.version}`, 5000),
    ),
    // explorer/context passes the clicked file's vscode.Uri and the selected ones; editor/title and
    // editor/context pass the editor's vscode.Uri only.
    vscode.commands.registerCommand(
      "nodeDependencies.addFromFile",
      (/** @type {vscode.Uri} */ uri, /** @type {vscode.Uri[] | undefined} */ selected) => {
        const name = uri.path.split("/").pop() ?? uri.path;
        provider.roots.push(dep(name, "0.0.0"));
        provider.refresh();
        vscode.window.setStatusBarMessage(
          `Added ${name} (${uri instanceof vscode.Uri ? "Uri" : typeof uri}, ${selected ? selected.length : "none"} selected)`,
          5000,
        );
      },
    ),
    // The alt command of "Add as Dependency" (Alt held): the same vscode.Uri arguments.
    vscode.commands.registerCommand(
      "nodeDependencies.addFromFileAsDev",
      (/** @type {vscode.Uri} */ uri, /** @type {vscode.Uri[] | undefined} */ selected) => {
        const name = uri.path.split("/").pop() ?? uri.path;
        vscode.window.setStatusBarMessage(
          `Added ${name} as a dev dependency (${uri instanceof vscode.Uri ? "Uri" : typeof uri}, ${selected ? selected.length : "none"} selected)`,
          5000,
        );
      },
    ),
    vscode.commands.registerCommand("nodeDependencies.setMessage", (message) => {
      view.message = message;
      view.title = "Deps";
      view.description = "in memory";
    }),
  );
};
