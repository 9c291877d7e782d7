import type { OpenAppContext } from "../client.js";
import type { Body, OpenAppRequestOptions as Options, Result } from "../models/operation-types.js";

/** `client.eula`: the end-user licence agreement. */
export function eulaResource(ctx: OpenAppContext) {
  return {
    /** The current text and its version. */
    current(options?: Options): Promise<Result<"get_eula">> {
      return ctx.kit.call("get_eula", {}, options);
    },
    /** Records acceptance; the gateway identifies the user from a browser session. */
    accept(body: Body<"accept_eula"> = { accepted: true }, options?: Options): Promise<Result<"accept_eula">> {
      return ctx.kit.call("accept_eula", { body }, options);
    },
  };
}

export type EulaResource = ReturnType<typeof eulaResource>;
