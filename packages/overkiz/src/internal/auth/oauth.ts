import { asRecord } from "@openapp/core";
import { BaseOverkizError } from "../../errors.js";
import { type AuthContext, type AuthStrategy, setBearer } from "./strategy.js";

/** Tokens from an OAuth server. */
export interface OAuthTokens {
  /** Token sent as `Authorization: Bearer …`. */
  accessToken: string;
  /** Token that gets a new access token; undefined when the server issued none. */
  refreshToken?: string | undefined;
  /** Epoch milliseconds; undefined when the server did not say (the token is used until refused). */
  expiresAt?: number | undefined;
}

/** Refresh this long before the expiry, so a token never dies in flight. */
export const REFRESH_SKEW_MS = 5_000;

const isRecord = (value: unknown): value is Record<string, unknown> => asRecord(value) !== undefined;

/** The claims of a JWT, or undefined when the token is not a readable JWT. */
export function jwtClaims(token: string): Record<string, unknown> | undefined {
  const payload = token.split(".")[1];
  if (!payload) return undefined;
  try {
    const base64 = payload.replace(/-/g, "+").replace(/_/g, "/");
    const claims = JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)))) as unknown;
    return isRecord(claims) ? claims : undefined;
  } catch {
    return undefined;
  }
}

function expiryOf(body: Record<string, unknown>, accessToken: string, now: number): number | undefined {
  const expiresIn = Number(body.expires_in);
  if (Number.isFinite(expiresIn) && expiresIn > 0) return now + expiresIn * 1000;
  const exp = jwtClaims(accessToken)?.exp;
  return typeof exp === "number" ? exp * 1000 : undefined;
}

/** Reads a standard token answer (`access_token`, `refresh_token`, `expires_in`); undefined without an access token. */
export function readTokenAnswer(body: unknown, now: number, previousRefreshToken?: string): OAuthTokens | undefined {
  if (!isRecord(body) || typeof body.access_token !== "string" || body.access_token === "") return undefined;
  const refreshToken = typeof body.refresh_token === "string" && body.refresh_token !== "" ? body.refresh_token : previousRefreshToken;
  return { accessToken: body.access_token, refreshToken, expiresAt: expiryOf(body, body.access_token, now) };
}

function needsRefresh(tokens: OAuthTokens, now: number): boolean {
  return tokens.expiresAt !== undefined && now >= tokens.expiresAt - REFRESH_SKEW_MS;
}

/** Called with every new set of tokens, e.g. to persist a rotated refresh token. */
export type TokensListener = (tokens: OAuthTokens) => void | Promise<void>;

/** A refusal from the identity provider (as opposed to a network failure worth surfacing). */
function isRefusal(error: unknown): boolean {
  return error instanceof BaseOverkizError && error.status >= 400 && error.status < 500;
}

/**
 * Bearer tokens from an OAuth server: obtained at login, refreshed before each call when they
 * are about to expire, and obtained again from scratch when the refresh token is refused.
 */
export abstract class OAuthBearerStrategy implements AuthStrategy {
  abstract readonly name: string;
  #accessToken: string | undefined;
  #refreshToken: string | undefined;
  #expiresAt: number | undefined;
  readonly #onTokens: TokensListener | undefined;

  protected constructor(options: { refreshToken?: string | undefined; onTokens?: TokensListener | undefined } = {}) {
    this.#refreshToken = options.refreshToken;
    this.#onTokens = options.onTokens;
  }

  /** Tokens without a refresh token to start from (password grant, code exchange). */
  protected abstract requestTokens(context: AuthContext): Promise<OAuthTokens>;
  /** Exchanges the refresh token for new tokens at the identity provider. */
  protected abstract requestRefresh(context: AuthContext, refreshToken: string): Promise<OAuthTokens>;
  /** Checks or steps that follow every new token (Rexel: consent claim, gateway choice). */
  protected async accept(_context: AuthContext, _tokens: OAuthTokens): Promise<void> {}

  isAuthenticated(): boolean {
    return this.#accessToken !== undefined;
  }

  /** The access token in use, for subclasses that call other services with it. */
  protected get accessToken(): string | undefined {
    return this.#accessToken;
  }

  /**
   * Gets tokens from the identity provider (trying the refresh token first, when there is one).
   * @throws {BadCredentialsError} (a brand's subclass) when the provider refuses the credentials.
   */
  async login(context: AuthContext): Promise<void> {
    const refreshed = this.#refreshToken ? await this.#tryRefresh(context, this.#refreshToken) : undefined;
    await this.#store(context, refreshed ?? (await this.requestTokens(context)));
  }

  async refresh(context: AuthContext): Promise<boolean> {
    const current = this.#current();
    if (!current || !needsRefresh(current, context.now())) return false;
    const refreshed = current.refreshToken ? await this.#tryRefresh(context, current.refreshToken) : undefined;
    if (!refreshed) {
      // Nothing left to refresh with: the client sees isAuthenticated() false and logs in again.
      this.#accessToken = undefined;
      return false;
    }
    await this.#store(context, refreshed);
    return true;
  }

  apply(headers: Headers): void {
    if (this.#accessToken) setBearer(headers, this.#accessToken);
  }

  onUnauthorized(): boolean {
    // Keep the refresh token: the next login() tries it before asking for credentials again.
    this.#accessToken = undefined;
    return true;
  }

  secrets(): readonly string[] {
    return [this.#accessToken, this.#refreshToken].filter((value): value is string => value !== undefined);
  }

  close(): void {
    this.#accessToken = undefined;
  }

  #current(): OAuthTokens | undefined {
    return this.#accessToken ? { accessToken: this.#accessToken, refreshToken: this.#refreshToken, expiresAt: this.#expiresAt } : undefined;
  }

  async #tryRefresh(context: AuthContext, refreshToken: string): Promise<OAuthTokens | undefined> {
    try {
      return await this.requestRefresh(context, refreshToken);
    } catch (error) {
      if (!isRefusal(error)) throw error;
      context.logger.warn(`${this.name}: the refresh token was refused; signing in again`, { reason: (error as Error).message });
      this.#refreshToken = undefined;
      return undefined;
    }
  }

  async #store(context: AuthContext, tokens: OAuthTokens): Promise<void> {
    this.#accessToken = tokens.accessToken;
    this.#refreshToken = tokens.refreshToken ?? this.#refreshToken;
    this.#expiresAt = tokens.expiresAt;
    try {
      await this.accept(context, tokens);
    } catch (error) {
      // A token that fails our checks must not be used by the next call.
      this.#accessToken = undefined;
      throw error;
    }
    await this.#onTokens?.({ accessToken: tokens.accessToken, refreshToken: this.#refreshToken, expiresAt: tokens.expiresAt });
  }
}
