import type { OpenAppContext } from "../context.js";
import type { Body, OpenAppRequestOptions as Options, Result } from "../models/operation-types.js";

/** `client.billing`: plans, usage and checkout per organization, plus two admin routes. */
export function billingResource(ctx: OpenAppContext) {
  return {
    /**
     * Every published plan.
     * `GET /plans`.
     * @throws {ApiError} for a non-2xx answer.
     */
    plans(options?: Options): Promise<Result<"get_plans">> {
      return ctx.kit.call("get_plans", {}, options);
    },
    /**
     * Get the organization's plan.
     * `GET /orgs/{id}/billing/plan`.
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    plan(orgId: string, options?: Options): Promise<Result<"get_org_billing_plan">> {
      return ctx.kit.call("get_org_billing_plan", { path: { id: orgId } }, options);
    },
    /**
     * List upgrade options.
     * `GET /orgs/{id}/billing/upgrade-options`.
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    upgradeOptions(orgId: string, options?: Options): Promise<Result<"get_org_billing_upgrade_options">> {
      return ctx.kit.call("get_org_billing_upgrade_options", { path: { id: orgId } }, options);
    },
    /**
     * Quota consumption in the current period.
     * `GET /orgs/{id}/billing/usage`.
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    usage(orgId: string, options?: Options): Promise<Result<"get_org_billing_usage">> {
      return ctx.kit.call("get_org_billing_usage", { path: { id: orgId } }, options);
    },
    /**
     * Starts a checkout for a plan tier and returns where to send the user.
     * `POST /orgs/{id}/billing/checkout`.
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    checkout(orgId: string, body: Body<"post_org_billing_checkout">, options?: Options): Promise<Result<"post_org_billing_checkout">> {
      return ctx.kit.call("post_org_billing_checkout", { path: { id: orgId }, body }, options);
    },
    /**
     * A billing-portal link that returns to `return_url`.
     * `POST /orgs/{id}/billing/portal`.
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    portal(orgId: string, body: Body<"post_org_billing_portal">, options?: Options): Promise<Result<"post_org_billing_portal">> {
      return ctx.kit.call("post_org_billing_portal", { path: { id: orgId }, body }, options);
    },
    /**
     * Admin: every quota override.
     * `GET /admin/quota_overrides`.
     * @throws {ApiError} for a non-2xx answer.
     */
    quotaOverrides(options?: Options): Promise<Result<"get_admin_quota_overrides">> {
      return ctx.kit.call("get_admin_quota_overrides", {}, options);
    },
    /**
     * Admin: raises or lowers one quota for an organization or user.
     * `POST /admin/quota_overrides`.
     * @throws {ApiError} for a non-2xx answer.
     */
    setQuotaOverride(body: Body<"post_admin_quota_override">, options?: Options): Promise<Result<"post_admin_quota_override">> {
      return ctx.kit.call("post_admin_quota_override", { body }, options);
    },
    /**
     * Forwards a payment provider's webhook payload (raw bytes, as received).
     * `POST /billing/webhooks/{provider}`.
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    webhook(provider: string, payload: Body<"post_billing_webhook">, options?: Options): Promise<Result<"post_billing_webhook">> {
      return ctx.kit.call("post_billing_webhook", { path: { provider }, body: payload }, options);
    },
  };
}

/** The type of `client.billing`: the methods returned by {@link billingResource}. */
export type BillingResource = ReturnType<typeof billingResource>;
