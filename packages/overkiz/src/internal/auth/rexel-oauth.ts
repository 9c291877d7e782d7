/**
 * Rexel Energeasy Connect sign-in helpers (Azure AD B2C, authorization code + PKCE), usable on
 * their own by apps that run the browser part of the flow, and by the Rexel strategies.
 */
import { type FetchLike, Transport } from "@openapp/core";
import { InvalidTokenError } from "../../errors.js";
import { type IdentityEndpoints, resolveIdentityEndpoints } from "./identity-endpoints.js";
import { type IdentityCaller, formRequest, identityError, readJson, sendIdentity } from "./identity-http.js";
import { type OAuthTokens, jwtClaims, readTokenAnswer } from "./oauth.js";

/** Rexel's OAuth endpoints and client id. */
export type RexelEndpoints = IdentityEndpoints["rexel"];

/** A PKCE verifier and its challenge, for `buildAuthorizeUrl()`. */
export interface PkcePair {
  /** Keep it until the code comes back; never send it to the authorize URL. */
  codeVerifier: string;
  /** S256 challenge of the verifier, for the authorize URL. */
  codeChallenge: string;
}

function base64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** base64url(SHA-256(verifier)) without padding (RFC 7636 S256). */
export async function pkceChallenge(codeVerifier: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest("SHA-256", new TextEncoder().encode(codeVerifier));
  return base64Url(new Uint8Array(digest));
}

/** A random verifier (32 to 96 bytes, 64 by default) and its S256 challenge. */
export async function createPkcePair(byteLength = 64): Promise<PkcePair> {
  if (!Number.isInteger(byteLength) || byteLength < 32 || byteLength > 96) throw new RangeError("PKCE verifiers need 32 to 96 random bytes");
  const codeVerifier = base64Url(globalThis.crypto.getRandomValues(new Uint8Array(byteLength)));
  return { codeVerifier, codeChallenge: await pkceChallenge(codeVerifier) };
}

/** What `buildAuthorizeUrl()` puts into Rexel's authorize URL. */
export interface AuthorizeUrlOptions {
  /** PKCE challenge, e.g. from `createPkcePair()`. */
  codeChallenge: string;
  /** Echoed back on the redirect; use it to match the answer to the request. */
  state?: string | undefined;
  /** Where Rexel sends the user back; defaults to the endpoints' `redirectUri`. */
  redirectUri?: string | undefined;
  /** Replacements for some of Rexel's default endpoints. */
  endpoints?: Partial<RexelEndpoints> | undefined;
}

/** The page to open in a browser; Rexel redirects back with `?code=…&state=…`. */
export function buildAuthorizeUrl(options: AuthorizeUrlOptions): string {
  const endpoints = resolveIdentityEndpoints({ rexel: options.endpoints }).rexel;
  const url = new URL(endpoints.authorizeUrl);
  const query = {
    p: endpoints.policy,
    client_id: endpoints.clientId,
    response_type: "code",
    redirect_uri: options.redirectUri ?? endpoints.redirectUri,
    response_mode: "query",
    scope: endpoints.scope,
    code_challenge: options.codeChallenge,
    code_challenge_method: "S256",
    ...(options.state === undefined ? {} : { state: options.state }),
  };
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  return url.href;
}

/** Rexel only issues tokens that carry the consent claim; anything else is refused early. */
export function assertRexelConsent(accessToken: string, endpoints?: Partial<RexelEndpoints>): void {
  const { consent, tokenUrl } = resolveIdentityEndpoints({ rexel: endpoints }).rexel;
  if (jwtClaims(accessToken)?.consent === consent) return;
  throw identityError(InvalidTokenError, {
    message: "Rexel access token: consent is missing or revoked; sign in again and accept the consent",
    request: new Request(tokenUrl, { method: "POST" }),
    status: 401,
  });
}

/** Posts one grant to the Rexel token endpoint; refusals become InvalidTokenError. */
export async function requestRexelTokens(
  caller: IdentityCaller,
  endpoints: RexelEndpoints,
  grant: Record<string, string>,
  now: number,
  previousRefreshToken?: string,
): Promise<OAuthTokens> {
  const url = new URL(endpoints.tokenUrl);
  url.searchParams.set("p", endpoints.policy);
  const request = formRequest(url.href, { ...grant, client_id: endpoints.clientId, scope: endpoints.scope });
  const response = await sendIdentity(caller, request, InvalidTokenError, "Rexel token request");
  const tokens = readTokenAnswer(await readJson(response), now, previousRefreshToken);
  if (!tokens) throw identityError(InvalidTokenError, { message: "Rexel token answer has no access_token", request, status: response.status });
  return tokens;
}

/** Options of the standalone Rexel OAuth helpers. */
export interface RexelRequestOptions {
  /** Defaults to the global fetch. */
  fetch?: FetchLike | undefined;
  /** Replacements for some of Rexel's default endpoints. */
  endpoints?: Partial<RexelEndpoints> | undefined;
  /** Aborts the request. */
  signal?: AbortSignal | undefined;
  /** Milliseconds (default 30 s). */
  timeout?: number | undefined;
  /** Clock in epoch milliseconds, for token expiry; injectable for tests. */
  now?: (() => number) | undefined;
}

function standaloneCaller(options: RexelRequestOptions): IdentityCaller {
  const transport = new Transport({ fetch: options.fetch, maxRetries: 0, timeout: options.timeout });
  return { fetch: (request) => transport.send(request, { signal: options.signal }) };
}

/** The code from the OAuth redirect, with the PKCE verifier it was started with. */
export interface AuthorizationCodeGrant {
  /** The `code` query parameter of the redirect. */
  code: string;
  /** PKCE verifier whose challenge was in the authorize URL. */
  codeVerifier: string;
  /** Redirect URI used in the authorize URL; defaults to the endpoints' `redirectUri`. */
  redirectUri?: string | undefined;
}

/** Trades the code from the redirect for tokens, and checks the consent claim. */
export async function exchangeAuthorizationCode(grant: AuthorizationCodeGrant, options: RexelRequestOptions = {}): Promise<OAuthTokens> {
  const endpoints = resolveIdentityEndpoints({ rexel: options.endpoints }).rexel;
  const tokens = await requestRexelTokens(standaloneCaller(options), endpoints, codeGrantForm(grant, endpoints), (options.now ?? Date.now)());
  assertRexelConsent(tokens.accessToken, endpoints);
  return tokens;
}

/** New tokens for a refresh token (Rexel may rotate it: keep the one returned). */
export async function refreshRexelTokens(refreshToken: string, options: RexelRequestOptions = {}): Promise<OAuthTokens> {
  const endpoints = resolveIdentityEndpoints({ rexel: options.endpoints }).rexel;
  const form = { grant_type: "refresh_token", refresh_token: refreshToken };
  const tokens = await requestRexelTokens(standaloneCaller(options), endpoints, form, (options.now ?? Date.now)(), refreshToken);
  assertRexelConsent(tokens.accessToken, endpoints);
  return tokens;
}

export function codeGrantForm(grant: AuthorizationCodeGrant, endpoints: RexelEndpoints): Record<string, string> {
  return {
    grant_type: "authorization_code",
    code: grant.code,
    code_verifier: grant.codeVerifier,
    redirect_uri: grant.redirectUri ?? endpoints.redirectUri,
  };
}
