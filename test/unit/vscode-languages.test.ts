/**
 * `vscode.languages` on the real HostServices (no window): argument checks at registration,
 * VS Code's selector scores and the order providers are asked in, slow/failing providers
 * skipped without losing the others' answers, cancellation reaching each provider's token,
 * DiagnosticCollection and getDiagnostics/onDidChangeDiagnostics as VS Code documents them.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { ExtensionRuntime } from "../../src/extension-host/extensions/extension-runtime.js";
import { DocumentModel } from "../../src/extension-host/documents.js";
import { HostServices } from "../../src/extension-host/host-services.js";
import { Diagnostic, DiagnosticSeverity } from "../../src/extension-host/api/language-types.js";
import { Position, Range, Uri, type CancellationToken } from "../../src/extension-host/api/types.js";
import { score } from "../../src/extension-host/services/language-features.js";

const storageDir = mkdtempSync(join(tmpdir(), "vscode-languages-"));
afterAll(() => rmSync(storageDir, { recursive: true, force: true }));

const logged: string[] = [];
const host = new HostServices({
  extensions: [],
  problems: [],
  storageDir,
  providerTimeoutMs: 200,
  log: (m) => logged.push(m),
});
const runtime = { id: "test.languages", registrations: [] } as unknown as ExtensionRuntime;
const api = host.apiFor(runtime) as {
  languages: Record<string, (...args: unknown[]) => { dispose(): void } & Record<string, unknown>>;
};
const languages = api.languages;
const doc = new DocumentModel("file:///ws/a.mini", "mini", 1, "use helper\n");
const at = new Position(0, 5);
const never = () => new AbortController().signal;

describe("vscode.languages registration", () => {
  it("refuses bad selectors, providers without their method and bad metadata, naming the API", () => {
    expect(() => languages.registerHoverProvider!(42, { provideHover: () => undefined })).toThrow(
      /registerHoverProvider: selector must be/,
    );
    expect(() => languages.registerHoverProvider!("mini", {})).toThrow(
      "vscode.languages.registerHoverProvider: provider must have a 'provideHover' method",
    );
    expect(() => languages.registerCompletionItemProvider!("mini", { provideCompletionItems: () => [] }, 1)).toThrow(
      /trigger characters must be strings/,
    );
    expect(() =>
      languages.registerDocumentSemanticTokensProvider!("mini", { provideDocumentSemanticTokens: () => null }, {}),
    ).toThrow(/legend must be a SemanticTokensLegend/);
    expect(() =>
      languages.registerOnTypeFormattingEditProvider!("mini", { provideOnTypeFormattingEdits: () => [] }),
    ).toThrow(/firstTriggerCharacter/);
    expect(() => languages.registerColorProvider!("mini", { provideDocumentColors: () => [] })).toThrow(
      /'provideColorPresentations'/,
    );
  });

  it("scores selectors as VS Code does", () => {
    const d = { uri: "file:///ws/a.mini", languageId: "mini" };
    expect(score("mini", d)).toBe(10);
    expect(score("*", d)).toBe(5);
    expect(score("json", d)).toBe(0);
    expect(score({ language: "mini", scheme: "file" }, d)).toBe(10);
    expect(score({ scheme: "untitled" }, d)).toBe(0);
    expect(score({ pattern: "**/*.mini" }, d)).toBe(10);
    expect(score({ pattern: "*.json" }, d)).toBe(0);
    expect(score(["json", { language: "*" }], d)).toBe(5);
    expect(languages.match!({ language: "mini" }, { uri: Uri.parse(d.uri), languageId: "mini" })).toBe(10);
  });

  it("asks the best-scoring provider first, skips the slow and the failing, and disposing removes a provider", async () => {
    const order: string[] = [];
    const make = (name: string, answer: () => unknown) => ({
      provideDefinition: () => {
        order.push(name);
        return answer();
      },
    });
    const subs = [
      languages.registerDefinitionProvider!(
        "*",
        make("star", () => [{ uri: Uri.parse("file:///ws/star"), range: new Range(0, 0, 0, 1) }]),
      ),
      languages.registerDefinitionProvider!(
        "mini",
        make("exact", () => ({ uri: Uri.parse("file:///ws/exact"), range: new Range(0, 0, 0, 1) })),
      ),
      languages.registerDefinitionProvider!(
        "mini",
        make("throws", () => {
          throw new Error("provider bug");
        }),
      ),
      languages.registerDefinitionProvider!(
        "mini",
        make("hangs", () => new Promise(() => undefined)),
      ),
    ];
    const found = (await host.languageRequests.locations("definition", doc, at, never())) as Array<{ uri: Uri }>;
    // Exact-language providers before `*`; the throwing and hanging ones gave nothing.
    expect(found.map((l) => l.uri.path)).toEqual(["/ws/exact", "/ws/star"]);
    expect(logged.some((m) => m.includes("provider bug"))).toBe(true);
    expect(logged.some((m) => m.includes("no answer within 200 ms"))).toBe(true);
    for (const s of subs) s.dispose();
    expect(await host.languageRequests.locations("definition", doc, at, never())).toEqual([]);
  });

  it("folding: no answer at all is undefined (the editor then folds by indentation), an empty answer is []", async () => {
    const failing = languages.registerFoldingRangeProvider!("mini", {
      provideFoldingRanges: () => {
        throw new Error("server not ready");
      },
    });
    expect(await host.languageRequests.foldingRanges(doc, never())).toBeUndefined();
    const empty = languages.registerFoldingRangeProvider!("mini", { provideFoldingRanges: () => [] });
    expect(await host.languageRequests.foldingRanges(doc, never())).toEqual([]);
    failing.dispose();
    empty.dispose();
  });

  it("cancelling the request cancels every provider's token", async () => {
    const tokens: CancellationToken[] = [];
    const sub = languages.registerHoverProvider!("mini", {
      provideHover: (_d: unknown, _p: unknown, token: CancellationToken) => {
        tokens.push(token);
        return new Promise(() => undefined);
      },
    });
    const controller = new AbortController();
    const pending = host.languageRequests.hovers(doc, at, controller.signal);
    await new Promise((r) => setTimeout(r, 20));
    controller.abort();
    expect(await pending).toEqual([]);
    expect(tokens).toHaveLength(1);
    expect(tokens[0]?.isCancellationRequested).toBe(true);
    sub.dispose();
  });

  it("completion asks a lower score group only when the better one had nothing; trigger characters select providers", async () => {
    const subs = [
      languages.registerCompletionItemProvider!("*", { provideCompletionItems: () => [{ label: "fallback" }] }),
      languages.registerCompletionItemProvider!("mini", { provideCompletionItems: () => [{ label: "dot" }] }, "."),
    ];
    const labels = async (context: { triggerKind: number; triggerCharacter?: string }) =>
      (await host.languageRequests.completions(doc, at, context, never())).items.map(
        (i) => (i.item as { label: string }).label,
      );
    expect(await labels({ triggerKind: 0 })).toEqual(["dot"]);
    // `(` is nobody's trigger character in the best group: the `*` group answers… only if it declared it.
    expect(await labels({ triggerKind: 1, triggerCharacter: "(" })).toEqual([]);
    expect(await labels({ triggerKind: 1, triggerCharacter: "." })).toEqual(["dot"]);
    for (const s of subs) s.dispose();
  });
});

