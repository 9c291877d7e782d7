/** Root of every error the SDKs throw, so callers can catch them all with one `instanceof`. */
export class SdkError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Input the SDK refuses before any network: bad key, missing org, bad URL. */
export class ConfigError extends SdkError {}

export interface ValidationIssue {
  path: ReadonlyArray<PropertyKey>;
  message: string;
}

/** Bad input to a helper, or a response that failed opt-in schema validation. */
export class ValidationError extends SdkError {
  readonly issues: readonly ValidationIssue[];

  constructor(message: string, options?: { cause?: unknown; issues?: readonly ValidationIssue[] }) {
    super(message, options);
    this.issues = options?.issues ?? [];
  }
}

export interface ConnectionErrorOptions {
  cause?: unknown;
  /** Low-level error code such as `ECONNREFUSED`, when the runtime exposes one. */
  code?: string | undefined;
  /** True only when the request provably never reached the server (refused, DNS). */
  neverSent?: boolean;
  method?: string | undefined;
  url?: string | undefined;
}

/** The request could not be completed at the network level. */
export class ConnectionError extends SdkError {
  readonly code: string | undefined;
  readonly neverSent: boolean;
  readonly method: string | undefined;
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
  readonly timeoutMs: number;

  constructor(timeoutMs: number, options?: { cause?: unknown; method?: string; url?: string }) {
    const target = options?.method && options.url ? ` (${options.method} ${options.url})` : "";
    super(`Request timed out after ${timeoutMs} ms${target}`, options);
    this.timeoutMs = timeoutMs;
  }
}

/** The caller's `AbortSignal` fired; never retried. */
export class AbortError extends SdkError {
  constructor(message = "Request was aborted", options?: { cause?: unknown }) {
    super(message, options);
  }
}

export interface ApiErrorInit {
  status: number;
  message: string;
  code?: string | undefined;
  body?: unknown;
  requestId?: string | undefined;
  method: string;
  /** Must already be redacted. */
  url: string;
  headers?: Headers | undefined;
  /** Parsed `Retry-After`, when the server sent one. */
  retryAfterMs?: number | undefined;
  /** The whole (capped, redacted) body text, for vendor mappers that recognise pages by their content. */
  text?: string | undefined;
}

/** The server answered with a non-2xx status. */
export class ApiError extends SdkError {
  readonly status: number;
  readonly code: string | undefined;
  readonly body: unknown;
  readonly requestId: string | undefined;
  readonly method: string;
  readonly url: string;
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

export class BadRequestError extends ApiError {}
export class AuthenticationError extends ApiError {}
export class PermissionDeniedError extends ApiError {}
export class NotFoundError extends ApiError {}
export class ConflictError extends ApiError {}
export class UnprocessableEntityError extends ApiError {}
export class InternalServerError extends ApiError {}

export class RateLimitError extends ApiError {
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
  status: number;
  method?: string | undefined;
  url?: string | undefined;
  cause?: unknown;
}

const describeTarget = (options: ResponseErrorOptions) => (options.method && options.url ? `${options.method} ${options.url}` : "Response");

/** A response body was larger than the configured cap; nothing past the cap was read. */
export class ResponseTooLargeError extends SdkError {
  readonly status: number;
  readonly maxBytes: number;
  readonly method: string | undefined;
  readonly url: string | undefined;

  constructor(maxBytes: number, options: ResponseErrorOptions) {
    super(`${describeTarget(options)} → ${options.status}: body exceeds the ${maxBytes}-byte limit`, { cause: options.cause });
    this.status = options.status;
    this.maxBytes = maxBytes;
    this.method = options.method;
    this.url = options.url;
  }
}

/** A 2xx body that should have been JSON did not parse. `snippet` is short and redacted. */
export class ResponseParseError extends SdkError {
  readonly status: number;
  readonly snippet: string;
  readonly method: string | undefined;
  readonly url: string | undefined;

  constructor(snippet: string, options: ResponseErrorOptions) {
    super(`${describeTarget(options)} → ${options.status}: body is not valid JSON${snippet ? `: ${snippet}` : " (empty)"}`, { cause: options.cause });
    this.status = options.status;
    this.snippet = snippet;
    this.method = options.method;
    this.url = options.url;
  }
}

/**
 * The server answered with a redirect the SDK does not follow: a method other than GET/HEAD, another
 * origin (credentials never leave the configured one), or too many hops. `location` is redacted.
 */
export class RedirectError extends ApiError {
  readonly location: string | undefined;

  constructor(init: ApiErrorInit & { location: string | undefined }) {
    super(init);
    this.location = init.location;
  }
}
