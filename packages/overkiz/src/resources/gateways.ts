import type { RequestOptions } from "@openapp/core";
import type { ClientCore } from "../internal/client-core.js";
import type { Gateway } from "../types.js";
import { checkedId } from "./shared.js";

export async function getGateways(core: ClientCore, params: { refresh?: boolean | undefined } = {}, options?: RequestOptions): Promise<Gateway[]> {
  if (!params.refresh && core.cache.gateways) return core.cache.gateways;
  core.cache.gateways = await core.call((fetch) => core.raw.GET("/setup/gateways", { fetch }), options);
  return core.cache.gateways;
}

function gatewayPath(gatewayId: string) {
  return { gatewayId: checkedId("gatewayId", gatewayId) };
}

/** Whether developer mode (the local API) is active on a gateway. */
export async function getDeveloperMode(core: ClientCore, gatewayId: string, options?: RequestOptions): Promise<boolean> {
  const path = gatewayPath(gatewayId);
  const answer = await core.call((fetch) => core.raw.GET("/setup/gateways/{gatewayId}/developerMode", { params: { path }, fetch }), options);
  return answer.active;
}

export async function activateDeveloperMode(core: ClientCore, gatewayId: string, options?: RequestOptions): Promise<void> {
  const path = gatewayPath(gatewayId);
  await core.call((fetch) => core.raw.POST("/setup/gateways/{gatewayId}/developerMode", { params: { path }, fetch }), options);
}

/** Experimental: not documented by the vendor; some gateways answer NoSuchResourceError. */
export async function deactivateDeveloperMode(core: ClientCore, gatewayId: string, options?: RequestOptions): Promise<void> {
  const path = gatewayPath(gatewayId);
  await core.call((fetch) => core.raw.DELETE("/setup/gateways/{gatewayId}/developerMode", { params: { path }, fetch }), options);
}
