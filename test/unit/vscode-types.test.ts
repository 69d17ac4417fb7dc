/** The `vscode` value types against VS Code's documented semantics. */
import { describe, expect, it } from "vitest";
import * as vscode from "../../src/extension-host/api/vscode-types.js";

const { CodeActionKind, MarkdownString, Position, Range, Selection, SnippetString, Uri, WorkspaceEdit } = vscode;
const pos = (l: number, c: number) => new Position(l, c);
const range = (a: number, b: number, c: number, d: number) => new Range(a, b, c, d);

describe("Position", () => {
  it("compares line first, then character", () => {
    expect(pos(1, 5).compareTo(pos(2, 0))).toBe(-1);
    expect(pos(2, 0).compareTo(pos(1, 5))).toBe(1);
    expect(pos(1, 5).compareTo(pos(1, 5))).toBe(0);
    expect(pos(1, 4).isBefore(pos(1, 5))).toBe(true);
    expect(pos(1, 5).isBeforeOrEqual(pos(1, 5))).toBe(true);
    expect(pos(1, 6).isAfter(pos(1, 5))).toBe(true);
  });
  it("translate and with take deltas/values or a change object and return the same object for no change", () => {
    const p = pos(3, 4);
    expect(p.translate(1, -2)).toEqual(pos(4, 2));
    expect(p.translate({ characterDelta: 1 })).toEqual(pos(3, 5));
    expect(p.translate()).toBe(p);
    expect(p.with(7)).toEqual(pos(7, 4));
    expect(p.with({ character: 0 })).toEqual(pos(3, 0));
    expect(p.with(3, 4)).toBe(p);
    expect(() => p.translate(-4)).toThrow(/line must be a non-negative/);
  });
  it("rejects negative coordinates", () => {
    expect(() => pos(-1, 0)).toThrow(/Illegal argument/);
    expect(() => pos(0, -1)).toThrow(/Illegal argument/);
  });
});

describe("Range", () => {
  it("orders start before end whatever the argument order", () => {
    const r = range(5, 0, 1, 2);
    expect(r.start).toEqual(pos(1, 2));
    expect(r.end).toEqual(pos(5, 0));
    expect(r.isSingleLine).toBe(false);
    expect(range(1, 1, 1, 1).isEmpty).toBe(true);
  });
  it("contains positions and ranges inclusively", () => {
    const r = range(1, 0, 3, 5);
    expect(r.contains(pos(1, 0))).toBe(true);
    expect(r.contains(pos(3, 5))).toBe(true);
    expect(r.contains(pos(3, 6))).toBe(false);
    expect(r.contains(range(2, 0, 3, 5))).toBe(true);
    expect(r.contains(range(0, 9, 2, 0))).toBe(false);
  });
  it("intersection is the overlap, empty when touching, undefined when apart", () => {
    const a = range(1, 0, 3, 0);
    expect(a.intersection(range(2, 0, 5, 0))?.isEqual(range(2, 0, 3, 0))).toBe(true);
    expect(a.intersection(range(3, 0, 4, 0))?.isEqual(range(3, 0, 3, 0))).toBe(true);
    expect(a.intersection(range(3, 1, 4, 0))).toBeUndefined();
    expect(a.intersection(range(0, 0, 9, 0))).toBe(a);
  });
  it("union spans both; isEqual compares positions", () => {
    expect(
      range(1, 0, 2, 0)
        .union(range(4, 0, 5, 0))
        .isEqual(range(1, 0, 5, 0)),
    ).toBe(true);
    const big = range(0, 0, 9, 0);
    expect(big.union(range(1, 0, 2, 0))).toBe(big);
    expect(range(1, 2, 3, 4).isEqual(range(3, 4, 1, 2))).toBe(true);
    expect(range(1, 2, 3, 4).isEqual(range(1, 2, 3, 5))).toBe(false);
  });
  it("with replaces start or end", () => {
    const r = range(1, 0, 2, 0);
    expect(r.with(undefined, pos(4, 0)).isEqual(range(1, 0, 4, 0))).toBe(true);
    expect(r.with({ start: pos(0, 0) }).isEqual(range(0, 0, 2, 0))).toBe(true);
    expect(r.with()).toBe(r);
  });
  it("rejects bad arguments with a clear error", () => {
    // @ts-expect-error — what a JavaScript extension could pass
    expect(() => new Range("a", 1)).toThrow(/Illegal argument/);
  });
});

