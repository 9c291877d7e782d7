import {
  type Auth,
  type FetchLike,
  type Logger,
  type Middleware,
  type RequestOptions,
  Transport,
  type TransportFetch,
  redactUrl,
  resolveLogger,
} from "@openapp/core";
import { type OverkizRawClient, createOverkizRawClient } from "@openapp/overkiz-generated";
import { type Credentials, strategyFor } from "../auth/credentials.js";
import type { AuthContext, AuthStrategy, LoginResult } from "../auth/strategy.js";
import { NotAuthenticatedError, OverkizError, overkizErrorMapper } from "../errors.js";
import { type ServerConfig, type ServerKey, resolveServer } from "../servers.js";
import type { Device } from "../models/device.js";
import type { Setup } from "../models/setup.js";
import type { Gateway, LoginForm, LoginResponse } from "../types.js";
import { type BackoffPolicy, retryWithBackoff } from "./backoff.js";

export interface OverkizClientOptions {
  /** A key of `SERVERS` (`"somfy_europe"`), or a config such as `localServer(host)`. */
  server: ServerKey | ServerConfig;
  /** `{ username, password }` (cloud session), `{ token }` (bearer, local API) or an AuthStrategy. */
  credentials: Credentials;
  /** Defaults to the global fetch. On Node, `createLocalGatewayFetch()` adds the gateway's CA. */
  fetch?: FetchLike | undefined;
  /** Per-attempt timeout in milliseconds (default 30 s). */
  timeout?: number | undefined;
  /** Transport retries after the first attempt (default 2; only for safe methods). */
  maxRetries?: number | undefined;
  /** Client-wide middleware; runs once per attempt and sees the authenticated request. */
  middleware?: readonly Middleware[] | undefined;
  /** Extra headers sent on every request. */
  headers?: Record<string, string> | undefined;
  /** Silent by default; `OVERKIZ_LOG=debug` prints to the console. */
  logger?: Logger | undefined;
  /** Uniform random source for retry jitter; injectable for deterministic tests. */
  random?: (() => number) | undefined;
}

/** What openapi-fetch resolves to. */
interface RawResult<D> {
  data?: D;
  error?: unknown;
  response: Response;
}

type Send<D> = (fetch: TransportFetch) => Promise<RawResult<D>>;

/** Answers kept between calls; `getSetup({ refresh: true })` and `close()` reset them. */
export interface ClientCache {
  setup?: Setup | undefined;
  setupLoading?: Promise<Setup> | undefined;
  devices?: Device[] | undefined;
  gateways?: Gateway[] | undefined;
}

function formBody(form: LoginForm): string {
  const entries = Object.entries(form).filter((entry): entry is [string, string] => typeof entry[1] === "string");
  return new URLSearchParams(entries).toString();
}

/**
 * Everything one client shares between its method groups: the server, the raw client, the
 * transports, the auth strategy with its login bookkeeping, and the caches.
 */
export class ClientCore {
  readonly server: ServerConfig;
  readonly raw: OverkizRawClient;
  readonly logger: Logger;
  readonly strategy: AuthStrategy;
  /** The registered event listener, if any. */
  listenerId: string | undefined;
  readonly cache: ClientCache = {};

  readonly #authenticated: Transport;
  readonly #anonymous: Transport;
  readonly #plainFetch: FetchLike;
  readonly #random: () => number;
  #loginInFlight: Promise<void> | undefined;
  /** Bumped by every successful login, so a stale "Not authenticated" does not log in twice. */
  #sessionGeneration = 0;

