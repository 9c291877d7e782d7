import { thrownText } from "./guards.js";

/** Root of every error the SDKs throw, so callers can catch them all with one `instanceof`. */
export class SdkError extends Error {
  // Literal names, not `new.target.name`: minifiers rename classes, and `error.name` must not change.
  /** The class name as a literal (`"SdkError"`, `"NotFoundError"`, …), stable under minification. */
  override readonly name: string = "SdkError";

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** Input the SDK refuses before any network: bad key, missing org, bad URL. */
export class ConfigError extends SdkError { override readonly name: string = "ConfigError"; }

/** One problem found by schema validation: where, and what is wrong. */
export interface ValidationIssue {
  /** Where in the data the problem is: keys and indexes from the root. */
  path: ReadonlyArray<PropertyKey>;
  /** What is wrong there. */
  message: string;
}

/** Bad input to a helper, or a response that failed opt-in schema validation. */
export class ValidationError extends SdkError {
  override readonly name: string = "ValidationError";
  /** What failed, one entry per problem (empty when the error is not about data). */
  readonly issues: readonly ValidationIssue[];

  constructor(message: string, options?: { cause?: unknown; issues?: readonly ValidationIssue[] }) {
    super(message, options);
    this.issues = options?.issues ?? [];
  }
}

/**
 * A request body JSON (or a form) cannot carry as given: refused before any request.
 * @public
 */
export class SerializationError extends ValidationError { override readonly name: string = "SerializationError"; }

/** Details of a network failure. */
export interface ConnectionErrorOptions {
  /** The underlying runtime error. */
  cause?: unknown;
  /** Low-level error code such as `ECONNREFUSED`, when the runtime exposes one. */
  code?: string | undefined;
  /** True only when the request provably never reached the server (refused, DNS). */
  neverSent?: boolean;
  /** HTTP method of the failed request. */
  method?: string | undefined;
  /** Redacted URL of the failed request. */
  url?: string | undefined;
}

/** The request could not be completed at the network level. */
export class ConnectionError extends SdkError {
  override readonly name: string = "ConnectionError";
  /** Low-level error code such as `ECONNREFUSED`, when the runtime exposes one. */
  readonly code: string | undefined;
  /** True only when the request provably never reached the server (refused, DNS); such requests are safe to resend. */
  readonly neverSent: boolean;
  /** HTTP method of the failed request. */
  readonly method: string | undefined;
  /** Redacted URL of the failed request. */
  readonly url: string | undefined;

  constructor(message: string, options: ConnectionErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.code = options.code;
    this.neverSent = options.neverSent ?? false;
    this.method = options.method;
    this.url = options.url;
  }
}

/** One attempt ran past its timeout (the caller did not cancel). */
export class TimeoutError extends SdkError {
  override readonly name: string = "TimeoutError";
  /** The per-attempt timeout that ran out, in milliseconds. */
  readonly timeoutMs: number;

