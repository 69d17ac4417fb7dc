/**
 * Every provider family through the window's contract (ExtHostLanguageFeaturesContract), served
 * by the real built extension host running examples/language-features — an extension that
 * registers each provider the way published extensions do — on a two-file workspace.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ExtHostContract } from "../../src/protocol/contracts/ext-host.js";
import {
  ExtHostLanguageFeaturesContract,
  ProviderRejected,
  StaleReference,
} from "../../src/protocol/contracts/language-features.js";
import { proxy, type Proxy } from "../../src/protocol/rpc-contract.js";
import type { ChannelClient } from "../../src/renderer/src/channel/channel-client.js";
import { startTestHost, type TestHost } from "../support/host.js";
import { isConnected, nodeChannelClient, waitForState } from "../support/node-client.js";
import { repoRoot } from "../support/paths.js";
import { until } from "../support/until.js";
import { WorkbenchRecorder } from "../support/workbench-recorder.js";

const MAIN =
  "use helper\nuse missing\ncall helper(1, \nbegin\n  def   inner  \nend\nsee https://example.com/x #ff0000\n";
const LIB = "def helper\nuse helper\n";

describe("language features through the contract", () => {
  let dataDir: string;
  let workspace: string;
  let host: TestHost;
  let client: ChannelClient;
  let recorder: WorkbenchRecorder;
  let ext: Proxy<typeof ExtHostContract>;
  let lf: Proxy<typeof ExtHostLanguageFeaturesContract>;
  const uri = (name: string) => pathToFileURL(join(workspace, name)).toString();
  const main = () => ({ uri: uri("main.mini"), version: 1 });
  const at = (line: number, character: number) => ({ ...main(), position: { line, character } });

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "langfeat-data-"));
    workspace = mkdtempSync(join(tmpdir(), "langfeat-ws-"));
    writeFileSync(join(workspace, "main.mini"), MAIN);
    writeFileSync(join(workspace, "lib.mini"), LIB);
    host = await startTestHost({
      env: {
        EXTHOST_DEV_EXTENSIONS: join(repoRoot, "examples", "language-features"),
        EXTHOST_BUILTIN_EXTENSIONS: join(repoRoot, "extensions/builtin"),
        EXTHOST_USER_DATA_DIR: dataDir,
        EXTHOST_PROVIDER_TIMEOUT_MS: "2000",
      },
    });
    client = await nodeChannelClient(() => host.starter.connectionInfo());
    recorder = new WorkbenchRecorder();
    await recorder.attach(client);
    await waitForState(client, isConnected);
    ext = proxy(client, ExtHostContract);
    lf = proxy(client, ExtHostLanguageFeaturesContract);
    await ext.initialize({
      workspaceFolders: [{ uri: pathToFileURL(workspace).toString(), name: "ws" }],
      documents: [{ uri: uri("main.mini"), languageId: "mini", version: 1, text: MAIN }],
      activeDocument: uri("main.mini"),
    });
    // Activation (onLanguage:mini) registers the providers.
    await until(
      async () => (await lf.providerMetadata({ uri: uri("main.mini"), languageId: "mini" })).features.length > 20,
      "providers",
    );
  }, 60_000);
  afterAll(async () => {
    await client?.dispose();
    await host?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(workspace, { recursive: true, force: true });
  });

  it("metadata: trigger characters and the semantic tokens legend of the matching providers; none for other languages", async () => {
    const meta = await lf.providerMetadata({ uri: uri("main.mini"), languageId: "mini" });
    expect(meta.completionTriggerCharacters).toEqual(["."]);
    expect(meta.signatureHelpTriggerCharacters).toEqual(["("]);
    expect(meta.signatureHelpRetriggerCharacters).toEqual([","]);
    expect(meta.onTypeFormattingTriggerCharacters).toEqual([";"]);
    expect(meta.semanticTokensLegend).toEqual({
      tokenTypes: ["function", "variable", "keyword"],
      tokenModifiers: ["declaration"],
    });
    const other = await lf.providerMetadata({ uri: uri("x.txt"), languageId: "plaintext" });
    expect(other.features).not.toContain("definition");
  });

  it("completion: items with snippets, commit characters, additional edits; resolve adds documentation", async () => {
    const r = await lf.completions({ ...at(2, 0), context: { triggerKind: 0 } });
    const helper = r.items.find((i) => i.label === "helper");
    expect(helper).toMatchObject({ kind: 2, commitCharacters: ["("] });
    expect(r.items.find((i) => i.label === "call")).toMatchObject({
      insertText: "call ${1:name}($2)",
      isSnippet: true,
    });
    expect(r.items.find((i) => i.label === "header")?.additionalTextEdits).toEqual([
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: "# mini\n" },
    ]);
    expect(r.isIncomplete).toBe(false);
    const resolved = await lf.resolveCompletion({ cacheId: r.cacheId, index: helper!.index });
    expect(resolved.documentation?.value).toBe("Defined name **helper**");
    lf.releaseCache(r.cacheId);
    await expect(
      until(
        () =>
          lf.resolveCompletion({ cacheId: r.cacheId, index: 0 }).then(
            () => false,
            (e: unknown) => e instanceof StaleReference,
          ),
        "released",
      ),
    ).resolves.toBe(true);
  });

  it("hover and signature help", async () => {
    const hover = await lf.hover(at(0, 5));
    expect(hover?.contents[0]?.value).toBe("**helper** defined in lib.mini");
    expect(hover?.range).toEqual({ start: { line: 0, character: 4 }, end: { line: 0, character: 10 } });
    const help = await lf.signatureHelp({
      ...at(2, 14),
      context: { triggerKind: 2, triggerCharacter: ",", isRetrigger: true },
    });
    expect(help).toMatchObject({ activeParameter: 1, signatures: [{ label: "helper(first, second)" }] });
  });

  it("definition, declaration (LocationLink), type definition, implementation, references, highlights", async () => {
    const lib = uri("lib.mini");
    const target = { start: { line: 0, character: 4 }, end: { line: 0, character: 10 } };
    expect(await lf.definition(at(0, 5))).toEqual([{ uri: lib, range: target }]);
    expect(await lf.typeDefinition(at(0, 5))).toEqual([{ uri: lib, range: target }]);
    expect(await lf.implementation(at(0, 5))).toEqual([{ uri: lib, range: target }]);
    expect(await lf.declaration(at(0, 5))).toEqual([
      {
        uri: lib,
        range: target,
        originSelectionRange: { start: { line: 0, character: 4 }, end: { line: 0, character: 10 } },
      },
    ]);
    const refs = await lf.references({ ...at(0, 5), includeDeclaration: true });
    expect(refs.map((r) => `${r.uri.split("/").pop()}:${r.range.start.line}`).sort()).toEqual([
      "lib.mini:0",
      "lib.mini:1",
      "main.mini:0",
      "main.mini:2",
    ]);
    expect(await lf.references({ ...at(0, 5), includeDeclaration: false })).toHaveLength(3);
    const highlights = await lf.documentHighlights(at(0, 5));
    expect(highlights.map((h) => [h.range.start.line, h.kind])).toEqual([
      [0, 1],
      [2, 1],
    ]);
  });

  it("document symbols (a tree) and workspace symbols (+ resolve)", async () => {
    const symbols = await lf.documentSymbols(main());
    expect(symbols).toMatchObject([{ name: "region 4", kind: 2, children: [{ name: "inner", kind: 11 }] }]);
    const ws = await lf.workspaceSymbols({ query: "help" });
    expect(ws.symbols.map((s) => s.name)).toEqual(["helper"]);
    const resolved = await lf.resolveWorkspaceSymbol({ cacheId: ws.cacheId, index: 0 });
    expect(resolved.containerName).toBe("lib.mini");
  });

  it("code actions: quick fix for a diagnostic with its edit and command; resolve; `only` filters", async () => {
    const diagnostics = await until(
      () => recorder.of("diagnosticsSet").find((d) => d.uri === uri("main.mini") && d.diagnostics.length > 0),
      "diagnostics",
    );
    const [unknown] = diagnostics.diagnostics;
    expect(unknown).toMatchObject({
      message: "unknown name missing",
      code: "unknown-name",
      codeTarget: "https://example.com/mini#unknown-name",
    });
    const r = await lf.codeActions({
      ...main(),
      range: unknown!.range,
      context: { diagnostics: diagnostics.diagnostics, triggerKind: 1 },
    });
    expect(r.actions).toHaveLength(1);
    const fix = r.actions[0]!;
    expect(fix).toMatchObject({ title: "Define 'missing'", kind: "quickfix", isPreferred: true });
    expect(fix.edit?.entries).toEqual([
      {
        kind: "text",
        uri: uri("main.mini"),
        edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: "def missing\n" }],
      },
    ]);
    await lf.runCommand({ id: fix.command!.id, ...(fix.command?.ref !== undefined ? { ref: fix.command.ref } : {}) });
    expect(await ext.executeCommand({ id: "mini.lastDefined", args: [] })).toEqual({
      uri: uri("main.mini"),
      name: "missing",
    });
    expect((await lf.resolveCodeAction({ cacheId: r.cacheId, index: 0 })).title).toBe("Define 'missing' (resolved)");
    const refactors = await lf.codeActions({
      ...main(),
      range: unknown!.range,
      context: { diagnostics: diagnostics.diagnostics, triggerKind: 1, only: "refactor" },
    });
    expect(refactors.actions).toEqual([]);
  });

  it("code lens (+ resolve), links (+ resolve), colors and presentations, folding, selection ranges", async () => {
    const lib = { uri: uri("lib.mini"), version: 1 };
    await ext.documentOpened({ ...lib, languageId: "mini", text: LIB });
    const lenses = await lf.codeLenses(lib);
    expect(lenses.lenses).toHaveLength(1);
    expect((await lf.resolveCodeLens({ cacheId: lenses.cacheId, index: 0 })).command?.title).toBe("3 references");

    const links = await lf.documentLinks(main());
    expect(links.links.map((l) => l.range.start)).toEqual([{ line: 6, character: 4 }]);
    expect(await lf.resolveDocumentLink({ cacheId: links.cacheId, index: 0 })).toMatchObject({
      target: "https://example.com/resolved",
      tooltip: "resolved",
    });

    const colors = await lf.documentColors(main());
    expect(colors).toEqual([
      {
        range: { start: { line: 6, character: 26 }, end: { line: 6, character: 33 } },
        color: { red: 1, green: 0, blue: 0, alpha: 1 },
      },
    ]);
    const presentations = await lf.colorPresentations({
      ...main(),
      color: { red: 0, green: 1, blue: 0, alpha: 1 },
      range: colors[0]!.range,
    });
    expect(presentations.map((p) => p.label)).toEqual(["#00ff00"]);

    expect(await lf.foldingRanges(main())).toEqual([{ start: 3, end: 5, kind: "region" }]);
    const chains = await lf.selectionRanges({ ...main(), positions: [{ line: 0, character: 5 }] });
    expect(chains[0]?.map((r) => [r.start.character, r.end.character])).toEqual([
      [4, 10],
      [0, 10],
    ]);
  });

  it("formatting: document, range, on type (with its trigger character only)", async () => {
    const edits = await lf.formatDocument({ ...main(), options: { tabSize: 2, insertSpaces: true } });
    expect(edits).toEqual([
      { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 15 } }, text: "call helper(1," },
      { range: { start: { line: 4, character: 0 }, end: { line: 4, character: 15 } }, text: "  def inner" },
    ]);
    const range = await lf.formatRange({
      ...main(),
      range: { start: { line: 4, character: 0 }, end: { line: 4, character: 1 } },
      options: { tabSize: 4, insertSpaces: true },
    });
    expect(range.map((e) => e.text)).toEqual(["    def inner"]);
    expect(await lf.formatOnType({ ...at(2, 3), ch: "x", options: { tabSize: 2, insertSpaces: true } })).toEqual([]);
    expect(await lf.formatOnType({ ...at(2, 3), ch: ";", options: { tabSize: 2, insertSpaces: true } })).toHaveLength(
      1,
    );
  });

  it("rename: prepare gives the range and placeholder; edits span both files; a provider's error is the message shown", async () => {
    expect(await lf.prepareRename(at(0, 5))).toEqual({
      range: { start: { line: 0, character: 4 }, end: { line: 0, character: 10 } },
      text: "helper",
    });
    const keyword = await lf.prepareRename(at(0, 1)).catch((e: unknown) => e);
    expect(keyword).toBeInstanceOf(ProviderRejected);
    expect((keyword as ProviderRejected).message).toBe("'use' is a keyword and cannot be renamed");
    const edit = await lf.rename({ ...at(0, 5), newName: "assist" });
    const byFile = new Map(
      (edit?.entries ?? []).flatMap((e) => (e.kind === "text" ? [[e.uri.split("/").pop(), e.edits.length]] : [])),
    );
    expect(Object.fromEntries(byFile)).toEqual({ "main.mini": 2, "lib.mini": 2 });
    const bad = await lf.rename({ ...at(0, 5), newName: "1x" }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(ProviderRejected);
  });

  it("semantic tokens (full and range) and inlay hints (+ resolve)", async () => {
    const tokens = await lf.semanticTokens(main());
    expect(tokens?.type).toBe("full");
    // First line `use helper`: keyword at 0 (len 3), variable at 4 (len 6).
    expect(tokens?.type === "full" ? tokens.data.slice(0, 10) : []).toEqual([0, 0, 3, 2, 0, 0, 4, 6, 1, 0]);
    const range = await lf.semanticTokensRange({
      ...main(),
      range: { start: { line: 4, character: 0 }, end: { line: 4, character: 20 } },
    });
    expect(range?.type === "full" ? range.data : []).toEqual([4, 8, 5, 0, 1]);

    const hints = await lf.inlayHints({
      ...main(),
      range: { start: { line: 0, character: 0 }, end: { line: 6, character: 0 } },
    });
    expect(hints.hints.map((h) => [h.position, h.label])).toEqual([[{ line: 0, character: 10 }, ": lib.mini:1"]]);
    expect((await lf.resolveInlayHint({ cacheId: hints.cacheId, index: 0 })).tooltip?.value).toBe(
      "where the name is defined",
    );
  });

  it("call and type hierarchy, linked editing, inline completions", async () => {
    const [item] = await lf.prepareCallHierarchy(at(0, 5));
    expect(item).toMatchObject({ name: "helper", uri: uri("lib.mini") });
    const incoming = await lf.incomingCalls({ cacheId: item!.cacheId, index: item!.index });
    expect(incoming.map((c) => c.item.name).sort()).toEqual(["lib.mini", "main.mini"]);
    const [type] = await lf.prepareTypeHierarchy(at(0, 5));
    expect((await lf.supertypes({ cacheId: type!.cacheId, index: type!.index })).map((t) => t.name)).toEqual([
      "helperBase",
    ]);
    const linked = await lf.linkedEditingRanges(at(0, 5));
    expect(linked?.ranges).toHaveLength(2);
    expect(linked?.wordPattern).toBe("[A-Za-z_]\\w*");
    await ext.documentChanged({
      uri: uri("main.mini"),
      version: 2,
      changes: [{ range: { start: { line: 7, character: 0 }, end: { line: 7, character: 0 } }, text: "de" }],
    });
    const inline = await lf.inlineCompletions({
      uri: uri("main.mini"),
      version: 2,
      position: { line: 7, character: 2 },
      triggerKind: 0,
    });
    expect(inline.map((i) => i.insertText)).toEqual(["def "]);
  });

  it("the vscode.execute*Provider commands answer with the providers' values", async () => {
    const defs = (await ext.executeCommand({
      id: "vscode.executeDefinitionProvider",
      args: [uri("lib.mini"), { line: 1, character: 5 }],
    })) as Array<{ uri: { path: string } }>;
    expect(defs).toHaveLength(1);
    expect(defs[0]?.uri.path.endsWith("/lib.mini")).toBe(true);
    const symbols = (await ext.executeCommand({
      id: "vscode.executeDocumentSymbolProvider",
      args: [uri("lib.mini")],
    })) as unknown[];
    expect(symbols).toHaveLength(1);
    await expect(ext.executeCommand({ id: "vscode.executeDefinitionProvider", args: [42] })).rejects.toThrow(
      /first argument must be a Uri/,
    );
  });
});
