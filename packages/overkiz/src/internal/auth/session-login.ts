import { ConfigError, type SecretSource, checkedSecretSource, resolveSecret } from "@openapp/core";
import { BadCredentialsError } from "../../errors.js";
import type { LoginForm } from "../../models/wire-types.js";
import { SESSION_COOKIE, readSessionCookie } from "./session-cookie.js";
import { type AuthContext, type AuthStrategy, clearCredentials } from "./strategy.js";

/** Account credentials, checked before anything is sent. */
export function checkedAccount(
  username: string,
  password: string,
): {
  /** The user name, trimmed. */
  username: string;
  /** The password, as given. */
  password: string;
} {
  if (typeof username !== "string" || username.trim() === "") throw new ConfigError("username must be a non-empty string");
  if (typeof password !== "string" || password === "") throw new ConfigError("password must be a non-empty string");
  return { username: username.trim(), password };
}

/**
 * Cookie session opened by `POST /login`. Subclasses for partner accounts (Cozytouch, Nexity,
 * Brandt) only change which form they submit, by overriding `loginForm()`.
 */
export abstract class SessionLoginStrategy implements AuthStrategy {
  readonly name: string = "session";
  #sessionId: string | undefined;
  #loggedIn = false;

  isAuthenticated(): boolean {
    return this.#loggedIn;
  }

  /** The form sent to `POST /login`. */
  protected abstract loginForm(context: AuthContext): Promise<LoginForm>;

  /**
   * `POST /login` with the strategy's form; the server's session cookie then authorizes requests.
   * @throws {BadCredentialsError} when the server refuses the form or answers `success: false`.
   */
  async login(context: AuthContext): Promise<void> {
    this.#sessionId = undefined;
    this.#loggedIn = false;
    const form = await this.loginForm(context);
    const result = await context.submitLoginForm(form);
    if (result.body && result.body.success === false) {
      throw new BadCredentialsError({
        status: result.status,
        message: `Login to ${context.server.name} failed: the server answered success=false`,
        body: result.body,
        method: "POST",
        url: new URL("login", context.server.endpoint).href,
        headers: result.headers,
      });
    }
    this.#sessionId = readSessionCookie(result.headers);
    // Browsers hide Set-Cookie and keep the session in their own cookie jar.
    if (!this.#sessionId) context.logger.warn(`login succeeded but no ${SESSION_COOKIE} cookie was readable`);
    this.#loggedIn = true;
  }

  apply(headers: Headers): void {
    clearCredentials(headers);
    if (this.#sessionId) headers.set("Cookie", `${SESSION_COOKIE}=${this.#sessionId}`);
  }

  onUnauthorized(): boolean {
    this.#sessionId = undefined;
    this.#loggedIn = false;
    return true;
  }

  secrets(): readonly string[] {
    return this.#sessionId ? [this.#sessionId] : [];
  }
}

/**
 * A sign-in with the account's e-mail and password that ends with `POST /login`. Keeps the
 * password and any token issued on the way among the secrets to mask.
 */
export abstract class AccountLoginStrategy extends SessionLoginStrategy {
  // In a #private field, so util.inspect and JSON.stringify of the client never show the password.
  readonly #account: { username: string; password: string };
  #issued: readonly string[] = [];

  constructor(username: string, password: string) {
    super();
    this.#account = checkedAccount(username, password);
  }

  /** The account's user name. */
  protected get username(): string {
    return this.#account.username;
  }

  /** The account's password. */
  protected get password(): string {
    return this.#account.password;
  }

  /** Tokens a partner issued during sign-in: masked like the password. */
  protected rememberIssued(...tokens: string[]): void {
    this.#issued = tokens;
  }

  override secrets(): readonly string[] {
    return [...super.secrets(), this.password, ...this.#issued];
  }
}

/** E-mail and password, the login of most cloud servers. */
export class PasswordLoginStrategy extends AccountLoginStrategy {
  override readonly name: string = "password";

  protected override async loginForm(): Promise<LoginForm> {
    return { userId: this.username, userPassword: this.password };
  }
}

/** A JWT issued by a partner (or by the app's own flow), exchanged for a session. */
export class JwtLoginStrategy extends SessionLoginStrategy {
  override readonly name: string = "jwt";
  readonly #jwt: SecretSource;
  #lastJwt: string | undefined;

  constructor(jwt: SecretSource) {
    super();
    this.#jwt = checkedSecretSource(jwt, "jwt");
  }

  protected override async loginForm(): Promise<LoginForm> {
    this.#lastJwt = await resolveSecret(this.#jwt, "jwt");
    return { jwt: this.#lastJwt };
  }

  override secrets(): readonly string[] {
    return this.#lastJwt ? [...super.secrets(), this.#lastJwt] : super.secrets();
  }
}

/** A single-sign-on token plus the user id it was issued for, exchanged for a session. */
export class SsoTokenLoginStrategy extends SessionLoginStrategy {
  override readonly name: string = "sso-token";
  readonly #userId: string;
  readonly #ssoToken: SecretSource;
  #lastToken: string | undefined;

  constructor(userId: string, ssoToken: SecretSource) {
    super();
    if (typeof userId !== "string" || userId.trim() === "") throw new ConfigError("userId must be a non-empty string");
    this.#userId = userId.trim();
    this.#ssoToken = checkedSecretSource(ssoToken, "ssoToken");
  }

  protected override async loginForm(): Promise<LoginForm> {
    this.#lastToken = await resolveSecret(this.#ssoToken, "ssoToken");
    return { userId: this.#userId, ssoToken: this.#lastToken };
  }

  override secrets(): readonly string[] {
    return this.#lastToken ? [...super.secrets(), this.#lastToken] : super.secrets();
  }
}
