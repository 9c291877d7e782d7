import { type RequestOptions, ValidationError } from "@openapp/core";
import type { OmletContext } from "../client.js";
import type { CountryCode, RegisterRequest } from "../models/types.js";

function required(name: string, value: string): string {
  if (typeof value !== "string" || value === "") throw new ValidationError(`${name} is required`);
  return value;
}

/**
 * Exchanges Omlet app credentials for an API key (used exactly like a console key).
 * `cc` is the account's two-letter shop country, e.g. `GB` (not `UK`) or `US`.
 */
export async function login(
  ctx: OmletContext,
  emailAddress: string,
  password: string,
  cc?: CountryCode,
  options?: RequestOptions,
): Promise<string> {
  const body = { emailAddress: required("emailAddress", emailAddress), password: required("password", password), ...(cc ? { cc } : {}) };
  // A server that echoes the request must not put the password into an error.
  const { apiKey } = await ctx.kit.call("login", { body, secrets: [body.password] }, options);
  return apiKey;
}

/** Expires the key this client uses; later calls with it fail with AuthenticationError. */
export async function logout(ctx: OmletContext, options?: RequestOptions): Promise<void> {
  await ctx.kit.call("logout", {}, options);
}

export async function register(ctx: OmletContext, account: RegisterRequest, options?: RequestOptions): Promise<void> {
  await ctx.kit.call("register", { body: account }, options);
}

/** Emails a reset link; the server answers the same whether or not the address is known. */
export async function resetPassword(ctx: OmletContext, emailAddress: string, options?: RequestOptions): Promise<void> {
  const body = { emailAddress: required("emailAddress", emailAddress) };
  await ctx.kit.call("resetPassword", { body }, options);
}
