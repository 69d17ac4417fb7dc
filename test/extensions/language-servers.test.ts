/**
 * The built-in language extensions (extensions/builtin/*-language-features) in the real built
 * extension host: each runs the unmodified vscode-languageclient against a real language server
 * from node_modules. Driven through the typed contract as the renderer would; one host (so one
 * server per language) for the whole file, because a server takes seconds to start.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ExtHostContract } from "../../src/protocol/contracts/ext-host.js";
import { ExtHostLanguageFeaturesContract } from "../../src/protocol/contracts/language-features.js";
import type { TextEditDto } from "../../src/protocol/language-features.js";
import { proxy, type Proxy } from "../../src/protocol/rpc-contract.js";
import type { ChannelClient } from "../../src/renderer/src/channel/channel-client.js";
import { startTestHost, type TestHost } from "../support/host.js";
import { isConnected, nodeChannelClient, waitForState } from "../support/node-client.js";
import { repoRoot } from "../support/paths.js";
import { until } from "../support/until.js";
import { WorkbenchRecorder } from "../support/workbench-recorder.js";

/** A two-file TypeScript project with one type error (a string assigned to a number). */
const PROJECT: Record<string, string> = {
  "tsconfig.json": JSON.stringify({
    compilerOptions: { target: "ES2022", module: "ESNext", moduleResolution: "Bundler", strict: true, noEmit: true },
    include: ["src"],
  }),
  "src/greeter.ts": [
    "export interface Greeter {",
    "  readonly name: string;",
    "  greet(punctuation: string): string;",
    "}",
    "",
    "export function makeGreeter(name: string): Greeter {",
    "  return { name, greet: (punctuation) => `Hello, ${name}${punctuation}` };",
    "}",
    "",
  ].join("\n"),
  "src/main.ts": [
    'import { makeGreeter } from "./greeter";',
    "",
    'const greeter = makeGreeter("world");',
    'const count: number = greeter.greet("!");',
    "console.log(count);",
    "",
  ].join("\n"),
  "src/typo.ts": ['import { makeGreeter } from "./greeter";', "", 'makeGreeter("x").gret("!");', ""].join("\n"),
  "src/messy.ts": "const  x=1;function f( a:number ){return a}\n",
  "package.json": JSON.stringify({ name: "fixture", version: "1.0.0", private: true }, null, 2),
};

/** Applies LSP-style edits (non-overlapping) to `text`. */
const applyEdits = (text: string, edits: readonly TextEditDto[]): string => {
  const lines = text.split("\n");
  const offset = (p: { line: number; character: number }) =>
    lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return edits
    .map((e) => ({ start: offset(e.range.start), end: offset(e.range.end), text: e.text }))
    .sort((a, b) => b.start - a.start)
    .reduce((t, e) => t.slice(0, e.start) + e.text + t.slice(e.end), text);
};

/**
 * Asks again until the answer satisfies `done` (by default: not empty), or returns the last one
 * at the time-out: a server answers from what it has so far (no project, no schema yet).
 */
const eventually = async <T>(
  ask: () => Promise<readonly T[]>,
  done: (answer: readonly T[]) => boolean = (a) => a.length > 0,
  timeoutMs = 30_000,
): Promise<readonly T[]> => {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const answer = await ask();
    if (done(answer) || Date.now() > end) return answer;
    await new Promise((r) => setTimeout(r, 200));
  }
};

