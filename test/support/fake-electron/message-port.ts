/**
 * MessageChannelMain / MessagePortMain: two entangled in-process ports. A port handed to
 * another process (utility process, window) keeps its identity here and becomes a relay:
 * what its peer posts is forwarded to where the port now lives, and what arrives from there
 * is posted to the peer, as if the new owner had posted it.
 */
import { EventEmitter } from "node:events";
import type { MessageChannelMain as RealChannel, MessagePortMain as RealPort } from "electron";

/** Where a transferred port lives now. */
export interface PortRemote {
  deliver(data: unknown): void;
  close(): void;
}

let nextPortId = 1;

export class FakeMessagePortMain extends EventEmitter implements Pick<RealPort, "postMessage" | "start" | "close"> {
  readonly id = nextPortId++;
  private peer: FakeMessagePortMain | undefined;
  private remote: PortRemote | undefined;
  private started = false;
  private closed = false;
  /** The other end was closed: this one is still transferable, and reports 'close'. */
  private peerGone = false;
  private readonly queue: unknown[] = [];

  static entangle(a: FakeMessagePortMain, b: FakeMessagePortMain): void {
    a.peer = b;
    b.peer = a;
  }

  postMessage(message: unknown): void {
    if (this.closed) return;
    this.peer?.receive(message);
  }

  start(): void {
    this.started = true;
    this.flush();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    const peer = this.peer;
    this.peer = undefined;
    this.remote?.close();
    peer?.peerClosed();
  }

  /** Moves this port to another process; only once, as with a real transfer. */
  transferTo(remote: PortRemote): void {
    if (this.remote || this.closed) throw new Error("MessagePortMain was already transferred or closed");
    this.remote = remote;
    this.flush();
    if (this.peerGone) remote.close();
  }

  private receive(data: unknown): void {
    this.queue.push(data);
    this.flush();
  }

  private flush(): void {
    while (this.queue.length > 0 && (this.remote || this.started)) {
      const data = this.queue.shift();
      if (this.remote) this.remote.deliver(data);
      else this.emit("message", { data, ports: [] });
    }
  }

  private peerClosed(): void {
    if (this.closed || this.peerGone) return;
    this.peerGone = true;
    this.peer = undefined;
    this.remote?.close();
    this.emit("close");
  }
}

export class FakeMessageChannelMain implements Pick<RealChannel, "port1" | "port2"> {
  readonly port1 = new FakeMessagePortMain();
  readonly port2 = new FakeMessagePortMain();
  constructor() {
    FakeMessagePortMain.entangle(this.port1, this.port2);
  }
}

export const asFakePort = (port: unknown): FakeMessagePortMain => {
  if (!(port instanceof FakeMessagePortMain)) throw new TypeError("only MessagePortMain objects can be transferred");
  return port;
};
