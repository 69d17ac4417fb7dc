/**
 * The renderer's owner of the direct channel to the extension host.
 *
 * One long-lived fiber runs the lifecycle: connect → serve until the socket closes →
 * drain pending calls with `Disconnected` → reconnect on the backoff schedule → after 30 s
 * without success declare the channel dead and wait for `reconnect`. Calls never wait for a
 * connection: while the channel is down they fail at once, so nothing can hang on it.
 */
import { Clock, Context, Data, Deferred, Effect, Layer, Option, Ref, SubscriptionRef } from "effect";
import { ChannelDead, Disconnected, type CallError } from "../../../protocol/errors.js";
import { negotiatedFeatures, type ConnectionInfo } from "../../../protocol/handshake.js";
import { ChannelContract } from "../../../protocol/contracts/channel.js";
import { proxy } from "../../../protocol/rpc-contract.js";
import { RpcPeer, type Handler } from "../../../protocol/peer.js";
import type { ChannelState } from "./channel-state.js";
import { ConnectionSource, type HostUnavailable } from "./connection-source.js";
import { DEAD_AFTER_MS, reconnectDelayMs, retrySchedule } from "./reconnect-policy.js";
import { OPEN, SocketFactory, type WebSocketLike } from "./socket.js";

export class ConnectFailed extends Data.TaggedError("ConnectFailed")<{ readonly message: string }> {}

export interface SupervisorConfig {
  /** Default per-call limit in ms (0 = none). Calls may pass their own. */
  readonly callTimeoutMs: number;
  /** A single connect attempt that neither opens nor fails within this is abandoned. */
  readonly connectTimeoutMs: number;
  /** Keep-alive ping period while connected. */
  readonly keepAliveMs: number;
  /** An unanswered keep-alive for this long marks the host unresponsive. */
  readonly unresponsiveAfterMs: number;
  readonly maxFrameBytes: number;
}

export const defaultConfig: SupervisorConfig = {
  callTimeoutMs: 60_000,
  connectTimeoutMs: 5_000,
  keepAliveMs: 2_000,
  unresponsiveAfterMs: 3_000,
  maxFrameBytes: 16 * 1024 * 1024,
};

export interface CallOptions {
  readonly timeoutMs?: number;
  /** Aborting it cancels the call: the host gets `$cancel` and the handler's signal fires. */
  readonly signal?: AbortSignal;
}

export interface ChannelStats {
  readonly pending: number;
  readonly malformedFrames: number;
  readonly requestsOut: number;
  readonly requestsIn: number;
}

export class ChannelSupervisor extends Context.Service<
  ChannelSupervisor,
  {
    readonly state: SubscriptionRef.SubscriptionRef<ChannelState>;
    readonly call: (
      method: string,
      params: ReadonlyArray<unknown>,
      options?: CallOptions,
    ) => Effect.Effect<unknown, CallError>;
    readonly notify: (
      method: string,
      params: ReadonlyArray<unknown>,
    ) => Effect.Effect<void, Disconnected | ChannelDead>;
    /** Serves `method` to the extension host, on this and every later connection. */
    readonly register: (method: string, handler: Handler) => Effect.Effect<() => void>;
    /**
     * The connected peer, read synchronously: the client's hot path calls it directly instead of
     * running an Effect per call. Effect still owns its lifecycle (it is set and drained here).
     */
    readonly livePeer: () => RpcPeer | undefined;
    /** Tries at once: skips the rest of the backoff, or leaves the Dead state (main restarted the host). */
    readonly reconnect: Effect.Effect<void>;
    readonly stats: Effect.Effect<ChannelStats>;
  }
>()("renderer/ChannelSupervisor") {}

interface Live {
  readonly peer: RpcPeer;
  readonly socket: WebSocketLike;
  readonly info: ConnectionInfo;
}

