/** What the host tells windows about language features (WorkbenchLanguageFeaturesContract). */
import { WorkbenchLanguageFeaturesContract } from "../../protocol/contracts/language-features.js";
import { proxy, type Proxy } from "../../protocol/rpc-contract.js";
import type { LanguageFeaturesService } from "./language-features.js";
import { NoWindow } from "./window.js";
import type { Session, Sessions } from "./sessions.js";

export class LanguageWindows {
  private readonly proxies = new WeakMap<Session, Proxy<typeof WorkbenchLanguageFeaturesContract>>();

  constructor(
    private readonly sessions: Sessions,
    languages: LanguageFeaturesService,
  ) {
    languages.onDidChangeProviders(() => this.sessions.broadcast((s) => this.of(s).providersChanged(null)));
    languages.onDidChangeResults((kind) => this.sessions.broadcast((s) => this.of(s).resultsChanged(kind)));
  }

  private of(s: Session): Proxy<typeof WorkbenchLanguageFeaturesContract> {
    let p = this.proxies.get(s);
    if (!p) this.proxies.set(s, (p = proxy(s.peer, WorkbenchLanguageFeaturesContract)));
    return p;
  }

  /** `languages.setTextDocumentLanguage`: the window re-opens its model in that language. */
  async setDocumentLanguage(uri: string, languageId: string): Promise<void> {
    const s = this.sessions.target();
    if (!s) throw new NoWindow();
    await this.of(s).setDocumentLanguage({ uri, languageId }, { timeoutMs: 10_000 });
  }
}
