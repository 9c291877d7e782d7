import { type AuthContext, type AuthStrategy, setBearer } from "./strategy.js";
import { type SecretSource, checkedSecretSource, resolveSecret } from "@openapp/core";

/**
 * A bearer token: the local API's developer token, or any cloud server that accepts bearer
 * tokens. The token may be a callback (apps that refresh it themselves); it is read on every
 * attempt. Nothing to log in to; `login()` only checks that a local gateway accepts it.
 */
export class BearerTokenStrategy implements AuthStrategy {
  readonly name: string = "bearer";
  readonly #source: SecretSource;
  #lastToken: string | undefined;

  constructor(token: SecretSource) {
    this.#source = checkedSecretSource(token, "The token");
    if (typeof this.#source === "string") this.#lastToken = this.#source;
  }

  isAuthenticated(): boolean {
    return true;
  }

  /**
   * No request on the cloud; on a local gateway one cheap read proves the token works.
   * @throws {BaseOverkizError} when the local gateway refuses the token.
   */
  async login(context: AuthContext): Promise<void> {
    // The local gateway has no login call; a cheap read proves the token works.
    if (context.server.apiType === "local") await context.verifyAccess();
  }

  /** The current token (calls the callback). */
  protected async currentToken(): Promise<string> {
    this.#lastToken = await resolveSecret(this.#source, "The token");
    return this.#lastToken;
  }

  async apply(headers: Headers): Promise<void> {
    setBearer(headers, await this.currentToken());
  }

  /** A fixed token cannot get better by logging in again; a callback may return a renewed one. */
  onUnauthorized(): boolean {
    return typeof this.#source === "function";
  }

  secrets(): readonly string[] {
    return this.#lastToken ? [this.#lastToken] : [];
  }
}
