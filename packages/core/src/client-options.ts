import type { KitOptions, VendorDeclaration } from "./client-kit.js";
import { assertKnownOptions } from "./known-keys.js";
import type { Logger } from "./logger.js";
import type { Middleware } from "./middleware.js";
import type { FetchLike } from "./transport.js";

/**
 * The options every client takes, whatever the vendor. A façade's options extend this and add
 * their own (credentials, base URL); {@link commonKitOptions} hands these on to the kit.
 */
export interface CommonClientOptions {
  /** Per-attempt timeout in milliseconds (default 30 000). */
  timeout?: number | undefined;
  /** Retries of requests that are safe to repeat (default 2); an action is never resent once it may have arrived. */
  maxRetries?: number | undefined;
  /** The `fetch` to send with; the global one by default. */
  fetch?: FetchLike | undefined;
  /** Runs once per attempt around every request and sees it authenticated (logging, tracing, extra headers). */
  middleware?: readonly Middleware[] | undefined;
  /** Silent by default; the vendor's log variable (`OPENAPP_LOG`, `OMLET_LOG`, `OVERKIZ_LOG` = `debug`) prints each request. */
  logger?: Logger | undefined;
  /** Extra headers sent on every request. */
  headers?: Record<string, string> | undefined;
  /**
   * Check every answer against the spec's generated zod schema (default false); a mismatch is a
   * ValidationError naming the operation and the JSON path. The schemas load on first use.
   */
  validateResponses?: boolean | undefined;
}

const COMMON_CLIENT_OPTION_KEYS: readonly string[] = Object.keys({
  timeout: 1, maxRetries: 1, fetch: 1, middleware: 1, logger: 1, headers: 1, validateResponses: 1,
} satisfies Record<keyof CommonClientOptions, 1>);

/** The common options as the kit takes them; a façade adds base URL and credentials (and may wrap `fetch`). */
export function commonKitOptions(options: CommonClientOptions): Pick<KitOptions, keyof CommonClientOptions> {
  const { timeout, maxRetries, fetch, middleware, logger, headers, validateResponses } = options;
  return { timeout, maxRetries, fetch, middleware, logger, headers, validateResponses };
}

/**
 * Refuses options no client of this vendor reads (`<name>Client`): the common ones and `ownKeys`
 * are known; an unknown one is a ConfigError suggesting the nearest name or the vendor's alias.
 */
export function assertKnownClientOptions(options: unknown, vendor: Pick<VendorDeclaration<never, unknown>, "name" | "aliases">, ownKeys: readonly string[]): void {
  assertKnownOptions(options, [...COMMON_CLIENT_OPTION_KEYS, ...ownKeys], `${vendor.name}Client`, vendor.aliases);
}
