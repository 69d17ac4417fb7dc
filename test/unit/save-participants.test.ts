/**
 * The pieces of saving and language configuration that need no window: which values of
 * `waitUntil` count as edits, the save participants' failure accounting (a document that changed
 * meanwhile is not the listener's fault, as VS Code's `concurrent_edits`), the abort of a save,
 * the word-pattern check, and the contributed language-configuration.json's Enter rules.
 */
import { describe, expect, it } from "vitest";
import { languageConfigurationDto, matchesEmpty } from "../../src/extension-host/api/language-configuration.js";
import { willSaveEdits } from "../../src/extension-host/api/save-participants.js";
import { EndOfLine, IndentAction, Position, Range, TextEdit } from "../../src/extension-host/api/vscode-types.js";
import { DocumentModel } from "../../src/extension-host/documents.js";
import {
  SaveParticipantsService,
  type ParticipantEdits,
  type SaveParticipantsDeps,
} from "../../src/extension-host/services/save-participants.js";
import type { Session } from "../../src/extension-host/services/sessions.js";
import { toLanguageConfiguration } from "../../src/renderer/src/workbench/editor/language-configuration.js";

const URI = "file:///ws/a.txt";

/** A window with one document; `apply` bumps its version as the window's edit would. */
const setup = (overrides: Partial<SaveParticipantsDeps> = {}) => {
  const doc = new DocumentModel(URI, "plaintext", 1, "text\n");
  const session = { documents: { get: (uri: string) => (uri === URI ? doc : undefined) } } as unknown as Session;
  const applied: ParticipantEdits[] = [];
  const errors: string[] = [];
  const service = new SaveParticipantsService(
    {
      apply: (_s, d, edits) => {
        applied.push(edits);
        d.version++;
        return Promise.resolve(true);
      },
      formatOnSave: () => false,
      format: () => Promise.resolve([]),
      reportError: (id, _what, e) => errors.push(`${id}: ${e instanceof Error ? e.message : String(e)}`),
      log: () => undefined,
      ...overrides,
    },
    { timeoutMs: 100, errors: 3 },
  );
  return { doc, session, service, applied, errors };
};
const insert = { edits: [{ range: new Range(0, 0, 0, 0), text: "x" }], setEndOfLine: null } as const;
const edit = (text: string) => [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text }];

describe("onWillSaveTextDocument values", () => {
  it("takes arrays of TextEdit only; setEndOfLine carries the line break without an edit", () => {
    const result = willSaveEdits([
      [TextEdit.insert(new Position(0, 0), "a")],
      ["not", "edits"],
      [{ range: new Range(0, 0, 0, 0), newText: "look-alike" }],
      undefined,
      [TextEdit.setEndOfLine(EndOfLine.CRLF), TextEdit.replace(new Range(1, 0, 1, 2), "b")],
    ]);
    expect(result).toEqual({
      edits: [
        { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: "a" },
        { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 2 } }, text: "b" },
      ],
      setEndOfLine: "CRLF",
    });
  });
});

