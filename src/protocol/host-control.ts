/**
 * Messages on the private main ⇄ extension-host channel (Electron's parentPort, or Node's
 * fork IPC where Electron is absent). Never exposed to the renderer.
 */
import { Schema } from "effect";

export const HostReady = Schema.Struct({ type: Schema.Literal("ready"), port: Schema.Int });
export const HostFatal = Schema.Struct({ type: Schema.Literal("fatal"), message: Schema.String });
/**
 * One RPC frame relayed through main: the classic renderer → main → extension host path,
 * kept so the IPC profiler can compare it with the direct channel.
 */
export const RelayFrame = Schema.Struct({ type: Schema.Literal("rpc"), frame: Schema.String });
export type RelayFrame = typeof RelayFrame.Type;
export const HostToMain = Schema.Union([HostReady, HostFatal, RelayFrame]);
export type HostToMain = typeof HostToMain.Type;

export const Shutdown = Schema.Struct({ type: Schema.Literal("shutdown") });
/** Electron only: a MessagePort for the renderer travels in this message's transfer list. */
export const OpenPort = Schema.Struct({ type: Schema.Literal("port") });
export const MainToHost = Schema.Union([Shutdown, RelayFrame, OpenPort]);
export type MainToHost = typeof MainToHost.Type;

export const decodeHostToMain = Schema.decodeUnknownOption(HostToMain);
export const decodeMainToHost = Schema.decodeUnknownOption(MainToHost);
