import { ConfigError, type SecretSource, asRecord } from "@openapp/core";
import { InvalidTokenError, NoGatewaySelectedError } from "../../errors.js";
import { BearerTokenStrategy } from "./bearer-token.js";
import { type IdentityCaller, getRequest, readJson, sendIdentity } from "./identity-http.js";
import { OAuthBearerStrategy, type OAuthTokens, type TokensListener } from "./oauth.js";
import { type AuthorizationCodeGrant, assertRexelConsent, codeGrantForm, requestRexelTokens } from "./rexel-oauth.js";
import type { AuthContext, DirectoryGateway, GatewaySelectingStrategy } from "./strategy.js";

/** The header naming the gateway every Rexel call is for. */
export const REXEL_GATEWAY_HEADER = "gatewayId";

const isRecord = (value: unknown): value is Record<string, unknown> => asRecord(value) !== undefined;

const text = (value: unknown): string | undefined => (typeof value === "string" && value !== "" ? value : typeof value === "number" ? String(value) : undefined);

async function directoryList(caller: IdentityCaller, url: string, accessToken: string): Promise<Record<string, unknown>[]> {
  const response = await sendIdentity(caller, getRequest(url, { Authorization: `Bearer ${accessToken}` }), InvalidTokenError, "Rexel gateway directory");
  const body = await readJson(response);
  return Array.isArray(body) ? body.filter(isRecord) : [];
}

/** Every Overkiz gateway of the account, home by home (works before a gateway is chosen). */
async function listRexelGateways(caller: IdentityCaller, directoryUrl: string, accessToken: string): Promise<DirectoryGateway[]> {
  const base = directoryUrl.endsWith("/") ? directoryUrl : `${directoryUrl}/`;
  const homes = await directoryList(caller, new URL("homes", base).href, accessToken);
  const gateways: DirectoryGateway[] = [];
  for (const home of homes) {
    const homeId = text(home.id);
    if (!homeId) continue;
    const url = new URL("overkizgateways", base);
    url.searchParams.set("homeId", homeId);
    for (const entry of await directoryList(caller, url.href, accessToken)) {
      const gatewayId = text(entry.gatewayId);
      if (gatewayId) gateways.push({ gatewayId, homeId, homeLabel: text(home.label), externalId: text(entry.externalId), raw: entry });
    }
  }
  return gateways;
}

/** The chosen gateway, picked automatically when the account has exactly one. */
class GatewayChoice {
  #gatewayId: string | undefined;

  constructor(gatewayId: string | undefined) {
    if (gatewayId !== undefined) this.select(gatewayId);
  }

  /** The selected gateway, if any. */
  get gatewayId(): string | undefined {
    return this.#gatewayId;
  }

  select(gatewayId: string): void {
    if (typeof gatewayId !== "string" || gatewayId.trim() === "") throw new ConfigError("gatewayId must be a non-empty string");
    this.#gatewayId = gatewayId.trim();
  }

  discover(context: AuthContext, accessToken: string): Promise<DirectoryGateway[]> {
    return listRexelGateways(context, context.identity.rexel.directoryUrl, accessToken);
  }

