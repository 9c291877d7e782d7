import { call } from "../internal/call.js";
import type { OpenAppContext } from "../internal/context.js";
import type { Body, OpenAppRequestOptions as Options, Result } from "../internal/types.js";

/** `client.eula`: the end-user licence agreement. */
export function eulaResource(ctx: OpenAppContext) {
  return {
    /** The current text and its version. */
    current(options?: Options): Promise<Result<"get_eula">> {
      return call(ctx, "get_eula", {}, options);
    },
    /** Records acceptance; the gateway identifies the user from a browser session. */
    accept(body: Body<"accept_eula"> = { accepted: true }, options?: Options): Promise<Result<"accept_eula">> {
      return call(ctx, "accept_eula", { body }, options);
    },
  };
}

export type EulaResource = ReturnType<typeof eulaResource>;
