/**
 * `env.clipboard` and `env.openExternal`. The clipboard is kept here too: a sandboxed page may
 * only read the system clipboard while focused (and with permission), so `readText` asks the
 * window first and falls back to what extensions last wrote.
 */
import { WorkbenchEnvContract } from "../../protocol/contracts/env.js";
import { proxy, type Proxy } from "../../protocol/rpc-contract.js";
import type { Session, Sessions } from "./sessions.js";
import { NoWindow } from "./window.js";

const proxies = new WeakMap<Session, Proxy<typeof WorkbenchEnvContract>>();
const envOf = (s: Session): Proxy<typeof WorkbenchEnvContract> => {
  let p = proxies.get(s);
  if (!p) {
    p = proxy(s.peer, WorkbenchEnvContract);
    proxies.set(s, p);
  }
  return p;
};

/** Schemes `openExternal` hands on; anything else (file:, javascript:, custom) is refused. */
const EXTERNAL_SCHEMES = new Set(["http", "https", "mailto"]);

export class OpenExternalRefused extends Error {}

export class EnvService {
  private clipboard = "";

  constructor(private readonly sessions: Sessions) {}

  async readClipboard(): Promise<string> {
    const s = this.sessions.target();
    if (s) {
      const text = await envOf(s)
        .clipboardRead({ timeoutMs: 1_000 })
        .catch(() => null);
      if (typeof text === "string") return text;
    }
    return this.clipboard;
  }

  writeClipboard(text: string): void {
    if (typeof text !== "string") throw new Error("vscode.env.clipboard.writeText: text must be a string");
    this.clipboard = text;
    const s = this.sessions.target();
    if (s) envOf(s).clipboardWrite(text);
  }

  async openExternal(uri: string): Promise<boolean> {
    const scheme = /^([a-zA-Z][\w+.-]*):/.exec(uri)?.[1]?.toLowerCase();
    if (!scheme || !EXTERNAL_SCHEMES.has(scheme)) {
      throw new OpenExternalRefused(
        `vscode.env.openExternal: only http, https and mailto URIs can be opened (got '${scheme ?? uri}')`,
      );
    }
    const s = this.sessions.target();
    if (!s) throw new NoWindow();
    return envOf(s).openExternal(uri, { timeoutMs: 10_000 });
  }
}
