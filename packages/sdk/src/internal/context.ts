import {
  type Auth,
  ConfigError,
  type FetchLike,
  type Logger,
  type Middleware,
  Transport,
  bearerAuth,
  headerAuth,
  noAuth,
  normalizeBaseUrl,
  readEnv,
  resolveLogger,
  silentLogger,
} from "@openapp/core";
import { type OpenAppRawClient, createOpenAppRawClient } from "@openapp/openapp-generated";
import { type ParsedApiKey, parseApiKey } from "../api-key.js";

/** The sugar methods of an entity handle. */
export type EntityShortcut = "open" | "close" | "on" | "off";

export const DEFAULT_ENTITY_ACTIONS: Readonly<Record<EntityShortcut, string>> = {
  open: "switchable.open",
  close: "switchable.close",
  on: "switchable.on",
  off: "switchable.off",
};

export interface OpenAppClientOptions {
  /** `{base_url}_openapp_{secret}`; defaults to `OPENAPP_API_KEY`. Public routes work without one. */
  apiKey?: string | undefined;
  /** Organization for `X-Org`; defaults to `OPENAPP_ORG`. */
  org?: string | undefined;
  /** Overrides the URL inside the key; defaults to `OPENAPP_BASE_URL`, then the key's prefix. */
  baseUrl?: string | undefined;
  /** `authorization` (default) sends `Authorization: Bearer <key>`; `x-api-key` sends `X-API-Key: <key>`. */
  authHeader?: "authorization" | "x-api-key" | undefined;
  /** Per-attempt timeout in milliseconds (default 30 000). */
  timeout?: number | undefined;
  /** Retries of requests that are safe to repeat (default 2). */
  maxRetries?: number | undefined;
  /** Also used, without credentials, to download images for `uploadImageFromUrl`. */
  fetch?: FetchLike | undefined;
  middleware?: readonly Middleware[] | undefined;
  /** Silent by default; `OPENAPP_LOG=debug` prints each request. */
  logger?: Logger | undefined;
  /** Extra headers on every request. */
  headers?: Record<string, string> | undefined;
  /** Action ids behind `entities.byId(id).open()` and friends, e.g. `{ open: "door.unlock" }`. */
  entityActions?: Partial<Record<EntityShortcut, string>> | undefined;
}

/** Everything a resource needs to make a call; shared by `withOrg` clones except `org`. */
export interface OpenAppContext {
  readonly raw: OpenAppRawClient;
  readonly transport: Transport;
  readonly baseUrl: string;
  readonly org: string | undefined;
  readonly hasApiKey: boolean;
  readonly logger: Logger;
  readonly entityActions: Readonly<Record<EntityShortcut, string>>;
  /** Plain fetch for foreign image hosts: no auth, no middleware. */
  readonly downloadFetch: FetchLike | undefined;
}

export function validOrg(org: string | undefined): string | undefined {
  if (org === undefined) return undefined;
  if (typeof org !== "string" || org.trim() === "") throw new ConfigError("The organization id must be a non-empty string");
  return org.trim();
}

/** The key and its secret part are both masked wherever a server echoes them. */
function authFor(parsed: ParsedApiKey | undefined, header: OpenAppClientOptions["authHeader"]): Auth {
  if (!parsed) return noAuth;
  if (header !== undefined && header !== "authorization" && header !== "x-api-key") {
    throw new ConfigError(`authHeader must be "authorization" or "x-api-key", got ${JSON.stringify(header)}`);
  }
  const inner = header === "x-api-key" ? headerAuth("X-API-Key", parsed.key) : bearerAuth(parsed.key);
  return { apply: (headers) => inner.apply(headers), secrets: () => [...inner.secrets(), parsed.secret] };
}

function resolveBaseUrl(parsed: ParsedApiKey | undefined, explicit: string | undefined): string {
  if (explicit !== undefined) return normalizeBaseUrl(explicit);
  if (parsed) return parsed.baseUrl;
  throw new ConfigError("No OpenApp API key and no base URL: pass { apiKey } (or set OPENAPP_API_KEY), or { baseUrl } for public routes");
}

export function createContext(options: OpenAppClientOptions): OpenAppContext {
  const apiKey = options.apiKey ?? readEnv("OPENAPP_API_KEY");
  const parsed = apiKey === undefined ? undefined : parseApiKey(apiKey);
  const baseUrl = resolveBaseUrl(parsed, options.baseUrl ?? readEnv("OPENAPP_BASE_URL"));
  const logger = resolveLogger({ logger: options.logger, envVar: "OPENAPP_LOG", prefix: "openapp" });
  const transport = new Transport({
    fetch: options.fetch,
    auth: authFor(parsed, options.authHeader),
    headers: options.headers,
    middleware: options.middleware,
    timeout: options.timeout,
    maxRetries: options.maxRetries,
    // A silent logger would still cost a timestamp and a log record per attempt.
    logger: logger === silentLogger ? undefined : logger,
  });
  return {
    raw: createOpenAppRawClient({ baseUrl, fetch: transport.fetch }),
    transport,
    baseUrl,
    org: validOrg(options.org ?? readEnv("OPENAPP_ORG")),
    hasApiKey: parsed !== undefined,
    logger,
    entityActions: { ...DEFAULT_ENTITY_ACTIONS, ...definedEntries(options.entityActions) },
    downloadFetch: options.fetch,
  };
}

function definedEntries<T extends object>(value: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(value ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
}
