/**
 * The editor side of the workbench, kept apart from the host-facing WorkbenchServices: the
 * live Monaco editors (one per group), language providers that call the extension host, the
 * diagnostics mirrored into markers, and what extensions contribute to the editor (languages,
 * TextMate grammars, colour themes), fetched from the host after every (re)connect.
 */
import type { ExtHostContract } from "../../../../protocol/contracts/ext-host.js";
import type { Proxy } from "../../../../protocol/rpc-contract.js";
import type { DiagnosticDto } from "../../../../protocol/workbench.js";
import type { ChannelClient } from "../../channel/channel-client.js";
import { ensureLanguage, type Documents } from "../documents.js";
import { languageOf } from "../languages.js";
import { Store } from "../store.js";
import { themeFromJson } from "../theme/theme-data.js";
import { ThemeService } from "../theme/theme-service.js";
import { trackCursorStatus, type CursorStatus } from "./cursor-status.js";
import { EditorGroups } from "./editor-groups.js";
import { toLanguageConfiguration } from "./language-configuration.js";
import { ApiLanguageConfigurations } from "./api-language-configurations.js";
import { LanguageFeatures } from "./language-features.js";
import { monaco } from "./monaco.js";
import { TextEditors } from "./text-editors.js";
import { TextMateTokens } from "./textmate.js";

/** How long opening a file waits for the first contributions (its language) before going on. */
const LANGUAGES_WAIT_MS = 3_000;

export class EditorServices {
  readonly editors = new Set<monaco.editor.IStandaloneCodeEditor>();
  /** The editor that last had focus: the status bar and commands act on it. */
  readonly focused = new Store<monaco.editor.IStandaloneCodeEditor | undefined>(undefined);
  readonly languageFeatures: LanguageFeatures;
  readonly groups: EditorGroups;
  readonly cursorStatus: Store<CursorStatus | undefined> = trackCursorStatus(this.focused);
  readonly tokens = new TextMateTokens();
  readonly themes = new ThemeService(this.tokens, this.editors);
  /** Extensions' view of the editors: `vscode.TextEditor`, edits, decorations. */
  readonly textEditors: TextEditors;
  /** Extensions' `languages.setLanguageConfiguration`, on top of the contributed configurations. */
  readonly apiLanguageConfigurations = new ApiLanguageConfigurations();
  /** file extension (".ts") and file name → language id, from `contributes.languages`. */
  private readonly byExtension = new Map<string, string>();
  private readonly byFilename = new Map<string, string>();
  private readonly registered = new Set<string>();
  private readonly configurations = new Map<string, monaco.IDisposable>();
  private loadedGeneration = -1;
  private firstLoad: (() => void) | undefined;
  private readonly firstLoaded = new Promise<void>((resolve) => (this.firstLoad = resolve));

  constructor(
    client: ChannelClient,
    private readonly host: Proxy<typeof ExtHostContract>,
    private readonly documents: Documents,
    diagnostics: Store<ReadonlyMap<string, ReadonlyMap<string, ReadonlyArray<DiagnosticDto>>>>,
  ) {
    this.languageFeatures = new LanguageFeatures(client, host, documents, this.editors, (message) =>
      console.warn(`language feature: ${message}`),
    );
    this.groups = new EditorGroups(documents);
    this.textEditors = new TextEditors(client, documents, this.groups, this.themes.current);
    documents.onDidCreateModel((model) =>
      this.languageFeatures.ensureProviders(model.getLanguageId(), model.uri.toString()),
    );
    monaco.editor.onDidChangeModelLanguage((e) =>
      this.languageFeatures.ensureProviders(e.model.getLanguageId(), e.model.uri.toString()),
    );
    documents.languageFor = (uri) => this.languageOf(uri);
    documents.beforeOpen = () =>
      Promise.race([this.firstLoaded, new Promise<void>((resolve) => setTimeout(resolve, LANGUAGES_WAIT_MS))]);
    this.languageFeatures.mirrorDiagnostics(diagnostics);
    const onState = () => {
      const s = client.state();
      if (s._tag === "Connected" && s.generation !== this.loadedGeneration) {
        this.loadedGeneration = s.generation;
        void this.loadContributions();
      }
    };
    client.subscribe(onState);
    onState();
  }

  languageOf(uri: string): string {
    const name = decodeURIComponent(uri.split("/").pop() ?? "").toLowerCase();
    const byName = this.byFilename.get(name);
    if (byName) return byName;
    for (let dot = name.indexOf("."); dot !== -1; dot = name.indexOf(".", dot + 1)) {
      const language = this.byExtension.get(name.slice(dot));
      if (language) return language;
    }
    return languageOf(uri);
  }

  private async loadContributions(): Promise<void> {
    try {
      const c = await this.host.contributions();
      for (const l of c.languages) {
        monaco.languages.register({
          id: l.id,
          extensions: [...l.extensions],
          filenames: [...l.filenames],
          aliases: [...l.aliases],
        });
        for (const e of l.extensions) this.byExtension.set(e.toLowerCase(), l.id);
        for (const f of l.filenames) this.byFilename.set(f.toLowerCase(), l.id);
        this.configurations.get(l.id)?.dispose();
        if (l.configuration) {
          this.configurations.set(
            l.id,
            monaco.languages.setLanguageConfiguration(l.id, toLanguageConfiguration(l.configuration)),
          );
        }
      }
      this.apiLanguageConfigurations.reapply();
      for (const g of c.grammars) if (g.language) ensureLanguage(g.language);
      this.tokens.addGrammars(c.grammars);
      this.themes.addThemes(c.themes.map((t) => themeFromJson(t.id, t.label, t.uiTheme, t.theme)));
      for (const p of c.problems) console.warn(`extension contribution skipped: ${p}`);
      this.documents.refreshLanguages();
    } catch (e) {
      console.warn(`could not load editor contributions: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      this.firstLoad?.();
    }
  }
}
