import {
  type Auth,
  ConfigError,
  type FetchCredentials,
  type FetchLike,
  type Logger,
  type Middleware,
  type RequestOptions,
  Transport,
  type TransportFetch,
  redactUrl,
  resolveLogger,
  withFetchCredentials,
} from "@openapp/core";
import { type OverkizRawClient, createOverkizRawClient } from "@openapp/overkiz-generated";
import { type Credentials, strategyFor } from "../auth/credentials.js";
import { type IdentityEndpointOverrides, type IdentityEndpoints, resolveIdentityEndpoints } from "../auth/identity-endpoints.js";
import {
  type AuthContext,
  type AuthStrategy,
  type DirectoryGateway,
  type GatewaySelectingStrategy,
  type LoginResult,
  isGatewaySelecting,
} from "../auth/strategy.js";
import { NoGatewaySelectedError, NotAuthenticatedError, OverkizError, overkizErrorMapper } from "../errors.js";
import type { Device } from "../models/device.js";
import type { Setup } from "../models/setup.js";
import { type ServerConfig, type ServerKey, resolveServer } from "../servers.js";
import type { Gateway, LoginForm, LoginResponse } from "../types.js";
import { ActionQueue, type ActionQueueSettings, resolveActionQueueSettings } from "./action-queue.js";
import { type BackoffPolicy, retryWithBackoff } from "./backoff.js";
import { sendActionGroup } from "./execute.js";
import { type LoginBackoffSettings, LoginGuard } from "./login-guard.js";

export interface OverkizClientOptions {
  /** A key of `SERVERS` (`"somfy_europe"`), or a config such as `localServer(host)`. */
  server: ServerKey | ServerConfig;
  /**
   * `{ username, password }` (the brand's sign-in), `{ token }` (bearer: local API, generic,
   * Rexel), `{ jwt }`, `{ userId, ssoToken }`, Rexel OAuth, or any AuthStrategy.
   */
  credentials: Credentials;
  /** Defaults to the global fetch. On Node, `createLocalGatewayFetch()` adds the gateway's CA. */
  fetch?: FetchLike | undefined;
  /**
   * `RequestInit.credentials` for requests to the Overkiz server: `"include"` lets a browser keep
   * the session cookie of a cross-origin server or proxy. Identity providers never get it.
   */
  fetchCredentials?: FetchCredentials | undefined;
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
  /** Clock in epoch milliseconds (token expiry, login pauses); injectable for tests. */
  now?: (() => number) | undefined;
  /** Overrides for the partner identity providers (Somfy, Cozytouch, Nexity, Brandt, Rexel). */
  identityEndpoints?: IdentityEndpointOverrides | undefined;
  /**
   * Merge `executeActionGroup` calls made within `delay` seconds into one execution (at most
   * `maxActions` devices). `true` uses `{ delay: 0.1, maxActions: 20 }`.
   */
  actionQueue?: boolean | ActionQueueSettings | undefined;
  /**
   * Seconds appended to RTS commands that lack their last (duration) parameter; needs the device
   * list loaded (`getSetup()` or `getDevices()`). Off when undefined.
   */
  defaultRtsCommandDuration?: number | undefined;
  /** Pause after refused logins (defaults: 60 s, ×4, at most 4 h); `false` turns it off. */
  loginBackoff?: false | LoginBackoffSettings | undefined;
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

/** The client's event listener and what is needed to replace it without losing events. */
export interface ListenerState {
  id: string | undefined;
  /** Credential generation the listener was registered under. */
  generation: number;
  /** Events drained from a replaced listener; the new one's first batch may repeat them. */
  overlap: string[] | undefined;
  /** True while an `events()` loop owns the listener. */
  streaming: boolean;
}

function formBody(form: LoginForm): string {
  const entries = Object.entries(form).filter((entry): entry is [string, string] => typeof entry[1] === "string");
  return new URLSearchParams(entries).toString();
}

function checkedRtsDuration(value: number | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isFinite(value) || value < 0) throw new ConfigError(`defaultRtsCommandDuration must be a number of seconds ≥ 0, got ${value}`);
  return value;
}

/**
 * Everything one client shares between its method groups: the server, the raw client, the
 * transports, the auth strategy with its login bookkeeping, the event listener, the action
 * queue and the caches.
 */
export class ClientCore {
  readonly server: ServerConfig;
  readonly raw: OverkizRawClient;
  readonly logger: Logger;
  readonly strategy: AuthStrategy;
  readonly now: () => number;
  readonly identity: IdentityEndpoints;
  readonly listener: ListenerState = { id: undefined, generation: 0, overlap: undefined, streaming: false };
  readonly cache: ClientCache = {};
  readonly actionQueue: ActionQueue | undefined;
  readonly defaultRtsCommandDuration: number | undefined;

  readonly #authenticated: Transport;
  readonly #anonymous: Transport;
  readonly #identity: Transport;
  readonly #random: () => number;
  readonly #loginGuard: LoginGuard | undefined;
  #loginInFlight: Promise<void> | undefined;
  #refreshInFlight: Promise<void> | undefined;
  /** Bumped by every login and token refresh: a stale "Not authenticated" does not log in twice, and listeners follow new credentials. */
  #generation = 0;

