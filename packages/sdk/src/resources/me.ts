import type { OpenAppContext } from "../client.js";
import type { Body, OpenAppRequestOptions as Options, Result } from "../models/operation-types.js";

/** `client.me`: the signed-in resident's own view. */
export function meResource(ctx: OpenAppContext) {
  return {
    apartments(options?: Options): Promise<Result<"get_me_apartments">> {
      return ctx.kit.call("get_me_apartments", {}, options);
    },
    /** Invites this user has claimed. */
    invitations(options?: Options): Promise<Result<"get_me_invitations">> {
      return ctx.kit.call("get_me_invitations", {}, options);
    },
    pushSubscriptionStatus(options?: Options): Promise<Result<"get_me_push_subscription_status">> {
      return ctx.kit.call("get_me_push_subscription_status", {}, options);
    },
    /** Registers a Web Push subscription (`endpoint`, `p256dh`, `auth`). */
    subscribePush(body: Body<"post_me_push_subscription">, options?: Options): Promise<Result<"post_me_push_subscription">> {
      return ctx.kit.call("post_me_push_subscription", { body }, options);
    },
    /** NotFoundError when the deployment has no push configured. */
    pushVapidPublicKey(options?: Options): Promise<Result<"get_me_push_vapid_public_key">> {
      return ctx.kit.call("get_me_push_vapid_public_key", {}, options);
    },
  };
}

export type MeResource = ReturnType<typeof meResource>;
