/**
 * Methods that misbehave on purpose, for the hardening tests. The host serves them only when
 * started with EXTHOST_TEST_HOOKS=1, which main never sets.
 */
import { Schema } from "effect";
import { HostEnv } from "../host-environment.js";
import { NoPayload, request } from "../rpc-contract.js";

export const TEST_HOOKS_ENV = HostEnv.testHooks;

const Milliseconds = Schema.Number.check(Schema.isFinite(), Schema.isGreaterThanOrEqualTo(0));

export const TestHooksContract = {
  /** Blocks the event loop for the given ms (capped), then returns the ms actually spun. */
  spin: request("test.spin", { payload: Milliseconds, success: Schema.Number }),
  /** Throws synchronously with the given message. */
  throw: request("test.throw", { payload: Schema.String, success: Schema.Never }),
  /** Returns a rejected promise with the given message. */
  reject: request("test.reject", { payload: Schema.String, success: Schema.Never }),
  /** Resolves after the given ms (capped) unless cancelled; keeps a call in flight. */
  sleep: request("test.sleep", { payload: Milliseconds, success: Schema.Number }),
  /** The names of environment variables that extensions (and their children) would see. */
  envNames: request("test.envNames", { payload: NoPayload, success: Schema.Array(Schema.String) }),
  /** Deep-merges the payload into `{}` the careless way (prototype-pollution bait); its keys. */
  merge: request("test.merge", { payload: Schema.Unknown, success: Schema.Array(Schema.String) }),
  /** The own property names of the host's `Object.prototype` (to detect pollution). */
  prototypeKeys: request("test.prototypeKeys", { payload: NoPayload, success: Schema.Array(Schema.String) }),
} as const;
