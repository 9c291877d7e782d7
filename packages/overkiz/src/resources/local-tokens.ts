import { type RequestOptions, Resource } from "@openapp/core";
import type { OverkizContext } from "../context.js";
import { type LocalToken, parseLocalToken } from "../models/local-token.js";
import { checkedId, checkedParams } from "./shared.js";

/** Scope of local tokens unless given: `devmode`. */
export const DEFAULT_TOKEN_SCOPE = "devmode";

/** What `activateLocalToken` sends: the token, its label and scope. */
export interface LocalTokenActivation {
  /** The token `generateLocalToken` returned. */
  token: string;
  /** Shown in the vendor app's token list. */
  label: string;
  /** Defaults to `devmode`. */
  scope?: string | undefined;
}

/** Options of `getLocalTokens()`. */
export interface LocalTokensParams {
  /** Defaults to `devmode`. */
  scope?: string | undefined;
}

const gatewayPath = (gatewayId: string) => ({ gatewayId: checkedId("gatewayId", gatewayId) });

/** Local API tokens, managed through the cloud. */
export class LocalTokensResource extends Resource<OverkizContext> {
  /**
   * A new token for a gateway's local API; shown only once, activate it next.
   * `GET /config/{gatewayId}/local/tokens/generate`.
   * @throws {BadCredentialsError} when the login made first (when not signed in) is refused.
   * @throws {BaseOverkizError} for an error answer.
   */
  async generateLocalToken(gatewayId: string, options?: RequestOptions): Promise<string> {
    return (await this.ctx.kit.call("generateLocalToken", { path: gatewayPath(gatewayId) }, options)).token;
  }

  /**
   * Activates a generated token; returns the activation request id.
   * `POST /config/{gatewayId}/local/tokens`.
   * @throws {ValidationError} before any request when `token` is empty, or `label` is empty, or `scope` is empty, or `params` has an unknown name.
   * @throws {BadCredentialsError} when the login made first (when not signed in) is refused.
   * @throws {BaseOverkizError} for an error answer.
   */
  async activateLocalToken(gatewayId: string, activation: LocalTokenActivation, options?: RequestOptions): Promise<string> {
    const { token, label, scope } = checkedParams(activation, "activateLocalToken", ["token", "label", "scope"]);
    const body = {
      token: checkedId("token", token as string),
      label: checkedId("label", label as string),
      scope: checkedId("scope", scope ?? DEFAULT_TOKEN_SCOPE),
    };
    return (await this.ctx.kit.call("activateLocalToken", { path: gatewayPath(gatewayId), body }, options)).requestId;
  }

  /**
   * Active local tokens of a scope.
   * `GET /config/{gatewayId}/local/tokens/{scopeOrUuid}`.
   * @throws {ValidationError} before any request when `scope` is empty, or `params` has an unknown name.
   * @throws {BadCredentialsError} when the login made first (when not signed in) is refused.
   * @throws {BaseOverkizError} for an error answer.
   */
  async getLocalTokens(gatewayId: string, params?: LocalTokensParams, options?: RequestOptions): Promise<LocalToken[]> {
    const { scope } = checkedParams(params, "getLocalTokens", ["scope"]);
    const path = { ...gatewayPath(gatewayId), scopeOrUuid: checkedId("scope", scope ?? DEFAULT_TOKEN_SCOPE) };
    const answer = await this.ctx.kit.call("getLocalTokens", { path }, options);
    return (Array.isArray(answer) ? answer : []).map(parseLocalToken);
  }

  /**
   * Revoke a local token.
   * `DELETE /config/{gatewayId}/local/tokens/{scopeOrUuid}`.
   * @throws {ValidationError} before any request when `uuid` is empty.
   * @throws {BadCredentialsError} when the login made first (when not signed in) is refused.
   * @throws {BaseOverkizError} for an error answer.
   */
  async deleteLocalToken(gatewayId: string, uuid: string, options?: RequestOptions): Promise<void> {
    await this.ctx.kit.call("deleteLocalToken", { path: { ...gatewayPath(gatewayId), scopeOrUuid: checkedId("uuid", uuid) } }, options);
  }

  /**
   * Experimental: opens a window of about three minutes for registering tokens on the gateway.
   * `POST /config/{gatewayId}/local/openPairing`.
   * @throws {BadCredentialsError} when the login made first (when not signed in) is refused.
   * @throws {BaseOverkizError} for an error answer.
   */
  async openLocalPairing(gatewayId: string, options?: RequestOptions): Promise<void> {
    await this.ctx.kit.call("openLocalPairing", { path: gatewayPath(gatewayId) }, options);
  }
}
