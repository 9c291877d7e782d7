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
  headers?: HeaderValues | undefined;
  /**
   * Sent as the idempotency header. Supplying one tells the SDK the server deduplicates
   * repeats, which is what allows POST and PATCH to be retried after they reached it.
   */
  idempotencyKey?: string | undefined;
  /** Runs after the client-wide middleware, once per attempt. */
  middleware?: readonly Middleware[] | undefined;
}
