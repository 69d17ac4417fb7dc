/** The pre-upgrade decision (src/extension-host/handshake-auth.ts), on hand-built requests. */
import type { IncomingMessage } from "node:http";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  authenticate,
  offeredProtocols,
  secretMatches,
  type AuthPolicy,
} from "../../src/extension-host/handshake-auth.js";
import { PROTOCOL_MARKER, SECRET_HEADER, tokenProtocol } from "../../src/protocol/handshake.js";

const SECRET = "0123456789abcdef".repeat(4);
const PORT = 43_210;
const APP = "app://editor";
const policy: AuthPolicy = { secret: SECRET, allowedOrigins: new Set([APP]), port: PORT };

/** Only what `authenticate` reads; node lower-cases header names. */
const request = (headers: Record<string, string | string[] | undefined>, url = "/"): IncomingMessage =>
  ({ url, headers: { host: `127.0.0.1:${PORT}`, ...headers } }) as unknown as IncomingMessage;

const native = (extra: Record<string, string | string[] | undefined> = {}, url?: string) =>
  authenticate(request({ [SECRET_HEADER]: SECRET, ...extra }, url), policy);

describe("authenticate", () => {
  it("accepts a native client (header, no Origin) and the browser form (token + marker, app Origin)", () => {
    expect(native()).toEqual({ ok: true });
    expect(native({ host: `localhost:${PORT}` })).toEqual({ ok: true });
    expect(
      authenticate(
        request({ origin: APP, "sec-websocket-protocol": `${PROTOCOL_MARKER}, ${tokenProtocol(SECRET)}` }),
        policy,
      ),
    ).toEqual({ ok: true });
  });

  it("refuses any URL but / with 400, before looking at the secret", () => {
    expect(native({}, `/?secret=${SECRET}`)).toMatchObject({
      ok: false,
      status: 400,
      reason: expect.stringMatching(/query/),
    });
    expect(native({}, "/?")).toMatchObject({ status: 400 });
    expect(native({}, "/x")).toMatchObject({ status: 400, reason: "unknown path" });
    expect(native({}, "")).toMatchObject({ status: 400 });
    expect(native({}, "//")).toMatchObject({ status: 400 });
  });

  it("refuses a Host other than 127.0.0.1:port or localhost:port with 403", () => {
    for (const host of [
      "evil.example",
      `evil.example:${PORT}`,
      `127.0.0.1:${PORT + 1}`,
      "127.0.0.1",
      `LOCALHOST:${PORT}`,
      `localhost.:${PORT}`,
      `[::1]:${PORT}`,
      `127.0.0.1:${PORT}@evil.example`,
      "",
      undefined,
    ]) {
      expect(native({ host }), String(host)).toMatchObject({ ok: false, status: 403 });
    }
  });

  it("refuses a foreign Origin with 403, even with the right secret", () => {
    for (const origin of ["http://evil.example", "null", "", "APP://editor", `${APP}/`, "file://"]) {
      expect(native({ origin }), origin).toMatchObject({ ok: false, status: 403 });
    }
  });

  it("refuses offered subprotocols without the marker with 400", () => {
    expect(native({ "sec-websocket-protocol": "chat" })).toMatchObject({ status: 400 });
    expect(native({ "sec-websocket-protocol": ` ${PROTOCOL_MARKER} ` })).toEqual({ ok: true });
  });

  it("refuses missing, wrong, or multiple secrets with 401", () => {
    expect(authenticate(request({}), policy)).toMatchObject({ status: 401, reason: "no secret presented" });
    for (const candidate of ["", SECRET.slice(1), `${SECRET}0`, SECRET.toUpperCase(), "z".repeat(64), `${SECRET} `]) {
      expect(native({ [SECRET_HEADER]: candidate }), candidate).toMatchObject({ status: 401, reason: "wrong secret" });
    }
    expect(native({ [SECRET_HEADER]: [SECRET, SECRET] })).toMatchObject({ status: 401, reason: /more than one/ });
    expect(native({ "sec-websocket-protocol": `${PROTOCOL_MARKER}, ${tokenProtocol(SECRET)}` })).toMatchObject({
      status: 401,
      reason: /more than one/,
    });
    expect(
      authenticate(
        request({ "sec-websocket-protocol": `${PROTOCOL_MARKER}, ${tokenProtocol(SECRET)}, ${tokenProtocol("00")}` }),
        policy,
      ),
    ).toMatchObject({ status: 401, reason: /more than one/ });
  });

  it("never puts the secret, or what the client offered as one, in a refusal reason (property)", () => {
    fc.assert(
      fc.property(
        fc.record(
          {
            url: fc.oneof(
              fc.constant("/"),
              fc.string({ maxLength: 30 }).map((s) => `/?${s}`),
              fc.constant(`/?s=${SECRET}`),
            ),
            host: fc.oneof(fc.constant(`127.0.0.1:${PORT}`), fc.string({ maxLength: 30 })),
            origin: fc.option(fc.oneof(fc.constant(APP), fc.string({ maxLength: 20 })), { nil: undefined }),
            secret: fc.option(
              fc.oneof(
                fc.constant(SECRET),
                fc.string({ unit: fc.constantFrom(..."0123456789abcdef"), minLength: 60, maxLength: 70 }),
              ),
              {
                nil: undefined,
              },
            ),
          },
          { requiredKeys: ["url", "host"] },
        ),
        ({ url, host, origin, secret }) => {
          const verdict = authenticate(request({ host, origin, [SECRET_HEADER]: secret }, url), policy);
          if (verdict.ok) return;
          expect(verdict.reason).not.toContain(SECRET);
          if (secret && secret.length > 8) expect(verdict.reason).not.toContain(secret);
        },
      ),
      { numRuns: 1_000 },
    );
  });
});

describe("secretMatches / offeredProtocols", () => {
  it("compares candidates of any length without throwing", () => {
    expect(secretMatches(SECRET, SECRET)).toBe(true);
    for (const c of ["", "a", SECRET.slice(0, 63), `${SECRET}${SECRET}`, "é".repeat(64)]) {
      expect(secretMatches(c, SECRET)).toBe(false);
    }
  });

  it("splits and trims the offered subprotocols, dropping empty entries", () => {
    const req = request({ "sec-websocket-protocol": " a ,b,, c " });
    expect(offeredProtocols(req)).toEqual(["a", "b", "c"]);
    expect(offeredProtocols(request({}))).toEqual([]);
  });
});
