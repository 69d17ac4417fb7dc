/**
 * Syntax highlighting the VS Code way: extensions' TextMate grammars run by vscode-textmate
 * on the Oniguruma regex engine (wasm, bundled by Vite and served from 'self'). The grammar
 * resolves each token's colour against the current theme's `tokenColors`; Monaco gets a token
 * named after that colour and font style (`tm.<rrggbb>.<fontStyle>`, plus `.comment`/`.string`/
 * `.regex` so Monaco's auto-closing and bracket colouring know what they are in), and a Monaco
 * theme with one rule per colour. A theme change re-registers the providers, which makes
 * Monaco re-tokenize open models.
 */
import { createOnigScanner, createOnigString, loadWASM } from "vscode-oniguruma";
import onigWasmUrl from "vscode-oniguruma/release/onig.wasm?url";
import { INITIAL, Registry, type IGrammar, type IRawGrammar, type IRawTheme, type StateStack } from "vscode-textmate";
import type { GrammarContributionDto } from "../../../../protocol/workbench.js";
import type { ThemeDefinition } from "../theme/theme-data.js";
import { monaco } from "./monaco.js";

// vscode-textmate's metadata layout (EncodedTokenAttributes).
const TOKEN_TYPE_OFFSET = 8;
const FONT_STYLE_OFFSET = 11;
const FOREGROUND_OFFSET = 15;
const TOKEN_KIND = ["", ".comment", ".string", ".regex"] as const;
/** A line longer than this is not worth blocking the UI thread: tokenizing stops after 500 ms. */
const TIME_LIMIT_MS = 500;
/** A language whose line hit the limit is tokenized again this much later, at most this often. */
const RETOKENIZE_DELAY_MS = 200;
const MAX_RETOKENIZE = 5;

let onigLib:
  Promise<{ createOnigScanner: typeof createOnigScanner; createOnigString: typeof createOnigString }> | undefined;
const loadOniguruma = () =>
  (onigLib ??= fetch(onigWasmUrl)
    .then((r) => r.arrayBuffer())
    .then((data) => loadWASM(data))
    .then(() => ({ createOnigScanner, createOnigString })));

interface InternalTokenization {
  readonly tokenization?: { forceTokenization?: (lineNumber: number) => void };
}

class TextMateState implements monaco.languages.IState {
  constructor(readonly stack: StateStack) {}
  clone(): TextMateState {
    return new TextMateState(this.stack.clone());
  }
  equals(other: monaco.languages.IState): boolean {
    return other instanceof TextMateState && other.stack.equals(this.stack);
  }
}

const fontStyleName = (bits: number): string =>
  [bits & 1 ? "italic" : "", bits & 2 ? "bold" : "", bits & 4 ? "underline" : "", bits & 8 ? "strikethrough" : ""]
    .filter(Boolean)
    .join(" ");

const hex6 = (color: string) => color.slice(1, 7).toLowerCase();

/** The textmate theme: the editor's default colours first, then the theme's scope rules. */
export const rawTheme = (theme: ThemeDefinition): IRawTheme => ({
  name: theme.id,
  settings: [
    {
      settings: {
        foreground: theme.colors["editor.foreground"] ?? (theme.uiTheme === "vs" ? "#000000" : "#d4d4d4"),
        background: theme.colors["editor.background"] ?? (theme.uiTheme === "vs" ? "#ffffff" : "#1e1e1e"),
      },
    },
    ...(theme.tokenColors as IRawTheme["settings"]),
  ],
});

export class TextMateTokens {
  private readonly grammars = new Map<string, GrammarContributionDto>();
  private readonly languages = new Map<string, string>();
  private readonly loaded = new Map<string, Promise<IGrammar | null>>();
  private readonly ready = new Map<string, IGrammar>();
  private readonly providers = new Map<string, monaco.IDisposable>();
  private colorMap: string[] = [];
  private readonly registry = new Registry({
    onigLib: loadOniguruma(),
    loadGrammar: async (scopeName) => (this.grammars.get(scopeName)?.grammar as IRawGrammar | undefined) ?? null,
  });

  /** Monaco theme rules for the colours the current theme can produce. */
  setTheme(theme: ThemeDefinition): monaco.editor.ITokenThemeRule[] {
    this.registry.setTheme(rawTheme(theme));
    this.colorMap = this.registry.getColorMap();
    const rules: monaco.editor.ITokenThemeRule[] = [];
    for (const color of new Set(this.colorMap.slice(1).map(hex6))) {
      for (let style = 0; style < 16; style++) {
        rules.push({ token: `tm.${color}.${style}`, foreground: color, fontStyle: fontStyleName(style) });
      }
    }
    return rules;
  }

