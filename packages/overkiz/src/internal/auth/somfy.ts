import { SomfyBadCredentialsError, SomfyServiceError } from "../../errors.js";
import { OAuthBearerStrategy, type OAuthTokens, type TokensListener, readTokenAnswer } from "./oauth.js";
import { checkedAccount } from "./session-login.js";
import type { AuthContext } from "./strategy.js";
import { formRequest, identityError, readJson, sendIdentity } from "./identity-http.js";

/** Somfy account credentials for the OAuth password grant. */
export interface SomfyOAuthOptions {
  /** Somfy account e-mail. */
  username: string;
  /** Somfy account password. */
  password: string;
  /** Called with every new set of tokens. */
  onTokens?: TokensListener | undefined;
}

/**
 * Somfy Europe: an OAuth password grant gives a bearer JWT (no `POST /login`); it is refreshed
 * 5 s before it expires, and a refused refresh token falls back to the password grant.
 */
export class SomfyOAuthStrategy extends OAuthBearerStrategy {
  readonly name = "somfy-oauth";
  readonly #username: string;
  readonly #password: string;

  constructor(options: SomfyOAuthOptions) {
    super({ onTokens: options.onTokens });
    ({ username: this.#username, password: this.#password } = checkedAccount(options.username, options.password));
  }

  protected requestTokens(context: AuthContext): Promise<OAuthTokens> {
    return somfyToken(context, { grant_type: "password", username: this.#username, password: this.#password });
  }

  protected requestRefresh(context: AuthContext, refreshToken: string): Promise<OAuthTokens> {
    return somfyToken(context, { grant_type: "refresh_token", refresh_token: refreshToken }, refreshToken);
  }

  override secrets(): readonly string[] {
    return [...super.secrets(), this.#password];
  }
}

async function somfyToken(context: AuthContext, grant: Record<string, string>, previousRefreshToken?: string): Promise<OAuthTokens> {
  const { tokenUrl, clientId, clientSecret } = context.identity.somfy;
  const request = formRequest(tokenUrl, { ...grant, client_id: clientId, client_secret: clientSecret });
  const response = await sendIdentity(context, request, SomfyBadCredentialsError, "Somfy sign-in");
  const body = await readJson(response);
  const tokens = readTokenAnswer(body, context.now(), previousRefreshToken);
  if (!tokens) throw identityError(SomfyServiceError, { message: "Somfy sign-in answered without an access_token", request, status: response.status });
  return tokens;
}
