import type { RequestOptions } from "@openapp/core";
import type { OmletContext } from "../client.js";
import type { AccountUpdate, User } from "../models/types.js";

/** The account behind the API key (`GET /whoami`), with its pending invites. */
export async function getUser(ctx: OmletContext, options?: RequestOptions): Promise<User> {
  const user = await ctx.kit.call("getUser", {}, options);
  // Older servers leave `invites` out; callers iterate it without checking.
  return { ...user, invites: user.invites ?? [] };
}

export async function updateAccount(ctx: OmletContext, update: AccountUpdate, options?: RequestOptions): Promise<void> {
  await ctx.kit.call("updateAccount", { body: update }, options);
}
