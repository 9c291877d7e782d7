import type { RequestOptions } from "@openapp/core";
import { AccountOperations } from "../generated/resources.js";
import type { User } from "../models/user.js";

/** The account behind the API key. */
export class AccountResource extends AccountOperations {
  /**
   * The account behind the API key, with its pending invites (`[]` when the server leaves them out).
   * `GET /whoami`.
   * Errors: see {@link OmletClient}.
   */
  async getUser(options?: RequestOptions): Promise<User> {
    const user = await this.ctx.kit.call("getUser", {}, options);
    // Older servers leave `invites` out; callers iterate it without checking.
    return { ...user, invites: user.invites ?? [] };
  }
}