describe("built-in language servers through vscode-languageclient", () => {
  let dataDir: string;
  let workspace: string;
  let host: TestHost;
  let client: ChannelClient;
  let recorder: WorkbenchRecorder;
  let ext: Proxy<typeof ExtHostContract>;
  let lf: Proxy<typeof ExtHostLanguageFeaturesContract>;
  const versions = new Map<string, number>();

  const uriOf = (file: string) => pathToFileURL(join(workspace, file)).toString();
  const open = async (file: string, languageId: string, text = PROJECT[file] ?? "") => {
    versions.set(file, 1);
    await ext.documentOpened({ uri: uriOf(file), languageId, version: 1, text });
  };
  const ensureOpen = async (file: string) => {
    if (!versions.has(file)) await open(file, "typescript");
  };
  const at = (file: string, line: number, character: number) => ({
    uri: uriOf(file),
    version: versions.get(file) ?? 1,
    position: { line, character },
  });
  /** Sends the whole new text as one edit and returns the new version. */
  const replaceText = (file: string, oldText: string, text: string) => {
    const version = (versions.get(file) ?? 1) + 1;
    versions.set(file, version);
    const lines = oldText.split("\n");
    ext.documentChanged({
      uri: uriOf(file),
      version,
      changes: [
        {
          range: {
            start: { line: 0, character: 0 },
            end: { line: lines.length - 1, character: lines[lines.length - 1]?.length ?? 0 },
          },
          text,
        },
      ],
    });
    return version;
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "lsp-data-"));
    workspace = mkdtempSync(join(tmpdir(), "lsp-ws-"));
    for (const [file, text] of Object.entries(PROJECT)) {
      mkdirSync(dirname(join(workspace, file)), { recursive: true });
      writeFileSync(join(workspace, file), text);
    }
    host = await startTestHost({
      env: {
        EXTHOST_BUILTIN_EXTENSIONS: join(repoRoot, "extensions/builtin"),
        EXTHOST_USER_DATA_DIR: dataDir,
        EXTHOST_PROVIDER_TIMEOUT_MS: "20000",
      },
    });
    client = await nodeChannelClient(() => host.starter.connectionInfo());
    recorder = new WorkbenchRecorder();
    await recorder.attach(client);
    await waitForState(client, isConnected);
    ext = proxy(client, ExtHostContract);
    lf = proxy(client, ExtHostLanguageFeaturesContract);
    await ext.initialize({
      workspaceFolders: [{ uri: pathToFileURL(workspace).toString(), name: "fixture" }],
      documents: [],
      activeDocument: null,
    });
  }, 30_000);

  afterAll(async () => {
    await client?.dispose();
    await host?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(workspace, { recursive: true, force: true });
  });

  const output = (channel: string) =>
    recorder
      .of("outputAppend")
      .filter((p) => p.channel === channel)
      .map((p) => p.text)
      .join("");

  it("TypeScript: a type error is published as a diagnostic", async () => {
    await open("src/main.ts", "typescript");
    const published = await until(
      () => recorder.of("diagnosticsSet").find((p) => p.uri === uriOf("src/main.ts") && p.diagnostics.length > 0),
      `diagnostics for main.ts; output: ${output("TypeScript")} ${output("Extension: direct-editor.typescript-language-features")}`,
      // The server starts and loads the project first: slow on a loaded machine.
      60_000,
    ).catch((e: unknown) => {
      throw new Error(`${String(e)}\n${host.logs.join("\n")}\n${JSON.stringify(recorder.of("outputAppend"))}`);
    });
    expect(published.diagnostics[0]).toMatchObject({
      message: "Type 'string' is not assignable to type 'number'.",
      severity: "error",
    });
  }, 75_000);

  it("TypeScript: completions after '.' list the members", async () => {
    // `greeter.greet` at line 3: ask right after the dot.
    const line = PROJECT["src/main.ts"]!.split("\n")[3]!;
    const items = await eventually(
      () => ext.provideCompletions(at("src/main.ts", 3, line.indexOf(".") + 1)),
      (list) => list.some((i) => i.label === "greet"),
    );
    const labels = items.map((i) => i.label);
    expect(labels).toContain("greet");
    expect(labels).toContain("name");
    expect(items.find((i) => i.label === "greet")?.kind).toBe("Method");
  }, 30_000);

  it("TypeScript: hover shows the type", async () => {
    const line = PROJECT["src/main.ts"]!.split("\n")[2]!;
    const hover = await ext.provideHover(at("src/main.ts", 2, line.indexOf("greeter") + 2));
    expect(hover?.contents.join("\n")).toContain("const greeter: Greeter");
  }, 30_000);

  it("TypeScript: fixing the error in the editor clears the diagnostic", async () => {
    const fixed = PROJECT["src/main.ts"]!.replace("const count: number", "const count: string");
    const seen = recorder.of("diagnosticsSet").length;
    replaceText("src/main.ts", PROJECT["src/main.ts"]!, fixed);
    await until(
      () =>
        recorder
          .of("diagnosticsSet")
          .slice(seen)
          .some((p) => p.uri === uriOf("src/main.ts") && p.diagnostics.length === 0),
      "cleared diagnostics",
      30_000,
    );
  }, 40_000);

  it("JSON: package.json completes the keys of its schema, at the top level and in scripts", async () => {
    const text = '{\n  "name": "fixture",\n  \n  "scripts": {\n    \n  }\n}\n';
    await open("package.json", "json", text);
    // The schema association arrives right after the server started: ask until it is applied.
    const top = await eventually(
      () => ext.provideCompletions(at("package.json", 2, 2)),
      (items) => items.length > 1,
    );
    const topLabels = top.map((i) => i.label);
    expect(topLabels).toEqual(expect.arrayContaining(["version", "dependencies", "devDependencies", "private"]));
    // "name" and "scripts" are already there: the server does not offer them again.
    expect(topLabels).not.toContain("name");
    const inScripts = (await ext.provideCompletions(at("package.json", 4, 4))).map((i) => i.label);
    expect(inScripts).toEqual(expect.arrayContaining(["test", "start", "postinstall"]));
  }, 40_000);

  it("CSS: property names complete inside a rule", async () => {
    await open("style.css", "css", "a {\n  col\n}\n");
    const labels = (await eventually(() => ext.provideCompletions(at("style.css", 1, 5)))).map((i) => i.label);
    expect(labels).toEqual(expect.arrayContaining(["color", "column-count"]));
  }, 30_000);

  it("HTML: element names complete after '<', and CSS inside <style>", async () => {
    const text = "<html>\n<head><style>a { backgr }</style></head>\n<body>\n<di\n</body>\n</html>\n";
    await open("index.html", "html", text);
    const tags = (await eventually(() => ext.provideCompletions(at("index.html", 3, 3)))).map((i) => i.label);
    expect(tags).toEqual(expect.arrayContaining(["div", "dialog"]));
    const css = (await ext.provideCompletions(at("index.html", 1, 23))).map((i) => i.label);
    expect(css).toContain("background-color");
  }, 30_000);

  const column = (file: string, line: number, word: string) => PROJECT[file]!.split("\n")[line]!.indexOf(word);

  it("TypeScript: go to definition lands in the other file", async () => {
    await ensureOpen("src/main.ts");
    const links = await eventually(() =>
      lf.definition(at("src/main.ts", 2, column("src/main.ts", 2, "makeGreeter") + 2)),
    );
    expect(links).toHaveLength(1);
    expect(links[0]).toMatchObject({ uri: uriOf("src/greeter.ts") });
    expect(links[0]!.range.start.line).toBe(5);
  }, 30_000);

  it("TypeScript: references span the files that use the name", async () => {
    await ensureOpen("src/greeter.ts");
    const refs = await eventually(
      () =>
        lf.references({
          ...at("src/greeter.ts", 5, column("src/greeter.ts", 5, "makeGreeter") + 1),
          includeDeclaration: true,
        }),
      (r) => new Set(r.map((l) => l.uri)).size > 1,
    );
    // typo.ts (on disk, in the project) calls it too.
    const files = ["src/greeter.ts", "src/main.ts", "src/typo.ts"].map(uriOf);
    expect(new Set(refs.map((r) => r.uri))).toEqual(new Set(files));
    // The declaration, and an import and a call in each of the two other files.
    expect(refs).toHaveLength(5);
  }, 30_000);

  it("TypeScript: rename at the declaration edits every file that uses the name", async () => {
    await ensureOpen("src/greeter.ts");
    const edit = await lf.rename({
      ...at("src/greeter.ts", 5, column("src/greeter.ts", 5, "makeGreeter") + 1),
      newName: "createGreeter",
    });
    const entries = (edit?.entries ?? []).flatMap((e) => (e.kind === "text" ? [e] : []));
    expect(new Set(entries.map((e) => e.uri))).toEqual(
      new Set(["src/greeter.ts", "src/main.ts", "src/typo.ts"].map(uriOf)),
    );
    const greeter = entries.filter((e) => e.uri === uriOf("src/greeter.ts")).flatMap((e) => e.edits);
    expect(applyEdits(PROJECT["src/greeter.ts"]!, greeter)).toContain("export function createGreeter(name: string)");
    const main = entries.filter((e) => e.uri === uriOf("src/main.ts")).flatMap((e) => e.edits);
    expect(applyEdits(PROJECT["src/main.ts"]!, main)).toContain('import { createGreeter } from "./greeter";');
    expect(applyEdits(PROJECT["src/main.ts"]!, main)).toContain('const greeter = createGreeter("world");');
  }, 30_000);

  it("TypeScript: document formatting returns the edits that format the file", async () => {
    await open("src/messy.ts", "typescript");
    const edits = await lf.formatDocument({ ...at("src/messy.ts", 0, 0), options: { tabSize: 2, insertSpaces: true } });
    expect(applyEdits(PROJECT["src/messy.ts"]!, edits)).toBe("const x = 1; function f(a: number) { return a }\n");
  }, 30_000);

  it("TypeScript: document symbols give the outline", async () => {
    await ensureOpen("src/greeter.ts");
    const symbols = await lf.documentSymbols({ uri: uriOf("src/greeter.ts"), version: 1 });
    expect(symbols.map((s) => s.name)).toEqual(["Greeter", "makeGreeter"]);
    // tsserver lists members by name.
    expect(symbols[0]!.children.map((c) => c.name)).toEqual(["greet", "name"]);
  }, 30_000);

  it("TypeScript: a misspelt member gets a quick fix that corrects it", async () => {
    await open("src/typo.ts", "typescript");
    const diagnostic = await until(
      () =>
        recorder
          .of("diagnosticsSet")
          .filter((p) => p.uri === uriOf("src/typo.ts"))
          .at(-1)
          ?.diagnostics.find((d) => d.message.includes("gret")),
      "the spelling diagnostic",
      30_000,
    );
    const { actions, cacheId } = await lf.codeActions({
      uri: uriOf("src/typo.ts"),
      version: 1,
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], only: "quickfix", triggerKind: 1 },
    });
    const fix = actions.find((a) => a.title.includes("Change spelling to 'greet'"));
    expect(fix).toBeDefined();
    const resolved = fix!.edit ? fix! : await lf.resolveCodeAction({ cacheId, index: fix!.index });
    const edits = (resolved.edit?.entries ?? []).flatMap((e) => (e.kind === "text" ? e.edits : []));
    expect(applyEdits(PROJECT["src/typo.ts"]!, edits)).toContain('makeGreeter("x").greet("!");');
  }, 40_000);

  it("TypeScript: semantic tokens classify the code with the server's legend", async () => {
    await ensureOpen("src/greeter.ts");
    const legend = await lf.semanticTokensLegend({ uri: uriOf("src/greeter.ts"), languageId: "typescript" });
    expect(legend?.tokenTypes).toEqual(expect.arrayContaining(["interface", "function", "parameter", "property"]));
    const tokens = await lf.semanticTokens({ uri: uriOf("src/greeter.ts"), version: 1 });
    if (tokens?.type !== "full") throw new Error(`expected full tokens, got ${JSON.stringify(tokens)}`);
    expect(tokens.data.length % 5).toBe(0);
    // Decode: the first token is `Greeter` on line 0, an interface.
    const [deltaLine, deltaStart, length, type] = tokens.data;
    expect([deltaLine, deltaStart, length]).toEqual([0, "export interface ".length, "Greeter".length]);
    expect(legend!.tokenTypes[type!]).toBe("interface");
  }, 30_000);
});
