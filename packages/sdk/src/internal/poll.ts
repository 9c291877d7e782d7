import { sleep } from "@openapp/core";

/** How a job is polled: the first wait, the factor between waits, the longest wait and the overall ceiling. */
export interface PollSchedule {
  /** Wait before the first poll, in milliseconds. */
  initialDelayMs: number;
  /** The longest wait between two polls, in milliseconds. */
  maxDelayMs: number;
  /** Give up after this long, in milliseconds (undefined: never). */
  timeoutMs?: number | undefined;
}

/** What a poll ended with: the last state seen, and whether the ceiling passed first. */
export interface PollOutcome<T> {
  value: T;
  timedOut: boolean;
}

/**
 * Loads `load()` after each wait (doubling from `initialDelayMs` up to `maxDelayMs`) until `done`
 * says so or the ceiling passes; `signal` aborts the waits and the loads.
 */
export async function pollUntil<T>(
  load: () => Promise<T>,
  done: (value: T) => boolean,
  schedule: PollSchedule,
  signal?: AbortSignal,
  onProgress?: (value: T) => void,
): Promise<PollOutcome<T>> {
  const deadline = schedule.timeoutMs === undefined ? Number.POSITIVE_INFINITY : Date.now() + schedule.timeoutMs;
  let delay = schedule.initialDelayMs;
  for (;;) {
    await sleep(Math.min(delay, Math.max(0, deadline - Date.now())), signal);
    const value = await load();
    onProgress?.(value);
    if (done(value)) return { value, timedOut: false };
    if (Date.now() >= deadline) return { value, timedOut: true };
    delay = Math.min(delay * 2, schedule.maxDelayMs);
  }
}
