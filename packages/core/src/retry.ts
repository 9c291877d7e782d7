import type { ClientCalls } from "./auth.js";
import { isTlsErrorCode } from "./connection-failure.js";
import { ApiError, ConnectionError, TimeoutError } from "./errors.js";

/** Retries after the first attempt when neither the client nor the call sets `maxRetries`. */
export const DEFAULT_MAX_RETRIES = 2;
/** Longest `Retry-After` the SDK waits for (60 s); a longer one ends the call with the error. */
const MAX_RETRY_AFTER_MS = 60_000;

const IDEMPOTENT_METHODS = new Set(["GET", "HEAD", "PUT", "DELETE", "OPTIONS"]);
const RETRYABLE_STATUSES = new Set([408, 425, 429, 500, 502, 503, 504]);

/** True for GET, HEAD, PUT, DELETE and OPTIONS (any case): safe to send twice. */
function isIdempotentMethod(method: string): boolean {
  return IDEMPOTENT_METHODS.has(method.toUpperCase());
}

/** True for 408, 425, 429, 500, 502, 503 and 504. */
function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUSES.has(status);
}

/** What {@link shouldRetry} needs to know about the request. */
export interface RetryContext {
  /** HTTP method of the request. */
  method: string;
  /** The caller supplied an idempotency key to an API declared to deduplicate by key. */
  hasIdempotencyKey: boolean;
}

/**
 * Decides whether an attempt's failure may be repeated. A POST that may have reached the server
 * (timeout, reset, 5xx) is never repeated unless the API deduplicates it by key: repeating it
 * could open a door twice.
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

/** The shape of an exponential backoff: `min(initial · 2^n, max)`, then jittered. */
export interface BackoffShape {
  /** Delay before the first retry, before jitter. */
  initialMs: number;
  /** Longest delay, before jitter. */
  maxMs: number;
  /** `"full"`: uniform in [0, delay]; a ratio r: shortened by up to r·delay. */
  jitter: "full" | number;
}

/** The transport's own backoff: 0.5 s, 1 s, 2 s … 8 s, shortened by up to 25 % so clients spread out. */
const DEFAULT_BACKOFF: BackoffShape = { initialMs: 500, maxMs: 8_000, jitter: 0.25 };

/** The one backoff implementation of every SDK; vendors choose a shape, never a formula. */
export function backoffDelay(retryIndex: number, random: () => number = Math.random, shape: BackoffShape = DEFAULT_BACKOFF): number {
  const ceiling = Math.min(shape.initialMs * 2 ** retryIndex, shape.maxMs);
  const factor = shape.jitter === "full" ? random() : 1 - shape.jitter * random();
  return Math.round(ceiling * factor);
}

/**
 * The server's `Retry-After` wins when it is sane (≤ 60 s); undefined when it asked for longer,
 * which the caller must not sleep through nor ignore; otherwise our own backoff.
 */
export function retryDelay(retryIndex: number, retryAfterMs: number | undefined, random?: () => number): number | undefined {
  if (retryAfterMs !== undefined) return retryAfterMs <= MAX_RETRY_AFTER_MS ? retryAfterMs : undefined;
  return backoffDelay(retryIndex, random);
}

/**
 * How a vendor goes again after a refusal that proves nothing ran ("too many executions",
 * "not authenticated"). Counted per reason, separately from the transport's `maxRetries`.
 */
export interface RetryProfile {
  /** Resends after the first attempt for this reason. */
  maxRetries: number;
  /** Delay between resends for this reason. */
  backoff: BackoffShape;
  /** Wall-clock budget from the first attempt: no resend whose wait would end past it. */
  budgetMs?: number | undefined;
  /**
   * Runs before the resend (log in again, register a new listener). Returns a replacement
   * request when the old one cannot be sent again as is; throwing ends the call with that error.
   * `calls` is the client's ways to send (to log in or register again).
   */
  prepare?(error: unknown, request: Request, calls: ClientCalls): Promise<Request | undefined>;
}

/**
 * A vendor's hook into the one retry loop: names the reason when the server refused the request
 * before anything ran. Such a request is safe to resend whatever its method.
 */
export interface RefusalPolicy {
  /** The refusal reason (a key of `profiles`) when `error` proves nothing ran; undefined otherwise. */
  classify(error: unknown, request: Request): string | undefined;
  /** How to go again, per reason. */
  profiles: Readonly<Record<string, RetryProfile>>;
}
