/**
 * Loaded (`--import`) into every fake utility process before its module: gives it Electron's
 * `process.parentPort` (with transferred MessagePorts) over the fork IPC channel, and takes
 * `process.send` away, as a real utility process has none.
 */
import { EventEmitter } from "node:events";
import { decodeUtilityWire, type UtilityWire } from "./wire.js";

const send = process.send?.bind(process);
if (!send) throw new Error("fake utility process: started without an IPC channel");
const post = (m: UtilityWire): void => void send(m);

class ChildPort extends EventEmitter {
  private started = false;
  private readonly queue: unknown[] = [];
  constructor(readonly id: number) {
    super();
  }
  postMessage(data: unknown): void {
    post({ fake: "port-message", port: this.id, data });
  }
  start(): void {
    this.started = true;
    for (const data of this.queue.splice(0)) this.emit("message", { data, ports: [] });
  }
  close(): void {
    ports.delete(this.id);
    post({ fake: "port-close", port: this.id });
  }
  deliver(data: unknown): void {
    if (this.started) this.emit("message", { data, ports: [] });
    else this.queue.push(data);
  }
}

const ports = new Map<number, ChildPort>();
const parentPort = new EventEmitter() as EventEmitter & { postMessage(message: unknown): void };
parentPort.postMessage = (data) => post({ fake: "message", data, ports: [] });

process.on("message", (raw) => {
  const wire = decodeUtilityWire(raw);
  if (wire._tag === "None") return;
  const m = wire.value;
  if (m.fake === "message") {
    const transferred = m.ports.map((id) => {
      const port = new ChildPort(id);
      ports.set(id, port);
      return port;
    });
    parentPort.emit("message", { data: m.data, ports: transferred });
  } else if (m.fake === "port-message") ports.get(m.port)?.deliver(m.data);
  else {
    ports.get(m.port)?.emit("close");
    ports.delete(m.port);
  }
});
// Electron kills utility processes with the app; the IPC channel closing is that moment here.
process.on("disconnect", () => process.exit(0));
Object.defineProperty(process, "parentPort", { value: parentPort });
Reflect.deleteProperty(process, "send");
