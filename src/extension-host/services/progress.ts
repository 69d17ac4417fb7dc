/**
 * Notification progress (`withProgress` at ProgressLocation.Notification): a toast in the window
 * the extension is talking to; its Cancel button comes back as `progressCancel` and fires the
 * task's CancellationToken.
 */
import {
  WorkbenchProgressContract,
  type ExtHostProgressContract,
  type ProgressStartDto,
} from "../../protocol/contracts/progress.js";
import { proxy, type Implementation, type Proxy } from "../../protocol/rpc-contract.js";
import type { Session, Sessions } from "./sessions.js";

const proxies = new WeakMap<Session, Proxy<typeof WorkbenchProgressContract>>();
const progressOf = (s: Session): Proxy<typeof WorkbenchProgressContract> => {
  let p = proxies.get(s);
  if (!p) {
    p = proxy(s.peer, WorkbenchProgressContract);
    proxies.set(s, p);
  }
  return p;
};

export interface NotificationProgress {
  report(value: { message?: string; percent?: number }): void;
  end(): void;
}

export class ProgressService {
  private nextId = 1;
  private readonly cancels = new Map<number, () => void>();

  constructor(private readonly sessions: Sessions) {}

  /** Null when no window is connected: the task still runs, unseen. */
  start(request: Omit<ProgressStartDto, "id">, onCancel: () => void): NotificationProgress | null {
    const session = this.sessions.target();
    if (!session) return null;
    const id = this.nextId++;
    const window = progressOf(session);
    this.cancels.set(id, onCancel);
    window.progressStart({ id, ...request });
    return {
      report: (value) => window.progressReport({ id, ...value }),
      end: () => {
        this.cancels.delete(id);
        window.progressEnd(id);
      },
    };
  }

  implementation(): Implementation<typeof ExtHostProgressContract> {
    return { progressCancel: (id) => this.cancels.get(id)?.() };
  }
}
