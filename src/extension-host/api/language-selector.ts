/**
 * `languages.match`: how well a DocumentSelector matches a document, with VS Code's scores
 * (languageSelector.ts): 10 for an exact language/scheme/pattern match, 5 for `*`, 0 for none;
 * an array scores its best element. Notebook filters never match (there are no notebooks here).
 */
import picomatch from "picomatch";
import type { RelativePattern } from "./types.js";
import type { Uri } from "./uri.js";

interface Filter {
  readonly language?: string;
  readonly scheme?: string;
  readonly pattern?: string | RelativePattern | { readonly baseUri: Uri; readonly pattern: string };
  readonly notebookType?: string;
}

const toPosix = (p: string): string => p.replace(/\\/g, "/");

const matchesPattern = (pattern: NonNullable<Filter["pattern"]>, uri: Uri): boolean => {
  const path = toPosix(uri.fsPath);
  if (typeof pattern === "string") return picomatch(pattern, { dot: true })(path);
  const base = toPosix(pattern.baseUri.fsPath).replace(/\/$/, "");
  if (!path.startsWith(`${base}/`)) return false;
  return picomatch(pattern.pattern, { dot: true })(path.slice(base.length + 1));
};

const scoreFilter = (filter: Filter, uri: Uri, languageId: string): number => {
  let score = 0;
  if (filter.scheme) {
    if (filter.scheme === uri.scheme) score = 10;
    else if (filter.scheme === "*") score = 5;
    else return 0;
  }
  if (filter.language) {
    if (filter.language === languageId) score = 10;
    else if (filter.language === "*") score = Math.max(score, 5);
    else return 0;
  }
  if (filter.notebookType) return 0;
  if (filter.pattern) {
    if (matchesPattern(filter.pattern, uri)) score = 10;
    else return 0;
  }
  return score;
};

export const scoreSelector = (selector: unknown, uri: Uri, languageId: string): number => {
  if (Array.isArray(selector)) {
    let best = 0;
    for (const s of selector) {
      best = Math.max(best, scoreSelector(s, uri, languageId));
      if (best === 10) break;
    }
    return best;
  }
  if (typeof selector === "string") return selector === "*" ? 5 : selector === languageId ? 10 : 0;
  if (typeof selector === "object" && selector !== null) return scoreFilter(selector as Filter, uri, languageId);
  throw new Error("vscode.languages.match: the selector must be a language id, a DocumentFilter or an array of them");
};
