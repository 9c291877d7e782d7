export { OverkizClient, type OverkizClientOptions } from "./client.js";
export { DEFAULT_LOCAL_PORT, SERVERS, SERVERS_WITH_LOCAL_API, localServer, resolveServer } from "./servers.js";
export type { ApiType, LocalServerOptions, ServerConfig, ServerKey } from "./servers.js";
export * from "./errors.js";
export * from "./models/index.js";
export { BearerTokenStrategy } from "./auth/bearer-token.js";
export { PasswordLoginStrategy, SessionLoginStrategy } from "./auth/session-login.js";
export { SESSION_COOKIE, readSessionCookie } from "./auth/session-cookie.js";
export { type Credentials, type PasswordCredentials, type TokenCredentials, strategyFor } from "./auth/credentials.js";
export { type AuthContext, type AuthStrategy, type LoginResult, clearCredentials } from "./auth/strategy.js";
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
