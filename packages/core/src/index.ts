// The public API of @openapp/core. Every name here is used by another package of the workspace,
// or marked `@public`: kept on purpose for users though no package imports it (the unused-export
// check in `pnpm lint` holds the file to that).
export {
  SdkError,
  ConfigError,
  /** @public */ SerializationError,
  ValidationError,
  ConnectionError,
  TimeoutError,
  AbortError,
  ApiError,
  BadRequestError,
  AuthenticationError,
  PermissionDeniedError,
  NotFoundError,
  ConflictError,
  UnprocessableEntityError,
  RateLimitError,
  InternalServerError,
  /** @public */ ResponseBodyError,
  ResponseTooLargeError,
  ResponseParseError,
  RedirectError,
  type ApiErrorInit,
  /** @public */ type ConnectionErrorOptions,
  /** @public */ type ResponseErrorOptions,
  type ValidationIssue,
  readingInput,
} from "./errors.js";
export { errorFromResponse, type ErrorMapper, /** @public */ type ErrorResponseContext } from "./error-response.js";
export { Transport, type FetchLike, /** @public */ type TransportFetch, /** @public */ type TransportOptions } from "./transport.js";
export { type RequestOptions, /** @public */ type HeaderValues, checkedRequestOptions, shown } from "./request-options.js";
export type { /** @public */ FetchBody, FetchCredentials, /** @public */ FetchInput } from "./fetch-types.js";
export { withFetchCredentials } from "./fetch-credentials.js";
export type { Middleware, /** @public */ MiddlewareContext, /** @public */ Next } from "./middleware.js";
export { bearerAuth, checkedSecretSource, headerAuth, resolveSecret, type Auth, type ClientCalls, type SecretSource } from "./auth.js";
export { type BackoffShape, type RetryProfile, type RefusalPolicy } from "./retry.js";
export { /** @public */ type LinkedSignal, /** @public */ linkSignals, sleep, watchAbort } from "./abort.js";
export { /** @public */ serializeQuery } from "./serialize-query.js";
export { /** @public */ serializePath } from "./serialize-path.js";
export { /** @public */ serializeBody } from "./serialize-body.js";
export {
  Page,
  PagePromise,
  /** @public */ offsetPages,
  failedPages,
  /** @public */ cursorPages,
  /** @public */ toPageData,
  /** @public */ type PageData,
  /** @public */ type PageStrategy,
  /** @public */ type OffsetState,
  /** @public */ type CursorState,
  /** @public */ type ToArrayOptions,
} from "./pagination.js";
export {
  toFile,
  fileFromUrl,
  DEFAULT_MAX_DOWNLOAD_BYTES,
  type Uploadable,
  /** @public */ type UploadMetadata,
  /** @public */ type FileFromUrlOptions,
} from "./uploads.js";
export { contentTypeFromFilename, normalizeContentType, sniffContentType } from "./content-type.js";
export { REDACTED, isSensitiveName, redactUrl, /** @public */ type KnownSecret } from "./redact.js";
export { createConsoleLogger, type Logger, /** @public */ type LogLevel, /** @public */ type LogFields } from "./logger.js";
export { readEnv } from "./env.js";
export { normalizeBaseUrl } from "./base-url.js";
export type { /** @public */ SafeParseSchema } from "./validation.js";
export type { /** @public */ AuthRequirement, OperationDescriptor, /** @public */ OperationTable, /** @public */ PaginationKind } from "./operations.js";
export {
  ClientKit,
  REQUEST_OPTION_KEYS,
  /** @public */ type CallInput,
  /** @public */ type CallResult,
  /** @public */ type ContextHeader,
  /** @public */ type KitOptions,
  /** @public */ type Transports,
  type VendorDeclaration,
} from "./client-kit.js";
export { assertKnownClientOptions, commonKitOptions, type CommonClientOptions } from "./client-options.js";
export { assertKnownOptions, checkedParameters, readingOptions, /** @public */ type ParameterCheck } from "./known-keys.js";
export { asRecord, isHeaderSafeToken, isPlainObject } from "./guards.js";
export { BoundedBuffer } from "./bounded-buffer.js";
export { /** @public */ Resource, /** @public */ composeResources, /** @public */ type ResourceClass } from "./resource.js";
export type {
  /** @public */ LowerHttpMethod,
  Simplify,
  /** @public */ OperationAt,
  PathParams,
  QueryParams,
  HeaderParams,
  RequestBody,
  ResponseBody,
  ErrorBody,
  ListItem,
} from "./types.js";
export { rawClientDefaults, unwrap, /** @public */ type RawResult } from "./raw-client.js";
