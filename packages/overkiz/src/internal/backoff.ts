import { type Logger, sleep } from "@openapp/core";

/** A retry policy on top of core's transport retries, for refusals only Overkiz can explain. */
export interface BackoffPolicy {
  /** Used in log lines. */
  name: string;
  /** Failures worth another attempt. */
  retryOn(error: unknown): boolean;
  /** Attempts in total, the first included. */
  maxTries: number;
  /** Wall-clock budget: no attempt starts once a wait would end past it. */
  maxTimeMs: number;
}

export interface BackoffEnvironment {
  signal?: AbortSignal | undefined;
  logger: Logger;
  /** Uniform in [0, 1); injectable for deterministic tests. */
  random: () => number;
  /** Milliseconds since the epoch. */
  now: () => number;
}

const FIRST_CEILING_MS = 1_000;
const MAX_CEILING_MS = 60_000;

/** Exponential ceilings 1, 2, 4, 8 … s with full jitter: spread clients that were refused together. */
export function fullJitterDelay(retryIndex: number, random: () => number): number {
  return Math.round(random() * Math.min(FIRST_CEILING_MS * 2 ** retryIndex, MAX_CEILING_MS));
}

/** Runs `operation`, repeating it after a jittered wait while `policy` accepts the failure. */
export async function retryWithBackoff<T>(operation: () => Promise<T>, policy: BackoffPolicy, env: BackoffEnvironment): Promise<T> {
  const startedAt = env.now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (!policy.retryOn(error) || attempt >= policy.maxTries) throw error;
      const delayMs = fullJitterDelay(attempt - 1, env.random);
      if (env.now() - startedAt + delayMs > policy.maxTimeMs) throw error;
      env.logger.debug(`${policy.name}: retrying`, { attempt, delayMs, reason: error instanceof Error ? error.name : String(error) });
      await sleep(delayMs, env.signal);
    }
  }
}
