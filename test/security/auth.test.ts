/**
 * Handshake authentication against the real host bundle: every refusal is an HTTP status
 * before the upgrade (never 101), shows up in the host log, and the log never holds the secret.
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestHooksContract } from "../../src/protocol/contracts/test-hooks.js";
import {
  PROTOCOL_MARKER,
  SECRET_ENV,
  SECRET_HEADER,
  tokenProtocol,
  type ConnectionInfo,
} from "../../src/protocol/handshake.js";
import {
  openNative,
  opened,
  rawUpgrade,
  startLoggedHost,
  waitUntil,
  type LoggedHost,
  type RawUpgradeOptions,
} from "./support.js";

const APP_ORIGIN = "http://127.0.0.1:5999";

describe("handshake authentication (real host, raw HTTP)", () => {
  let host: LoggedHost;
  let info: ConnectionInfo;
  beforeAll(async () => {
    host = await startLoggedHost({ allowedOrigins: [APP_ORIGIN] });
    info = await host.info();
  });
  afterAll(async () => {
    // Whatever was tried, the secret must never have reached the log.
    expect(host.logs.some((l) => l.includes(info.secret))).toBe(false);
    await host.stop();
  });

  /** Sends the request, expects `status`, and finds the matching refusal line in the host log. */
  const expectRefused = async (options: (port: number) => RawUpgradeOptions, status: number, reason: RegExp) => {
    const res = await rawUpgrade(info.port, options(info.port));
    expect(res.status).toBe(status);
    expect(res.body).toMatch(reason);
    const clientPort = res.localPort;
    const line = (): string | undefined =>
      host.logs.find((l) => l.includes(`refused connection from 127.0.0.1:${clientPort}: ${status}`));
    await waitUntil(() => line() !== undefined, `a refusal line for client port ${clientPort}`);
    expect(line()).toMatch(reason);
    expect(line()).not.toContain(info.secret);
    expect(res.body).not.toContain(info.secret);
  };

  const withSecret = (secret: string): RawUpgradeOptions => ({ headers: { [SECRET_HEADER]: secret } });

  it("accepts the correct secret in the header (positive control)", async () => {
    const res = await rawUpgrade(info.port, withSecret(info.secret));
    res.socket.destroy();
    expect(res.status).toBe(101);
  });

  it("accepts the browser form from the app's Origin and echoes only the marker", async () => {
    const res = await rawUpgrade(info.port, {
      headers: { Origin: APP_ORIGIN, "Sec-WebSocket-Protocol": `${PROTOCOL_MARKER}, ${tokenProtocol(info.secret)}` },
    });
    res.socket.destroy();
    expect(res.status).toBe(101);
    expect(res.head).toMatch(new RegExp(`^sec-websocket-protocol: ${PROTOCOL_MARKER.replace(/\./g, "\\.")}$`, "im"));
    expect(res.head).not.toContain(info.secret);
  });

  describe("refuses a missing or wrong secret with 401", () => {
    const cases: Array<[string, (secret: string) => RawUpgradeOptions, RegExp]> = [
      ["missing", () => ({}), /no secret presented/],
      ["empty header", () => withSecret(""), /wrong secret/],
      ["wrong (random 64 hex)", () => withSecret(randomBytes(32).toString("hex")), /wrong secret/],
      ["short (first half)", (s) => withSecret(s.slice(0, 32)), /wrong secret/],
      ["one character short", (s) => withSecret(s.slice(0, -1)), /wrong secret/],
      ["long (secret + 2 hex)", (s) => withSecret(`${s}00`), /wrong secret/],
      ["very long (8 KiB)", () => withSecret("a".repeat(8192)), /wrong secret/],
      ["non-hex", () => withSecret("z".repeat(64)), /wrong secret/],
      ["upper-case spelling of the secret", (s) => withSecret(s.toUpperCase()), /wrong secret/],
      [
        "wrong token subprotocol",
        () => ({
          headers: {
            "Sec-WebSocket-Protocol": `${PROTOCOL_MARKER}, ${tokenProtocol(randomBytes(32).toString("hex"))}`,
          },
        }),
        /wrong secret/,
      ],
      [
        "two secrets (header + token), one of them right",
        (s) => ({
          headers: {
            [SECRET_HEADER]: s,
            "Sec-WebSocket-Protocol": `${PROTOCOL_MARKER}, ${tokenProtocol(randomBytes(32).toString("hex"))}`,
          },
        }),
        /more than one secret/,
      ],
    ];
    for (const [name, options, reason] of cases) {
      it(name, () => expectRefused(() => options(info.secret), 401, reason));
    }
  });

  it("refuses the correct secret in the URL query with 400 (the secret never goes in a URL)", async () => {
    await expectRefused(() => ({ path: `/?secret=${info.secret}` }), 400, /query strings are not accepted/);
    await expectRefused(
      () => ({ path: `/?token=${info.secret}`, headers: { [SECRET_HEADER]: info.secret } }),
      400,
      /query strings are not accepted/,
    );
    await expectRefused(() => ({ path: `/${info.secret}`, ...withSecret(info.secret) }), 400, /unknown path/);
  });

  it("refuses the correct secret with a foreign Origin with 403 (cross-origin WebSocket)", async () => {
    for (const origin of ["http://evil.example", "null", "http://127.0.0.1:1", `${APP_ORIGIN}.evil.example`]) {
      await expectRefused(() => ({ headers: { Origin: origin, [SECRET_HEADER]: info.secret } }), 403, /Origin/);
    }
    // The browser form too: a page elsewhere that somehow learned the token.
    await expectRefused(
      () => ({
        headers: {
          Origin: "http://evil.example",
          "Sec-WebSocket-Protocol": `${PROTOCOL_MARKER}, ${tokenProtocol(info.secret)}`,
        },
      }),
      403,
      /Origin 'http:\/\/evil\.example' is not allowed/,
    );
  });

  it("refuses a Host that is not this loopback server with 403 (DNS rebinding)", async () => {
    const hosts = (port: number): Array<string | null> => [
      `evil.example:${port}`,
      "evil.example",
      `127.0.0.1:${port + 1}`,
      `127.0.0.1`,
      `localhost6:${port}`,
      `0x7f.0.0.1:${port}`,
      `2130706433:${port}`,
      `127.1:${port}`,
      `[::1]:${port}`,
      `127.0.0.1.nip.io:${port}`,
      null,
    ];
    for (const h of hosts(info.port)) {
      await expectRefused(
        () => ({ host: h, ...withSecret(info.secret) }),
        403,
        /Host '.*' is not this loopback server/,
      );
    }
  });

  it("keeps the secret out of the host's argv and out of the environment extensions see", async () => {
    const pid = host.starter.pid!;
    expect(readFileSync(`/proc/${pid}/cmdline`, "utf8")).not.toContain(info.secret);
    // The hooks are not enabled on this host: a second one reports what extensions would see.
    const hooked = await startLoggedHost({ env: { EXTHOST_TEST_HOOKS: "1" } });
    try {
      const hookedInfo = await hooked.info();
      const ws = openNative(hookedInfo);
      await opened(ws);
      const reply = new Promise<string>((resolve) => ws.once("message", (d) => resolve(d.toString())));
      ws.send(JSON.stringify({ id: 1, method: TestHooksContract.envNames.method, params: [] }));
      const { result } = JSON.parse(await reply) as { result: string[] };
      expect(result).toContain("EXTHOST_ALLOWED_ORIGINS"); // the call really lists the environment
      expect(result).not.toContain(SECRET_ENV);
      ws.close();
    } finally {
      await hooked.stop();
    }
  });

  it("refuses subprotocols without the marker with 400", async () => {
    await expectRefused(
      () => ({ headers: { "Sec-WebSocket-Protocol": tokenProtocol(info.secret) } }),
      400,
      /subprotocol 'exthost\.rpc\.v1' was not offered/,
    );
  });
});