describe("diagnostics", () => {
  const a = Uri.parse("file:///ws/a.mini");
  const b = Uri.parse("file:///ws/b.mini");
  const diag = (message: string) => new Diagnostic(new Range(0, 0, 0, 1), message, DiagnosticSeverity.Warning);

  it("a collection merges entries of one uri, resets on [uri, undefined], and getDiagnostics merges collections", async () => {
    const events: string[][] = [];
    const off = (
      languages.onDidChangeDiagnostics as unknown as (l: (e: { uris: Uri[] }) => void) => { dispose(): void }
    )((e) => events.push(e.uris.map((u) => u.path)));
    const one = languages.createDiagnosticCollection!("one") as unknown as {
      set(...a: unknown[]): void;
      get(u: Uri): readonly Diagnostic[] | undefined;
      has(u: Uri): boolean;
      delete(u: Uri): void;
      forEach(cb: (u: Uri, d: readonly Diagnostic[]) => void): void;
      dispose(): void;
      name: string;
    };
    const two = languages.createDiagnosticCollection!("two") as unknown as typeof one;
    expect(one.name).toBe("one");
    one.set([
      [a, [diag("a1")]],
      [b, [diag("b1")]],
      [a, [diag("a2")]],
    ]);
    expect(one.get(a)?.map((d) => d.message)).toEqual(["a1", "a2"]);
    expect(Object.isFrozen(one.get(a))).toBe(true);
    one.set([
      [a, [diag("x")]],
      [a, undefined],
      [a, [diag("a3")]],
    ]);
    expect(one.get(a)?.map((d) => d.message)).toEqual(["a3"]);
    two.set(a, [diag("from two")]);
    const getDiagnostics = languages.getDiagnostics as unknown as {
      (u: Uri): Diagnostic[];
      (): Array<readonly [Uri, Diagnostic[]]>;
    };
    expect(getDiagnostics(a).map((d) => d.message)).toEqual(["a3", "from two"]);
    expect(
      getDiagnostics()
        .map(([u, list]) => `${u.path}:${list.length}`)
        .sort(),
    ).toEqual(["/ws/a.mini:2", "/ws/b.mini:1"]);
    one.delete(b);
    expect(one.has(b)).toBe(false);
    await new Promise((r) => setTimeout(r, 10));
    expect(events.flat()).toContain("/ws/a.mini");
    expect(events.flat()).toContain("/ws/b.mini");
    one.dispose();
    expect(() => one.set(a, [])).toThrow(/disposed/);
    expect(getDiagnostics(a).map((d) => d.message)).toEqual(["from two"]);
    two.dispose();
    off.dispose();
  });
});
