import type { OpenAppContext } from "../context.js";
import type { Body, OpenAppRequestOptions as Options, Result } from "../models/operation-types.js";

/** `client.me`: the signed-in resident's own view. */
export function meResource(ctx: OpenAppContext) {
  return {
    /**
     * List my apartments.
     * `GET /me/apartments`.
     * @throws {ApiError} for a non-2xx answer.
     */
    apartments(options?: Options): Promise<Result<"get_me_apartments">> {
      return ctx.kit.call("get_me_apartments", {}, options);
    },
    /**
     * Invites this user has claimed.
     * `GET /me/invitations`.
     * @throws {ApiError} for a non-2xx answer.
     */
    invitations(options?: Options): Promise<Result<"get_me_invitations">> {
      return ctx.kit.call("get_me_invitations", {}, options);
    },
    /**
     * Get my push subscription status.
     * `GET /me/push-subscription-status`.
     * @throws {ApiError} for a non-2xx answer.
     */
    pushSubscriptionStatus(options?: Options): Promise<Result<"get_me_push_subscription_status">> {
      return ctx.kit.call("get_me_push_subscription_status", {}, options);
    },
    /**
     * Registers a Web Push subscription (`endpoint`, `p256dh`, `auth`).
     * `POST /me/push-subscriptions`.
     * @throws {ApiError} for a non-2xx answer.
     */
    subscribePush(body: Body<"post_me_push_subscription">, options?: Options): Promise<Result<"post_me_push_subscription">> {
      return ctx.kit.call("post_me_push_subscription", { body }, options);
    },
    /**
     * NotFoundError when the deployment has no push configured.
     * `GET /me/push-vapid-public-key`.
     * @throws {ApiError} for a non-2xx answer.
     */
    pushVapidPublicKey(options?: Options): Promise<Result<"get_me_push_vapid_public_key">> {
      return ctx.kit.call("get_me_push_vapid_public_key", {}, options);
    },
  };
}

/** The type of `client.me`: the methods returned by {@link meResource}. */
export type MeResource = ReturnType<typeof meResource>;
