import { CozyTouchBadCredentialsError, CozyTouchServiceError } from "../../errors.js";
import type { LoginForm } from "../../models/wire-types.js";
import { formRequest, getRequest, identityError, readJson, sendIdentity } from "./identity-http.js";
import { AccountLoginStrategy } from "./session-login.js";
import type { AuthContext } from "./strategy.js";

/**
 * Atlantic / Thermor / Sauter Cozytouch, in three steps: an OAuth password grant at Atlantic,
 * a JWT for that token, then `POST /login` with the JWT (a cookie session from there on).
 */
export class CozytouchLoginStrategy extends AccountLoginStrategy {
  override readonly name = "cozytouch";

  protected override async loginForm(context: AuthContext): Promise<LoginForm> {
    const accessToken = await this.#accessToken(context);
    this.rememberIssued(accessToken);
    const jwt = await this.#jwt(context, accessToken);
    this.rememberIssued(accessToken, jwt);
    return { jwt };
  }

  async #accessToken(context: AuthContext): Promise<string> {
    const { tokenUrl, clientCredentials, usernamePrefix } = context.identity.cozytouch;
    const form = { grant_type: "password", username: `${usernamePrefix}${this.username}`, password: this.password };
    const request = formRequest(tokenUrl, form, { Authorization: `Basic ${clientCredentials}` });
    const response = await sendIdentity(context, request, CozyTouchBadCredentialsError, "Cozytouch sign-in");
    const body = (await readJson(response)) as { token_type?: unknown; access_token?: unknown } | undefined;
    if (typeof body?.token_type !== "string" || typeof body.access_token !== "string" || body.access_token === "") {
      throw identityError(CozyTouchServiceError, { message: "Cozytouch sign-in answered without a token", request, status: response.status });
    }
    return body.access_token;
  }

  async #jwt(context: AuthContext, accessToken: string): Promise<string> {
    const request = getRequest(context.identity.cozytouch.jwtUrl, { Authorization: `Bearer ${accessToken}` });
    const response = await sendIdentity(context, request, CozyTouchServiceError, "Cozytouch JWT");
    // The JWT comes back as a JSON string, i.e. wrapped in double quotes.
    const jwt = (await response.text()).trim().replace(/^"|"$/g, "");
    if (jwt === "") throw identityError(CozyTouchServiceError, { message: "Cozytouch answered an empty JWT", request, status: response.status });
    return jwt;
  }
}
