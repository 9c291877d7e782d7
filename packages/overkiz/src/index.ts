export { OverkizClient, type OverkizClientOptions } from "./client.js";
export { SDK_VERSION, USER_AGENT } from "./version.js";
export { DEFAULT_LOCAL_PORT, SERVERS, SERVERS_WITH_LOCAL_API, localServer, resolveServer } from "./models/servers.js";
export type { ApiType, LocalServerOptions, ServerConfig, ServerKey } from "./models/servers.js";
export * from "./errors.js";
export * from "./models/index.js";
export { BearerTokenStrategy } from "./internal/auth/bearer-token.js";
export { BrandtLoginStrategy } from "./internal/auth/brandt.js";
export { CozytouchLoginStrategy } from "./internal/auth/cozytouch.js";
export {
  type Credentials,
  type JwtCredentials,
  type PasswordCredentials,
  type RexelOAuthCredentials,
  type SsoTokenCredentials,
  type TokenCredentials,
  strategyFor,
} from "./internal/auth/credentials.js";
export {
  DEFAULT_IDENTITY_ENDPOINTS,
  type IdentityEndpointOverrides,
  type IdentityEndpoints,
  resolveIdentityEndpoints,
} from "./internal/auth/identity-endpoints.js";
export { NexityLoginStrategy } from "./internal/auth/nexity.js";
export { OAuthBearerStrategy, type OAuthTokens, REFRESH_SKEW_MS, type TokensListener, jwtClaims } from "./internal/auth/oauth.js";
export { REXEL_GATEWAY_HEADER, RexelOAuthStrategy, type RexelOAuthOptions, RexelTokenStrategy } from "./internal/auth/rexel.js";
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
} from "./internal/auth/rexel-oauth.js";
export {
  AccountLoginStrategy,
  JwtLoginStrategy,
  PasswordLoginStrategy,
  SessionLoginStrategy,
  SsoTokenLoginStrategy,
  checkedAccount,
} from "./internal/auth/session-login.js";
export { SESSION_COOKIE, readSessionCookie } from "./internal/auth/session-cookie.js";
export { SomfyOAuthStrategy, type SomfyOAuthOptions } from "./internal/auth/somfy.js";
export {
  type AuthContext,
  type AuthStrategy,
  type DirectoryGateway,
  type GatewaySelectingStrategy,
  type LoginResult,
  clearCredentials,
  isGatewaySelecting,
  setBearer,
} from "./internal/auth/strategy.js";
export type { SecretSource as TokenSource } from "@openapp/core";
export { type ActionQueueSettings, DEFAULT_ACTION_QUEUE } from "./internal/action-queue.js";
export { type LoginBackoffSettings, LoginLockedError } from "./internal/login-guard.js";
export { DEFAULT_EVENT_INTERVAL_MS, type EventStreamParams } from "./resources/events.js";
export type { DiagnosticData, DiagnosticParams, GetSetupParams } from "./resources/setup.js";
export type { DeviceUrlsParams, RefreshParams } from "./resources/devices.js";
export type { WireHistoryCommand } from "./models/history.js";
export type { Raw, Tagged } from "./models/events.js";
export type { ExecuteParams } from "./resources/executions.js";
export type { DeviceHandle, HandleCommandName, HandleCommandParameters } from "./resources/device-handle.js";
export { type MirrorChange, type MirroredExecution, StateMirror, type StateMirrorParams } from "./internal/state-mirror.js";
export { DEFAULT_TOKEN_SCOPE, type LocalTokenActivation, type LocalTokensParams } from "./resources/local-tokens.js";
export type * from "./models/wire-types.js";
export {
  AbortError,
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConfigError,
  ConflictError,
  ConnectionError,
  InternalServerError,
  RedirectError,
  ResponseBodyError,
  ResponseParseError,
  ResponseTooLargeError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  SdkError,
  TimeoutError,
  UnprocessableEntityError,
  SerializationError,
  ValidationError,
  type Logger,
  type Middleware,
  type RequestOptions,
} from "@openapp/core";
