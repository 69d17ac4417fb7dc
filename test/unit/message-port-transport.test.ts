/**
 * The extension host's MessagePort transport (Electron's MessagePortMain: events carry
 * `{data}`), driven through a fake port pair since Electron is absent here.
 */
import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { servePort } from "../../src/extension-host/alternate-transports.js";
import { serveBenchMethods } from "../../src/extension-host/bench-methods.js";
import { BenchContract } from "../../src/protocol/contracts/bench.js";
import { proxy } from "../../src/protocol/rpc-contract.js";
import type { HostMessagePort } from "../../src/extension-host/parent-channel.js";
import { RpcPeer } from "../../src/protocol/peer.js";

class FakePort extends EventEmitter implements HostMessagePort {
  other: FakePort | undefined;
  started = false;
  postMessage(message: unknown): void {
    queueMicrotask(() => this.other?.emit("message", { data: message }));
  }
  start(): void {
    this.started = true;
  }
  close(): void {
    this.emit("close");
  }
}

describe("MessagePort transport (host side)", () => {
  it("serves the connection's methods over the port, and rejects non-string frames", async () => {
    const hostEnd = new FakePort();
    const rendererEnd = new FakePort();
    hostEnd.other = rendererEnd;
    rendererEnd.other = hostEnd;
    const warnings: string[] = [];
    let disposed = false;
    servePort(
      hostEnd,
      (peer) => {
        const off = serveBenchMethods(peer);
        return () => {
          off();
          disposed = true;
        };
      },
      { warn: (m) => warnings.push(m) },
      1024 * 1024,
    );
    expect(hostEnd.started).toBe(true);
    const client = new RpcPeer({ send: (frame) => rendererEnd.postMessage(frame) });
    rendererEnd.on("message", (e: { data: string }) => client.receive(e.data));
    expect(await proxy(client, BenchContract).echo({ via: "port" })).toEqual({ via: "port" });
    rendererEnd.postMessage({ not: "a string" });
    await new Promise((r) => setTimeout(r, 10));
    expect(warnings.some((w) => w.includes("MessagePort frames must be strings"))).toBe(true);
    hostEnd.close();
    expect(disposed).toBe(true);
  });
});
