export {
  SdkError,
  ConfigError,
  SerializationError,
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
  createApiError,
  type ApiErrorInit,
  type ConnectionErrorOptions,
  type ValidationIssue,
  readingInput,
} from "./errors.js";
export { errorFromResponse, textSnippet, type ErrorMapper, type ErrorResponseContext } from "./error-response.js";
export {
  Transport,
  DEFAULT_TIMEOUT_MS,
  DEFAULT_IDEMPOTENCY_HEADER,
  DEFAULT_MAX_RESPONSE_BYTES,
  type FetchLike,
  type TransportFetch,
  type TransportOptions,
} from "./transport.js";
export { MAX_REDIRECTS } from "./redirects.js";
export { type RequestOptions, type HeaderValues, checkedRequestOptions, shown } from "./request-options.js";
export type { FetchBody, FetchCredentials, FetchInput } from "./fetch-types.js";
export { withFetchCredentials } from "./fetch-credentials.js";
export { composeMiddleware, type Middleware, type MiddlewareContext, type Next } from "./middleware.js";
export { bearerAuth, headerAuth, noAuth, type Auth, type ClientCalls, type SecretSource } from "./auth.js";
export {
  DEFAULT_MAX_RETRIES,
  MAX_RETRY_AFTER_MS,
  DEFAULT_BACKOFF,
  backoffDelay,
  isIdempotentMethod,
  isRetryableStatus,
  parseRetryAfter,
  retryDelay,
  shouldRetry,
  type RetryContext,
  type BackoffShape,
  type RetryProfile,
  type RefusalPolicy,
} from "./retry.js";
export { type LinkedSignal, linkSignals, sleep, watchAbort } from "./abort.js";
export { serializeQuery, appendQuery } from "./serialize-query.js";
export { serializePath, encodePathParam } from "./serialize-path.js";
export { serializeBody, toFormUrlEncoded } from "./serialize-body.js";
export {
  Page,
  PagePromise,
  offsetPages,
  failedPages,
  cursorPages,
  toPageData,
  type PageData,
  type PageStrategy,
  type OffsetState,
  type CursorState,
  type ToArrayOptions,
} from "./pagination.js";
export {
  toFile,
  toFormData,
  fileFromUrl,
  isUploadable,
  DEFAULT_MAX_DOWNLOAD_BYTES,
  MAX_DOWNLOAD_REDIRECTS,
  isPrivateHost,
  DEFAULT_IMAGE_TYPES,
  type Uploadable,
  type UploadMetadata,
  type FormFieldValue,
  type FileFromUrlOptions,
} from "./uploads.js";
export { contentTypeFromFilename, normalizeContentType, sniffContentType } from "./content-type.js";
export {
  REDACTED,
  isSensitiveName,
  isSensitiveQueryName,
  redactSecret,
  redactUrl,
  redactQueryString,
  redactHeaders,
  redactJson,
  redactText,
  maskKnownSecrets,
  type KnownSecret,
} from "./redact.js";
export { ResponseBodyError, ResponseTooLargeError, ResponseParseError, RedirectError, type ResponseErrorOptions } from "./errors.js";
export { readCappedText, readBodyText, readBodyBytes, parseJsonBody, type CappedText, type BodyContext } from "./read-body.js";
export {
  createConsoleLogger,
  resolveLogger,
  silentLogger,
  type Logger,
  type LogLevel,
  type LogFields,
} from "./logger.js";
export { readEnv } from "./env.js";
export { normalizeBaseUrl } from "./base-url.js";
export { validateWith, type SafeParseSchema } from "./validation.js";
export type { AuthRequirement, OperationDescriptor, OperationTable, PaginationKind } from "./operations.js";
export {
  ClientKit,
  REQUEST_OPTION_KEYS,
  type CallInput,
  type CallResult,
  type ContextHeader,
  type KitOptions,
  type Transports,
  type VendorDeclaration,
} from "./client-kit.js";
export { assertKnownOptions, assertKnownParameters, checkedParameters, nearestName, readingOptions, type ParameterCheck } from "./known-keys.js";
export { asRecord, isHeaderSafeToken, isPlainObject } from "./guards.js";
export { BoundedBuffer } from "./bounded-buffer.js";
export { Resource, composeResources, type ResourceClass } from "./resource.js";
export type {
  LowerHttpMethod,
  Simplify,
  OperationAt,
  PathsWithMethod,
  PathParams,
  QueryParams,
  HeaderParams,
  RequestBody,
  IsRequestBodyOptional,
  SuccessStatus,
  ResponseBody,
  ErrorBody,
  ListItem,
  Defined,
  ParameterGroup,
  ContentOf,
  ResponsesOf,
} from "./types.js";
export { rawClientDefaults, unwrap, type RawResult } from "./raw-client.js";
