import { call } from "../internal/call.js";
import type { OpenAppContext } from "../internal/context.js";
import type { Body, OpenAppRequestOptions as Options, Result } from "../internal/types.js";

/** `client.me`: the signed-in resident's own view. */
export function meResource(ctx: OpenAppContext) {
  return {
    apartments(options?: Options): Promise<Result<"get_me_apartments">> {
      return call(ctx, "get_me_apartments", {}, options);
    },
    /** Invites this user has claimed. */
    invitations(options?: Options): Promise<Result<"get_me_invitations">> {
      return call(ctx, "get_me_invitations", {}, options);
    },
    pushSubscriptionStatus(options?: Options): Promise<Result<"get_me_push_subscription_status">> {
      return call(ctx, "get_me_push_subscription_status", {}, options);
    },
    /** Registers a Web Push subscription (`endpoint`, `p256dh`, `auth`). */
    subscribePush(body: Body<"post_me_push_subscription">, options?: Options): Promise<Result<"post_me_push_subscription">> {
      return call(ctx, "post_me_push_subscription", { body }, options);
    },
    /** NotFoundError when the deployment has no push configured. */
    pushVapidPublicKey(options?: Options): Promise<Result<"get_me_push_vapid_public_key">> {
      return call(ctx, "get_me_push_vapid_public_key", {}, options);
    },
  };
}

export type MeResource = ReturnType<typeof meResource>;