describe("Selection", () => {
  it("keeps anchor/active and says whether it is reversed", () => {
    const forward = new Selection(1, 0, 2, 0);
    expect(forward.isReversed).toBe(false);
    expect(forward.start).toEqual(pos(1, 0));
    const backward = new Selection(pos(2, 0), pos(1, 0));
    expect(backward.isReversed).toBe(true);
    expect(backward.anchor).toEqual(pos(2, 0));
    expect(backward.active).toEqual(pos(1, 0));
    expect(backward.start).toEqual(pos(1, 0));
    expect(backward instanceof Range).toBe(true);
  });
});

describe("WorkspaceEdit", () => {
  const a = Uri.parse("file:///a.ts");
  const b = Uri.parse("file:///b.ts");
  it("entries groups edits per document in the order the documents were first edited", () => {
    const edit = new WorkspaceEdit();
    edit.insert(b, pos(0, 0), "b1");
    edit.replace(a, range(0, 0, 0, 1), "a1");
    edit.delete(b, range(1, 0, 1, 2));
    edit.createFile(Uri.parse("file:///c.ts"));
    const entries = edit.entries();
    expect(entries.map(([u, edits]) => [u.toString(), edits.map((e) => e.newText)])).toEqual([
      ["file:///b.ts", ["b1", ""]],
      ["file:///a.ts", ["a1"]],
    ]);
    expect(edit.size).toBe(2);
    expect(edit.has(a)).toBe(true);
    expect(edit.get(b)).toHaveLength(2);
    expect(edit.allEntries()).toHaveLength(4);
  });
  it("set replaces a document's edits, and undefined clears them", () => {
    const edit = new WorkspaceEdit();
    edit.insert(a, pos(0, 0), "old");
    edit.set(a, [vscode.TextEdit.insert(pos(1, 0), "new")]);
    expect(edit.get(a).map((e) => e.newText)).toEqual(["new"]);
    edit.set(a, undefined);
    expect(edit.has(a)).toBe(false);
  });
  it("records file operations with their options", () => {
    const edit = new WorkspaceEdit();
    edit.renameFile(a, b, { overwrite: true });
    edit.deleteFile(a, { recursive: true });
    expect(edit.allEntries()).toEqual([
      { kind: "file", from: a, to: b, options: { overwrite: true } },
      { kind: "file", from: a, options: { recursive: true } },
    ]);
  });
});

describe("SnippetString", () => {
  it("numbers tab stops and escapes $, } and \\ in text and placeholders", () => {
    const s = new SnippetString()
      .appendText("cost: $5 {x}\\")
      .appendTabstop()
      .appendPlaceholder("a}b$")
      .appendChoice(["x,y", "z|w"])
      .appendVariable("TM_FILENAME", "def$");
    expect(s.value).toBe("cost: \\$5 {x\\}\\\\$1${2:a\\}b\\$}${3|x\\,y,z\\|w|}${TM_FILENAME:def\\$}");
  });
  it("nests placeholders sharing the tab-stop counter", () => {
    const s = new SnippetString().appendPlaceholder((inner) => inner.appendText("a").appendTabstop()).appendTabstop();
    expect(s.value).toBe("${1:a$2}$3");
  });
});

