import type { OpenAppContext } from "../context.js";
import type { OpenAppRequestOptions as Options, Result } from "../models/operation-types.js";

/** `client.auth`: who the credentials belong to, and session housekeeping for browser logins. */
export function authResource(ctx: OpenAppContext) {
  return {
    /**
     * The identity behind the key or session (may be `null`).
     * `GET /auth/whoami`.
     * @throws {ApiError} for a non-2xx answer.
     */
    whoami(options?: Options): Promise<Result<"get_auth_whoami">> {
      return ctx.kit.call("get_auth_whoami", {}, options);
    },
    /**
     * Get the current session.
     * `GET /auth/session`.
     * @throws {ApiError} for a non-2xx answer.
     */
    session(options?: Options): Promise<Result<"get_auth_session">> {
      return ctx.kit.call("get_auth_session", {}, options);
    },
    /**
     * Get the current session (alternate path).
     * `GET /auth/kratos-identity`.
     * @throws {ApiError} for a non-2xx answer.
     */
    kratosIdentity(options?: Options): Promise<Result<"get_auth_kratos_identity">> {
      return ctx.kit.call("get_auth_kratos_identity", {}, options);
    },
    /**
     * Resolves when the user is provisioned; AuthenticationError (401) when not.
     * `GET /auth/provisioned`.
     * @throws {ApiError} for a non-2xx answer.
     */
    provisioned(options?: Options): Promise<Result<"get_auth_provisioned">> {
      return ctx.kit.call("get_auth_provisioned", {}, options);
    },
    /**
     * Log out.
     * `POST /auth/logout`.
     * @throws {ApiError} for a non-2xx answer.
     */
    logout(options?: Options): Promise<Result<"post_auth_logout">> {
      return ctx.kit.call("post_auth_logout", {}, options);
    },
    /**
     * Sign out.
     * `POST /auth/sign-out`.
     * @throws {ApiError} for a non-2xx answer.
     */
    signOut(options?: Options): Promise<Result<"post_auth_sign_out">> {
      return ctx.kit.call("post_auth_sign_out", {}, options);
    },
  };
}

/** The type of `client.auth`: the methods returned by {@link authResource}. */
export type AuthResource = ReturnType<typeof authResource>;
