/**
 * The extension host's environment: the only way main (or a Node process playing main) tells
 * it what to do. Every variable is named here and decoded with one Schema, so main builds it
 * and the host reads it from the same declaration, and a bad value is a clear error at start.
 */
import { Schema } from "effect";
import { ALLOWED_ORIGINS_ENV, SECRET_BYTES, SECRET_ENV } from "./handshake.js";

export const HostEnv = {
  /** The per-launch secret, hex. Deleted from the host's environment as soon as it is read. */
  secret: SECRET_ENV,
  /** Comma-separated Origins browser clients may connect from. */
  allowedOrigins: ALLOWED_ORIGINS_ENV,
  builtinExtensions: "EXTHOST_BUILTIN_EXTENSIONS",
  userExtensions: "EXTHOST_USER_EXTENSIONS",
  /** Comma-separated `--extensionDevelopmentPath` folders. */
  devExtensions: "EXTHOST_DEV_EXTENSIONS",
  userDataDir: "EXTHOST_USER_DATA_DIR",
  storageDir: "EXTHOST_STORAGE_DIR",
  /** A private Unix socket to serve too (the bench's MessagePort stand-in). */
  pipePath: "EXTHOST_PIPE_PATH",
  /** "1" serves the misbehaving test methods; main never sets it. */
  testHooks: "EXTHOST_TEST_HOOKS",
  /** `direct-editor test`: the module whose run() the test driver awaits. */
  extensionTestsPath: "EXTHOST_EXTENSION_TESTS_PATH",
  maxPayloadBytes: "EXTHOST_MAX_PAYLOAD",
  heartbeatMs: "EXTHOST_HEARTBEAT_MS",
  maxConnections: "EXTHOST_MAX_CONNECTIONS",
  maxInFlightRequestBytes: "EXTHOST_MAX_IN_FLIGHT_REQUEST_BYTES",
  maxPreAuthConnections: "EXTHOST_MAX_PRE_AUTH_CONNECTIONS",
  providerTimeoutMs: "EXTHOST_PROVIDER_TIMEOUT_MS",
  maxDocumentChars: "EXTHOST_MAX_DOCUMENT_CHARS",
} as const;

const Text = Schema.optionalKey(Schema.String);
/** A positive number written in decimal; empty means "use the default". */
const PositiveNumber = Schema.optionalKey(
  Schema.String.check(Schema.isPattern(/^(|\d+(\.\d+)?)$/, { message: "expected a positive number" })),
);
const List = Text;

const HostEnvironmentSchema = Schema.Struct({
  [HostEnv.secret]: Schema.String.check(
    Schema.isPattern(new RegExp(`^[0-9a-f]{${SECRET_BYTES * 2}}$`), {
      message: `must be ${SECRET_BYTES * 2} hex characters`,
    }),
  ),
  [HostEnv.allowedOrigins]: List,
  [HostEnv.builtinExtensions]: Text,
  [HostEnv.userExtensions]: Text,
  [HostEnv.devExtensions]: List,
  [HostEnv.userDataDir]: Text,
  [HostEnv.storageDir]: Text,
  [HostEnv.pipePath]: Text,
  [HostEnv.testHooks]: Text,
  [HostEnv.extensionTestsPath]: Text,
  [HostEnv.maxPayloadBytes]: PositiveNumber,
  [HostEnv.heartbeatMs]: PositiveNumber,
  [HostEnv.maxConnections]: PositiveNumber,
  [HostEnv.maxInFlightRequestBytes]: PositiveNumber,
  [HostEnv.maxPreAuthConnections]: PositiveNumber,
  [HostEnv.providerTimeoutMs]: PositiveNumber,
  [HostEnv.maxDocumentChars]: PositiveNumber,
});

export interface HostEnvironment {
  readonly secret: string;
  readonly allowedOrigins: ReadonlyArray<string>;
  readonly builtinExtensions: string | undefined;
  readonly userExtensions: string | undefined;
  readonly devExtensions: ReadonlyArray<string>;
  readonly userDataDir: string | undefined;
  readonly storageDir: string | undefined;
  readonly pipePath: string | undefined;
  readonly testHooks: boolean;
  readonly extensionTestsPath: string | undefined;
  readonly maxPayloadBytes: number | undefined;
  readonly heartbeatMs: number | undefined;
  readonly maxConnections: number | undefined;
  readonly maxInFlightRequestBytes: number | undefined;
  readonly maxPreAuthConnections: number | undefined;
  readonly providerTimeoutMs: number | undefined;
  readonly maxDocumentChars: number | undefined;
}

const list = (v: string | undefined): string[] => (v ?? "").split(",").filter((s) => s.length > 0);
const text = (v: string | undefined): string | undefined => (v === undefined || v === "" ? undefined : v);
const positive = (v: string | undefined): number | undefined => {
  const n = v === undefined || v === "" ? NaN : Number(v);
  return n > 0 ? n : undefined;
};

/** Reads the host's environment; throws a message naming the bad variable. */
export const readHostEnvironment = (env: Readonly<Record<string, string | undefined>>): HostEnvironment => {
  const present = Object.fromEntries(
    Object.values(HostEnv).flatMap((k) => (env[k] === undefined ? [] : [[k, env[k]]])),
  );
  const e = Schema.decodeUnknownSync(HostEnvironmentSchema)(present);
  return {
    secret: e[HostEnv.secret],
    allowedOrigins: list(e[HostEnv.allowedOrigins]),
    builtinExtensions: text(e[HostEnv.builtinExtensions]),
    userExtensions: text(e[HostEnv.userExtensions]),
    devExtensions: list(e[HostEnv.devExtensions]),
    userDataDir: text(e[HostEnv.userDataDir]),
    storageDir: text(e[HostEnv.storageDir]),
    pipePath: text(e[HostEnv.pipePath]),
    testHooks: e[HostEnv.testHooks] === "1",
    extensionTestsPath: text(e[HostEnv.extensionTestsPath]),
    maxPayloadBytes: positive(e[HostEnv.maxPayloadBytes]),
    heartbeatMs: positive(e[HostEnv.heartbeatMs]),
    maxConnections: positive(e[HostEnv.maxConnections]),
    maxInFlightRequestBytes: positive(e[HostEnv.maxInFlightRequestBytes]),
    maxPreAuthConnections: positive(e[HostEnv.maxPreAuthConnections]),
    providerTimeoutMs: positive(e[HostEnv.providerTimeoutMs]),
    maxDocumentChars: positive(e[HostEnv.maxDocumentChars]),
  };
};
