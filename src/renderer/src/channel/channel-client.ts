/**
 * A Promise-shaped view of the ChannelSupervisor for React and for the dev console.
 * Effect stays the owner of the connection; this only runs effects in its runtime.
 */
import { Effect, Layer, ManagedRuntime, Stream, SubscriptionRef } from "effect";
import type { ConnectionInfo } from "../../../protocol/handshake.js";
import type { Handler } from "../../../protocol/peer.js";
import { LatencyWindow, type WindowStats } from "../profiler/latency-window.js";
import type { ChannelState } from "./channel-state.js";
import { ConnectionSource, connectionSourceFromPromise } from "./connection-source.js";
import { SocketFactory, type WebSocketLike } from "./socket.js";
import * as Supervisor from "./supervisor.js";

export interface ChannelClient {
  readonly state: () => ChannelState;
  readonly subscribe: (listener: (state: ChannelState) => void) => () => void;
  /** Rejects with one of the protocol's tagged errors (`_tag`: Disconnected, RemoteError, …). */
  readonly call: (method: string, params: ReadonlyArray<unknown>, options?: CallOptions) => Promise<unknown>;
  readonly notify: (method: string, params: ReadonlyArray<unknown>) => Promise<void>;
  readonly register: (method: string, handler: Handler) => Promise<() => void>;
  readonly reconnect: () => Promise<void>;
  readonly stats: () => Promise<Supervisor.ChannelStats>;
  /** Calls/s and latency percentiles of this session's real traffic over the last 5 s. */
  readonly liveStats: () => WindowStats;
  readonly dispose: () => Promise<void>;
}

/** `signal` aborts the call: the fiber is interrupted, which sends `$cancel` to the host. */
export interface CallOptions extends Supervisor.CallOptions {
  readonly signal?: AbortSignal;
}

export interface ChannelClientOptions {
  readonly getConnectionInfo: () => Promise<ConnectionInfo>;
  readonly openSocket: (info: ConnectionInfo) => WebSocketLike;
  readonly config?: Partial<Supervisor.SupervisorConfig>;
}

export const createChannelClient = async (options: ChannelClientOptions): Promise<ChannelClient> => {
  const layer = Supervisor.layer(options.config).pipe(
    Layer.provide(Layer.succeed(ConnectionSource, connectionSourceFromPromise(options.getConnectionInfo))),
    Layer.provide(Layer.succeed(SocketFactory, { open: options.openSocket })),
  );
  const runtime = ManagedRuntime.make(layer);
  const supervisor = await runtime.runPromise(
    Effect.gen(function* () {
      return yield* Supervisor.ChannelSupervisor;
    }),
  );
  let current = await runtime.runPromise(SubscriptionRef.get(supervisor.state));
  const listeners = new Set<(state: ChannelState) => void>();
  runtime.runFork(
    Stream.runForEach(SubscriptionRef.changes(supervisor.state), (s) =>
      Effect.sync(() => {
        current = s;
        for (const l of listeners) l(s);
      }),
    ),
  );
  const meter = new LatencyWindow();
  const defaultTimeoutMs = { ...Supervisor.defaultConfig, ...options.config }.callTimeoutMs;
  return {
    liveStats: () => meter.stats(performance.now()),
    state: () => current,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    call: (method, params, callOptions = {}) => {
      const started = performance.now();
      const record = () => meter.record(performance.now(), (performance.now() - started) * 1000);
      // Hot path: straight to the connected peer. Only when there is none does an Effect run,
      // to fail with Disconnected or ChannelDead as the supervisor's state says.
      const peer = supervisor.livePeer();
      const result = peer
        ? peer.call(method, params, {
            timeoutMs: callOptions.timeoutMs ?? defaultTimeoutMs,
            ...(callOptions.signal ? { signal: callOptions.signal } : {}),
          })
        : runtime.runPromise(supervisor.call(method, params, callOptions));
      result.then(record, record);
      return result;
    },
    notify: (method, params) => {
      const peer = supervisor.livePeer();
      if (peer) {
        peer.notify(method, params);
        return Promise.resolve();
      }
      return runtime.runPromise(supervisor.notify(method, params));
    },
    register: (method, handler) => runtime.runPromise(supervisor.register(method, handler)),
    reconnect: () => runtime.runPromise(supervisor.reconnect),
    stats: () => runtime.runPromise(supervisor.stats),
    dispose: () => runtime.dispose(),
  };
};
