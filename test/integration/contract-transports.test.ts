/**
 * The same contract calls over every transport the extension host serves: the direct
 * WebSocket, main's relay (the classic double hop), the private pipe, and a MessagePort (VS
 * Code's way; a fake port pair into an in-process host, since Electron is absent here). Each
 * must behave identically: typed results, typed errors, calls in both directions, cancellation.
 */
import { EventEmitter } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectDirect, connectPipe } from "../../bench/transports.js";
import { servePort } from "../../src/extension-host/alternate-transports.js";
import { serveChannelMethods } from "../../src/extension-host/demo-methods.js";
import { HostServices } from "../../src/extension-host/host-services.js";
import type { HostMessagePort } from "../../src/extension-host/parent-channel.js";
import { serveTestHooks } from "../../src/extension-host/test-hooks.js";
import { ChannelContract, ClientContract } from "../../src/protocol/contracts/channel.js";
import { ExtHostContract, NotAWorkbench } from "../../src/protocol/contracts/ext-host.js";
import { TestHooksContract } from "../../src/protocol/contracts/test-hooks.js";
import { RpcPeer } from "../../src/protocol/peer.js";
import { InvalidParams, proxy, serve } from "../../src/protocol/rpc-contract.js";
import { startTestHost, type TestHost } from "../support/host.js";

class FakePort extends EventEmitter implements HostMessagePort {
  other: FakePort | undefined;
  postMessage(message: unknown): void {
    queueMicrotask(() => this.other?.emit("message", { data: message }));
  }
  start(): void {}
  close(): void {
    this.emit("close");
  }
}

let host: TestHost;
let dir: string;
const peers: RpcPeer[] = [];

/** An in-process host (the real services) behind one end of a fake MessagePort pair. */
const connectPort = (): RpcPeer => {
  const services = new HostServices({
    extensions: [],
    problems: [],
    storageDir: join(dir, "storage"),
    log: () => undefined,
  });
  const hostEnd = new FakePort();
  const clientEnd = new FakePort();
  hostEnd.other = clientEnd;
  clientEnd.other = hostEnd;
  servePort(
    hostEnd,
    (peer) => {
      const off = [serveChannelMethods(peer, Date.now()), serveTestHooks(peer), services.attach(peer)];
      return () => off.forEach((d) => d());
    },
    { warn: () => undefined },
    16 * 1024 * 1024,
  );
  const client = new RpcPeer({ send: (frame) => clientEnd.postMessage(frame) });
  clientEnd.on("message", (e: { data: string }) => client.receive(e.data));
  return client;
};

/** Main's relay: frames go through the starter's parent channel, as in the double hop. */
const connectRelay = (): RpcPeer => {
  const peer = new RpcPeer({ send: (frame) => host.starter.postRelayFrame(frame) });
  host.starter.onRelayFrame((frame) => peer.receive(frame));
  return peer;
};

const transports: Record<string, () => Promise<RpcPeer> | RpcPeer> = {
  websocket: () => connectDirect(host.info.port, host.info.secret),
  relay: connectRelay,
  pipe: () => connectPipe(join(dir, "host.sock")),
  "message port": connectPort,
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "contract-transports-"));
  host = await startTestHost({ env: { EXTHOST_TEST_HOOKS: "1", EXTHOST_PIPE_PATH: join(dir, "host.sock") } });
});
afterAll(async () => {
  for (const p of peers) p.close("test over");
  await host.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe.each(Object.keys(transports))("the contract over the %s transport", (name) => {
  // One connection per transport (main's relay is a single channel: two peers on it would
  // see each other's answers).
  let connection: Promise<RpcPeer> | undefined;
  const open = async () => {
    connection ??= Promise.resolve(transports[name]!()).then((peer) => {
      peers.push(peer);
      serve(peer, ClientContract, { hello: (greeting) => `${name} got ${greeting}`, log: () => undefined });
      return peer;
    });
    const peer = await connection;
    return {
      peer,
      channel: proxy(peer, ChannelContract),
      ext: proxy(peer, ExtHostContract),
      hooks: proxy(peer, TestHooksContract),
    };
  };

  it("answers typed calls, and calls the client back on the same transport", async () => {
    const { channel } = await open();
    expect(await channel.ping()).toBe("pong");
    expect(await channel.echo({ nested: [1, "two", null, { three: true }] })).toEqual({
      nested: [1, "two", null, { three: true }],
    });
    expect((await channel.hostInfo()).pid).toBeGreaterThan(0);
    expect(await channel.callBack("hi")).toEqual({ rendererSaid: `${name} got hi` });
  });

  it("keeps error types across the wire: bad params and declared failures", async () => {
    const { peer, ext } = await open();
    const bad = await proxy(peer, TestHooksContract)
      .spin(-5 as number)
      .catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(InvalidParams);
    // A connection that never called initialize is not a window.
    await expect(
      ext.documentOpened({ uri: "file:///x.txt", languageId: "plaintext", version: 1, text: "x" }),
    ).rejects.toBeInstanceOf(NotAWorkbench);
  });

  it("cancels a call: the caller gets CallCancelled at once, the host keeps serving", async () => {
    const { channel, hooks } = await open();
    const controller = new AbortController();
    const started = Date.now();
    const sleeping = hooks.sleep(30_000, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(sleeping).rejects.toMatchObject({ _tag: "CallCancelled" });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await channel.ping()).toBe("pong");
  });
});
