/**
 * Quick Open and Find in Files on the wire, plus the one query → RegExp rule both the extension
 * host (search, replace on disk) and the window (replace in open editors) apply.
 */
import { Schema } from "effect";
import { UriString } from "./workbench.js";

export const WorkspaceFiles = Schema.Struct({
  /** file:// URIs, workspace order (folders, then breadth-first). */
  files: Schema.Array(UriString),
  /** The walk stopped at the limit: the list is a prefix of the workspace. */
  truncated: Schema.Boolean,
});
export type WorkspaceFiles = typeof WorkspaceFiles.Type;

export const TextSearchQuery = Schema.Struct({
  pattern: Schema.String,
  isRegExp: Schema.Boolean,
  matchCase: Schema.Boolean,
  wholeWord: Schema.Boolean,
});
export type TextSearchQuery = typeof TextSearchQuery.Type;

export const FindInFilesRequest = Schema.Struct({
  /** Chosen by the window: every streamed batch carries it. */
  searchId: Schema.String,
  query: TextSearchQuery,
  /** Comma-separated globs, as in VS Code's "files to include / exclude" boxes. */
  include: Schema.String,
  exclude: Schema.String,
  /** Stop after this many matches (the host caps it too). */
  maxResults: Schema.optionalKey(Schema.Int),
});
export type FindInFilesRequest = typeof FindInFilesRequest.Type;

export const TextMatch = Schema.Struct({
  /** 0-based line and UTF-16 column of the match start. */
  line: Schema.Int,
  column: Schema.Int,
  length: Schema.Int,
  /** The line (cut around long matches); `previewColumn` is where the match starts in it. */
  preview: Schema.String,
  previewColumn: Schema.Int,
});
export type TextMatch = typeof TextMatch.Type;

export const FileMatches = Schema.Struct({ uri: UriString, matches: Schema.Array(TextMatch) });
export type FileMatches = typeof FileMatches.Type;

export const SearchResultsBatch = Schema.Struct({ searchId: Schema.String, files: Schema.Array(FileMatches) });
export type SearchResultsBatch = typeof SearchResultsBatch.Type;

export const FindInFilesSummary = Schema.Struct({
  files: Schema.Int,
  matches: Schema.Int,
  /** Stopped at the match limit. */
  truncated: Schema.Boolean,
  /** Files skipped as binary or too large. */
  skipped: Schema.Int,
});
export type FindInFilesSummary = typeof FindInFilesSummary.Type;

export const ReplaceInFilesRequest = Schema.Struct({
  query: TextSearchQuery,
  replacement: Schema.String,
  uris: Schema.Array(UriString),
});

export const ReplaceInFilesResult = Schema.Struct({
  /** Replacements made per file (files with none are left untouched). */
  replaced: Schema.Array(Schema.Struct({ uri: UriString, count: Schema.Int })),
});
export type ReplaceInFilesResult = typeof ReplaceInFilesResult.Type;

/** The query as a global RegExp, or a message saying why it is not one. */
export const searchRegExp = (query: TextSearchQuery): RegExp | string => {
  if (query.pattern === "") return "Type something to search for";
  let source = query.isRegExp ? query.pattern : query.pattern.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  if (query.wholeWord) source = `(?<![\\p{L}\\p{N}_])(?:${source})(?![\\p{L}\\p{N}_])`;
  try {
    return new RegExp(source, `gmu${query.matchCase ? "" : "i"}`);
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
};

/** One replacement: `[start, end)` offsets in the text and what goes there. */
export interface ReplacementEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** ECMAScript's GetSubstitution: `$$`, `$&`, `` $` ``, `$'`, `$1`…`$99`, `$<name>`. */
const substitute = (match: RegExpExecArray, input: string, template: string): string =>
  template.replace(/\$(\$|&|`|'|\d{1,2}|<([^>]*)>)/g, (token: string, what: string, name: string | undefined) => {
    if (what === "$") return "$";
    if (what === "&") return match[0];
    if (what === "`") return input.slice(0, match.index);
    if (what === "'") return input.slice(match.index + match[0].length);
    if (name !== undefined) return match.groups ? (match.groups[name] ?? "") : token;
    // `$12` is group 12 when there is one, else group 1 followed by "2".
    const two = Number(what);
    if (what.length === 2 && two >= 1 && two < match.length) return match[two] ?? "";
    const one = Number(what[0]);
    if (one >= 1 && one < match.length) return (match[one] ?? "") + what.slice(1);
    return token;
  });

/** Every non-empty match's replacement; `$1`, `$&`… expand in regex mode only (VS Code's rule). */
export const replacementEdits = (
  text: string,
  regex: RegExp,
  replacement: string,
  isRegExp: boolean,
): ReplacementEdit[] => {
  const edits: ReplacementEdit[] = [];
  for (const m of text.matchAll(regex)) {
    if (m[0].length === 0) continue;
    const exec = m as RegExpExecArray;
    edits.push({
      start: m.index,
      end: m.index + m[0].length,
      text: isRegExp ? substitute(exec, text, replacement) : replacement,
    });
  }
  return edits;
};

/** The text with every match replaced, and how many were. */
export const replaceAllIn = (text: string, regex: RegExp, replacement: string, isRegExp: boolean): [string, number] => {
  const edits = replacementEdits(text, regex, replacement, isRegExp);
  if (edits.length === 0) return [text, 0];
  let out = "";
  let at = 0;
  for (const e of edits) {
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  return [out + text.slice(at), edits.length];
};
