/**
 * Plays the workbench for tests: serves every WorkbenchContract method on a client, records
 * each decoded payload by method, and answers requests with what the test set (or null).
 */
import { WorkbenchContract } from "../../src/protocol/contracts/workbench.js";
import { serve, type Implementation, type Registrar } from "../../src/protocol/rpc-contract.js";

type Contract = typeof WorkbenchContract;
type Key = keyof Contract;
type PayloadOf<K extends Key> = Contract[K]["payload"]["Type"];

export class WorkbenchRecorder {
  private readonly calls: Array<{ key: Key; payload: unknown }> = [];
  private readonly answers = new Map<Key, (payload: unknown) => unknown>();

  of<K extends Key>(key: K): Array<PayloadOf<K>> {
    return this.calls.filter((c) => c.key === key).map((c) => c.payload as PayloadOf<K>);
  }

  answer<K extends Key>(key: K, reply: (payload: PayloadOf<K>) => unknown): void {
    this.answers.set(key, reply as (payload: unknown) => unknown);
  }

  async attach(registrar: Registrar): Promise<void> {
    const impl: Record<string, (payload: unknown) => unknown> = {};
    for (const key of Object.keys(WorkbenchContract) as Key[]) {
      impl[key] = (payload) => {
        this.calls.push({ key, payload });
        return this.answers.get(key)?.(payload) ?? null;
      };
    }
    await serve(registrar, WorkbenchContract, impl as unknown as Implementation<Contract>).ready;
  }
}
