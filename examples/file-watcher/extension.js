// @ts-check
/**
 * Keeps `.notes-index.json` (a list of every Markdown note with its first heading) current and
 * shows the number of notes in the status bar — the way published extensions watch the workspace:
 * findFiles for the first scan, createFileSystemWatcher for what changes after, workspace.fs to
 * read and write. Test commands expose what it saw.
 */
const vscode = require("vscode");

const INDEX = ".notes-index.json";

/** @type {Array<[string, string]>} */
const events = [];

/** @param {vscode.Uri} uri */
const relative = (uri) => vscode.workspace.asRelativePath(uri, false);

/** @param {vscode.Uri} uri */
const titleOf = async (uri) => {
  try {
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    const heading = /^#\s+(.*)$/m.exec(text);
    return heading ? heading[1].trim() : "";
  } catch (e) {
    // Deleted between the event and the read.
    if (e instanceof vscode.FileSystemError && e.code === "FileNotFound") return undefined;
    throw e;
  }
};

/** @param {vscode.ExtensionContext} context */
exports.activate = async (context) => {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) return;
  const indexUri = vscode.Uri.joinPath(folder.uri, INDEX);
  /** @type {Map<string, string>} */
  const notes = new Map();
  const status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 10);
  status.command = "notesIndex.rebuild";
  context.subscriptions.push(status);

  const writeIndex = async () => {
    status.text = `$(book) ${notes.size} notes`;
    status.show();
    const body = JSON.stringify(Object.fromEntries([...notes].sort()), null, 2);
    await vscode.workspace.fs.writeFile(indexUri, new TextEncoder().encode(body + "\n"));
  };
  const rebuild = async () => {
    notes.clear();
    for (const uri of await vscode.workspace.findFiles("**/*.md", "**/node_modules/**")) {
      const title = await titleOf(uri);
      if (title !== undefined) notes.set(relative(uri), title);
    }
    await writeIndex();
  };
  /** @param {vscode.Uri} uri */
  const update = async (uri) => {
    const title = await titleOf(uri);
    if (title === undefined) notes.delete(relative(uri));
    else notes.set(relative(uri), title);
    await writeIndex();
  };

  const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, "**/*.md"));
  // A second watcher that only cares about deletions, as some extensions register.
  const deletions = vscode.workspace.createFileSystemWatcher("**/*.md", true, true, false);
  context.subscriptions.push(
    watcher,
    deletions,
    watcher.onDidCreate((uri) => (events.push(["created", relative(uri)]), update(uri))),
    watcher.onDidChange((uri) => (events.push(["changed", relative(uri)]), update(uri))),
    watcher.onDidDelete((uri) => (events.push(["deleted", relative(uri)]), update(uri))),
    deletions.onDidDelete((uri) => void events.push(["deletedOnly", relative(uri)])),
    deletions.onDidCreate(() => void events.push(["ignoredCreate", ""])),
    // Renames and deletions made in the explorer (not by other programs) — e.g. to fix links.
    vscode.workspace.onDidRenameFiles((e) => {
      for (const { oldUri, newUri } of e.files)
        events.push(["renamedInExplorer", `${relative(oldUri)} -> ${relative(newUri)}`]);
    }),
    vscode.workspace.onDidCreateFiles((e) =>
      e.files.forEach((uri) => events.push(["createdInExplorer", relative(uri)])),
    ),
    vscode.workspace.onDidDeleteFiles((e) =>
      e.files.forEach((uri) => events.push(["deletedInExplorer", relative(uri)])),
    ),
    vscode.commands.registerCommand("notesIndex.rebuild", rebuild),
    // For tests: what the watchers reported, and findFiles / workspace.fs as an extension sees them.
    vscode.commands.registerCommand("notesIndex.events", () => events.splice(0)),
    vscode.commands.registerCommand(
      "notesIndex.find",
      /** @param {string} include @param {string | null | undefined} exclude @param {number | undefined} max @param {string | undefined} base */
      async (include, exclude, max, base) => {
        const pattern = base ? new vscode.RelativePattern(vscode.Uri.joinPath(folder.uri, base), include) : include;
        const found = await vscode.workspace.findFiles(
          pattern,
          exclude === "undefined" ? undefined : exclude,
          max ?? undefined,
        );
        return found.map(relative).sort();
      },
    ),
    vscode.commands.registerCommand(
      "notesIndex.fs",
      /** @param {string} op @param {string[]} paths @param {Record<string, boolean>} options */
      async (op, paths, options) => {
        const [a, b] = paths.map((p) => vscode.Uri.joinPath(folder.uri, p));
        const fs = vscode.workspace.fs;
        try {
          switch (op) {
            case "stat":
              return await fs.stat(a);
            case "readDirectory":
              return (await fs.readDirectory(a)).sort();
            case "readFile":
              return new TextDecoder().decode(await fs.readFile(a));
            case "writeFile":
              return await fs.writeFile(a, new TextEncoder().encode("written"));
            case "createDirectory":
              return await fs.createDirectory(a);
            case "delete":
              return await fs.delete(a, options);
            case "rename":
              return await fs.rename(a, b, options);
            case "copy":
              return await fs.copy(a, b, options);
            case "isWritable":
              return [fs.isWritableFileSystem("file"), fs.isWritableFileSystem("nope")];
            default:
              return { error: `unknown op ${op}` };
          }
        } catch (e) {
          return {
            error: e instanceof vscode.FileSystemError ? "FileSystemError" : String(e),
            code: e instanceof vscode.FileSystemError ? e.code : undefined,
          };
        }
      },
    ),
  );
  await rebuild();
};
