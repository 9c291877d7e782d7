import { type RequestOptions, Resource, checkedRequestOptions } from "@openapp/core";
import type { OverkizContext } from "../context.js";
import { NoGatewaySelectedError, unsupportedOperation } from "../errors.js";
import { type DirectoryGateway, type GatewaySelectingStrategy, isGatewaySelecting } from "../internal/auth/strategy.js";

function gatewaySelecting(ctx: OverkizContext, method: string): GatewaySelectingStrategy {
  const strategy = ctx.session.strategy;
  if (!isGatewaySelecting(strategy)) throw unsupportedOperation(`${method}() is only available for accounts with a gateway directory (Rexel)`);
  return strategy;
}

/** Login, API version, closing, and the gateway choice of directory accounts (Rexel). */
export class SessionResource extends Resource<OverkizContext> {
  /**
   * Opens the session (or checks the token). Called automatically before the first request.
   * `POST /login` for username/password servers; token strategies check or fetch their token (partner identity providers included).
   * @throws {BadCredentialsError} (or a brand's subclass) when the credentials are refused.
   * @throws {LoginLockedError} without a request while the pause after refused logins (`loginBackoff`) runs.
   */
  async login(options?: RequestOptions): Promise<void> {
    return this.ctx.session.login(this.ctx.kit.calls, checkedRequestOptions(options, "login"));
  }

  /**
   * Protocol version of the API, e.g. `2024.4.2-7`; answered without credentials (`security: []`).
   * `GET /apiVersion`.
   * @throws {BaseOverkizError} for an error answer.
   */
  async getApiVersion(options?: RequestOptions): Promise<string> {
    return (await this.ctx.kit.call("getApiVersion", {}, options)).protocolVersion;
  }

  /**
   * Sends what the action queue holds, then unregisters the event listener, releases the auth
   * strategy and forgets cached answers.
   * `POST /events/{listenerId}/unregister` when a listener is registered; that failure is only logged.
   */
  async close(options?: RequestOptions): Promise<void> {
    await this.ctx.actionQueue?.flush();
    try {
      await this.ctx.listener.unregister(this.ctx.kit.calls, options);
    } catch (error) {
      this.ctx.logger.warn("could not unregister the event listener", { reason: error instanceof Error ? error.message : String(error) });
    } finally {
      this.ctx.listener.forget();
      this.ctx.resetCache();
      await this.ctx.session.strategy.close?.();
    }
  }

  /**
   * Gateways of the account (Rexel's directory); works before a gateway is chosen.
   * @throws {UnsupportedOperationError} (also a ConfigError) before any request, for accounts without a gateway directory (anything but Rexel).
   */
  async discoverGateways(options?: RequestOptions): Promise<DirectoryGateway[]> {
    const strategy = gatewaySelecting(this.ctx, "discoverGateways");
    if (!strategy.isAuthenticated()) {
      // Signing in may stop at "which gateway?"; the tokens it got are what discovery needs.
      await this.ctx.session.login(this.ctx.kit.calls, options).catch((error: unknown) => {
        if (!(error instanceof NoGatewaySelectedError)) throw error;
      });
    }
    return strategy.discoverGateways(this.ctx.session.context(this.ctx.kit.calls, options));
  }

  /**
   * The gateway every following call is for (Rexel); sent as the `gatewayId` header.
   * No request is made; a different gateway forgets cached answers.
   * @throws {UnsupportedOperationError} (also a ConfigError) before any request, for accounts without a gateway directory (anything but Rexel).
   */
  selectGateway(gatewayId: string): void {
    const strategy = gatewaySelecting(this.ctx, "selectGateway");
    if (strategy.gatewayId !== undefined && strategy.gatewayId !== gatewayId) this.ctx.resetCache();
    strategy.selectGateway(gatewayId);
  }
}
