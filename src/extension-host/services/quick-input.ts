/**
 * Quick inputs, as VS Code's extHostQuickOpen: every `createQuickPick` / `createInputBox` object
 * lives here with its state; `show()` sends the whole state to the window the extension is
 * talking to, later property writes send it again (coalesced per tick), and what the user does
 * comes back as ExtHostQuickInputContract notifications routed to the input by id.
 */
import {
  WorkbenchQuickInputContract,
  type ExtHostQuickInputContract,
  type QuickInputStateDto,
} from "../../protocol/contracts/quick-input.js";
import { proxy, type Implementation, type Proxy } from "../../protocol/rpc-contract.js";
import type { Session, Sessions } from "./sessions.js";
import { NoWindow } from "./window.js";

/** What a window can report about the input it shows. */
export interface QuickInputEvents {
  value(value: string): void;
  accept(): void;
  active(handles: readonly number[]): void;
  selection(handles: readonly number[]): void;
  button(index: number): void;
  itemButton(item: number, button: number): void;
  hidden(): void;
}

const proxies = new WeakMap<Session, Proxy<typeof WorkbenchQuickInputContract>>();
const inputsOf = (s: Session): Proxy<typeof WorkbenchQuickInputContract> => {
  let p = proxies.get(s);
  if (!p) {
    p = proxy(s.peer, WorkbenchQuickInputContract);
    proxies.set(s, p);
  }
  return p;
};

export class QuickInputService {
  private nextId = 1;
  private readonly inputs = new Map<number, { session: Session; events: QuickInputEvents }>();

  constructor(private readonly sessions: Sessions) {
    // A window that goes away hides its inputs (their onDidHide fires, pickers resolve undefined).
    sessions.onDidClose((s) => {
      for (const [id, input] of [...this.inputs]) {
        if (input.session === s) {
          this.inputs.delete(id);
          input.events.hidden();
        }
      }
    });
  }

  newId(): number {
    return this.nextId++;
  }

  /** Shows (or updates) an input in the window the extension is talking to; replaces that window's other input. */
  show(state: QuickInputStateDto, events: QuickInputEvents): void {
    const current = this.inputs.get(state.id);
    const session = current?.session ?? this.sessions.target();
    if (!session) throw new NoWindow();
    if (!current) {
      for (const [id, other] of [...this.inputs]) {
        if (other.session === session) {
          this.inputs.delete(id);
          other.events.hidden();
        }
      }
      this.inputs.set(state.id, { session, events });
    }
    inputsOf(session).quickInputShow(state);
  }

  isShowing(id: number): boolean {
    return this.inputs.has(id);
  }

  hide(id: number): void {
    const input = this.inputs.get(id);
    if (!input) return;
    this.inputs.delete(id);
    inputsOf(input.session).quickInputHide(id);
    // As in VS Code, onDidHide comes after hide() returns (there it is the window's answer).
    queueMicrotask(() => input.events.hidden());
  }

  implementation(): Implementation<typeof ExtHostQuickInputContract> {
    const on = (id: number, f: (e: QuickInputEvents) => void): void => {
      const input = this.inputs.get(id);
      if (input) f(input.events);
    };
    return {
      quickInputValue: ({ id, value }) => on(id, (e) => e.value(value)),
      quickInputAccept: ({ id }) => on(id, (e) => e.accept()),
      quickInputActive: ({ id, handles }) => on(id, (e) => e.active(handles)),
      quickInputSelection: ({ id, handles }) => on(id, (e) => e.selection(handles)),
      quickInputButton: ({ id, button }) => on(id, (e) => e.button(button)),
      quickInputItemButton: ({ id, item, button }) => on(id, (e) => e.itemButton(item, button)),
      quickInputHidden: ({ id }) => {
        const input = this.inputs.get(id);
        if (!input) return;
        this.inputs.delete(id);
        input.events.hidden();
      },
    };
  }
}
