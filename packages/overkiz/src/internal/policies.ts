import {
  InvalidEventListenerIdError,
  NoRegisteredEventListenerError,
  TooManyConcurrentRequestsError,
  TooManyExecutionsError,
} from "../errors.js";
import type { BackoffPolicy } from "./backoff.js";

/** Event calls hitting the per-session concurrency limit; nothing happened server-side. */
export const CONCURRENT_REQUESTS_POLICY: BackoffPolicy = {
  name: "too many concurrent requests",
  retryOn: (error) => error instanceof TooManyConcurrentRequestsError,
  maxTries: 5,
  maxTimeMs: 120_000,
};

/**
 * "Server busy (Too many executions)" is a refusal before anything ran, so resending the
 * execution cannot run it twice. EXEC_QUEUE_FULL is not retried: the gateway queue only drains
 * as executions finish, so the caller should batch instead.
 */
export const TOO_MANY_EXECUTIONS_POLICY: BackoffPolicy = {
  name: "too many executions",
  retryOn: (error) => error instanceof TooManyExecutionsError,
  maxTries: 5,
  maxTimeMs: 300_000,
};

/** The listener expired (idle or gateway reboot); a new one is registered once. */
export function isListenerGone(error: unknown): boolean {
  return error instanceof InvalidEventListenerIdError || error instanceof NoRegisteredEventListenerError;
}
