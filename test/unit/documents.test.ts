import fc from "fast-check";
import { Result } from "effect";
import { describe, expect, it } from "vitest";
import { DocumentStore } from "../../src/extension-host/documents.js";
import { decodeManifest } from "../../src/extension-host/extensions/manifest.js";
import { developmentPaths } from "../../src/main/command-line.js";

const open = (text: string) => {
  const store = new DocumentStore();
  store.open({ uri: "file:///a.txt", languageId: "plaintext", version: 1, text });
  return store;
};

describe("document model", () => {
  it("applies incremental edits in order and tracks versions", () => {
    const store = open("hello\nworld\n");
    const doc = store.change({
      uri: "file:///a.txt",
      version: 2,
      changes: [
        { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } }, text: "goodbye" },
        { range: { start: { line: 1, character: 5 }, end: { line: 1, character: 5 } }, text: "!\nthird" },
      ],
    });
    expect(doc.text).toBe("goodbye\nworld!\nthird\n");
    expect(doc.version).toBe(2);
    expect(doc.lineCount).toBe(4);
    expect(doc.lineText(2)).toBe("third");
    expect(doc.positionAt(doc.text.indexOf("third"))).toEqual({ line: 2, character: 0 });
  });

  it("refuses a version gap and an unknown document with clear errors", () => {
    const store = open("x");
    expect(() => store.change({ uri: "file:///a.txt", version: 3, changes: [] })).toThrow(
      /is at version 1; got an edit for version 3/,
    );
    expect(() => store.change({ uri: "file:///b.txt", version: 2, changes: [] })).toThrow(/is not open/);
  });

  it("matches a plain string model for any sequence of edits", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 40 }),
        fc.array(fc.tuple(fc.nat(60), fc.nat(10), fc.string({ maxLength: 6 })), { maxLength: 15 }),
        (initial, edits) => {
          const store = open(initial);
          let expected = initial;
          let version = 1;
          for (const [at, length, text] of edits) {
            const doc = store.get("file:///a.txt")!;
            const start = Math.min(at, expected.length);
            const end = Math.min(start + length, expected.length);
            store.change({
              uri: "file:///a.txt",
              version: ++version,
              changes: [{ range: { start: doc.positionAt(start), end: doc.positionAt(end) }, text }],
            });
            expected = expected.slice(0, start) + text + expected.slice(end);
          }
          expect(store.get("file:///a.txt")!.text).toBe(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("document model, incremental line table", () => {
  const outsideCrlf = (t: string, o: number) => (t[o - 1] === "\r" && t[o] === "\n" ? o - 1 : o);
  const lines = (t: string) => t.split("\n").map((l) => l.replace(/\r$/, ""));
  it("answers line and offset queries like a plain string model between multi-change edits (CRLF included)", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 30, unit: fc.constantFrom("a", "b", "\n", "\r\n", "x") }),
        fc.array(
          fc.array(
            fc.tuple(fc.nat(40), fc.nat(6), fc.string({ maxLength: 5, unit: fc.constantFrom("z", "\n", "\r\n") })),
            {
              minLength: 1,
              maxLength: 3,
            },
          ),
          { maxLength: 10 },
        ),
        (initial, batches) => {
          const store = open(initial);
          let expected = initial;
          let version = 1;
          for (const batch of batches) {
            // Like Monaco's events: each change is in the coordinates left by the previous one.
            const changes = [];
            for (const [at, length, text] of batch) {
              // Never between \r and \n: like VS Code, the model clamps such positions to the line end.
              const start = outsideCrlf(expected, Math.min(at, expected.length));
              const end = outsideCrlf(expected, Math.min(start + length, expected.length));
              const before = expected.slice(0, start);
              const pos = (o: number) => {
                const head = expected.slice(0, o).split("\n");
                return { line: head.length - 1, character: head.at(-1)!.length };
              };
              changes.push({ range: { start: pos(start), end: pos(end) }, text });
              expected = before + text + expected.slice(end);
            }
            const doc = store.change({ uri: "file:///a.txt", version: ++version, changes });
            const want = lines(expected);
            expect(doc.lineCount).toBe(want.length);
            want.forEach((l, i) => expect(doc.lineText(i)).toBe(l));
            const probe = outsideCrlf(expected, Math.floor(expected.length / 2));
            expect(doc.offsetAt(doc.positionAt(probe))).toBe(probe);
          }
          expect(store.get("file:///a.txt")!.text).toBe(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("extension manifest", () => {
  const valid = { name: "x", publisher: "me", version: "1.0.0", engines: { vscode: "^1.90.0" } };
  it("accepts a minimal VS Code-style manifest and rejects bad ones with the reason", () => {
    expect(Result.isSuccess(decodeManifest(valid))).toBe(true);
    const missing = decodeManifest({ ...valid, engines: undefined });
    expect(Result.isFailure(missing) && missing.failure.message).toMatch(/engines/);
    const badName = decodeManifest({ ...valid, name: "Bad Name" });
    expect(Result.isFailure(badName)).toBe(true);
    const badCommands = decodeManifest({ ...valid, contributes: { commands: [{ command: 1 }] } });
    expect(Result.isFailure(badCommands)).toBe(true);
  });
});

describe("--extensionDevelopmentPath", () => {
  it("accepts both spellings, repeated, as absolute paths", () => {
    expect(
      developmentPaths(["electron", ".", "--extensionDevelopmentPath=/a", "--extensionDevelopmentPath", "/b"]),
    ).toEqual(["/a", "/b"]);
    expect(developmentPaths(["--extensionDevelopmentPath=rel"])[0]).toMatch(/^\/.*\/rel$/);
  });
});
