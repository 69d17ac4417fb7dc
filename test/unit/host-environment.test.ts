import { describe, expect, it } from "vitest";
import { HostEnv, readHostEnvironment } from "../../src/protocol/host-environment.js";

const secret = "ab".repeat(32);

describe("the extension host's environment", () => {
  it("is read from one declaration: lists split, numbers parsed, flags explicit", () => {
    const env = readHostEnvironment({
      [HostEnv.secret]: secret,
      [HostEnv.allowedOrigins]: "app://editor,http://127.0.0.1:5173",
      [HostEnv.devExtensions]: "/a,/b",
      [HostEnv.maxPayloadBytes]: "1048576",
      [HostEnv.heartbeatMs]: "",
      [HostEnv.testHooks]: "",
      UNRELATED: "ignored",
    });
    expect(env).toMatchObject({
      secret,
      allowedOrigins: ["app://editor", "http://127.0.0.1:5173"],
      devExtensions: ["/a", "/b"],
      maxPayloadBytes: 1048576,
      heartbeatMs: undefined,
      testHooks: false,
      extensionTestsPath: undefined,
    });
  });

  it("refuses a bad value with an error naming the variable", () => {
    expect(() => readHostEnvironment({})).toThrow(/EXTHOST_SECRET/);
    expect(() => readHostEnvironment({ [HostEnv.secret]: "short" })).toThrow(/64 hex characters/);
    expect(() => readHostEnvironment({ [HostEnv.secret]: secret, [HostEnv.maxPayloadBytes]: "lots" })).toThrow(
      /EXTHOST_MAX_PAYLOAD/,
    );
  });
});
