import { type RequestOptions, ValidationError } from "@openapp/core";
import { AuthOperations } from "../generated/resources.js";
import type { CountryCode } from "../models/user.js";

function required(name: string, value: string): string {
  if (typeof value !== "string" || value === "") throw new ValidationError(`${name} is required`);
  return value;
}

/** Signing in and out, registering, resetting a password. */
export class AuthResource extends AuthOperations {
  /**
   * Returns an API key for these app credentials (used exactly like a console key); no key is
   * needed to call it. `cc` is the account's two-letter shop country, e.g. `GB` (not `UK`) or `US`.
   * `POST /login`; the password is masked in every error.
   * Errors: see {@link OmletClient}.
   * @throws {ValidationError} before any request when the email address or password is empty.
   * @throws {LoginFailedError} when the server refuses the credentials (401).
   */
  async login(emailAddress: string, password: string, cc?: CountryCode, options?: RequestOptions): Promise<string> {
    const body = { emailAddress: required("emailAddress", emailAddress), password: required("password", password), ...(cc ? { cc } : {}) };
    // A server that echoes the request must not put the password into an error.
    const { apiKey } = await this.ctx.kit.call("login", { body, secrets: [body.password] }, options);
    return apiKey;
  }

  /**
   * Emails a reset link; the server answers the same whether or not the address is known.
   * `POST /resetpassword`; no key is needed.
   * Errors: see {@link OmletClient}.
   * @throws {ValidationError} before any request when the email address is empty.
   */
  async resetPassword(emailAddress: string, options?: RequestOptions): Promise<void> {
    const body = { emailAddress: required("emailAddress", emailAddress) };
    await this.ctx.kit.call("resetPassword", { body }, options);
  }
}
