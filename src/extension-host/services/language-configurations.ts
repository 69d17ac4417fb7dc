/**
 * `languages.setLanguageConfiguration` (VS Code's extHostLanguageFeatures + its main thread's
 * LanguageConfigurationService registration): each configuration an extension set, kept in
 * registration order and pushed whole to every window — on each change and when a window
 * (re)binds. The word pattern is also what `TextDocument.getWordRangeAtPosition` uses for that
 * language, as in VS Code (ExtHostDocuments.setWordDefinitionFor).
 */
import {
  WorkbenchLanguageConfigurationContract,
  type LanguageConfigurationDto,
  type LanguageConfigurationEntry,
} from "../../protocol/contracts/language-configuration.js";
import { proxy, type Proxy } from "../../protocol/rpc-contract.js";
import type { Session, Sessions } from "./sessions.js";

export class LanguageConfigurationsService {
  private readonly entries = new Map<number, LanguageConfigurationEntry>();
  private readonly proxies = new WeakMap<Session, Proxy<typeof WorkbenchLanguageConfigurationContract>>();
  private nextHandle = 1;

  constructor(private readonly sessions: Sessions) {
    sessions.onDidBind((s) => this.send(s));
  }

  /** Answers the function that takes it back. */
  set(languageId: string, configuration: LanguageConfigurationDto): () => void {
    const handle = this.nextHandle++;
    this.entries.set(handle, { handle, languageId, configuration });
    this.sessions.broadcast((s) => this.send(s));
    return () => {
      if (this.entries.delete(handle)) this.sessions.broadcast((s) => this.send(s));
    };
  }

  /** The word pattern of the newest configuration of the language (VS Code keeps one word definition per language). */
  wordPattern(languageId: string): RegExp | undefined {
    const latest = [...this.entries.values()].reverse().find((e) => e.languageId === languageId);
    const pattern = latest?.configuration.wordPattern;
    return pattern && new RegExp(pattern.source, pattern.flags);
  }

  private send(s: Session): void {
    let p = this.proxies.get(s);
    if (!p) this.proxies.set(s, (p = proxy(s.peer, WorkbenchLanguageConfigurationContract)));
    p.languageConfigurationsChanged({ configurations: [...this.entries.values()] });
  }
}
