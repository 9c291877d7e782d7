import {
  ConfigError,
  type Logger,
  type Middleware,
  type RequestOptions,
  Transport,
  type TransportFetch,
  bearerAuth,
  normalizeBaseUrl,
  readEnv,
  resolveLogger,
} from "@openapp/core";
import { type OmletRawClient, createOmletRawClient, omletDefaultBaseUrl } from "@openapp/omlet-generated";
import { omletErrorMapper } from "./errors.js";

export const DEFAULT_BASE_URL = omletDefaultBaseUrl ?? "https://x107.omlet.co.uk/api/v1";
const API_KEY_ENV = "OMLET_API_KEY";

export interface OmletClientOptions {
  /** Bearer API key; defaults to the `OMLET_API_KEY` environment variable. */
  apiKey?: string | undefined;
  /** Defaults to `https://x107.omlet.co.uk/api/v1`. */
  baseUrl?: string | undefined;
  fetch?: ((input: Request) => Promise<Response>) | undefined;
  /** Per-attempt timeout in milliseconds (default 30 000). */
  timeout?: number | undefined;
  /** Retries of idempotent requests (default 2). Actions are never retried once sent. */
  maxRetries?: number | undefined;
  middleware?: readonly Middleware[] | undefined;
  /** Silent by default; `OMLET_LOG=debug` prints requests to the console. */
  logger?: Logger | undefined;
  /** Extra headers sent on every request. */
  headers?: Record<string, string> | undefined;
}

/** What every resource needs to make a call: the typed raw client and the right `fetch`. */
export interface OmletContext {
  readonly raw: OmletRawClient;
  readonly baseUrl: string;
  readonly logger: Logger;
  /** `fetch` for operations behind the API key; rejects with ConfigError when there is none. */
  authed(options?: RequestOptions): TransportFetch;
  /** `fetch` for login, register and password reset, which must not carry a key. */
  anonymous(options?: RequestOptions): TransportFetch;
}

function validApiKey(apiKey: string | undefined): string | undefined {
  if (apiKey === undefined) return undefined;
  const key = apiKey.trim();
  // Anything else would be rejected by Headers or silently mangled into another credential.
  if (key === "" || /[\s\u0000-\u001f\u007f]/.test(key)) {
    throw new ConfigError("The Omlet API key is empty or contains whitespace/control characters");
  }
  return key;
}

function missingKey(): never {
  throw new ConfigError(
    `No Omlet API key: pass { apiKey } to OmletClient or set ${API_KEY_ENV} (generate one at smart.omlet.com/developers, or call login()).`,
  );
}

export function createContext(options: OmletClientOptions): OmletContext {
  const apiKey = validApiKey(options.apiKey ?? readEnv(API_KEY_ENV));
  const baseUrl = normalizeBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL);
  const logger = resolveLogger({ logger: options.logger, envVar: "OMLET_LOG", prefix: "omlet" });
  const anonymous = new Transport({
    fetch: options.fetch,
    timeout: options.timeout,
    maxRetries: options.maxRetries,
    middleware: options.middleware,
    headers: options.headers,
    logger,
    mapError: omletErrorMapper,
  });
  const authed = apiKey === undefined ? undefined : anonymous.derive({ auth: bearerAuth(apiKey) });
  return {
    raw: createOmletRawClient({ baseUrl }),
    baseUrl,
    logger,
    authed: (callOptions) => (authed ?? missingKey()).fetchWith(callOptions ?? {}),
    anonymous: (callOptions) => anonymous.fetchWith(callOptions ?? {}),
  };
}