const describe = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export const make = (overrides: Partial<SupervisorConfig> = {}) =>
  Effect.gen(function* () {
    const config: SupervisorConfig = { ...defaultConfig, ...overrides };
    const source = yield* ConnectionSource;
    const sockets = yield* SocketFactory;
    const state = yield* SubscriptionRef.make<ChannelState>({ _tag: "Connecting", attempt: 1 });
    const live = yield* Ref.make<Live | undefined>(undefined);
    /** Mirror of `live`'s peer for synchronous reads (see `livePeer`). */
    let livePeer: RpcPeer | undefined;
    const wake = yield* Ref.make<Deferred.Deferred<void> | undefined>(undefined);
    const handlers = new Map<string, Handler>();
    const totals = { malformedFrames: 0, requestsOut: 0, requestsIn: 0 };

    /** One attempt: ask for the current {port, secret}, open a socket, wait for it to open. */
    const openSocket = (info: ConnectionInfo) =>
      Effect.callback<WebSocketLike, ConnectFailed>((resume) => {
        let socket: WebSocketLike;
        try {
          socket = sockets.open(info);
          socket.binaryType = "arraybuffer";
        } catch (e) {
          resume(Effect.fail(new ConnectFailed({ message: describe(e) })));
          return;
        }
        socket.onopen = () => resume(Effect.succeed(socket));
        socket.onerror = () => undefined; // the close event that follows carries the outcome
        socket.onclose = (ev) =>
          resume(
            Effect.fail(
              new ConnectFailed({
                message: `handshake refused or port closed (close code ${ev.code}${ev.reason ? `: ${ev.reason}` : ""})`,
              }),
            ),
          );
        return Effect.sync(() => socket.close());
      }).pipe(
        Effect.timeoutOrElse({
          duration: config.connectTimeoutMs,
          orElse: () => Effect.fail(new ConnectFailed({ message: `no answer within ${config.connectTimeoutMs} ms` })),
        }),
      );

    const connectOnce = (attempt: Ref.Ref<number>) =>
      Effect.gen(function* () {
        const n = yield* Ref.updateAndGet(attempt, (a) => a + 1);
        const current = yield* SubscriptionRef.get(state);
        if (current._tag === "Connecting") yield* SubscriptionRef.set(state, { _tag: "Connecting", attempt: n });
        if (current._tag === "Reconnecting") yield* SubscriptionRef.set(state, { ...current, attempt: n });
        const info = yield* source.get;
        const socket = yield* openSocket(info);
        return { info, socket };
      }).pipe(
        Effect.tapError((e: ConnectFailed | HostUnavailable) =>
          SubscriptionRef.update(state, (s) => (s._tag === "Reconnecting" ? { ...s, lastError: e.message } : s)),
        ),
      );

    /** Serves one open socket until it closes; pending calls are drained afterwards. */
    const serve = ({ info, socket }: { info: ConnectionInfo; socket: WebSocketLike }) =>
      Effect.gen(function* () {
        const sendChecked = (frame: string | Uint8Array): void => {
          if (socket.readyState !== OPEN) throw new Error("socket is not open");
          socket.send(frame);
        };
        const peer = new RpcPeer({
          maxFrameBytes: config.maxFrameBytes,
          ...negotiatedFeatures(socket.protocol),
          logger: { warn: (m) => console.warn(`[channel] ${m}`) },
          send: (frame) => sendChecked(frame),
          sendBinary: (frame) => sendChecked(frame),
        });
        for (const [method, handler] of handlers) peer.register(method, handler);
        socket.onmessage = (ev) => {
          if (typeof ev.data === "string") peer.receive(ev.data);
          else if (ev.data instanceof ArrayBuffer) peer.receiveBinary(new Uint8Array(ev.data));
          else if (ev.data instanceof Uint8Array) peer.receiveBinary(ev.data);
          else peer.rejectFrame("unsupported frame type");
        };
        const since = yield* Clock.currentTimeMillis;
        yield* Ref.set(live, { peer, socket, info });
        livePeer = peer;
        yield* SubscriptionRef.set(state, {
          _tag: "Connected",
          generation: info.generation,
          port: info.port,
          since,
          responsive: true,
        });
        // A host stuck in a synchronous loop keeps its socket open but answers nothing:
        // only an unanswered ping can tell.
        const channel = proxy(peer, ChannelContract);
        const keepAlive = Effect.sleep(config.keepAliveMs).pipe(
          Effect.andThen(Effect.tryPromise(() => channel.ping({ timeoutMs: config.unresponsiveAfterMs }))),
          Effect.match({ onFailure: () => false, onSuccess: () => true }),
          Effect.flatMap((responsive) =>
            SubscriptionRef.update(state, (s) =>
              s._tag === "Connected" && s.responsive !== responsive ? { ...s, responsive } : s,
            ),
          ),
          Effect.forever,
        );
        const closed = Effect.callback<{ code: number; reason: string }>((resume) => {
          socket.onclose = (ev) => resume(Effect.succeed(ev));
        });
        const ev = yield* Effect.raceFirst(closed, Effect.andThen(keepAlive, Effect.never));
        return `connection to the extension host closed (code ${ev.code}${ev.reason ? `: ${ev.reason}` : ""})`;
      }).pipe(
        Effect.ensuring(
          Effect.gen(function* () {
            const current = yield* Ref.getAndSet(live, undefined);
            livePeer = undefined;
            if (!current) return;
            totals.malformedFrames += current.peer.stats.malformedFrames;
            totals.requestsIn += current.peer.stats.requestsIn;
            totals.requestsOut += current.peer.stats.requestsOut;
            // Drain only now that `live` no longer points at this socket: a call racing the
            // drop either failed to write or is failed here, never left waiting.
            current.peer.close("connection to the extension host was lost");
            if (current.socket.readyState === OPEN) current.socket.close(1000, "supervisor stopped");
          }),
        ),
      );

    /**
     * Connect (with retries), serve, repeat. `first` = startup: try at once. Each down phase
     * has a `wake` signal (`reconnect`, e.g. main announcing a restarted host) that skips the
     * remaining backoff and tries immediately — or leaves the Dead state.
     */
    const lifecycle = Effect.gen(function* () {
      let first = true;
      for (;;) {
        const downSince = yield* Clock.currentTimeMillis;
        const attempt = yield* Ref.make(0);
        const woken = yield* Deferred.make<void>();
        yield* Ref.set(wake, woken);
        const scheduled = first
          ? connectOnce(attempt).pipe(Effect.retry(retrySchedule(0)))
          : Effect.sleep(reconnectDelayMs(0)).pipe(
              Effect.andThen(connectOnce(attempt).pipe(Effect.retry(retrySchedule(1)))),
            );
        const immediately = connectOnce(attempt).pipe(Effect.retry(retrySchedule(0)));
        // Only the waiting is raced: on wake the scheduled attempt is interrupted (closing any
        // half-open socket) before a fresh one starts, so two sockets never compete.
        const connect = Effect.raceFirst(
          scheduled.pipe(Effect.map(Option.some)),
          Deferred.await(woken).pipe(Effect.as(Option.none())),
        ).pipe(Effect.flatMap((done) => (Option.isSome(done) ? Effect.succeed(done.value) : immediately)));
        const outcome = yield* connect.pipe(Effect.timeout(DEAD_AFTER_MS), Effect.result);
        if (outcome._tag === "Failure") {
          const reason =
            outcome.failure._tag === "TimeoutError"
              ? `extension host unreachable for ${DEAD_AFTER_MS / 1000} s`
              : outcome.failure.message;
          yield* SubscriptionRef.set(state, { _tag: "Dead", downSince, reason });
          yield* Deferred.await(woken);
          yield* SubscriptionRef.set(state, { _tag: "Connecting", attempt: 1 });
          first = true;
          continue;
        }
        yield* Ref.set(wake, undefined);
        const reason = yield* serve(outcome.success);
        const now = yield* Clock.currentTimeMillis;
        yield* SubscriptionRef.set(state, { _tag: "Reconnecting", attempt: 0, downSince: now, lastError: reason });
        first = false;
      }
    });

    yield* Effect.forkScoped(lifecycle);

    const notConnected = Effect.gen(function* () {
      const s = yield* SubscriptionRef.get(state);
      return s._tag === "Dead"
        ? new ChannelDead({ message: `channel is dead: ${s.reason}` })
        : new Disconnected({ message: "not connected to the extension host (reconnecting)" });
    });

    const call = (method: string, params: ReadonlyArray<unknown>, options: CallOptions = {}) =>
      Effect.gen(function* () {
        const current = yield* Ref.get(live);
        if (!current) return yield* Effect.fail(yield* notConnected);
        const timeoutMs = options.timeoutMs ?? config.callTimeoutMs;
        return yield* Effect.callback<unknown, CallError>((resume, signal) => {
          // Interrupting the fiber aborts `signal`, which makes the peer send `$cancel`; so does
          // the caller's own signal.
          const signals = options.signal ? AbortSignal.any([signal, options.signal]) : signal;
          current.peer.call(method, params, { signal: signals, timeoutMs }).then(
            (value) => resume(Effect.succeed(value)),
            // A rejection that is not one of the protocol's is a bug, not a cancellation.
            (error: unknown) => resume(isCallError(error) ? Effect.fail(error) : Effect.die(error)),
          );
        });
      });

    const notify = (method: string, params: ReadonlyArray<unknown>) =>
      Effect.gen(function* () {
        const current = yield* Ref.get(live);
        if (!current) return yield* Effect.fail(yield* notConnected);
        current.peer.notify(method, params);
      });

    const register = (method: string, handler: Handler) =>
      Effect.gen(function* () {
        handlers.set(method, handler);
        const current = yield* Ref.get(live);
        const unregisterLive = current?.peer.register(method, handler);
        return () => {
          if (handlers.get(method) === handler) handlers.delete(method);
          unregisterLive?.();
        };
      });

    const reconnect = Effect.gen(function* () {
      const d = yield* Ref.get(wake);
      if (d) yield* Deferred.succeed(d, undefined);
    });

    const stats = Effect.gen(function* () {
      const current = yield* Ref.get(live);
      return {
        pending: current?.peer.pendingCount ?? 0,
        malformedFrames: totals.malformedFrames + (current?.peer.stats.malformedFrames ?? 0),
        requestsOut: totals.requestsOut + (current?.peer.stats.requestsOut ?? 0),
        requestsIn: totals.requestsIn + (current?.peer.stats.requestsIn ?? 0),
      };
    });

    return ChannelSupervisor.of({ state, call, notify, register, reconnect, stats, livePeer: () => livePeer });
  });

const CALL_ERROR_TAGS = new Set([
  "Disconnected",
  "RemoteError",
  "CallTimeout",
  "CallCancelled",
  "ChannelDead",
  "PayloadTooLarge",
  "EncodeFailed",
]);
const isCallError = (e: unknown): e is CallError =>
  typeof e === "object" && e !== null && CALL_ERROR_TAGS.has((e as { _tag?: string })._tag ?? "");

export const layer = (config: Partial<SupervisorConfig> = {}) => Layer.effect(ChannelSupervisor, make(config));
