import type { RequestOptions } from "@openapp/core";
import type { OverkizContext } from "../client.js";
import { type LocalToken, parseLocalToken } from "../models/resources.js";
import { checkedId, checkedParams } from "./shared.js";

export const DEFAULT_TOKEN_SCOPE = "devmode";

export interface LocalTokenActivation {
  token: string;
  /** Shown in the vendor app's token list. */
  label: string;
  /** Defaults to `devmode`. */
  scope?: string | undefined;
}

export interface LocalTokensParams {
  /** Defaults to `devmode`. */
  scope?: string | undefined;
}

const gatewayPath = (gatewayId: string) => ({ gatewayId: checkedId("gatewayId", gatewayId) });

/** Local API tokens, managed through the cloud. */
export function localTokensResource(ctx: OverkizContext) {
  const { kit } = ctx;
  return {
    /** A new token for a gateway's local API; shown only once, activate it next. */
    async generateLocalToken(gatewayId: string, options?: RequestOptions): Promise<string> {
      return (await kit.call("generateLocalToken", { path: gatewayPath(gatewayId) }, options)).token;
    },

    /** Activates a generated token; returns the activation request id. */
    async activateLocalToken(gatewayId: string, activation: LocalTokenActivation, options?: RequestOptions): Promise<string> {
      const { token, label, scope } = checkedParams(activation, "activateLocalToken", ["token", "label", "scope"]);
      const body = {
        token: checkedId("token", token as string),
        label: checkedId("label", label as string),
        scope: checkedId("scope", scope ?? DEFAULT_TOKEN_SCOPE),
      };
      return (await kit.call("activateLocalToken", { path: gatewayPath(gatewayId), body }, options)).requestId;
    },

    async getLocalTokens(gatewayId: string, params?: LocalTokensParams, options?: RequestOptions): Promise<LocalToken[]> {
      const { scope } = checkedParams(params, "getLocalTokens", ["scope"]);
      const path = { ...gatewayPath(gatewayId), scopeOrUuid: checkedId("scope", scope ?? DEFAULT_TOKEN_SCOPE) };
      const answer = await kit.call("getLocalTokens", { path }, options);
      return (Array.isArray(answer) ? answer : []).map(parseLocalToken);
    },

    async deleteLocalToken(gatewayId: string, uuid: string, options?: RequestOptions): Promise<void> {
      await kit.call("deleteLocalToken", { path: { ...gatewayPath(gatewayId), scopeOrUuid: checkedId("uuid", uuid) } }, options);
    },

    /** Experimental: opens a window of about three minutes for registering tokens on the gateway. */
    async openLocalPairing(gatewayId: string, options?: RequestOptions): Promise<void> {
      await kit.call("openLocalPairing", { path: gatewayPath(gatewayId) }, options);
    },
  };
}

export type LocalTokensResource = ReturnType<typeof localTokensResource>;
