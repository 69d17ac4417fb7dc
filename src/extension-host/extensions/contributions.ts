/**
 * Extensions' editor contributions (languages, TextMate grammars, colour themes) with the
 * files they point to read and parsed here, in the host: the sandboxed renderer cannot read
 * extension folders. Paths must stay inside their extension; a file that is missing or not
 * JSON(C) is reported as a problem and skipped, never fatal.
 */
import { readFileSync } from "node:fs";
import { resolve, sep } from "node:path";
import { parse as parseJsonc, printParseErrorCode, type ParseError } from "jsonc-parser";
import type {
  EditorContributions,
  GrammarContributionDto,
  LanguageContributionDto,
  ThemeContributionDto,
} from "../../protocol/workbench.js";
import type { ExtensionDescription } from "./scanner.js";

type JsonObject = Record<string, unknown>;

const readJsonObject = (location: string, path: string): JsonObject => {
  const file = resolve(location, path);
  if (file !== location && !file.startsWith(location + sep)) throw new Error("path leaves the extension folder");
  const errors: ParseError[] = [];
  const value: unknown = parseJsonc(readFileSync(file, "utf8"), errors, { allowTrailingComma: true });
  if (errors.length > 0) throw new Error(`not JSON: ${printParseErrorCode(errors[0]!.error)} at ${errors[0]!.offset}`);
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new Error("not a JSON object");
  return value as JsonObject;
};

export const collectEditorContributions = (extensions: ReadonlyArray<ExtensionDescription>): EditorContributions => {
  const languages: LanguageContributionDto[] = [];
  const grammars: GrammarContributionDto[] = [];
  const themes: ThemeContributionDto[] = [];
  const problems: string[] = [];
  for (const ext of extensions) {
    const contributes = ext.manifest.contributes;
    if (!contributes) continue;
    const read = (path: string): JsonObject | undefined => {
      try {
        return readJsonObject(ext.location, path);
      } catch (e) {
        problems.push(`${ext.id}: ${path}: ${e instanceof Error ? e.message : String(e)}`);
        return undefined;
      }
    };
    for (const l of contributes.languages ?? []) {
      languages.push({
        id: l.id,
        extensions: l.extensions ?? [],
        filenames: l.filenames ?? [],
        aliases: l.aliases ?? [],
        configuration: l.configuration === undefined ? null : (read(l.configuration) ?? null),
      });
    }
    for (const g of contributes.grammars ?? []) {
      const grammar = read(g.path);
      if (grammar) {
        grammars.push({
          scopeName: g.scopeName,
          language: g.language ?? null,
          grammar,
          embeddedLanguages: g.embeddedLanguages ?? {},
        });
      }
    }
    for (const t of contributes.themes ?? []) {
      const theme = read(t.path);
      if (theme) themes.push({ id: t.id ?? t.label, label: t.label, uiTheme: t.uiTheme, theme });
    }
  }
  return { languages, grammars, themes, problems };
};
