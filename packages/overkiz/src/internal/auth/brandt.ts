import { BrandtBadCredentialsError, BrandtServiceError } from "../../errors.js";
import type { LoginForm } from "../../models/wire-types.js";
import { getRequest, identityError, jsonRequest, readJson, sendIdentity } from "./identity-http.js";
import { cookieHeader } from "./session-cookie.js";
import { AccountLoginStrategy } from "./session-login.js";
import type { AuthContext } from "./strategy.js";

function firstBrandtError(body: unknown): string | undefined {
  const errors = (body as { error?: unknown } | undefined)?.error;
  const first = Array.isArray(errors) ? errors[0] : errors;
  return typeof first === "string" && first !== "" ? first : undefined;
}

/**
 * Brandt Smart Control, in two steps: a Smart Control session (cookie) gives a JWT, then
 * `POST /login` with the JWT opens the Overkiz session.
 */
export class BrandtLoginStrategy extends AccountLoginStrategy {
  override readonly name = "brandt";

  protected override async loginForm(context: AuthContext): Promise<LoginForm> {
    const cookies = await this.#session(context);
    this.rememberIssued(cookies);
    const jwt = await this.#jwt(context, cookies);
    this.rememberIssued(cookies, jwt);
    return { jwt };
  }

  async #session(context: AuthContext): Promise<string> {
    const { sessionUrl, partner } = context.identity.brandt;
    const request = jsonRequest(sessionUrl, { client: { email: this.username, password: this.password, partner } });
    let response: Response;
    try {
      response = await sendIdentity(context, request, BrandtBadCredentialsError, "Brandt sign-in");
    } catch (error) {
      // Brandt explains refusals in an `error` array; surface its first entry.
      if (!(error instanceof BrandtBadCredentialsError)) throw error;
      const reason = firstBrandtError(error.body);
      if (reason === undefined) throw error;
      throw identityError(BrandtBadCredentialsError, { message: `Brandt sign-in failed: ${reason}`, request, status: error.status, body: error.body });
    }
    const cookies = cookieHeader(response.headers);
    if (!cookies) throw identityError(BrandtServiceError, { message: "Brandt sign-in set no session cookie", request, status: response.status });
    return cookies;
  }

  async #jwt(context: AuthContext, cookies: string): Promise<string> {
    const request = getRequest(context.identity.brandt.jwtUrl, { Cookie: cookies });
    const response = await sendIdentity(context, request, BrandtServiceError, "Brandt JWT");
    const jwt = ((await readJson(response)) as { client?: { jwt?: unknown } } | undefined)?.client?.jwt;
    if (typeof jwt !== "string" || jwt === "") throw identityError(BrandtServiceError, { message: "Brandt answered without a JWT", request, status: response.status });
    return jwt;
  }
}
