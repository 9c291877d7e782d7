import { ConfigError } from "./errors.js";
import { isHeaderSafeToken, kindOf } from "./guards.js";
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
  call(
    id: string,
    input: { path?: object; query?: object; body?: unknown },
    options?: RequestOptions,
  ): Promise<{
    /** The parsed body. */
    body: unknown;
    /** The answer's status and headers; its body is already read. */
    response: Response;
  }>;
  /** A `fetch` for another origin (an identity provider): none of the client's credentials, headers or middleware. */
  foreignFetch(options?: RequestOptions): (input: Request) => Promise<Response>;
  /** The client's logger. */
  readonly logger: Logger;
}

/** A credential trimmed, or a ConfigError naming `what` when it is not safe to send in a header as it is. */
function checkedSecret(value: unknown, what: string): string {
  const trimmed = typeof value === "string" ? value.trim() : "";
  if (!isHeaderSafeToken(trimmed)) throw new ConfigError(`${what} must be a non-empty string without whitespace or control characters, got ${kindOf(value)}`);
  return trimmed;
}

/**
 * A credential source as given, checked once, before anything is sent: a function is kept (its
 * answers are checked by {@link resolveSecret}); a string is trimmed and must be safe to send in a
 * header as it is. Anything else, or a string that is empty or holds whitespace or control
 * characters inside (a pasted newline), is a ConfigError naming `what`.
 */
export function checkedSecretSource(source: SecretSource, what: string): SecretSource {
  return typeof source === "function" ? source : checkedSecret(source, what);
}

/** The current secret of a source, trimmed; a callback's answer is checked like a fixed one (ConfigError naming `what`). */
export async function resolveSecret(source: SecretSource, what: string): Promise<string> {
  return typeof source === "function" ? checkedSecret(await source(), `${what} callback's answer`) : checkedSecret(source, what);
}

/**
 * Sends a credential in one header, e.g. `Authorization: Bearer <token>` or `X-API-Key: <key>`.
 * A function source is called per attempt so rotated tokens are picked up on retries.
 * @throws {ConfigError} when a fixed credential is empty or holds whitespace or control characters
 * (a callback's answer is checked per attempt, before the request is sent).
 */
export function headerAuth(headerName: string, source: SecretSource, options: { prefix?: string } = {}): Auth {
  const what = `The credential for ${headerName}`;
  const checked = checkedSecretSource(source, what);
  const format = (secret: string) => (options.prefix ? `${options.prefix} ${secret}` : secret);
  if (typeof checked === "string") {
    // A fixed credential is applied synchronously: no promise on the hot path.
    const value = format(checked);
    const secrets = [checked];
    return { apply: (headers) => headers.set(headerName, value), secrets: () => secrets };
  }
  let lastKnown: string | undefined;
  return {
    async apply(headers) {
      lastKnown = await resolveSecret(checked, what);
      headers.set(headerName, format(lastKnown));
    },
    secrets: () => (lastKnown ? [lastKnown] : []),
  };
}

/**
 * `Authorization: Bearer <token>`.
 * @throws {ConfigError} when a fixed token is empty or holds whitespace or control characters.
 */
export function bearerAuth(token: SecretSource): Auth {
  return headerAuth("Authorization", token, { prefix: "Bearer" });
}

/** Sends no credentials. */
export const noAuth: Auth = { apply: () => undefined, secrets: () => [] };