describe("MarkdownString", () => {
  it("appendText escapes markdown syntax, spaces and newlines; appendMarkdown does not", () => {
    const md = new MarkdownString().appendText("*bold* [x](y) #1 > a  b\nc").appendMarkdown("**real**");
    expect(md.value).toBe("\\*bold\\* \\[x\\]\\(y\\) \\#1 \\> a&nbsp;&nbsp;b\n\nc**real**".replace(/ /g, "&nbsp;"));
  });
  it("escapes icon syntax only when theme icons are on; appendCodeblock fences", () => {
    // The icon escape's backslash is itself escaped afterwards, as in VS Code.
    expect(new MarkdownString("", true).appendText("$(gear)").value).toBe("\\\\$\\(gear\\)");
    expect(new MarkdownString().appendText("$(gear)").value).toBe("$\\(gear\\)");
    expect(new MarkdownString().appendCodeblock("let x", "ts").value).toBe("\n```ts\nlet x\n```\n");
  });
});

describe("CodeActionKind", () => {
  it("contains itself and its dotted sub-kinds only", () => {
    expect(CodeActionKind.Refactor.contains(CodeActionKind.RefactorExtract)).toBe(true);
    expect(CodeActionKind.RefactorExtract.contains(CodeActionKind.Refactor)).toBe(false);
    expect(CodeActionKind.Refactor.contains(new CodeActionKind("refactoring"))).toBe(false);
    expect(CodeActionKind.QuickFix.contains(CodeActionKind.QuickFix)).toBe(true);
    expect(CodeActionKind.RefactorExtract.intersects(CodeActionKind.Refactor)).toBe(true);
    expect(CodeActionKind.Source.intersects(CodeActionKind.Refactor)).toBe(false);
    expect(CodeActionKind.Refactor.append("extract.function").value).toBe("refactor.extract.function");
    expect(CodeActionKind.Empty.append("quickfix").value).toBe("quickfix");
    expect(CodeActionKind.SourceOrganizeImports.value).toBe("source.organizeImports");
  });
});

describe("Uri (vscode-uri)", () => {
  it("round-trips untitled, file and http URIs", () => {
    for (const s of ["untitled:Untitled-1", "file:///tmp/a%20b/c.ts", "https://example.com/p?q%3D1#f"]) {
      const u = Uri.parse(s);
      expect(u.toString()).toBe(s);
      expect(Uri.parse(u.toString()).toString()).toBe(s);
    }
    // Like VS Code, the query is kept decoded and re-encoded canonically.
    expect(Uri.parse("https://example.com/p?q=1").query).toBe("q=1");
    const untitled = Uri.parse("untitled:Untitled-1");
    expect([untitled.scheme, untitled.authority, untitled.path]).toEqual(["untitled", "", "Untitled-1"]);
  });
  it("file, with and joinPath give vscode.Uri instances", () => {
    const f = Uri.file("/tmp/a b/c#.ts");
    expect(f.toString()).toBe("file:///tmp/a%20b/c%23.ts");
    expect(f.fsPath).toBe("/tmp/a b/c#.ts");
    const q = f.with({ query: "x=1" });
    expect(q).toBeInstanceOf(Uri);
    expect(q.toString()).toBe("file:///tmp/a%20b/c%23.ts?x%3D1");
    expect(f.with({})).toBe(f);
    const joined = Uri.joinPath(Uri.parse("file:///ws/src"), "..", "lib", "x.ts");
    expect(joined).toBeInstanceOf(Uri);
    expect(joined.toString()).toBe("file:///ws/lib/x.ts");
    expect(Uri.from({ scheme: "untitled", path: "Untitled-2" }).toString()).toBe("untitled:Untitled-2");
    expect(() => Uri.joinPath(Uri.parse("untitled:"), "x")).toThrow(/without path/);
  });
});

