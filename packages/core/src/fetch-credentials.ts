import { ConfigError } from "./errors.js";
import type { FetchCredentials } from "./fetch-types.js";
import type { FetchLike } from "./transport.js";

const MODES: ReadonlySet<string> = new Set<FetchCredentials>(["include", "omit", "same-origin"]);

/**
 * Wraps a `fetch` so every request it sends carries `RequestInit.credentials`. In a browser,
 * `"include"` makes the browser store and send cookies across origins, which a cookie session
 * on another origin needs (the server must answer with `Access-Control-Allow-Credentials: true`
 * and a non-wildcard `Access-Control-Allow-Origin`). Server runtimes accept and ignore the mode.
 *
 * Returns `fetchImpl` unchanged when `credentials` is undefined; refuses an unknown mode with
 * `ConfigError`. Without `fetchImpl`, the global `fetch` is looked up per call.
 */
export function withFetchCredentials(fetchImpl: FetchLike | undefined, credentials: FetchCredentials | undefined): FetchLike | undefined {
  if (credentials === undefined) return fetchImpl;
  if (typeof credentials !== "string" || !MODES.has(credentials)) {
    throw new ConfigError(`fetchCredentials must be "include", "omit" or "same-origin", got ${JSON.stringify(credentials)}`);
  }
  return (request, init) => {
    const send = fetchImpl ?? (globalThis.fetch as FetchLike | undefined);
    if (!send) return Promise.reject(new ConfigError("No fetch implementation available; pass `fetch` in the client options"));
    return send(request, { ...init, credentials });
  };
}
