/**
 * The Overkiz error taxonomy (pyoverkiz's class names and hierarchy) and the one table that maps
 * an error answer — `{ errorCode, error }` plus status — onto it.
 */
import { ApiError, type ApiErrorInit, ConfigError, type ErrorMapper, asRecord } from "@openapp/core";

/**
 * Root of every Overkiz error, as in pyoverkiz: every error the Overkiz API answers with (an
 * {@link ApiError}), and the few the SDK raises itself before any request
 * ({@link NoGatewaySelectedError}, {@link UnsupportedOperationError} from `discoverGateways()`).
 * Those are {@link ConfigError}s, not ApiErrors: they carry no answer, so `status` is undefined.
 */
export class BaseOverkizError extends ApiError {
  override readonly name: string = "BaseOverkizError";
  /** How long the server asked us to wait (`Retry-After`), when it said. */
  readonly retryAfterMs: number | undefined;

  constructor(init: ApiErrorInit) {
    super(init);
    this.retryAfterMs = init.retryAfterMs;
  }

  /** Also true for an error the SDK raised before any request that stands for this class or a subclass of it. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    if (value instanceof OverkizConfigError) return value.standsFor === this || value.standsFor.prototype instanceof this;
    return Function.prototype[Symbol.hasInstance].call(this, value);
  }
}

/**
 * An Overkiz error the SDK raises before any request. It is a ConfigError (so the login guard
 * and retries never take it for a server's answer) and, through `instanceof`, also the
 * pyoverkiz class it stands for and every class above that one.
 */
class OverkizConfigError extends ConfigError {
  /** The pyoverkiz class name, e.g. `NoGatewaySelectedError`; kept when a minifier renames classes. */
  override readonly name: string;
  /** The Overkiz error class `instanceof` also matches. */
  readonly standsFor: abstract new (...args: never[]) => BaseOverkizError;

