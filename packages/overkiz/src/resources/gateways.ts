import type { RequestOptions } from "@openapp/core";
import type { OverkizContext } from "../client.js";
import { type Gateway, parseGateways } from "../models/resources.js";
import type { RefreshParams } from "./devices.js";
import { checkedId, checkedParams } from "./shared.js";

const gatewayPath = (gatewayId: string) => ({ gatewayId: checkedId("gatewayId", gatewayId) });

export function gatewaysResource(ctx: OverkizContext) {
  const { kit } = ctx;
  return {
    /**
     * All gateways.
     * `GET /setup/gateways`.
     * @throws {ValidationError} before any request when `params` has an unknown name.
     * @throws {BadCredentialsError} when the login made first (when not signed in) is refused.
     * @throws {BaseOverkizError} for an error answer.
     */
    async getGateways(params?: RefreshParams, options?: RequestOptions): Promise<Gateway[]> {
      const { refresh } = checkedParams(params, "getGateways", ["refresh"]);
      if (!refresh && ctx.cache.gateways) return ctx.cache.gateways;
      ctx.cache.gateways = parseGateways(await kit.call("getGateways", {}, options), ctx.logger);
      return ctx.cache.gateways;
    },

    /**
     * Whether developer mode (the local API) is active on a gateway.
     * `GET /setup/gateways/{gatewayId}/developerMode`.
     * @throws {BadCredentialsError} when the login made first (when not signed in) is refused.
     * @throws {BaseOverkizError} for an error answer.
     */
    async getDeveloperMode(gatewayId: string, options?: RequestOptions): Promise<boolean> {
      return (await kit.call("getDeveloperMode", { path: gatewayPath(gatewayId) }, options)).active;
    },

    /**
     * Activate developer mode on a gateway.
     * `POST /setup/gateways/{gatewayId}/developerMode`.
     * @throws {BadCredentialsError} when the login made first (when not signed in) is refused.
     * @throws {BaseOverkizError} for an error answer.
     */
    async activateDeveloperMode(gatewayId: string, options?: RequestOptions): Promise<void> {
      await kit.call("activateDeveloperMode", { path: gatewayPath(gatewayId) }, options);
    },

    /**
     * Experimental: not documented by the vendor; some gateways answer NoSuchResourceError.
     * `DELETE /setup/gateways/{gatewayId}/developerMode`.
     * @throws {BadCredentialsError} when the login made first (when not signed in) is refused.
     * @throws {BaseOverkizError} for an error answer.
     */
    async deactivateDeveloperMode(gatewayId: string, options?: RequestOptions): Promise<void> {
      await kit.call("deactivateDeveloperMode", { path: gatewayPath(gatewayId) }, options);
    },
  };
}

export type GatewaysResource = ReturnType<typeof gatewaysResource>;
