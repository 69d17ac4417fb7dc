/**
 * Methods that misbehave on purpose, for the hardening tests: a synchronous busy loop (an
 * extension stuck in `while (true)`), a throw, a rejection, and a long wait that honours
 * `$cancel`. index.ts registers them only when EXTHOST_TEST_HOOKS=1, which main never sets.
 */
import type { RpcPeer } from "../protocol/peer.js";

export const TEST_HOOKS_ENV = "EXTHOST_TEST_HOOKS";

export const TestMethods = {
  /** `[ms]`: blocks the event loop for `ms` (capped), then returns the ms actually spun. */
  spin: "test.spin",
  /** `[message]`: throws synchronously. */
  throw: "test.throw",
  /** `[message]`: returns a rejected promise. */
  reject: "test.reject",
  /** `[ms]`: resolves after `ms` (capped) unless cancelled; keeps a call in flight. */
  sleep: "test.sleep",
  /** `[]`: the names of environment variables that extensions (and their children) would see. */
  envNames: "test.envNames",
  /** `[value]`: deep-merges `value` into `{}` the careless way (prototype-pollution bait). */
  merge: "test.merge",
  /** `[]`: the own property names of the host's `Object.prototype` (to detect pollution). */
  prototypeKeys: "test.prototypeKeys",
} as const;

/** Even a test must not wedge the host for good. */
const MAX_MS = 120_000;

const msParam = (params: ReadonlyArray<unknown>): number => {
  const ms = params[0];
  if (typeof ms !== "number" || !Number.isFinite(ms) || ms < 0) throw new Error("expected [ms] with ms >= 0");
  return Math.min(ms, MAX_MS);
};

const messageParam = (params: ReadonlyArray<unknown>, fallback: string): string =>
  typeof params[0] === "string" ? params[0] : fallback;

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

export const registerTestHooks = (peer: RpcPeer): (() => void) => {
  const disposers = [
    peer.register(TestMethods.spin, (params) => {
      const ms = msParam(params);
      const start = Date.now();
      // Deliberately synchronous: nothing else in the host runs until it ends.
      while (Date.now() - start < ms) {
        /* spin */
      }
      return Date.now() - start;
    }),
    peer.register(TestMethods.throw, (params) => {
      throw new Error(messageParam(params, "test.throw"));
    }),
    peer.register(TestMethods.reject, (params) => Promise.reject(new Error(messageParam(params, "test.reject")))),
    peer.register(
      TestMethods.sleep,
      (params, { signal }) =>
        new Promise<number>((resolve, reject) => {
          const ms = msParam(params);
          const timer = setTimeout(() => resolve(ms), ms);
          signal.addEventListener(
            "abort",
            () => {
              clearTimeout(timer);
              reject(new Error("test.sleep cancelled"));
            },
            { once: true },
          );
        }),
    ),
    peer.register(TestMethods.envNames, () => Object.keys(process.env)),
    peer.register(TestMethods.merge, (params) => Object.keys(carelessMerge({}, params[0]))),
    peer.register(TestMethods.prototypeKeys, () => Object.getOwnPropertyNames(Object.prototype)),
  ];
  return () => disposers.forEach((d) => d());
};
