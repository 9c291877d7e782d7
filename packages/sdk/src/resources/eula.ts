import type { OpenAppContext } from "../context.js";
import type { Body, OpenAppRequestOptions as Options, Result } from "../models/operation-types.js";

/** `client.eula`: the end-user licence agreement. */
export function eulaResource(ctx: OpenAppContext) {
  return {
    /**
     * The current text and its version.
     * `GET /eula`.
     * @throws {ApiError} for a non-2xx answer.
     */
    current(options?: Options): Promise<Result<"get_eula">> {
      return ctx.kit.call("get_eula", {}, options);
    },
    /**
     * Records acceptance; the gateway identifies the user from a browser session.
     * `POST /eula/accept`.
     * @throws {ConfigError} before any request when the client has no API key.
     * @throws {ApiError} for a non-2xx answer.
     */
    accept(body: Body<"accept_eula"> = { accepted: true }, options?: Options): Promise<Result<"accept_eula">> {
      return ctx.kit.call("accept_eula", { body }, options);
    },
  };
}

/** The type of `client.eula`: the methods returned by {@link eulaResource}. */
export type EulaResource = ReturnType<typeof eulaResource>;