  constructor(options: OverkizClientOptions) {
    this.server = resolveServer(options.server);
    this.strategy = strategyFor(this.server, options.credentials);
    this.logger = resolveLogger({ logger: options.logger, envVar: "OVERKIZ_LOG", prefix: "overkiz" });
    this.#random = options.random ?? Math.random;
    this.#plainFetch = options.fetch ?? ((request) => globalThis.fetch(request));
    this.raw = createOverkizRawClient({ baseUrl: this.server.endpoint });
    const strategy = this.strategy;
    const authorize: Middleware = async (request, next) => {
      await strategy.authorize(request);
      return next(request);
    };
    // Credentials are set by the middleware above; this hook only lets core mask their values.
    const redaction: Auth = { apply: () => undefined, secrets: () => strategy.secrets() };
    const shared = {
      fetch: options.fetch,
      timeout: options.timeout,
      maxRetries: options.maxRetries,
      headers: options.headers,
      logger: this.logger,
      mapError: overkizErrorMapper,
      auth: redaction,
      random: options.random,
    };
    this.#authenticated = new Transport({ ...shared, middleware: [authorize, ...(options.middleware ?? [])] });
    this.#anonymous = new Transport({ ...shared, middleware: [...(options.middleware ?? [])] });
  }

  resetCache(): void {
    this.cache.setup = undefined;
    this.cache.setupLoading = undefined;
    this.cache.devices = undefined;
    this.cache.gateways = undefined;
  }

  /** Runs an authenticated call: logs in first when needed, and once more on "Not authenticated". */
  async call<D>(send: Send<D>, options?: RequestOptions): Promise<D> {
    if (!this.strategy.isAuthenticated()) await this.login(options);
    const generation = this.#sessionGeneration;
    try {
      return await this.#send(this.#authenticated, send, options);
    } catch (error) {
      if (!(error instanceof NotAuthenticatedError)) throw error;
      // Another call may already have logged in again while this one was in flight.
      if (generation === this.#sessionGeneration) {
        if (!(await this.strategy.onUnauthorized())) throw error;
        await this.login(options);
      }
      return this.#send(this.#authenticated, send, options);
    }
  }

  /** A call that needs no credentials (`apiVersion`, `login`). */
  callAnonymous<D>(send: Send<D>, options?: RequestOptions): Promise<D> {
    return this.#send(this.#anonymous, send, options);
  }

  /** Logs in (or joins a login already running) so concurrent calls never log in twice. */
  login(options?: RequestOptions): Promise<void> {
    this.#loginInFlight ??= this.strategy
      .login(this.#authContext(options))
      .then(() => {
        this.#sessionGeneration += 1;
      })
      .finally(() => {
        this.#loginInFlight = undefined;
      });
    return this.#loginInFlight;
  }

  withBackoff<T>(policy: BackoffPolicy, operation: () => Promise<T>, options?: RequestOptions): Promise<T> {
    return retryWithBackoff(operation, policy, { signal: options?.signal, logger: this.logger, random: this.#random });
  }

  async #send<D>(transport: Transport, send: Send<D>, options?: RequestOptions): Promise<D> {
    const result = await send(transport.fetchWith(options ?? {}));
    if (result.error !== undefined) {
      // The transport throws on error answers; this only guards a raw client used without it.
      throw new OverkizError({
        status: result.response.status,
        message: `Unexpected error answer ${result.response.status}`,
        body: result.error,
        method: "",
        url: redactUrl(result.response.url),
        headers: result.response.headers,
      });
    }
    return result.data as D;
  }

  #authContext(options: RequestOptions | undefined): AuthContext {
    return {
      server: this.server,
      logger: this.logger,
      fetch: this.#plainFetch,
      requestOptions: options,
      submitLoginForm: (form) => this.#submitLoginForm(form, options),
      verifyAccess: async () => {
        await this.#send(this.#authenticated, (fetch) => this.raw.GET("/setup/gateways", { fetch }), options);
      },
    };
  }

  async #submitLoginForm(form: LoginForm, options: RequestOptions | undefined): Promise<LoginResult> {
    let response: Response | undefined;
    const body = await this.#send<LoginResponse | undefined>(
      this.#anonymous,
      async (fetch) => {
        const result = await this.raw.POST("/login", {
          body: form,
          bodySerializer: formBody,
          headers: { "Content-Type": "application/x-www-form-urlencoded" },
          fetch,
        });
        response = result.response;
        return result;
      },
      options,
    );
    const answered = response as Response;
    return { status: answered.status, headers: answered.headers, body };
  }
}
