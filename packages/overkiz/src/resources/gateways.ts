import { type RequestOptions, Resource } from "@openapp/core";
import type { OverkizContext } from "../context.js";
import { type Gateway, parseGateways } from "../models/gateway.js";
import type { RefreshParams } from "./devices.js";
import { checkedId, checkedParams } from "./shared.js";

const gatewayPath = (gatewayId: string) => ({ gatewayId: checkedId("gatewayId", gatewayId) });

export class GatewaysResource extends Resource<OverkizContext> {
  /**
   * All gateways.
   * `GET /setup/gateways`.
   * @throws {ValidationError} before any request when `params` has an unknown name.
   * @throws {BadCredentialsError} when the login made first (when not signed in) is refused.
   * @throws {BaseOverkizError} for an error answer.
   */
  async getGateways(params?: RefreshParams, options?: RequestOptions): Promise<Gateway[]> {
    const { refresh } = checkedParams(params, "getGateways", ["refresh"]);
    if (!refresh && this.ctx.cache.gateways) return this.ctx.cache.gateways;
    this.ctx.cache.gateways = parseGateways(await this.ctx.kit.call("getGateways", {}, options), this.ctx.logger);
    return this.ctx.cache.gateways;
  }

  /**
   * Whether developer mode (the local API) is active on a gateway.
   * `GET /setup/gateways/{gatewayId}/developerMode`.
   * @throws {BadCredentialsError} when the login made first (when not signed in) is refused.
   * @throws {BaseOverkizError} for an error answer.
   */
  async getDeveloperMode(gatewayId: string, options?: RequestOptions): Promise<boolean> {
    return (await this.ctx.kit.call("getDeveloperMode", { path: gatewayPath(gatewayId) }, options)).active;
  }

  /**
   * Activate developer mode on a gateway.
   * `POST /setup/gateways/{gatewayId}/developerMode`.
   * @throws {BadCredentialsError} when the login made first (when not signed in) is refused.
   * @throws {BaseOverkizError} for an error answer.
   */
  async activateDeveloperMode(gatewayId: string, options?: RequestOptions): Promise<void> {
    await this.ctx.kit.call("activateDeveloperMode", { path: gatewayPath(gatewayId) }, options);
  }

  /**
   * Experimental: not documented by the vendor; some gateways answer NoSuchResourceError.
   * `DELETE /setup/gateways/{gatewayId}/developerMode`.
   * @throws {BadCredentialsError} when the login made first (when not signed in) is refused.
   * @throws {BaseOverkizError} for an error answer.
   */
  async deactivateDeveloperMode(gatewayId: string, options?: RequestOptions): Promise<void> {
    await this.ctx.kit.call("deactivateDeveloperMode", { path: gatewayPath(gatewayId) }, options);
  }
}
