import type { OpenAppContext } from "../context.js";
import type { OpenAppRequestOptions as Options, Result } from "../models/operation-types.js";

/** `client.status`: a cheap health probe that needs no key. */
export function statusResource(ctx: OpenAppContext) {
  return {
    /**
     * Backend environment and version.
     * `GET /status`.
     * @throws {ApiError} for a non-2xx answer.
     */
    get(options?: Options): Promise<Result<"get_backend_status">> {
      return ctx.kit.call("get_backend_status", {}, options);
    },
  };
}

/** The type of `client.status`: the methods returned by {@link statusResource}. */
export type StatusResource = ReturnType<typeof statusResource>;
