/**
 * VS Code's extension test loop (`--extensionTestsPath`): the test driver, holding the secret like
 * main, asks the host to load the tests module and await its `run()`. Served only when the host
 * was started with EXTHOST_EXTENSION_TESTS_PATH set.
 */
import { Schema } from "effect";
import { HostEnv } from "../host-environment.js";
import { NoPayload, request } from "../rpc-contract.js";

export const EXTENSION_TESTS_ENV = HostEnv.extensionTestsPath;

export const ExtensionTestsContract = {
  /** Resolves when `run()` resolves; fails with its error when tests failed. */
  run: request("test.runExtensionTests", {
    payload: NoPayload,
    success: Schema.Struct({ passed: Schema.Literal(true) }),
  }),
} as const;
