// @ts-check
// VS Code's fsprovider-sample: a file system that lives in memory, registered for `memfs:`.
// Editors open, edit and save memfs files; workspace.fs reads and writes them too.
const vscode = require("vscode");

class MemFile {
  /** @param {string} name */
  constructor(name) {
    this.type = vscode.FileType.File;
    this.ctime = Date.now();
    this.mtime = Date.now();
    this.size = 0;
    this.name = name;
    /** @type {Uint8Array} */
    this.data = new Uint8Array();
  }
}

class Directory {
  /** @param {string} name */
  constructor(name) {
    this.type = vscode.FileType.Directory;
    this.ctime = Date.now();
    this.mtime = Date.now();
    this.size = 0;
    this.name = name;
    /** @type {Map<string, MemFile | Directory>} */
    this.entries = new Map();
  }
}

/** @implements {vscode.FileSystemProvider} */
class MemFS {
  constructor() {
    this.root = new Directory("");
    /** @type {vscode.EventEmitter<vscode.FileChangeEvent[]>} */
    this._emitter = new vscode.EventEmitter();
    this.onDidChangeFile = this._emitter.event;
  }
  /** @param {vscode.Uri} uri */
  stat(uri) {
    return this._lookup(uri, false);
  }
  /** @param {vscode.Uri} uri @returns {[string, vscode.FileType][]} */
  readDirectory(uri) {
    const entry = this._lookupAsDirectory(uri, false);
    return [...entry.entries].map(([name, child]) => [name, child.type]);
  }
  /** @param {vscode.Uri} uri */
  readFile(uri) {
    return this._lookupAsFile(uri, false).data;
  }
  /** @param {vscode.Uri} uri @param {Uint8Array} content @param {{ create: boolean, overwrite: boolean }} options */
  writeFile(uri, content, options) {
    const basename = uri.path.split("/").pop() ?? "";
    const parent = this._lookupParentDirectory(uri);
    let entry = parent.entries.get(basename);
    if (entry instanceof Directory) throw vscode.FileSystemError.FileIsADirectory(uri);
    if (!entry && !options.create) throw vscode.FileSystemError.FileNotFound(uri);
    if (entry && options.create && !options.overwrite) throw vscode.FileSystemError.FileExists(uri);
    if (!entry) {
      entry = new MemFile(basename);
      parent.entries.set(basename, entry);
      this._fire(uri, vscode.FileChangeType.Created);
    }
    entry.mtime = Date.now();
    entry.size = content.byteLength;
    entry.data = content;
    this._fire(uri, vscode.FileChangeType.Changed);
  }
  /** @param {vscode.Uri} oldUri @param {vscode.Uri} newUri @param {{ overwrite: boolean }} options */
  rename(oldUri, newUri, options) {
    if (!options.overwrite && this._lookup(newUri, true)) throw vscode.FileSystemError.FileExists(newUri);
    const entry = this._lookup(oldUri, false);
    const oldParent = this._lookupParentDirectory(oldUri);
    const newParent = this._lookupParentDirectory(newUri);
    const newName = newUri.path.split("/").pop() ?? "";
    oldParent.entries.delete(entry.name);
    entry.name = newName;
    newParent.entries.set(newName, entry);
    this._fire(oldUri, vscode.FileChangeType.Deleted);
    this._fire(newUri, vscode.FileChangeType.Created);
  }
  /** @param {vscode.Uri} uri */
  delete(uri) {
    const parent = this._lookupParentDirectory(uri);
    const basename = uri.path.split("/").pop() ?? "";
    if (!parent.entries.has(basename)) throw vscode.FileSystemError.FileNotFound(uri);
    parent.entries.delete(basename);
    this._fire(uri, vscode.FileChangeType.Deleted);
  }
  /** @param {vscode.Uri} uri */
  createDirectory(uri) {
    const basename = uri.path.split("/").pop() ?? "";
    const parent = this._lookupParentDirectory(uri);
    parent.entries.set(basename, new Directory(basename));
    this._fire(uri, vscode.FileChangeType.Created);
  }
  watch() {
    return new vscode.Disposable(() => undefined);
  }
  /** @param {vscode.Uri} uri @param {boolean} silent @returns {MemFile | Directory} */
  _lookup(uri, silent) {
    /** @type {MemFile | Directory} */
    let entry = this.root;
    for (const part of uri.path.split("/").filter(Boolean)) {
      /** @type {MemFile | Directory | undefined} */
      const child = entry instanceof Directory ? entry.entries.get(part) : undefined;
      if (!child) {
        if (silent) return /** @type {never} */ (undefined);
        throw vscode.FileSystemError.FileNotFound(uri);
      }
      entry = child;
    }
    return entry;
  }
  /** @param {vscode.Uri} uri @param {boolean} silent */
  _lookupAsDirectory(uri, silent) {
    const entry = this._lookup(uri, silent);
    if (entry instanceof Directory) return entry;
    throw vscode.FileSystemError.FileNotADirectory(uri);
  }
  /** @param {vscode.Uri} uri @param {boolean} silent */
  _lookupAsFile(uri, silent) {
    const entry = this._lookup(uri, silent);
    if (entry instanceof MemFile) return entry;
    throw vscode.FileSystemError.FileIsADirectory(uri);
  }
  /** @param {vscode.Uri} uri */
  _lookupParentDirectory(uri) {
    return this._lookupAsDirectory(uri.with({ path: uri.path.split("/").slice(0, -1).join("/") || "/" }), false);
  }
  /** @param {vscode.Uri} uri @param {vscode.FileChangeType} type */
  _fire(uri, type) {
    this._emitter.fire([{ type, uri }]);
  }
}

/** @param {vscode.ExtensionContext} context */
exports.activate = (context) => {
  const memFs = new MemFS();
  context.subscriptions.push(
    vscode.workspace.registerFileSystemProvider("memfs", memFs, { isCaseSensitive: true }),
    vscode.commands.registerCommand("memfs.init", async () => {
      const enc = new TextEncoder();
      await vscode.workspace.fs.createDirectory(vscode.Uri.parse("memfs:/folder"));
      await vscode.workspace.fs.writeFile(vscode.Uri.parse("memfs:/file.txt"), enc.encode("foo"));
      await vscode.workspace.fs.writeFile(
        vscode.Uri.parse("memfs:/folder/file.ts"),
        enc.encode("let a: number = 1;\n"),
      );
      return (await vscode.workspace.fs.readDirectory(vscode.Uri.parse("memfs:/"))).map(([name]) => name);
    }),
    vscode.commands.registerCommand("memfs.reset", () => {
      for (const [name] of memFs.readDirectory(vscode.Uri.parse("memfs:/")))
        memFs.delete(vscode.Uri.parse(`memfs:/${name}`));
    }),
    vscode.commands.registerCommand("memfs.openFile", async () => {
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse("memfs:/file.txt"));
      await vscode.window.showTextDocument(doc);
    }),
    vscode.commands.registerCommand("memfs.read", async (/** @type {string} */ uri) =>
      new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(uri))),
    ),
  );
};
