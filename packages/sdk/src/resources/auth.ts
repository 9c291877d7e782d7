import type { OpenAppContext } from "../client.js";
import type { OpenAppRequestOptions as Options, Result } from "../models/operation-types.js";

/** `client.auth`: who the credentials belong to, and session housekeeping for browser logins. */
export function authResource(ctx: OpenAppContext) {
  return {
    /** The identity behind the key or session (may be `null`). */
    whoami(options?: Options): Promise<Result<"get_auth_whoami">> {
      return ctx.kit.call("get_auth_whoami", {}, options);
    },
    session(options?: Options): Promise<Result<"get_auth_session">> {
      return ctx.kit.call("get_auth_session", {}, options);
    },
    kratosIdentity(options?: Options): Promise<Result<"get_auth_kratos_identity">> {
      return ctx.kit.call("get_auth_kratos_identity", {}, options);
    },
    /** Resolves when the user is provisioned; AuthenticationError (401) when not. */
    provisioned(options?: Options): Promise<Result<"get_auth_provisioned">> {
      return ctx.kit.call("get_auth_provisioned", {}, options);
    },
    logout(options?: Options): Promise<Result<"post_auth_logout">> {
      return ctx.kit.call("post_auth_logout", {}, options);
    },
    signOut(options?: Options): Promise<Result<"post_auth_sign_out">> {
      return ctx.kit.call("post_auth_sign_out", {}, options);
    },
  };
}

export type AuthResource = ReturnType<typeof authResource>;
