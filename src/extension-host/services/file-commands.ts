/**
 * File commands that run in a window because the window owns the buffer, its tab and the dialog
 * (VS Code's `workspace.saveAs` goes through the editor service the same way).
 */
import { WorkbenchFileCommandsContract } from "../../protocol/contracts/file-commands.js";
import { proxy, type Proxy } from "../../protocol/rpc-contract.js";
import type { Session } from "./sessions.js";

const proxies = new WeakMap<Session, Proxy<typeof WorkbenchFileCommandsContract>>();
const fileCommandsOf = (s: Session): Proxy<typeof WorkbenchFileCommandsContract> => {
  let p = proxies.get(s);
  if (!p) proxies.set(s, (p = proxy(s.peer, WorkbenchFileCommandsContract)));
  return p;
};

/** Save As… in the session's window: the new file's uri, or null when cancelled or not open there. */
export const saveAsInWindow = (session: Session, uri: string): Promise<string | null> =>
  // A dialog waits for a person: no call timeout.
  fileCommandsOf(session).saveAs({ uri }, { timeoutMs: 0 });
