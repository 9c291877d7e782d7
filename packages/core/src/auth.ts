import { ConfigError } from "./errors.js";
import type { KnownSecret } from "./redact.js";
import type { RequestOptions } from "./request-options.js";

export type SecretSource = string | (() => string | Promise<string>);

/** Adds credentials to each attempt's headers and names the secrets that must be redacted. */
export interface Auth {
  apply(headers: Headers): void | Promise<void>;
  /** Current secret values, so error messages and logs can mask them even when echoed back. */
  secrets(): readonly KnownSecret[];
  /**
   * Runs before each attempt, outside its deadline: sign in when there is no session yet, renew
   * credentials about to expire. Its errors end the call (a refused login is not retried).
   */
  refresh?(options: RequestOptions): Promise<void> | undefined;
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

export function bearerAuth(token: SecretSource): Auth {
  return headerAuth("Authorization", token, { prefix: "Bearer" });
}

export const noAuth: Auth = { apply: () => undefined, secrets: () => [] };
