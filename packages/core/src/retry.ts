import { isTlsErrorCode } from "./connection-failure.js";
import { ApiError, ConnectionError, TimeoutError } from "./errors.js";

export const DEFAULT_MAX_RETRIES = 2;
export const MAX_RETRY_AFTER_MS = 60_000;
const INITIAL_BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 8_000;
const JITTER_RATIO = 0.25;

const IDEMPOTENT_METHODS = new Set(["GET", "HEAD", "PUT", "DELETE", "OPTIONS"]);
const RETRYABLE_STATUSES = new Set([408, 425, 429, 500, 502, 503, 504]);

export function isIdempotentMethod(method: string): boolean {
  return IDEMPOTENT_METHODS.has(method.toUpperCase());
}

export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUSES.has(status);
}

export interface RetryContext {
  method: string;
  /** The caller supplied an idempotency key, so the server deduplicates repeats. */
  hasIdempotencyKey: boolean;
}

/**
 * Decides whether an attempt's failure may be repeated. A POST that reached the server
 * (timeout, reset, 5xx) is never repeated without an idempotency key: repeating it could
 * open a door twice.
 */
export function shouldRetry(error: unknown, context: RetryContext): boolean {
  if (!isRetryableFailure(error)) return false;
  if (isIdempotentMethod(context.method) || context.hasIdempotencyKey) return true;
  return error instanceof ConnectionError && error.neverSent;
}

function isRetryableFailure(error: unknown): boolean {
  if (error instanceof ApiError) return isRetryableStatus(error.status);
  // Certificate problems do not fix themselves between attempts.
  if (error instanceof ConnectionError) return !isTlsErrorCode(error.code);
  return error instanceof TimeoutError;
}

/** Parses `Retry-After` as delta-seconds or an HTTP date; undefined when absent or unparseable. */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (value == null || value.trim() === "") return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  // Date.parse accepts "-3" as a year; an HTTP date always names its weekday and month.
  if (!/[a-z]/i.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** Exponential backoff `min(0.5 s · 2^n, 8 s)`, shortened by up to 25 % so clients spread out. */
export function backoffDelay(retryIndex: number, random: () => number = Math.random): number {
  const base = Math.min(INITIAL_BACKOFF_MS * 2 ** retryIndex, MAX_BACKOFF_MS);
  return Math.round(base * (1 - JITTER_RATIO * random()));
}

/** The server's `Retry-After` wins when it is sane (≤ 60 s); otherwise our own backoff. */
export function retryDelay(retryIndex: number, retryAfterMs: number | undefined, random?: () => number): number {
  if (retryAfterMs !== undefined && retryAfterMs <= MAX_RETRY_AFTER_MS) return retryAfterMs;
  return backoffDelay(retryIndex, random);
}
