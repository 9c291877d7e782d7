import type { ICognitoStorage } from "amazon-cognito-identity-js";
import { NexityBadCredentialsError, NexityServiceError } from "../../errors.js";
import type { LoginForm } from "../../models/wire-types.js";
import { getRequest, identityError, readJson, sendIdentity } from "./identity-http.js";
import { AccountLoginStrategy } from "./session-login.js";
import type { AuthContext } from "./strategy.js";

type CognitoModule = typeof import("amazon-cognito-identity-js");

// Loaded on first use: the library is large and only Nexity accounts need it.
async function loadCognito(): Promise<CognitoModule> {
  const loaded = (await import("amazon-cognito-identity-js")) as CognitoModule & { default?: CognitoModule };
  return loaded.default ?? loaded;
}

/** Keeps Cognito from caching tokens in a process-wide store: the strategy owns them. */
const NO_STORAGE: ICognitoStorage = {
  setItem: () => undefined,
  getItem: () => null,
  removeItem: () => undefined,
  clear: () => undefined,
};

/** Cognito's answers for a wrong password (also "Password attempts exceeded"), an unknown or unusable account. */
const BAD_CREDENTIAL_CODES = new Set(["NotAuthorizedException", "UserNotFoundException", "UserNotConfirmedException", "PasswordResetRequiredException"]);

interface CognitoFailure {
  code?: string;
  name?: string;
  message?: string;
  statusCode?: number;
}

/**
 * Nexity Eugénie: AWS Cognito SRP sign-in (through amazon-cognito-identity-js, not hand-written
 * SRP), an SSO token for the Cognito id token, then `POST /login` with the SSO token and the
 * e-mail written with `_-_` in place of `@`.
 */
export class NexityLoginStrategy extends AccountLoginStrategy {
  override readonly name = "nexity";

  protected override async loginForm(context: AuthContext): Promise<LoginForm> {
    const idToken = await this.#cognitoIdToken(context);
    this.rememberIssued(idToken);
    const ssoToken = await this.#ssoToken(context, idToken);
    this.rememberIssued(idToken, ssoToken);
    return { ssoToken, userId: this.username.replace("@", "_-_") };
  }

  async #cognitoIdToken(context: AuthContext): Promise<string> {
    const { CognitoUserPool, CognitoUser, AuthenticationDetails } = await loadCognito();
    const { cognitoRegion, cognitoUserPoolId, cognitoClientId, cognitoEndpoint } = context.identity.nexity;
    const endpoint = cognitoEndpoint ?? `https://cognito-idp.${cognitoRegion}.amazonaws.com/`;
    const pool = new CognitoUserPool({ UserPoolId: cognitoUserPoolId, ClientId: cognitoClientId, endpoint, Storage: NO_STORAGE });
    const user = new CognitoUser({ Username: this.username, Pool: pool, Storage: NO_STORAGE });
    const details = new AuthenticationDetails({ Username: this.username, Password: this.password });
    try {
      return await new Promise<string>((resolve, reject) => {
        const unsupported = (step: string) => () => reject(new Error(`Nexity sign-in asked for ${step}, which the SDK does not support`));
        user.authenticateUser(details, {
          onSuccess: (session) => resolve(session.getIdToken().getJwtToken()),
          onFailure: reject,
          newPasswordRequired: unsupported("a new password"),
          mfaRequired: unsupported("a multi-factor code"),
          totpRequired: unsupported("a one-time code"),
          customChallenge: unsupported("a custom challenge"),
          mfaSetup: unsupported("multi-factor setup"),
          selectMFAType: unsupported("a multi-factor choice"),
        });
      });
    } catch (error) {
      throw this.#cognitoError(error, endpoint);
    }
  }

  #cognitoError(error: unknown, endpoint: string): Error {
    const failure = (error ?? {}) as CognitoFailure;
    const code = failure.code ?? failure.name;
    const refused = code !== undefined && BAD_CREDENTIAL_CODES.has(code);
    return identityError(refused ? NexityBadCredentialsError : NexityServiceError, {
      message: `Nexity sign-in failed${code ? ` (${code})` : ""}: ${failure.message ?? "no answer"}`,
      request: new Request(endpoint, { method: "POST" }),
      status: failure.statusCode ?? 400,
      code,
    });
  }

  async #ssoToken(context: AuthContext, idToken: string): Promise<string> {
    // Nexity expects the raw id token, without a "Bearer" prefix.
    const request = getRequest(context.identity.nexity.ssoTokenUrl, { Authorization: idToken });
    const response = await sendIdentity(context, request, NexityServiceError, "Nexity SSO token");
    const token = ((await readJson(response)) as { token?: unknown } | undefined)?.token;
    if (typeof token !== "string" || token === "") throw identityError(NexityServiceError, { message: "Nexity answered without an SSO token", request, status: response.status });
    return token;
  }
}
