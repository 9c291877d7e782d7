import type { Middleware } from "./middleware.js";

/** `null` removes a header the client would otherwise send. */
export type HeaderValues = Record<string, string | null | undefined>;

/** The last, optional argument of every public SDK method. */
export interface RequestOptions {
  /** Cancels the call, including any wait between retries. */
  signal?: AbortSignal | undefined;
  /** Per-attempt timeout in milliseconds. */
  timeout?: number | undefined;
  /** Retries after the first attempt; 0 disables retrying. */
  maxRetries?: number | undefined;
  /** Extra headers for this call; `null` removes one the client would send. */
  headers?: HeaderValues | undefined;
  /**
   * Only for APIs declared to deduplicate requests by key: there it is sent as the idempotency
   * header and lets a POST/PATCH be resent. Every other API never receives it and it never
   * makes a resend safe (the SDK logs one warning per client).
   */
  idempotencyKey?: string | undefined;
  /** Largest 2xx body accepted, in bytes (the client's default otherwise, 32 MiB unless set). */
  maxResponseBytes?: number | undefined;
  /** Runs after the client-wide middleware, once per attempt. */
  middleware?: readonly Middleware[] | undefined;
}
