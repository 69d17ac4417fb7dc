/**
 * When to try again after the channel drops: 100 ms, 200 ms, 400 ms, 1 s, 2 s, then every
 * 5 s, and give up 30 s after the drop. One table drives both the Schedule and the UI's
 * "next attempt in …" hint, so they cannot disagree.
 */
import { Duration, Effect, Schedule } from "effect";

export const BACKOFF_MS = [100, 200, 400, 1_000, 2_000] as const;
export const STEADY_RETRY_MS = 5_000;
export const DEAD_AFTER_MS = 30_000;

/** Gap before reconnect attempt `n` (0 = the first attempt after a drop). */
export const reconnectDelayMs = (n: number): number => BACKOFF_MS[n] ?? STEADY_RETRY_MS;

/**
 * Delays between *retries* of the connect step. `firstGap` is the index in the table of the
 * gap after the first failure: the initial connect tries at once (gap 0 → 100 ms next),
 * while a reconnect has already waited 100 ms before its first try (so it continues at 200).
 */
export const retrySchedule = (firstGap: number): Schedule.Schedule<number> =>
  Schedule.spaced(STEADY_RETRY_MS).pipe(
    // Schedule metadata counts attempts from 1.
    Schedule.modifyDelay(({ attempt }) => Effect.succeed(Duration.millis(reconnectDelayMs(firstGap + attempt - 1)))),
  );
