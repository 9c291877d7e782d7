import type { Auth, ClientCalls, RequestOptions } from "@openapp/core";
import type { ServerConfig } from "../models/servers.js";
import type { LoginForm, LoginResponse } from "../models/wire-types.js";
import type { IdentityEndpoints } from "./auth/identity-endpoints.js";
import type { AuthContext, AuthStrategy, LoginResult } from "./auth/strategy.js";
import type { LoginGuard } from "./login-guard.js";

/**
 * What the session knows of its client from the start. The kit's ways to send (`ClientCalls`)
 * come with each call of `refresh` and `login`, so the session is built before the kit it serves.
 */
export interface SessionSettings {
  server: ServerConfig;
  now: () => number;
  identity: IdentityEndpoints;
}

/** The headers that carry credentials; a resend compares them to tell a stale refusal from a fresh one. */
const CREDENTIAL_HEADERS = ["authorization", "cookie"] as const;

/**
 * The Overkiz strategy as core's `Auth`. The transport calls `refresh` before each attempt,
 * outside the attempt's deadline: it logs in when there is no session yet (or after a refusal
 * dropped it) and renews tokens about to expire, single-flight, behind the login back-off.
 */
export class OverkizSession implements Auth {
  readonly strategy: AuthStrategy;
  readonly #guard: LoginGuard | undefined;
  readonly #settings: SessionSettings;
  #loginInFlight: Promise<void> | undefined;
  #refreshInFlight: Promise<void> | undefined;
  /** Bumped by every login and token refresh: event listeners follow new credentials. */
  #generation = 0;
  /** Requests a strategy makes while it logs in (local token check) must not wait for that login. */
  #verifying = 0;

  constructor(strategy: AuthStrategy, guard: LoginGuard | undefined, settings: SessionSettings) {
    this.strategy = strategy;
    this.#guard = guard;
    this.#settings = settings;
  }

  get generation(): number {
    return this.#generation;
  }

  apply(headers: Headers): void | Promise<void> {
    return this.strategy.apply(headers);
  }

  secrets(): readonly string[] {
    return this.strategy.secrets();
  }

  /** Core's hook before each attempt: log in when needed, else renew credentials about to expire. */
  refresh(options: RequestOptions, calls: ClientCalls): Promise<void> | undefined {
    if (this.#verifying > 0) return undefined;
    if (!this.strategy.isAuthenticated()) return this.login(calls, options);
    if (!this.strategy.refresh) return undefined;
    this.#refreshInFlight ??= this.#renew(calls, options).finally(() => {
      this.#refreshInFlight = undefined;
    });
    return this.#refreshInFlight;
  }

  /** Logs in (or joins a login already running) so concurrent calls never log in twice. */
  login(calls: ClientCalls, options?: RequestOptions): Promise<void> {
    this.#loginInFlight ??= this.#loginOnce(calls, options).finally(() => {
      this.#loginInFlight = undefined;
    });
    return this.#loginInFlight;
  }

  /**
   * After "Not authenticated": true when the refused request carried the credentials that are
   * still current (then they are dropped and the next attempt logs in), false when another call
   * already logged in again (resend as is). Throws the refusal when a new login cannot help.
   */
  async invalidate(error: unknown, sent: Request): Promise<boolean> {
    if (!(await this.#carriesCurrentCredentials(sent))) return false;
    if (!(await this.strategy.onUnauthorized())) throw error;
    return true;
  }

  /** What the strategy lends identity providers and its login form. */
  context(calls: ClientCalls, options: RequestOptions | undefined): AuthContext {
    const settings = this.#settings;
    const identityFetch = calls.foreignFetch({ signal: options?.signal, timeout: options?.timeout });
    return {
      server: settings.server,
      logger: calls.logger,
      fetch: (request) => identityFetch(request),
      requestOptions: options,
      now: settings.now,
      identity: settings.identity,
      submitLoginForm: (form) => this.#submitLoginForm(calls, form, options),
      verifyAccess: () => this.#verifyAccess(calls, options),
    };
  }

  /**
   * Whether the credential headers of the refused request hold one of the strategy's current
   * secrets (session id, access token, last token a callback returned). Reading `secrets()`
   * rather than applying again keeps a token callback from being called for the comparison.
   */
  async #carriesCurrentCredentials(sent: Request): Promise<boolean> {
    const carried = CREDENTIAL_HEADERS.map((name) => sent.headers.get(name)).filter((value): value is string => value !== null);
    // The transport applies credentials to a per-attempt copy of a request with a body, so the
    // template it hands back carries none: treat it as sent with the current ones.
    if (carried.length === 0) return true;
    const current = this.strategy.secrets().filter((secret) => secret !== "");
    return carried.some((value) => current.some((secret) => value.includes(secret)));
  }

  async #loginOnce(calls: ClientCalls, options: RequestOptions | undefined): Promise<void> {
    this.#guard?.assertAllowed(this.#settings.server.name);
    try {
      await this.strategy.login(this.context(calls, options));
    } catch (error) {
      this.#guard?.failed(error);
      throw error;
    }
    this.#guard?.succeeded();
    this.#generation += 1;
  }

  async #renew(calls: ClientCalls, options: RequestOptions): Promise<void> {
    const renewed = await this.strategy.refresh?.(this.context(calls, options));
    if (renewed) this.#generation += 1;
    else if (!this.strategy.isAuthenticated()) await this.login(calls, options);
  }

  async #verifyAccess(calls: ClientCalls, options: RequestOptions | undefined): Promise<void> {
    this.#verifying += 1;
    try {
      await calls.call("getGateways", {}, options);
    } finally {
      this.#verifying -= 1;
    }
  }

  async #submitLoginForm(calls: ClientCalls, form: LoginForm, options: RequestOptions | undefined): Promise<LoginResult> {
    // `/login` needs no credentials (the spec's `security: []`): the kit sends it anonymously.
    const { body, response } = await calls.call("login", { body: form }, options);
    return { status: response.status, headers: response.headers, body: body as LoginResponse | undefined };
  }
}
