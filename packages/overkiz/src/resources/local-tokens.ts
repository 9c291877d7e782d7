import type { RequestOptions } from "@openapp/core";
import type { ClientCore } from "../internal/client-core.js";
import type { LocalToken } from "../types.js";
import { checkedId } from "./shared.js";

export const DEFAULT_TOKEN_SCOPE = "devmode";

function gatewayPath(gatewayId: string) {
  return { gatewayId: checkedId("gatewayId", gatewayId) };
}

/** A new token for a gateway's local API; shown only once, activate it next. */
export async function generateLocalToken(core: ClientCore, gatewayId: string, options?: RequestOptions): Promise<string> {
  const path = gatewayPath(gatewayId);
  const answer = await core.call((fetch) => core.raw.GET("/config/{gatewayId}/local/tokens/generate", { params: { path }, fetch }), options);
  return answer.token;
}

export interface LocalTokenActivation {
  token: string;
  /** Shown in the vendor app's token list. */
  label: string;
  /** Defaults to `devmode`. */
  scope?: string | undefined;
}

/** Activates a generated token; returns the activation request id. */
export async function activateLocalToken(
  core: ClientCore,
  gatewayId: string,
  activation: LocalTokenActivation,
  options?: RequestOptions,
): Promise<string> {
  const path = gatewayPath(gatewayId);
  const body = {
    token: checkedId("token", activation.token),
    label: checkedId("label", activation.label),
    scope: checkedId("scope", activation.scope ?? DEFAULT_TOKEN_SCOPE),
  };
  const answer = await core.call((fetch) => core.raw.POST("/config/{gatewayId}/local/tokens", { params: { path }, body, fetch }), options);
  return answer.requestId;
}

export function getLocalTokens(
  core: ClientCore,
  gatewayId: string,
  params: { scope?: string | undefined } = {},
  options?: RequestOptions,
): Promise<LocalToken[]> {
  const path = { ...gatewayPath(gatewayId), scopeOrUuid: checkedId("scope", params.scope ?? DEFAULT_TOKEN_SCOPE) };
  return core.call((fetch) => core.raw.GET("/config/{gatewayId}/local/tokens/{scopeOrUuid}", { params: { path }, fetch }), options);
}

export async function deleteLocalToken(core: ClientCore, gatewayId: string, uuid: string, options?: RequestOptions): Promise<void> {
  const path = { ...gatewayPath(gatewayId), scopeOrUuid: checkedId("uuid", uuid) };
  await core.call((fetch) => core.raw.DELETE("/config/{gatewayId}/local/tokens/{scopeOrUuid}", { params: { path }, fetch }), options);
}

/** Experimental: opens a window of about three minutes for registering tokens on the gateway. */
export async function openLocalPairing(core: ClientCore, gatewayId: string, options?: RequestOptions): Promise<void> {
  const path = gatewayPath(gatewayId);
  await core.call((fetch) => core.raw.POST("/config/{gatewayId}/local/openPairing", { params: { path }, fetch }), options);
}
