import { ConfigError } from "./errors.js";
import type { Logger } from "./logger.js";
import type { KnownSecret } from "./redact.js";
import type { RequestOptions } from "./request-options.js";

/** A secret, or a function returning the current one (for tokens that are refreshed). */
export type SecretSource = string | (() => string | Promise<string>);

/** Adds credentials to each attempt's headers and names the secrets that must be redacted. */
export interface Auth {
  /** Sets the credentials on one attempt's request headers. */
  apply(headers: Headers): void | Promise<void>;
  /** Current secret values, so error messages and logs can mask them even when echoed back. */
  secrets(): readonly KnownSecret[];
  /**
   * Runs before each attempt, outside its deadline: sign in when there is no session yet, renew
   * credentials about to expire. Its errors end the call (a refused login is not retried).
   */
  refresh?(options: RequestOptions, calls: ClientCalls): Promise<void> | undefined;
}

/**
 * The client's ways to send, handed by core to `Auth.refresh` and to a refusal profile's `prepare`
 * when it calls them, so neither needs a client wired to it after construction.
 */
export interface ClientCalls {
  /** Sends one operation of the client's table (anonymously when its row needs no credentials). */
  call(id: string, input: { path?: object; query?: object; body?: unknown }, options?: RequestOptions): Promise<{ body: unknown; response: Response }>;
  /** A `fetch` for another origin (an identity provider): none of the client's credentials, headers or middleware. */
  foreignFetch(options?: RequestOptions): (input: Request) => Promise<Response>;
  /** The client's logger. */
  readonly logger: Logger;
}

async function resolveSecret(source: SecretSource, label: string): Promise<string> {
  const value = typeof source === "function" ? await source() : source;
  if (typeof value !== "string" || value.trim() === "") throw new ConfigError(`${label} is empty`);
  return value;
}

/**
 * Sends a credential in one header, e.g. `Authorization: Bearer <token>` or `X-API-Key: <key>`.
 * A function source is called per attempt so rotated tokens are picked up on retries.
 */
export function headerAuth(headerName: string, source: SecretSource, options: { prefix?: string } = {}): Auth {
  const format = (secret: string) => (options.prefix ? `${options.prefix} ${secret}` : secret);
  if (typeof source === "string" && source.trim() !== "") {
    // A fixed credential is applied synchronously: no promise on the hot path.
    const value = format(source);
    return { apply: (headers) => headers.set(headerName, value), secrets: () => [source] };
  }
  let lastKnown = typeof source === "string" ? source : undefined;
  return {
    async apply(headers) {
      lastKnown = await resolveSecret(source, `Credential for ${headerName}`);
      headers.set(headerName, format(lastKnown));
    },
    secrets: () => (lastKnown ? [lastKnown] : []),
  };
}

/** `Authorization: Bearer <token>`. */
export function bearerAuth(token: SecretSource): Auth {
  return headerAuth("Authorization", token, { prefix: "Bearer" });
}

/** Sends no credentials. */
export const noAuth: Auth = { apply: () => undefined, secrets: () => [] };
