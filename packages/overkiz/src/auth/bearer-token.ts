import { ConfigError } from "@openapp/core";
import { type AuthContext, type AuthStrategy, clearCredentials } from "./strategy.js";

/**
 * A fixed bearer token: the local API's developer token, or any cloud server that accepts
 * bearer tokens. Nothing to log in to; `login()` only checks that a local gateway accepts it.
 */
export class BearerTokenStrategy implements AuthStrategy {
  readonly name = "bearer";
  readonly #token: string;

  constructor(token: string) {
    if (typeof token !== "string" || token.trim() === "") throw new ConfigError("The token must be a non-empty string");
    this.#token = token.trim();
  }

  isAuthenticated(): boolean {
    return true;
  }

  async login(context: AuthContext): Promise<void> {
    // The local gateway has no login call; a cheap read proves the token works.
    if (context.server.apiType === "local") await context.verifyAccess();
  }

  authorize(request: Request): void {
    clearCredentials(request);
    request.headers.set("Authorization", `Bearer ${this.#token}`);
  }

  onUnauthorized(): boolean {
    return false;
  }

  secrets(): readonly string[] {
    return [this.#token];
  }
}
