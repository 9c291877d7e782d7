import { type RequestOptions, ValidationError, checkedRequestOptions, readingInput, shown, sleep } from "@openapp/core";

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

/** The polling options a helper takes besides its request options. */
export interface PollingOptions {
  initialDelayMs?: number | undefined;
  maxDelayMs?: number | undefined;
  timeoutMs?: number | undefined;
}

/**
 * Splits a helper's options into its poll schedule (defaults filled in, each a positive number)
 * and checked request options; anything unreadable or wrong is an SdkError before any request.
 */
export function splitPollingOptions<O extends PollingOptions & RequestOptions>(
  options: O | undefined,
  defaults: PollSchedule,
  what: string,
): { schedule: PollSchedule; rest: Omit<O, keyof PollingOptions> } {
  const { initialDelayMs, maxDelayMs, timeoutMs, ...rest } = readingInput(`${what} options`, () => ({ ...(options ?? {}) })) as O;
  const schedule = {
    initialDelayMs: initialDelayMs ?? defaults.initialDelayMs,
    maxDelayMs: maxDelayMs ?? defaults.maxDelayMs,
    timeoutMs: timeoutMs ?? defaults.timeoutMs,
  };
  for (const [name, value] of Object.entries(schedule)) {
    if (value !== undefined && !(typeof value === "number" && value > 0 && Number.isFinite(value))) {
      throw new ValidationError(`${what}: ${name} must be a positive number of milliseconds, got ${shown(value)}`);
    }
  }
  const { onProgress, ...request } = rest as { onProgress?: unknown } & RequestOptions;
  if (onProgress !== undefined && typeof onProgress !== "function") throw new ValidationError(`${what}: onProgress must be a function`);
  checkedRequestOptions(request, what);
  return { schedule, rest };
}
