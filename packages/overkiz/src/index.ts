export { OverkizClient, type OverkizClientOptions } from "./client.js";
export { DEFAULT_LOCAL_PORT, SERVERS, SERVERS_WITH_LOCAL_API, localServer, resolveServer } from "./servers.js";
export type { ApiType, LocalServerOptions, ServerConfig, ServerKey } from "./servers.js";
export * from "./errors.js";
export * from "./models/index.js";
export { BearerTokenStrategy } from "./auth/bearer-token.js";
export { BrandtLoginStrategy } from "./auth/brandt.js";
export { CozytouchLoginStrategy } from "./auth/cozytouch.js";
export {
  type Credentials,
  type JwtCredentials,
  type PasswordCredentials,
  type RexelOAuthCredentials,
  type SsoTokenCredentials,
  type TokenCredentials,
  strategyFor,
} from "./auth/credentials.js";
export {
  DEFAULT_IDENTITY_ENDPOINTS,
  type IdentityEndpointOverrides,
  type IdentityEndpoints,
  resolveIdentityEndpoints,
} from "./auth/identity-endpoints.js";
export { NexityLoginStrategy } from "./auth/nexity.js";
export { OAuthBearerStrategy, type OAuthTokens, REFRESH_SKEW_MS, type TokensListener, jwtClaims } from "./auth/oauth.js";
export { REXEL_GATEWAY_HEADER, RexelOAuthStrategy, type RexelOAuthOptions, RexelTokenStrategy } from "./auth/rexel.js";
export {
  type AuthorizationCodeGrant,
  type AuthorizeUrlOptions,
  type PkcePair,
  type RexelEndpoints,
  type RexelRequestOptions,
  assertRexelConsent,
  buildAuthorizeUrl,
  createPkcePair,
  exchangeAuthorizationCode,
  pkceChallenge,
  refreshRexelTokens,
} from "./auth/rexel-oauth.js";
export {
  AccountLoginStrategy,
  JwtLoginStrategy,
  PasswordLoginStrategy,
  SessionLoginStrategy,
  SsoTokenLoginStrategy,
  checkedAccount,
} from "./auth/session-login.js";
export { SESSION_COOKIE, readSessionCookie } from "./auth/session-cookie.js";
export { SomfyOAuthStrategy, type SomfyOAuthOptions } from "./auth/somfy.js";
export {
  type AuthContext,
  type AuthStrategy,
  type DirectoryGateway,
  type GatewaySelectingStrategy,
  type LoginResult,
  clearCredentials,
  isGatewaySelecting,
  setBearer,
} from "./auth/strategy.js";
export type { TokenSource } from "./auth/token-source.js";
export { type ActionQueueSettings, DEFAULT_ACTION_QUEUE } from "./internal/action-queue.js";
export { type LoginBackoffSettings, LoginLockedError } from "./internal/login-guard.js";
export { DEFAULT_EVENT_INTERVAL_SECONDS, type EventStreamParams } from "./resources/events.js";
export type { DiagnosticData, GetSetupParams } from "./resources/setup.js";
export type { ExecuteParams } from "./resources/executions.js";
export { DEFAULT_TOKEN_SCOPE, type LocalTokenActivation } from "./resources/local-tokens.js";
export type * from "./types.js";
export {
  AbortError,
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConfigError,
  ConflictError,
  ConnectionError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  SdkError,
  TimeoutError,
  UnprocessableEntityError,
  ValidationError,
  type Logger,
  type Middleware,
  type RequestOptions,
} from "@openapp/core";