describe("language values", () => {
  it("SemanticTokensBuilder delta-encodes tokens sorted by position and maps legend names", () => {
    const legend = new vscode.SemanticTokensLegend(["class", "function"], ["declaration", "static"]);
    const builder = new vscode.SemanticTokensBuilder(legend);
    builder.push(range(2, 4, 2, 7), "function", ["static"]);
    builder.push(0, 1, 3, 0, 1);
    builder.push(2, 10, 2, 0);
    expect([...builder.build("r1").data]).toEqual([0, 1, 3, 0, 1, 2, 4, 3, 1, 2, 0, 6, 2, 0, 0]);
    expect(builder.build("r1").resultId).toBe("r1");
    expect(() => builder.push(range(0, 0, 0, 1), "enum")).toThrow(/not in the legend/);
  });
  it("argument checks: DocumentSymbol, SelectionRange, Diagnostic, ColorInformation", () => {
    const outer = range(0, 0, 5, 0);
    expect(() => new vscode.DocumentSymbol("f", "", vscode.SymbolKind.Function, range(1, 0, 1, 3), outer)).toThrow(
      /selectionRange/,
    );
    expect(() => new vscode.SelectionRange(outer, new vscode.SelectionRange(range(1, 0, 1, 1)))).toThrow(/parent/);
    expect(new vscode.Diagnostic(outer, "m").severity).toBe(vscode.DiagnosticSeverity.Error);
    expect(() => new vscode.ColorInformation(range(0, 0, 0, 0), new vscode.Color(1, 0, 0, 1))).toThrow(/not empty/);
  });
  it("TreeItem, Location, Disposable.from, CancellationTokenSource, errors", async () => {
    const item = new vscode.TreeItem(Uri.file("/x"));
    expect(item.resourceUri?.path).toBe("/x");
    expect(item.collapsibleState).toBe(vscode.TreeItemCollapsibleState.None);
    expect(new vscode.Location(Uri.file("/x"), pos(1, 2)).range.isEqual(range(1, 2, 1, 2))).toBe(true);
    const calls: string[] = [];
    const d = vscode.Disposable.from({ dispose: () => calls.push("a") }, { dispose: () => calls.push("b") });
    d.dispose();
    d.dispose();
    expect(calls).toEqual(["a", "b"]);
    const source = new vscode.CancellationTokenSource();
    source.cancel();
    const late = await new Promise<boolean>((resolve) => source.token.onCancellationRequested(() => resolve(true)));
    expect(late && source.token.isCancellationRequested).toBe(true);
    const err = vscode.FileSystemError.FileNotFound(Uri.file("/missing"));
    expect([err.code, err.name, err.message]).toEqual([
      "FileNotFound",
      "FileNotFound (FileSystemError)",
      "file:///missing",
    ]);
    expect(new vscode.CancellationError().message).toBe("Canceled");
    expect(new vscode.RelativePattern(Uri.file("/ws"), "**/*.ts").base).toBe("/ws");
  });
});

describe("l10n and workspace folders", () => {
  it("l10n.t fills index and named placeholders and leaves unknown ones", async () => {
    const { t } = await import("../../src/extension-host/api/l10n.js");
    expect(t("Hello {0}, {1}!", "World", 2)).toBe("Hello World, 2!");
    expect(t("Hello {name} {missing}", { name: "Erich" })).toBe("Hello Erich {missing}");
    expect(t({ message: "{0} files", args: [3], comment: "count" })).toBe("3 files");
    expect(t("no args {0}")).toBe("no args {0}");
  });
  it("getWorkspaceFolder picks the innermost folder; asRelativePath follows VS Code", async () => {
    const { folderOf, relativePath } = await import("../../src/extension-host/api/workspace-folders.js");
    const ws = [
      { uri: Uri.file("/ws/app"), name: "app", index: 0 },
      { uri: Uri.file("/ws/app/lib"), name: "lib", index: 1 },
    ];
    expect(folderOf(ws, Uri.file("/ws/app/lib/x.ts"))?.name).toBe("lib");
    expect(folderOf(ws, Uri.file("/ws/app/src/x.ts"))?.name).toBe("app");
    expect(folderOf(ws, Uri.file("/ws/app"))?.name).toBe("app");
    expect(folderOf(ws, Uri.file("/ws/application/x"))).toBeUndefined();
    expect(folderOf(ws, Uri.parse("untitled:Untitled-1"))).toBeUndefined();
    expect(relativePath(ws, Uri.file("/ws/app/src/x.ts"))).toBe("app/src/x.ts");
    expect(relativePath(ws, "/ws/app/src/x.ts", false)).toBe("src/x.ts");
    expect(relativePath(ws.slice(0, 1), Uri.file("/ws/app/src/x.ts"))).toBe("src/x.ts");
    expect(relativePath(ws, "/elsewhere/y.ts")).toBe("/elsewhere/y.ts");
  });
});

