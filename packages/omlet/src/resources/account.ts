import { Resource, type RequestOptions } from "@openapp/core";
import type { OmletContext } from "../context.js";
import type { AccountUpdate, User } from "../models/user.js";

/** The account behind the API key. */
export class AccountResource extends Resource<OmletContext> {
  /**
   * The account behind the API key, with its pending invites (`[]` when the server leaves them out).
   * `GET /whoami`.
   * @throws See {@link OmletClient | the error contract}.
   */
  async getUser(options?: RequestOptions): Promise<User> {
    const user = await this.ctx.kit.call("getUser", {}, options);
    // Older servers leave `invites` out; callers iterate it without checking.
    return { ...user, invites: user.invites ?? [] };
  }

  /**
   * Changes the user's name or email address.
   * `PATCH /account`.
   * @throws See {@link OmletClient | the error contract}.
   */
  async updateAccount(update: AccountUpdate, options?: RequestOptions): Promise<void> {
    await this.ctx.kit.call("updateAccount", { body: update }, options);
  }
}
