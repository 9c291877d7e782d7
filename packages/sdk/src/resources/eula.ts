import { EulaOperations } from "../generated/resources.js";
import type { Body, OpenAppRequestOptions, Result } from "../models/operation-types.js";

/** `client.eula`: the end-user licence agreement. */
export class EulaResource extends EulaOperations {
  /**
   * Records acceptance (the body defaults to `{ accepted: true }`); the gateway identifies the
   * user from a browser session.
   * `POST /eula/accept`. Errors: see {@link OpenAppClient}.
   */
  accept(body: Body<"accept_eula"> = { accepted: true }, options?: OpenAppRequestOptions): Promise<Result<"accept_eula">> {
    return this.ctx.kit.call("accept_eula", { body }, options);
  }
}
