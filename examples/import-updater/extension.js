// @ts-check
/**
 * Before a script file is renamed, rewrites the relative imports of it in the other scripts of the
 * workspace; before one is deleted, drops its `export * from` line from the folder's index barrel.
 * Both as WorkspaceEdits handed to `waitUntil`, so the window applies them before the operation.
 * Test commands expose every file operation event it saw and run workspace.applyEdit / fs.
 */
const vscode = require("vscode");

const SCRIPTS = "**/*.{ts,js}";

/** @type {Array<[string, string]>} */
const events = [];

/** @param {vscode.Uri} uri */
const relative = (uri) => vscode.workspace.asRelativePath(uri, false);

/** The specifier `from` imports `to` with: `./x`, `../dir/x` (no extension). */
const specifier = (/** @type {vscode.Uri} */ from, /** @type {vscode.Uri} */ to) => {
  const dir = from.path.split("/").slice(0, -1);
  const target = to.path.replace(/\.[jt]s$/, "").split("/");
  let common = 0;
  while (common < dir.length && common < target.length - 1 && dir[common] === target[common]) common++;
  const up = dir.length - common;
  const rest = target.slice(common).join("/");
  return up === 0 ? `./${rest}` : `${"../".repeat(up)}${rest}`;
};

/** The position of `offset` in `text`. */
const positionAt = (/** @type {string} */ text, /** @type {number} */ offset) => {
  const before = text.slice(0, offset).split("\n");
  return new vscode.Position(before.length - 1, before[before.length - 1].length);
};

const textOf = async (/** @type {vscode.Uri} */ uri) =>
  new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));

/** Quoted module specifiers in import / export / require, with their offsets (quotes excluded). */
const specifiers = function* (/** @type {string} */ text) {
  const re = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|\bimport\s+)(["'])([^"'\n]+)\1/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index + m[0].length - m[2].length - 1;
    yield { value: m[2], start, end: start + m[2].length };
  }
};

/** @param {ReadonlyArray<{ oldUri: vscode.Uri, newUri: vscode.Uri }>} renames */
const importEdits = async (renames) => {
  const edit = new vscode.WorkspaceEdit();
  const scripts = await vscode.workspace.findFiles(SCRIPTS, "**/node_modules/**");
  for (const importer of scripts) {
    if (renames.some((r) => r.oldUri.toString() === importer.toString())) continue;
    const text = await textOf(importer);
    for (const s of specifiers(text)) {
      const target = renames.find((r) => specifier(importer, r.oldUri) === s.value);
      if (!target) continue;
      const range = new vscode.Range(positionAt(text, s.start), positionAt(text, s.end));
      edit.replace(importer, range, specifier(importer, target.newUri));
    }
  }
  return edit;
};

/** @param {ReadonlyArray<vscode.Uri>} deleted */
const barrelEdits = async (deleted) => {
  const edit = new vscode.WorkspaceEdit();
  for (const uri of deleted) {
    const barrel = vscode.Uri.joinPath(uri, "..", "index.ts");
    if (barrel.toString() === uri.toString()) continue;
    let text;
    try {
      text = await textOf(barrel);
    } catch {
      continue;
    }
    const lines = text.split("\n");
    lines.forEach((line, i) => {
      const m = /^export \* from ["']([^"']+)["'];?\s*$/.exec(line);
      if (m && m[1] === specifier(barrel, uri)) edit.delete(barrel, new vscode.Range(i, 0, i + 1, 0));
    });
  }
  return edit;
};

/** @param {vscode.ExtensionContext} context */
exports.activate = (context) => {
  const files = (/** @type {ReadonlyArray<vscode.Uri>} */ list) => list.map(relative).join(", ");
  const pairs = (/** @type {ReadonlyArray<{ oldUri: vscode.Uri, newUri: vscode.Uri }>} */ list) =>
    list.map((f) => `${relative(f.oldUri)} -> ${relative(f.newUri)}`).join(", ");
  /** Whether the file is on disk right now (will: not yet; did: done). */
  const onDisk = (/** @type {vscode.Uri} */ uri) =>
    vscode.workspace.fs.stat(uri).then(
      () => true,
      () => false,
    );
  context.subscriptions.push(
    vscode.workspace.onWillRenameFiles((e) => {
      events.push(["willRename", pairs(e.files)]);
      e.waitUntil(importEdits(e.files));
    }),
    vscode.workspace.onDidRenameFiles((e) => events.push(["didRename", pairs(e.files)])),
    vscode.workspace.onWillDeleteFiles((e) => {
      events.push(["willDelete", files(e.files)]);
      e.waitUntil(barrelEdits(e.files));
    }),
    vscode.workspace.onDidDeleteFiles((e) => events.push(["didDelete", files(e.files)])),
    vscode.workspace.onWillCreateFiles((e) => {
      // The file does not exist yet while its onWill event runs.
      e.waitUntil(
        Promise.all(e.files.map(onDisk)).then((present) =>
          events.push(["willCreate", `${files(e.files)}${present.some(Boolean) ? " (already on disk!)" : ""}`]),
        ),
      );
    }),
    vscode.workspace.onDidCreateFiles((e) => events.push(["didCreate", files(e.files)])),
    vscode.commands.registerCommand("importUpdater.events", () => events.splice(0)),
    // For tests: the same operations through workspace.applyEdit and through workspace.fs.
    vscode.commands.registerCommand(
      "importUpdater.apply",
      /** @param {Array<[string, string, string?]>} steps */
      async (steps) => {
        const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
        if (!folder) throw new Error("no workspace folder");
        const at = (/** @type {string} */ p) => vscode.Uri.joinPath(folder, p);
        const edit = new vscode.WorkspaceEdit();
        // WorkspaceEdit.size counts text edits only: count the file operations here.
        let operations = 0;
        for (const [op, a, b] of steps) {
          if (!op.startsWith("fs.")) operations++;
          if (op === "create") edit.createFile(at(a), { contents: new TextEncoder().encode(b ?? "") });
          else if (op === "rename") edit.renameFile(at(a), at(b ?? ""));
          else if (op === "delete") edit.deleteFile(at(a));
          else if (op === "fs.rename") await vscode.workspace.fs.rename(at(a), at(b ?? ""));
          else if (op === "fs.delete") await vscode.workspace.fs.delete(at(a));
          else if (op === "fs.write") await vscode.workspace.fs.writeFile(at(a), new TextEncoder().encode(b ?? ""));
        }
        return operations > 0 ? vscode.workspace.applyEdit(edit) : null;
      },
    ),
  );
};
