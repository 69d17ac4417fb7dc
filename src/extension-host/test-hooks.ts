/**
 * Methods that misbehave on purpose, for the hardening tests: a synchronous busy loop (an
 * extension stuck in `while (true)`), a throw, a rejection, and a long wait that honours
 * `$cancel`. index.ts serves them only when EXTHOST_TEST_HOOKS=1, which main never sets.
 */
import { TestHooksContract } from "../protocol/contracts/test-hooks.js";
import type { RpcPeer } from "../protocol/peer.js";
import { serve } from "../protocol/rpc-contract.js";

export { TEST_HOOKS_ENV } from "../protocol/contracts/test-hooks.js";

type Mergeable = Record<string, unknown>;
const isMergeable = (v: unknown): v is Mergeable => (typeof v === "object" || typeof v === "function") && v !== null;

/** The deep merge found in many extensions: follows `__proto__` and `constructor` like any key. */
const carelessMerge = (target: Mergeable, source: unknown): Mergeable => {
  if (!isMergeable(source)) return target;
  for (const key of Object.keys(source)) {
    const value = source[key];
    if (isMergeable(value)) {
      if (!isMergeable(target[key])) target[key] = {};
      carelessMerge(target[key] as Mergeable, value);
    } else target[key] = value;
  }
  return target;
};

/** Even a test must not wedge the host for good. */
const MAX_MS = 120_000;

export const serveTestHooks = (peer: RpcPeer): (() => void) =>
  serve(peer, TestHooksContract, {
    spin: (ms) => {
      const until = Math.min(ms, MAX_MS);
      const start = Date.now();
      // Deliberately synchronous: nothing else in the host runs until it ends.
      while (Date.now() - start < until) {
        /* spin */
      }
      return Date.now() - start;
    },
    throw: (message) => {
      throw new Error(message);
    },
    reject: (message) => Promise.reject(new Error(message)),
    sleep: (ms, { signal }) =>
      new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => resolve(ms), Math.min(ms, MAX_MS));
        signal.addEventListener(
          "abort",
          () => {
            clearTimeout(timer);
            reject(new Error("test.sleep cancelled"));
          },
          { once: true },
        );
      }),
    envNames: () => Object.keys(process.env),
    merge: (value) => Object.keys(carelessMerge({}, value)),
    prototypeKeys: () => Object.getOwnPropertyNames(Object.prototype),
  });
