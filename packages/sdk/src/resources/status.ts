import { call } from "../internal/call.js";
import type { OpenAppContext } from "../internal/context.js";
import type { OpenAppRequestOptions as Options, Result } from "../internal/types.js";

/** `client.status`: a cheap health probe that needs no key. */
export function statusResource(ctx: OpenAppContext) {
  return {
    /** Backend environment and version. */
    get(options?: Options): Promise<Result<"get_backend_status">> {
      return call(ctx, "get_backend_status", {}, options);
    },
  };
}

export type StatusResource = ReturnType<typeof statusResource>;