describe("notebook, task, debug and test values", () => {
  it("NotebookRange orders and validates; with keeps identity when unchanged", () => {
    const r = new vscode.NotebookRange(4, 1);
    expect([r.start, r.end, r.isEmpty]).toEqual([1, 4, false]);
    expect(r.with({})).toBe(r);
    expect(r.with({ end: 1 }).isEmpty).toBe(true);
    expect(() => new vscode.NotebookRange(-1, 2)).toThrow(/non-negative/);
  });
  it("NotebookCellOutputItem factories encode text and JSON with VS Code's MIME types", () => {
    const text = vscode.NotebookCellOutputItem.text("héllo");
    expect([text.mime, new TextDecoder().decode(text.data)]).toEqual(["text/plain", "héllo"]);
    const json = vscode.NotebookCellOutputItem.json({ a: 1 });
    expect([json.mime, JSON.parse(new TextDecoder().decode(json.data))]).toEqual(["text/x-json", { a: 1 }]);
    expect(vscode.NotebookCellOutputItem.stderr("x").mime).toBe("application/vnd.code.notebook.stderr");
    const error = vscode.NotebookCellOutputItem.error(new TypeError("bad"));
    expect(JSON.parse(new TextDecoder().decode(error.data))).toMatchObject({ name: "TypeError", message: "bad" });
  });
  it("DataTransfer compares MIME types case-insensitively; TaskGroup and TestMessage.diff", async () => {
    const dt = new vscode.DataTransfer();
    dt.set("Text/Plain", new vscode.DataTransferItem("x"));
    expect(await dt.get("text/plain")?.asString()).toBe("x");
    expect([...dt].map(([mime]) => mime)).toEqual(["text/plain"]);
    expect([vscode.TaskGroup.Build.id, vscode.TaskGroup.Test.id]).toEqual(["build", "test"]);
    const diff = vscode.TestMessage.diff("differs", "a", "b");
    expect([diff.expectedOutput, diff.actualOutput]).toEqual(["a", "b"]);
    const bp = new vscode.SourceBreakpoint(new vscode.Location(Uri.file("/x.ts"), pos(1, 0)));
    expect([bp.enabled, typeof bp.id]).toEqual([true, "string"]);
  });
  it("Task accepts both constructor forms; FileCoverage.fromDetails counts statements, branches, declarations", () => {
    const shell = new vscode.ShellExecution("npm test");
    const task = new vscode.Task({ type: "npm" }, vscode.TaskScope.Workspace, "test", "npm", shell, "$tsc");
    expect([task.scope, task.name, task.problemMatchers, shell.commandLine]).toEqual([
      vscode.TaskScope.Workspace,
      "test",
      ["$tsc"],
      "npm test",
    ]);
    const old = new vscode.Task({ type: "npm" }, "build", "npm", new vscode.ProcessExecution("npm", ["run", "build"]));
    expect([old.scope, old.name, old.source, old.problemMatchers]).toEqual([undefined, "build", "npm", []]);
    const coverage = vscode.FileCoverage.fromDetails(Uri.file("/a.ts"), [
      new vscode.StatementCoverage(3, pos(0, 0), [new vscode.BranchCoverage(true), new vscode.BranchCoverage(0)]),
      new vscode.StatementCoverage(false, pos(1, 0)),
      new vscode.DeclarationCoverage("f", 1, pos(0, 0)),
    ]);
    expect([coverage.statementCoverage, coverage.branchCoverage, coverage.declarationCoverage]).toEqual([
      { covered: 1, total: 2 },
      { covered: 1, total: 2 },
      { covered: 1, total: 1 },
    ]);
    expect(() => new vscode.FileCoverage(Uri.file("/a"), new vscode.TestCoverageCount(3, 2))).toThrow(/greater/);
  });
});