  constructor(timeoutMs: number, options?: { cause?: unknown; method?: string; url?: string }) {
    const target = options?.method && options.url ? ` (${options.method} ${options.url})` : "";
    super(`Request timed out after ${timeoutMs} ms${target}`, options);
    this.timeoutMs = timeoutMs;
  }
}

/** The caller's `AbortSignal` fired; never retried. */
export class AbortError extends SdkError {
  override readonly name: string = "AbortError";
  constructor(message = "Request was aborted", options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** What an ApiError is built from; mappers receive it and may pick a more precise class. */
export interface ApiErrorInit {
  /** HTTP status of the answer. */
  status: number;
  /** The error message. */
  message: string;
  /** Machine-readable error code from the vendor's error body. */
  code?: string | undefined;
  /** The parsed error body, secrets masked. */
  body?: unknown;
  /** The server's request or correlation id. */
  requestId?: string | undefined;
  /** HTTP method of the request. */
  method: string;
  /** Must already be redacted. */
  url: string;
  /** Response headers. */
  headers?: Headers | undefined;
  /** Parsed `Retry-After`, when the server sent one. */
  retryAfterMs?: number | undefined;
  /** The whole (capped, redacted) body text, for vendor mappers that recognise pages by their content. */
  text?: string | undefined;
}

/** The server answered with a non-2xx status. */
export class ApiError extends SdkError {
  override readonly name: string = "ApiError";
  /** HTTP status of the answer. */
  readonly status: number;
  /** Machine-readable error code from the vendor's error body, when it has one. */
  readonly code: string | undefined;
  /** The parsed error body (JSON, secrets masked), or a short redacted text snippet when it was not JSON. */
  readonly body: unknown;
  /** The server's request or correlation id (from a header or the error body), for support tickets. */
  readonly requestId: string | undefined;
  /** HTTP method of the request. */
  readonly method: string;
  /** Redacted URL of the request: secrets in the query are replaced by `***`. */
  readonly url: string;
  /** Response headers. */
  readonly headers: Headers;

  constructor(init: ApiErrorInit) {
    super(init.message);
    this.status = init.status;
    this.code = init.code;
    this.body = init.body;
    this.requestId = init.requestId;
    this.method = init.method;
    this.url = init.url;
    this.headers = init.headers ?? new Headers();
  }
}

/** 400 Bad Request. */
export class BadRequestError extends ApiError { override readonly name: string = "BadRequestError"; }
/** 401 Unauthorized: missing, wrong or expired credentials. */
export class AuthenticationError extends ApiError { override readonly name: string = "AuthenticationError"; }
/** 403 Forbidden: the credentials are valid but not allowed to do this. */
export class PermissionDeniedError extends ApiError { override readonly name: string = "PermissionDeniedError"; }
/** 404 Not Found. */
export class NotFoundError extends ApiError { override readonly name: string = "NotFoundError"; }
/** 409 Conflict. */
export class ConflictError extends ApiError { override readonly name: string = "ConflictError"; }
/** 422 Unprocessable Entity: the server refused the request's content. */
export class UnprocessableEntityError extends ApiError { override readonly name: string = "UnprocessableEntityError"; }
/** 500 and every other 5xx answer. */
export class InternalServerError extends ApiError { override readonly name: string = "InternalServerError"; }

/** 429 Too Many Requests; `retryAfterMs` says how long the server asked to wait. */
export class RateLimitError extends ApiError {
  override readonly name: string = "RateLimitError";
  /** How long the server asked us to wait, uncapped; undefined when it did not say. */
  readonly retryAfterMs: number | undefined;

  constructor(init: ApiErrorInit) {
    super(init);
    this.retryAfterMs = init.retryAfterMs;
  }
}

const errorClassByStatus: Readonly<Record<number, typeof ApiError>> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/** Picks the status-specific subclass; vendors refine further in their own mappers. */
export function createApiError(init: ApiErrorInit): ApiError {
  const ErrorClass = errorClassByStatus[init.status] ?? (init.status >= 500 ? InternalServerError : ApiError);
  return new ErrorClass(init);
}

/** Where a response came from, for errors about its body. `url` must already be redacted. */
export interface ResponseErrorOptions {
  /** HTTP status of the response. */
  status: number;
  /** HTTP method of the request. */
  method?: string | undefined;
  /** Redacted URL of the request. */
  url?: string | undefined;
  /** The underlying error (a parse or stream failure). */
  cause?: unknown;
}

const describeTarget = (options: ResponseErrorOptions) => (options.method && options.url ? `${options.method} ${options.url}` : "Response");

/** An error about a response's body: where it came from (status, method, redacted URL). */
export class ResponseBodyError extends SdkError {
  override readonly name: string = "ResponseBodyError";
  /** HTTP status of the response. */
  readonly status: number;
  /** HTTP method of the request. */
  readonly method: string | undefined;
  /** Redacted URL of the request. */
  readonly url: string | undefined;

  constructor(problem: string, options: ResponseErrorOptions) {
    super(`${describeTarget(options)} → ${options.status}: ${problem}`, { cause: options.cause });
    this.status = options.status;
    this.method = options.method;
    this.url = options.url;
  }
}

/** A response body was larger than the configured cap; nothing past the cap was read. */
export class ResponseTooLargeError extends ResponseBodyError {
  override readonly name: string = "ResponseTooLargeError";
  /** The cap that was exceeded, in bytes. */
  readonly maxBytes: number;

  constructor(maxBytes: number, options: ResponseErrorOptions) {
    super(`body exceeds the ${maxBytes}-byte limit`, options);
    this.maxBytes = maxBytes;
  }
}

/** A 2xx body that should have been JSON did not parse. `snippet` is short and redacted. */
export class ResponseParseError extends ResponseBodyError {
  override readonly name: string = "ResponseParseError";
  /** The start of the body, redacted (empty when the body was empty). */
  readonly snippet: string;

  constructor(snippet: string, options: ResponseErrorOptions) {
    super(`body is not valid JSON${snippet ? `: ${snippet}` : " (empty)"}`, options);
    this.snippet = snippet;
  }
}

/**
 * The server answered with a redirect the SDK does not follow: a method other than GET/HEAD, another
 * origin (credentials never leave the configured one), or too many hops. `location` is redacted.
 */
export class RedirectError extends ApiError {
  override readonly name: string = "RedirectError";
  /** The redacted `Location` header, when the server sent one. */
  readonly location: string | undefined;

  constructor(init: ApiErrorInit & { location: string | undefined }) {
    super(init);
    this.location = init.location;
  }
}

/**
 * Runs `read` over a caller's values: a runtime error it throws (a getter or proxy trap that
 * throws, a revoked proxy, a value with no string form) becomes `Typed` (ValidationError by
 * default) saying `what` could not be read, so every failure stays an SdkError. SdkErrors pass.
 */
export function readingInput<T>(what: string, read: () => T, Typed: new (message: string, options?: { cause?: unknown }) => SdkError = ValidationError): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof SdkError) throw error;
    throw new Typed(`${what} could not be read (${thrownText(error)})`, { cause: error });
  }
}