  async ensure(context: AuthContext, accessToken: string): Promise<void> {
    if (this.#gatewayId !== undefined) return;
    const gateways = await this.discover(context, accessToken);
    const [only] = gateways;
    if (gateways.length === 1 && only) {
      this.#gatewayId = only.gatewayId;
      context.logger.info("Rexel: selected the account's only gateway", { gatewayId: only.gatewayId });
      return;
    }
    const listed = gateways.map((g) => `${g.gatewayId}${g.homeLabel ? ` (${g.homeLabel})` : ""}`).join(", ");
    throw new NoGatewaySelectedError(
      gateways.length === 0
        ? "The Rexel account has no Overkiz gateway"
        : `The Rexel account has ${gateways.length} gateways (${listed}); call selectGateway(id) or pass credentials.gatewayId`,
    );
  }

  apply(headers: Headers): void {
    if (this.#gatewayId !== undefined) headers.set(REXEL_GATEWAY_HEADER, this.#gatewayId);
  }
}

/** Rexel credentials: an authorization code from the OAuth redirect, or tokens from an earlier sign-in. */
export interface RexelOAuthOptions {
  /** From the redirect after `buildAuthorizeUrl()`; used once. */
  authorizationCode?: string | undefined;
  /** PKCE verifier whose challenge was in the authorize URL; needed with `authorizationCode`. */
  codeVerifier?: string | undefined;
  /** Redirect URI used in the authorize URL; defaults to the endpoints' `redirectUri`. */
  redirectUri?: string | undefined;
  /** A refresh token kept from an earlier session; tried before the code. */
  refreshToken?: string | undefined;
  /** Skips gateway discovery. */
  gatewayId?: string | undefined;
  /** Called with every new set of tokens: persist `refreshToken` to resume later. */
  onTokens?: TokensListener | undefined;
}

/**
 * Rexel with the SDK owning the tokens: the authorization code (PKCE) is exchanged once, the
 * tokens are refreshed before they expire, and every call names the chosen gateway.
 */
export class RexelOAuthStrategy extends OAuthBearerStrategy implements GatewaySelectingStrategy {
  readonly name = "rexel-oauth";
  #grant: AuthorizationCodeGrant | undefined;
  readonly #gateways: GatewayChoice;

  constructor(options: RexelOAuthOptions) {
    super({ refreshToken: options.refreshToken, onTokens: options.onTokens });
    const { authorizationCode: code, codeVerifier, redirectUri } = options;
    if (code !== undefined || codeVerifier !== undefined) {
      if (!code || !codeVerifier) throw new ConfigError("Rexel needs both authorizationCode and codeVerifier");
      this.#grant = { code, codeVerifier, redirectUri };
    }
    if (!this.#grant && !options.refreshToken) {
      throw new ConfigError("Rexel needs { authorizationCode, codeVerifier } from the sign-in redirect, or a refreshToken");
    }
    this.#gateways = new GatewayChoice(options.gatewayId);
  }

  /** The selected gateway, if any. */
  get gatewayId(): string | undefined {
    return this.#gateways.gatewayId;
  }

  override isAuthenticated(): boolean {
    return super.isAuthenticated() && this.#gateways.gatewayId !== undefined;
  }

  /**
   * Gets tokens when needed, then makes sure a gateway is chosen (from the directory).
   * @throws {NoGatewaySelectedError} when the account has several gateways and none was selected.
   */
  override async login(context: AuthContext): Promise<void> {
    // A missing gateway choice alone does not need new tokens.
    if (!super.isAuthenticated()) await super.login(context);
    await this.#gateways.ensure(context, this.accessToken as string);
  }

  protected requestTokens(context: AuthContext): Promise<OAuthTokens> {
    const grant = this.#grant;
    if (!grant) throw new ConfigError("The Rexel authorization code was already used and no refresh token is left; run the sign-in flow again");
    this.#grant = undefined; // codes are single-use
    return requestRexelTokens(context, context.identity.rexel, codeGrantForm(grant, context.identity.rexel), context.now());
  }

  protected requestRefresh(context: AuthContext, refreshToken: string): Promise<OAuthTokens> {
    const form = { grant_type: "refresh_token", refresh_token: refreshToken };
    return requestRexelTokens(context, context.identity.rexel, form, context.now(), refreshToken);
  }

  protected override async accept(context: AuthContext, tokens: OAuthTokens): Promise<void> {
    assertRexelConsent(tokens.accessToken, context.identity.rexel);
  }

  override apply(headers: Headers): void {
    super.apply(headers);
    this.#gateways.apply(headers);
  }

  async discoverGateways(context: AuthContext): Promise<DirectoryGateway[]> {
    if (!super.isAuthenticated()) await super.login(context);
    return this.#gateways.discover(context, this.accessToken as string);
  }

  selectGateway(gatewayId: string): void {
    this.#gateways.select(gatewayId);
  }
}

/**
 * Rexel with the app owning the OAuth flow: the app supplies the current token (a string or a
 * callback read on every request); the SDK only picks the gateway and names it on every call.
 */
export class RexelTokenStrategy extends BearerTokenStrategy implements GatewaySelectingStrategy {
  override readonly name = "rexel-token";
  readonly #gateways: GatewayChoice;

  constructor(token: SecretSource, options: { gatewayId?: string | undefined } = {}) {
    super(token);
    this.#gateways = new GatewayChoice(options.gatewayId);
  }

  /** The selected gateway, if any. */
  get gatewayId(): string | undefined {
    return this.#gateways.gatewayId;
  }

  override isAuthenticated(): boolean {
    return this.#gateways.gatewayId !== undefined;
  }

  /**
   * Makes sure a gateway is chosen (from the directory), reading the token first.
   * @throws {NoGatewaySelectedError} when the account has several gateways and none was selected.
   */
  override async login(context: AuthContext): Promise<void> {
    await this.#gateways.ensure(context, await this.currentToken());
  }

  override async apply(headers: Headers): Promise<void> {
    await super.apply(headers);
    this.#gateways.apply(headers);
  }

  async discoverGateways(context: AuthContext): Promise<DirectoryGateway[]> {
    return this.#gateways.discover(context, await this.currentToken());
  }

  selectGateway(gatewayId: string): void {
    this.#gateways.select(gatewayId);
  }
}
