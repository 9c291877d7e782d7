import { ConfigError } from "@openapp/core";
import { BadCredentialsError } from "../errors.js";
import type { LoginForm } from "../types.js";
import { SESSION_COOKIE, readSessionCookie } from "./session-cookie.js";
import { type AuthContext, type AuthStrategy, clearCredentials } from "./strategy.js";

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

  authorize(request: Request): void {
    clearCredentials(request);
    if (this.#sessionId) request.headers.set("Cookie", `${SESSION_COOKIE}=${this.#sessionId}`);
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

/** E-mail and password, the login of most cloud servers. */
export class PasswordLoginStrategy extends SessionLoginStrategy {
  override readonly name = "password";
  readonly #username: string;
  readonly #password: string;

  constructor(username: string, password: string) {
    super();
    if (typeof username !== "string" || username.trim() === "") throw new ConfigError("username must be a non-empty string");
    if (typeof password !== "string" || password === "") throw new ConfigError("password must be a non-empty string");
    this.#username = username.trim();
    this.#password = password;
  }

  protected override async loginForm(): Promise<LoginForm> {
    return { userId: this.#username, userPassword: this.#password };
  }

  override secrets(): readonly string[] {
    return [...super.secrets(), this.#password];
  }
}
