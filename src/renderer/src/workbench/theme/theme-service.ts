/**
 * The colour theme of the editor AND the workbench chrome. By default it follows the OS
 * (`prefers-color-scheme`, and `forced-colors` for High Contrast); picking one from
 * "Preferences: Color Theme" pins it (persisted in localStorage). Extensions' themes join the
 * list when the host reports its contributions; a persisted extension theme applies as soon
 * as it arrives.
 */
import { applySemanticTheme } from "../editor/semantic-colors.js";
import { monaco } from "../editor/monaco.js";
import type { TextMateTokens } from "../editor/textmate.js";
import { Store } from "../store.js";
import { BUILTIN_THEMES, chromeVariables, ensureTokenContrast, type ThemeDefinition } from "./theme-data.js";

const PREFERENCE_KEY = "direct-editor.colorTheme";
const MONACO_THEME = "direct-editor-theme";

export class ThemeService {
  readonly themes = new Store<ReadonlyArray<ThemeDefinition>>(BUILTIN_THEMES.map((t) => ensureTokenContrast(t).theme));
  readonly current = new Store<ThemeDefinition>(this.themes.get()[0]!);
  private readonly dark = matchMedia("(prefers-color-scheme: dark)");
  private readonly forced = matchMedia("(forced-colors: active)");

  constructor(
    private readonly tokens: TextMateTokens,
    private readonly editors: Iterable<monaco.editor.ICodeEditor>,
    private readonly storage: Storage = localStorage,
  ) {
    const follow = () => {
      if (!this.preference()) this.apply(this.systemTheme());
    };
    this.dark.addEventListener("change", follow);
    this.forced.addEventListener("change", follow);
    this.apply(this.themeById(this.preference()) ?? this.systemTheme());
  }

  /** The user's explicit choice, or undefined when following the OS. */
  preference(): string | undefined {
    return this.storage.getItem(PREFERENCE_KEY) ?? undefined;
  }

  /** `undefined` goes back to following the OS. */
  choose(id: string | undefined): void {
    if (id === undefined) this.storage.removeItem(PREFERENCE_KEY);
    else this.storage.setItem(PREFERENCE_KEY, id);
    this.apply(this.themeById(id) ?? this.systemTheme());
  }

  /** Extensions' themes: added (or replaced) by id; the persisted choice applies once present. */
  addThemes(themes: ReadonlyArray<ThemeDefinition>): void {
    const ids = new Set(themes.map((t) => t.id));
    this.themes.update((list) => [...list.filter((t) => !ids.has(t.id)), ...themes]);
    const preferred = this.themeById(this.preference());
    if (preferred && (preferred.id !== this.current.get().id || ids.has(preferred.id))) this.apply(preferred);
  }

  private themeById(id: string | undefined): ThemeDefinition | undefined {
    return id === undefined ? undefined : this.themes.get().find((t) => t.id === id);
  }

  private systemTheme(): ThemeDefinition {
    const [darkPlus, lightPlus, highContrast] = BUILTIN_THEMES;
    const id = this.forced.matches ? highContrast!.id : this.dark.matches ? darkPlus!.id : lightPlus!.id;
    return this.themeById(id)!;
  }

  private apply(theme: ThemeDefinition): void {
    const rules = this.tokens.setTheme(theme);
    monaco.editor.defineTheme(MONACO_THEME, {
      base: theme.uiTheme,
      inherit: true,
      rules: [...rules, ...applySemanticTheme(theme)],
      colors: { ...theme.colors },
    });
    monaco.editor.setTheme(MONACO_THEME);
    this.tokens.retokenize(this.editors);
    const root = document.documentElement;
    for (const [name, value] of Object.entries(chromeVariables(theme))) root.style.setProperty(name, value);
    root.dataset["theme"] = theme.id;
    this.current.set(theme);
  }
}