  constructor(options: OverkizClientOptions) {
    this.server = resolveServer(options.server);
    this.strategy = strategyFor(this.server, options.credentials);
    this.logger = resolveLogger({ logger: options.logger, envVar: "OVERKIZ_LOG", prefix: "overkiz" });
    this.now = options.now ?? Date.now;
    this.identity = resolveIdentityEndpoints(options.identityEndpoints);
    this.defaultRtsCommandDuration = checkedRtsDuration(options.defaultRtsCommandDuration);
    this.#random = options.random ?? Math.random;
    this.#loginGuard = options.loginBackoff === false ? undefined : new LoginGuard(this.now, options.loginBackoff);
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
      logger: this.logger,
      auth: redaction,
      random: options.random,
    };
    const overkiz = { ...shared, fetch: withFetchCredentials(options.fetch, options.fetchCredentials), headers: options.headers, mapError: overkizErrorMapper };
    this.#authenticated = new Transport({ ...overkiz, middleware: [authorize, ...(options.middleware ?? [])] });
    this.#anonymous = new Transport({ ...overkiz, middleware: [...(options.middleware ?? [])] });
    // Identity providers get neither the Overkiz headers nor the client middleware.
    this.#identity = new Transport(shared);
    const queueSettings = resolveActionQueueSettings(options.actionQueue);
    this.actionQueue = queueSettings && new ActionQueue(queueSettings, (group, mode) => sendActionGroup(this, group, mode), this.logger);
  }

  /** Bumped by every login and token refresh. */
  get credentialGeneration(): number {
    return this.#generation;
  }

  get listenerId(): string | undefined {
    return this.listener.id;
  }

  set listenerId(id: string | undefined) {
    this.listener.id = id;
    this.listener.generation = this.#generation;
  }

  resetCache(): void {
    this.cache.setup = undefined;
    this.cache.setupLoading = undefined;
    this.cache.devices = undefined;
    this.cache.gateways = undefined;
  }

  /** Logs in when needed, else renews credentials about to expire. */
  async authenticate(options?: RequestOptions): Promise<void> {
    if (!this.strategy.isAuthenticated()) return this.login(options);
    if (this.strategy.refresh) await this.#refresh(options);
  }

  /** Runs an authenticated call: logs in first when needed, and once more on "Not authenticated". */
  async call<D>(send: Send<D>, options?: RequestOptions): Promise<D> {
    await this.authenticate(options);
    const generation = this.#generation;
    try {
      return await this.#send(this.#authenticated, send, options);
    } catch (error) {
      if (!(error instanceof NotAuthenticatedError)) throw error;
      // Another call may already have logged in again while this one was in flight.
      if (generation === this.#generation) {
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
    this.#loginInFlight ??= this.#loginOnce(options).finally(() => {
      this.#loginInFlight = undefined;
    });
    return this.#loginInFlight;
  }

  withBackoff<T>(policy: BackoffPolicy, operation: () => Promise<T>, options?: RequestOptions): Promise<T> {
    return retryWithBackoff(operation, policy, { signal: options?.signal, logger: this.logger, random: this.#random, now: this.now });
  }

  /** Gateways of the account's directory (Rexel); works before a gateway is chosen. */
  async discoverGateways(options?: RequestOptions): Promise<DirectoryGateway[]> {
    const strategy = this.#gatewaySelecting("discoverGateways");
    if (!strategy.isAuthenticated()) {
      // Signing in may stop at "which gateway?"; the tokens it got are what discovery needs.
      await this.login(options).catch((error: unknown) => {
        if (!(error instanceof NoGatewaySelectedError)) throw error;
      });
    }
    return strategy.discoverGateways(this.#authContext(options));
  }

  selectGateway(gatewayId: string): void {
    const strategy = this.#gatewaySelecting("selectGateway");
    if (strategy.gatewayId !== undefined && strategy.gatewayId !== gatewayId) this.resetCache();
    strategy.selectGateway(gatewayId);
  }

  #gatewaySelecting(method: string): GatewaySelectingStrategy {
    if (!isGatewaySelecting(this.strategy)) throw new ConfigError(`${method}() is only available for accounts with a gateway directory (Rexel)`);
    return this.strategy;
  }

  async #loginOnce(options: RequestOptions | undefined): Promise<void> {
    this.#loginGuard?.assertAllowed(this.server.name);
    try {
      await this.strategy.login(this.#authContext(options));
    } catch (error) {
      this.#loginGuard?.failed(error);
      throw error;
    }
    this.#loginGuard?.succeeded();
    this.#generation += 1;
  }

  #refresh(options: RequestOptions | undefined): Promise<void> {
    this.#refreshInFlight ??= (async () => {
      const renewed = await this.strategy.refresh?.(this.#authContext(options));
      if (renewed) this.#generation += 1;
      else if (!this.strategy.isAuthenticated()) await this.login(options);
    })().finally(() => {
      this.#refreshInFlight = undefined;
    });
    return this.#refreshInFlight;
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
    const identityFetch = this.#identity.fetchWith({ signal: options?.signal, timeout: options?.timeout });
    return {
      server: this.server,
      logger: this.logger,
      fetch: (request) => identityFetch(request),
      requestOptions: options,
      now: this.now,
      identity: this.identity,
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
