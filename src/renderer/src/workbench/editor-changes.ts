/**
 * CodeMirror reports all changes of a transaction in the *old* document's coordinates. The
 * host applies edits one after another, so we send them last-to-first: each edit's old
 * coordinates are then still valid when it is applied.
 */
import type { ChangeSet, Text } from "@codemirror/state";
import type { Position, TextChange } from "../../../protocol/workbench.js";

const position = (doc: Text, offset: number): Position => {
  const line = doc.lineAt(offset);
  return { line: line.number - 1, character: offset - line.from };
};

export const toTextChanges = (before: Text, changes: ChangeSet): TextChange[] => {
  const out: TextChange[] = [];
  changes.iterChanges((fromA, toA, _fromB, _toB, inserted) => {
    out.push({ range: { start: position(before, fromA), end: position(before, toA) }, text: inserted.toString() });
  });
  return out.reverse();
};

export const offsetOf = (doc: Text, p: Position): number => {
  const line = doc.line(Math.min(Math.max(1, p.line + 1), doc.lines));
  return Math.min(line.from + Math.max(0, p.character), line.to);
};
