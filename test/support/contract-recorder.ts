/**
 * Plays the window for any host→window contract in tests: records each decoded payload by
 * method and answers requests with what the test set (or null). WorkbenchRecorder's idea for
 * the feature contracts (views, quick input, progress, env, file system providers).
 */
import { serve, type Contract, type Implementation, type Registrar } from "../../src/protocol/rpc-contract.js";

export class ContractRecorder<C extends Contract> {
  private readonly calls: Array<{ key: keyof C; payload: unknown }> = [];
  private readonly answers = new Map<keyof C, (payload: unknown) => unknown>();

  constructor(private readonly contract: C) {}

  of<K extends keyof C>(key: K): Array<C[K]["payload"]["Type"]> {
    return this.calls.filter((c) => c.key === key).map((c) => c.payload as C[K]["payload"]["Type"]);
  }

  answer<K extends keyof C>(key: K, reply: (payload: C[K]["payload"]["Type"]) => unknown): void {
    this.answers.set(key, reply as (payload: unknown) => unknown);
  }

  async attach(registrar: Registrar): Promise<void> {
    const impl: Record<string, (payload: unknown) => unknown> = {};
    for (const key of Object.keys(this.contract)) {
      impl[key] = (payload) => {
        this.calls.push({ key, payload });
        return this.answers.get(key)?.(payload) ?? null;
      };
    }
    await serve(registrar, this.contract, impl as unknown as Implementation<C>).ready;
  }
}