describe("save participants", () => {
  it("a document that changed while the listener worked drops its edits without counting against it", async () => {
    const { doc, session, service, applied, errors } = setup();
    let calls = 0;
    service.add({
      extensionId: "test.concurrent",
      fire: () => {
        calls++;
        // Someone types while the listener computes its edits.
        return [Promise.resolve().then(() => (doc.version++, []))];
      },
      edits: () => ({ edits: edit("late"), setEndOfLine: null }),
    });
    for (let i = 0; i < 6; i++) {
      expect(await service.participate(session, URI, "manual", { tabSize: 4, insertSpaces: true }, never())).toEqual({
        formatted: false,
        listeners: [false],
      });
    }
    // Never skipped: six calls, no edits applied, each reported.
    expect(calls).toBe(6);
    expect(applied).toEqual([]);
    expect(errors).toHaveLength(6);
    expect(errors[0]).toBe("test.concurrent: concurrent_edits");
  });

  it("a throwing listener is skipped after its 4th failure; unsubscribing stops it at once", async () => {
    const { session, service } = setup();
    let calls = 0;
    const remove = service.add({
      extensionId: "test.throws",
      fire: () => {
        calls++;
        throw new Error("boom");
      },
      edits: () => insert,
    });
    for (let i = 0; i < 5; i++) await service.participate(session, URI, "manual", opts, never());
    expect(calls).toBe(4);
    remove();
    expect(await service.participate(session, URI, "manual", opts, never())).toEqual({
      formatted: false,
      listeners: [],
    });
  });

  it("format on save runs only when the setting says so, and never for saves after a delay", async () => {
    const asked: string[] = [];
    const { session, service, applied } = setup({
      formatOnSave: () => true,
      format: (d) => (asked.push(d.text), Promise.resolve(edit("// "))),
    });
    expect((await service.participate(session, URI, "afterDelay", opts, never())).formatted).toBe(false);
    expect(asked).toEqual([]);
    expect((await service.participate(session, URI, "focusOut", opts, never())).formatted).toBe(true);
    expect(applied).toEqual([{ edits: edit("// "), setEndOfLine: null }]);
  });

  it("an aborted save (the window gave up) calls no further listeners", async () => {
    const { session, service } = setup();
    const controller = new AbortController();
    let second = 0;
    service.add({ extensionId: "a", fire: () => (controller.abort(), []), edits: () => insert });
    service.add({ extensionId: "b", fire: () => (second++, []), edits: () => insert });
    expect(await service.participate(session, URI, "manual", opts, controller.signal)).toEqual({
      formatted: false,
      listeners: [true],
    });
    expect(second).toBe(0);
  });
});

describe("language configuration", () => {
  it("refuses word patterns that match the empty string, as VS Code's regExpLeadsToEndlessLoop", () => {
    expect(matchesEmpty(/a*/)).toBe(true);
    expect(matchesEmpty(/\w+/g)).toBe(false);
    expect(matchesEmpty(/^$/)).toBe(false);
    expect(() => languageConfigurationDto({ wordPattern: /x?/ })).toThrow(/not allowed to match the empty string/);
    expect(languageConfigurationDto({ wordPattern: /\w+/gi })).toEqual({
      wordPattern: { source: "\\w+", flags: "gi" },
    });
    expect(
      languageConfigurationDto({
        onEnterRules: [{ beforeText: /;/, action: { indentAction: IndentAction.Outdent, removeText: 2 } }],
      }),
    ).toEqual({
      onEnterRules: [{ beforeText: { source: ";", flags: "" }, action: { indentAction: 3, removeText: 2 } }],
    });
    expect(() => languageConfigurationDto(null)).toThrow("configuration must be an object");
  });

  it("contributed onEnterRules (indent as a word) and the extra indentation patterns reach Monaco's shape", () => {
    const config = toLanguageConfiguration({
      indentationRules: { increaseIndentPattern: "\\{$", decreaseIndentPattern: "^\\}", indentNextLinePattern: ":$" },
      onEnterRules: [
        { beforeText: "^\\s*//", action: { indent: "none", appendText: "// " } },
        {
          beforeText: { pattern: "^\\s*/\\*\\*", flags: "i" },
          afterText: "\\*/$",
          action: { indent: "indentOutdent" },
        },
        { beforeText: "x", action: { indent: "sideways" } },
        { beforeText: "(", action: { indent: "none" } },
      ],
    });
    expect(config.indentationRules?.indentNextLinePattern).toEqual(/:$/);
    expect(config.onEnterRules).toEqual([
      { beforeText: /^\s*\/\//, action: { indentAction: 0, appendText: "// " } },
      { beforeText: /^\s*\/\*\*/i, afterText: /\*\/$/, action: { indentAction: 2 } },
    ]);
  });
});

const opts = { tabSize: 4, insertSpaces: true };
function never(): AbortSignal {
  return new AbortController().signal;
}