  constructor(name: string, standsFor: abstract new (...args: never[]) => BaseOverkizError, message: string) {
    super(message);
    this.name = name;
    this.standsFor = standsFor;
  }
}

/** An error answer no rule recognises. */
export class OverkizError extends BaseOverkizError { override readonly name: string = "OverkizError"; }

export class BadCredentialsError extends BaseOverkizError { override readonly name: string = "BadCredentialsError"; }
export class SomfyBadCredentialsError extends BadCredentialsError { override readonly name: string = "SomfyBadCredentialsError"; }
export class CozyTouchBadCredentialsError extends BadCredentialsError { override readonly name: string = "CozyTouchBadCredentialsError"; }
export class NexityBadCredentialsError extends BadCredentialsError { override readonly name: string = "NexityBadCredentialsError"; }
export class BrandtBadCredentialsError extends BadCredentialsError { override readonly name: string = "BrandtBadCredentialsError"; }

export class ResourceAccessDeniedError extends BaseOverkizError { override readonly name: string = "ResourceAccessDeniedError"; }
export class NotAuthenticatedError extends ResourceAccessDeniedError { override readonly name: string = "NotAuthenticatedError"; }
export class MissingAuthorizationTokenError extends ResourceAccessDeniedError { override readonly name: string = "MissingAuthorizationTokenError"; }
export class AccessDeniedToGatewayError extends ResourceAccessDeniedError { override readonly name: string = "AccessDeniedToGatewayError"; }
export class ApplicationNotAllowedError extends ResourceAccessDeniedError { override readonly name: string = "ApplicationNotAllowedError"; }
export class NoOverkizUserError extends ResourceAccessDeniedError { override readonly name: string = "NoOverkizUserError"; }

export class ServiceUnavailableError extends BaseOverkizError { override readonly name: string = "ServiceUnavailableError"; }
export class MaintenanceError extends ServiceUnavailableError { override readonly name: string = "MaintenanceError"; }

export class TooManyRequestsError extends BaseOverkizError { override readonly name: string = "TooManyRequestsError"; }
export class TooManyConcurrentRequestsError extends BaseOverkizError { override readonly name: string = "TooManyConcurrentRequestsError"; }
export class TooManyExecutionsError extends BaseOverkizError { override readonly name: string = "TooManyExecutionsError"; }
export class ExecutionQueueFullError extends BaseOverkizError { override readonly name: string = "ExecutionQueueFullError"; }
export class InvalidEventListenerIdError extends BaseOverkizError { override readonly name: string = "InvalidEventListenerIdError"; }
export class NoRegisteredEventListenerError extends BaseOverkizError { override readonly name: string = "NoRegisteredEventListenerError"; }
export class SessionAndBearerInSameRequestError extends BaseOverkizError { override readonly name: string = "SessionAndBearerInSameRequestError"; }
export class TooManyAttemptsBannedError extends BaseOverkizError { override readonly name: string = "TooManyAttemptsBannedError"; }
export class InvalidTokenError extends BaseOverkizError { override readonly name: string = "InvalidTokenError"; }
export class NoSuchTokenError extends BaseOverkizError { override readonly name: string = "NoSuchTokenError"; }
export class UnknownUserError extends BaseOverkizError { override readonly name: string = "UnknownUserError"; }
export class NoSuchDeviceError extends BaseOverkizError { override readonly name: string = "NoSuchDeviceError"; }
export class NoSuchActionGroupError extends BaseOverkizError { override readonly name: string = "NoSuchActionGroupError"; }
export class UnsupportedOperationError extends BaseOverkizError { override readonly name: string = "UnsupportedOperationError"; }
export class UnknownObjectError extends BaseOverkizError { override readonly name: string = "UnknownObjectError"; }
export class InvalidCommandError extends BaseOverkizError { override readonly name: string = "InvalidCommandError"; }
export class DuplicateActionOnDeviceError extends BaseOverkizError { override readonly name: string = "DuplicateActionOnDeviceError"; }
export class ActionGroupSetupNotFoundError extends BaseOverkizError { override readonly name: string = "ActionGroupSetupNotFoundError"; }
export class NoSuchResourceError extends BaseOverkizError { override readonly name: string = "NoSuchResourceError"; }
export class MissingAPIKeyError extends BaseOverkizError { override readonly name: string = "MissingAPIKeyError"; }

/** Partner identity services (used by the OAuth / partner login strategies). */
export class SomfyServiceError extends BaseOverkizError { override readonly name: string = "SomfyServiceError"; }
export class CozyTouchServiceError extends BaseOverkizError { override readonly name: string = "CozyTouchServiceError"; }
export class NexityServiceError extends BaseOverkizError { override readonly name: string = "NexityServiceError"; }
export class BrandtServiceError extends BaseOverkizError { override readonly name: string = "BrandtServiceError"; }

/**
 * Several gateways are reachable and none was chosen; raised before any request. A
 * {@link BaseOverkizError} (as in pyoverkiz) and a {@link ConfigError}.
 */
export class NoGatewaySelectedError extends OverkizConfigError {
  constructor(message: string) {
    super("NoGatewaySelectedError", BaseOverkizError, message);
  }
}

/**
 * The {@link UnsupportedOperationError} the SDK raises itself, before any request, for an
 * operation this server or account does not offer (e.g. `discoverGateways()` outside Rexel).
 * `instanceof UnsupportedOperationError`, `BaseOverkizError` and `ConfigError` all hold.
 */
export function unsupportedOperation(message: string): ConfigError {
  return new OverkizConfigError("UnsupportedOperationError", UnsupportedOperationError, message);
}

/** A constructor of an Overkiz error class, as the error rules name them. */
export type OverkizErrorClass = new (init: ApiErrorInit) => BaseOverkizError;

/** One row: matches when the errorCode (if given) is equal and the message (if given) contains `message`. */
export interface ErrorRule {
  /** `errorCode` the server's answer must carry, e.g. `NO_SUCH_DEVICE`; any code when absent. */
  errorCode?: string;
  /** Text the error message must contain (compared case-insensitively); any message when absent. */
  message?: string;
  /** Error class thrown when the rule matches. */
  error: OverkizErrorClass;
}

/**
 * Evaluated top to bottom, first match wins: errorCode + message rules, then message-only
 * fallbacks (any errorCode), then the category fallbacks. Messages are compared
 * case-insensitively after trimming surrounding quotes and dots (cloud and local differ there).
 */
export const ERROR_RULES: readonly ErrorRule[] = [
  { errorCode: "DUPLICATE_FIELD_OR_VALUE", error: DuplicateActionOnDeviceError },
  { errorCode: "INVALID_FIELD_VALUE", message: "Unable to determine action group setup", error: ActionGroupSetupNotFoundError },
  { errorCode: "INVALID_API_CALL", error: NoSuchResourceError },
  { errorCode: "EXEC_QUEUE_FULL", error: ExecutionQueueFullError },
  { errorCode: "NO_SUCH_DEVICE", error: NoSuchDeviceError },
  { errorCode: "NO_SUCH_ACTION_GROUP", error: NoSuchActionGroupError },
  { errorCode: "AUTHENTICATION_ERROR", message: "Too many requests", error: TooManyRequestsError },
  { errorCode: "AUTHENTICATION_ERROR", message: "Bad credentials", error: BadCredentialsError },
  { errorCode: "AUTHENTICATION_ERROR", message: "API key is required", error: MissingAPIKeyError },
  { errorCode: "AUTHENTICATION_ERROR", message: "No such user account", error: UnknownUserError },
  { errorCode: "RESOURCE_ACCESS_DENIED", message: "Not authenticated", error: NotAuthenticatedError },
  { errorCode: "RESOURCE_ACCESS_DENIED", message: "No such user account", error: NoOverkizUserError },
  { errorCode: "RESOURCE_ACCESS_DENIED", message: "Missing authorization token", error: MissingAuthorizationTokenError },
  { errorCode: "RESOURCE_ACCESS_DENIED", message: "too many concurrent requests", error: TooManyConcurrentRequestsError },
  { errorCode: "RESOURCE_ACCESS_DENIED", message: "Too many executions", error: TooManyExecutionsError },
  { errorCode: "RESOURCE_ACCESS_DENIED", message: "Access denied to gateway", error: AccessDeniedToGatewayError },
  { errorCode: "RESOURCE_ACCESS_DENIED", message: "cannot be accessed through this application", error: ApplicationNotAllowedError },
  { errorCode: "UNSUPPORTED_OPERATION", message: "No such command", error: InvalidCommandError },
  { errorCode: "UNSUPPORTED_OPERATION", error: UnsupportedOperationError },
  { errorCode: "UNSPECIFIED_ERROR", message: "Invalid event listener id", error: InvalidEventListenerIdError },
  { errorCode: "UNSPECIFIED_ERROR", message: "No registered event listener", error: NoRegisteredEventListenerError },
  { errorCode: "UNSPECIFIED_ERROR", message: "Unknown object", error: UnknownObjectError },
  // Message-only fallbacks.
  { message: "Too many executions", error: TooManyExecutionsError },
  { message: "Cannot use JSESSIONID and bearer token", error: SessionAndBearerInSameRequestError },
  { message: "Too many attempts with an invalid token", error: TooManyAttemptsBannedError },
  { message: "Invalid token", error: InvalidTokenError },
  { message: "Not such token with UUID", error: NoSuchTokenError },
  { message: "Unknown user", error: UnknownUserError },
  { message: "No such command", error: InvalidCommandError },
  { message: "No registered event listener", error: NoRegisteredEventListenerError },
  { message: "Unknown object", error: UnknownObjectError },
  { message: "Access denied to gateway", error: AccessDeniedToGatewayError },
  // Category fallbacks.
  { errorCode: "AUTHENTICATION_ERROR", error: BadCredentialsError },
  { errorCode: "RESOURCE_ACCESS_DENIED", error: ResourceAccessDeniedError },
];

const MAINTENANCE_PHRASE = "is down for maintenance";

function normalizeMessage(message: unknown): string {
  if (typeof message !== "string") return "";
  return message.trim().replace(/^["'.\s]+|["'.\s]+$/g, "").toLowerCase();
}

function ruleMatches(rule: ErrorRule, errorCode: string, message: string): boolean {
  if (rule.errorCode !== undefined && rule.errorCode !== errorCode) return false;
  return rule.message === undefined || message.includes(rule.message.toLowerCase());
}

/** An error answer as the error rules see it. */
export interface ErrorAnswer {
  /** HTTP status of the answer. */
  status: number;
  /** The parsed JSON body, or the (possibly shortened) text of a non-JSON body. */
  body: unknown;
  /** Whether the body was JSON. */
  isJson: boolean;
  /** The errorCode as read before redaction, when the caller has it. */
  errorCode?: string | undefined;
}

/** Picks the error class for an error answer. */
export function classifyOverkizError({ status, body, isJson, errorCode: knownCode }: ErrorAnswer): OverkizErrorClass {
  if (!isJson) {
    if (typeof body === "string" && body.toLowerCase().includes(MAINTENANCE_PHRASE)) return MaintenanceError;
    return status >= 500 ? ServiceUnavailableError : OverkizError;
  }
  const record = asRecord(body);
  if (typeof record?.errorCode !== "string" || record.errorCode === "") return OverkizError;
  const errorCode = knownCode ?? record.errorCode;
  const message = normalizeMessage(record?.error);
  return ERROR_RULES.find((rule) => ruleMatches(rule, errorCode, message))?.error ?? OverkizError;
}

/**
 * Core's hook: every failed answer of an Overkiz API becomes a BaseOverkizError subclass. Core
 * hands us the parsed (redacted) JSON body, or a short text snippet (a string) when the body was
 * not JSON; `init.code` is the errorCode read before redaction.
 */
export const overkizErrorMapper: ErrorMapper = (init) => {
  const isJson = init.body !== undefined && typeof init.body !== "string";
  const ErrorClass = classifyOverkizError({ status: init.status, body: init.body, isJson, errorCode: init.code });
  // An answer no rule names keeps core's status class, so a 429 is a RateLimitError (with
  // retryAfterMs) and a 5xx an InternalServerError, as for every other vendor.
  if (ErrorClass === OverkizError && (init.status === 429 || init.status >= 500)) return undefined;
  return new ErrorClass(init);
};
