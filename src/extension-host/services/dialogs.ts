/**
 * `window.showOpenDialog` / `showSaveDialog`: asked of the window the extension is talking to
 * (which shows the OS dialog in Electron, or its own path input in a browser).
 */
import {
  WorkbenchDialogsContract,
  type OpenDialogRequest,
  type SaveDialogRequest,
} from "../../protocol/contracts/dialogs.js";
import { proxy, type Proxy } from "../../protocol/rpc-contract.js";
import type { Session, Sessions } from "./sessions.js";
import { NoWindow } from "./window.js";

const proxies = new WeakMap<Session, Proxy<typeof WorkbenchDialogsContract>>();
const dialogsOf = (s: Session): Proxy<typeof WorkbenchDialogsContract> => {
  let p = proxies.get(s);
  if (!p) proxies.set(s, (p = proxy(s.peer, WorkbenchDialogsContract)));
  return p;
};

/** A dialog waits for a person: no call timeout. */
const UNTIMED = { timeoutMs: 0 };

export class DialogsService {
  constructor(private readonly sessions: Sessions) {}

  private window(): Proxy<typeof WorkbenchDialogsContract> {
    const s = this.sessions.target();
    if (!s) throw new NoWindow();
    return dialogsOf(s);
  }

  /** `file://` URIs, or null when cancelled. */
  async open(request: OpenDialogRequest): Promise<ReadonlyArray<string> | null> {
    return this.window().showOpenDialog(request, UNTIMED);
  }

  async save(request: SaveDialogRequest): Promise<string | null> {
    return this.window().showSaveDialog(request, UNTIMED);
  }
}
