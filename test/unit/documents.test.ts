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