  /**
   * After a theme change: the new providers make Monaco drop every model's tokens. It then
   * re-tokenizes in idle callbacks, which a busy renderer may starve for seconds; the visible
   * lines of `editors` are tokenized right away instead (`forceTokenization` is the model's
   * own method, not in Monaco's public typings).
   */
  retokenize(editors: Iterable<monaco.editor.ICodeEditor>): void {
    for (const language of this.providers.keys()) this.register(language);
    for (const editor of editors) {
      const model = editor.getModel() as (monaco.editor.ITextModel & InternalTokenization) | null;
      const last = Math.max(0, ...editor.getVisibleRanges().map((r) => r.endLineNumber));
      if (model && last > 0) model.tokenization?.forceTokenization?.(Math.min(last, model.getLineCount()));
    }
  }

  addGrammars(grammars: ReadonlyArray<GrammarContributionDto>): void {
    for (const g of grammars) {
      this.grammars.set(g.scopeName, g);
      this.loaded.delete(g.scopeName);
      this.ready.delete(g.scopeName);
      if (g.language) {
        this.languages.set(g.language, g.scopeName);
        this.register(g.language);
      }
    }
  }

  private grammar(scopeName: string): Promise<IGrammar | null> {
    let p = this.loaded.get(scopeName);
    if (!p) {
      const embedded = this.grammars.get(scopeName)?.embeddedLanguages ?? {};
      const ids: Record<string, number> = {};
      for (const [scope, language] of Object.entries(embedded)) {
        ids[scope] = monaco.languages.getEncodedLanguageId(language);
      }
      p = this.registry.loadGrammarWithConfiguration(scopeName, 0, { embeddedLanguages: ids });
      this.loaded.set(scopeName, p);
    }
    return p;
  }

  private register(language: string): void {
    const scopeName = this.languages.get(language);
    if (!scopeName) return;
    this.providers.get(language)?.dispose();
    // Monaco resolves a promised provider only when a model asks for it; once the grammar is
    // loaded, hand over the provider itself so open models re-tokenize at once.
    const ready = this.ready.get(scopeName);
    const provider = ready
      ? this.provider(language, ready)
      : this.grammar(scopeName).then((g) => {
          if (g) this.ready.set(scopeName, g);
          return this.provider(language, g);
        });
    this.providers.set(language, monaco.languages.setTokensProvider(language, provider));
  }

  /** Languages with a re-tokenization pending, and how many each had (see `tokenize`). */
  private readonly retries = new Map<string, { pending: boolean; count: number }>();

  /**
   * A line that hit the time limit (the first lines of a file, while Oniguruma compiles the
   * grammar's patterns on a busy machine) is tokenized again soon, once the patterns are
   * compiled: re-registering the provider makes Monaco drop the language's tokens. Capped, so a
   * line that is really too slow stays partial, as in VS Code.
   */
  private retokenizeSoon(language: string): void {
    const retry = this.retries.get(language) ?? { pending: false, count: 0 };
    this.retries.set(language, retry);
    if (retry.pending || retry.count >= MAX_RETOKENIZE) return;
    retry.pending = true;
    retry.count++;
    setTimeout(() => {
      retry.pending = false;
      this.register(language);
    }, RETOKENIZE_DELAY_MS);
  }

  private provider(language: string, grammar: IGrammar | null): monaco.languages.TokensProvider {
    return {
      getInitialState: () => new TextMateState(INITIAL),
      tokenize: (line, state) => {
        if (!grammar) return { tokens: [], endState: state };
        const result = grammar.tokenizeLine2(line, (state as TextMateState).stack, TIME_LIMIT_MS);
        const tokens: monaco.languages.IToken[] = [];
        for (let i = 0; i < result.tokens.length; i += 2) {
          const meta = result.tokens[i + 1]!;
          const color = this.colorMap[(meta >>> FOREGROUND_OFFSET) & 0x1ff] ?? "#000000";
          const style = (meta >>> FONT_STYLE_OFFSET) & 0xf;
          const kind = TOKEN_KIND[((meta >>> TOKEN_TYPE_OFFSET) & 0x3) as 0 | 1 | 2 | 3];
          tokens.push({ startIndex: result.tokens[i]!, scopes: `tm.${hex6(color)}.${style}${kind}` });
        }
        if (result.stoppedEarly) {
          console.warn(`Time limit reached when tokenizing line: ${line.substring(0, 100)}`);
          this.retokenizeSoon(language);
          // As VS Code does: the state the line began with, not the partial one (a line cut off
          // inside `import {` would make the rest of the file an import clause).
          return { tokens, endState: state };
        }
        return { tokens, endState: new TextMateState(result.ruleStack) };
      },
    };
  }
}
