import {
  type ApiError,
  type ApiErrorInit,
  ConflictError,
  IdempotencyConflictError,
  IdempotencyInFlightError,
  RateLimitError,
  SdkError,
} from "@openapp/core";

// The vendor error classes of the 1.0 helpers (name lookups, jobs); status-based errors come from core.
/** One resource a name lookup matched. */
export interface NameMatch {
  /** The resource id. */
  id: string;
  /** Its name as the API stores it (a string, or one per locale). */
  name: unknown;
}

/** `getByName` found nothing with that name. */
export class ResourceNotFoundError extends SdkError {
  override readonly name: string = "ResourceNotFoundError";
  /** What was looked up: `"device"`, `"zone"`, … */
  readonly resourceType: string;
  /** The name that was looked up. */
  readonly lookedUp: string;

  constructor(resourceType: string, lookedUp: string) {
    super(`No ${resourceType} is named ${JSON.stringify(lookedUp)}`);
    this.resourceType = resourceType;
    this.lookedUp = lookedUp;
  }
}

/** `getByName` or `resolve.one` found more than one match and refuses to pick. */
export class AmbiguousResourceError extends SdkError {
  override readonly name: string = "AmbiguousResourceError";
  /** What was looked up: `"device"`, `"zone"`, `"resolve"`, … */
  readonly resourceType: string;
  /** The name or query that was looked up. */
  readonly lookedUp: string;
  /** Every match, so the caller can ask the user which one. */
  readonly matches: readonly NameMatch[];

  constructor(resourceType: string, lookedUp: string, matches: readonly NameMatch[]) {
    const listed = matches.map((match) => match.id).join(", ");
    super(`${matches.length} ${resourceType} matches for ${JSON.stringify(lookedUp)} (${listed}); pass a more specific name, or pick one of the matches by id`);
    this.resourceType = resourceType;
    this.lookedUp = lookedUp;
    this.matches = matches;
  }
}

/** A scripting job that ended `failed` or `canceled`, or outlived the 15-minute ceiling. */
export class ScriptingJobError extends SdkError {
  override readonly name: string = "ScriptingJobError";
  /** The job id, to look it up later with `scripting.executions.get`. */
  readonly jobId: string;
  /** `failed`, `canceled`, or `running`/`pending` when the ceiling passed. */
  readonly status: string;
  /** The job's `error`, when the server gave one. */
  readonly jobError: string | undefined;

  constructor(jobId: string, status: string, jobError: string | undefined, message: string) {
    super(message);
    this.jobId = jobId;
    this.status = status;
    this.jobError = jobError;
  }
}

/** An audit export job that ended `failed`. */
export class AuditExportError extends SdkError {
  override readonly name: string = "AuditExportError";
  /** The export job id. */
  readonly jobId: string;
  /** The job's `error_message`, when the server gave one. */
  readonly jobError: string | undefined;

  constructor(jobId: string, jobError: string | undefined) {
    super(`Audit export ${jobId} failed${jobError ? `: ${jobError}` : ""}`);
    this.jobId = jobId;
    this.jobError = jobError;
  }
}

/**
 * 409 `confirmation_required`: a `require_step_up` policy wants this action confirmed. Nothing ran.
 * Confirm later by sending the identical body with `{ previewToken: error.previewToken }` (single
 * use, valid 10 minutes), or pass `confirm` to ask at once. The token is in no message, body,
 * log line or `util.inspect` / JSON output of the error: only the `previewToken` getter has it.
 */
export class ConfirmationRequiredError extends ConflictError {
  override readonly name: string = "ConfirmationRequiredError";
  readonly #previewToken: string | undefined;

  constructor(init: ApiErrorInit & { previewToken?: string | undefined }) {
    super(init);
    this.#previewToken = init.previewToken;
  }

  /** The single-use proof to send back as `X-OpenApp-Confirm` with the identical body. */
  get previewToken(): string | undefined {
    return this.#previewToken;
  }
}

/** The `confirm` callback of an action answered false: the action was not sent. */
export class ConfirmationDeclinedError extends SdkError {
  override readonly name: string = "ConfirmationDeclinedError";
  /** The entity the action was for. */
  readonly entityId: string;
  /** The action that was not run. */
  readonly actionId: string;

  constructor(entityId: string, actionId: string) {
    super(`${actionId} on entity ${entityId} was not confirmed, so it was not sent`);
    this.entityId = entityId;
    this.actionId = actionId;
  }
}

/**
 * 429 to an entity action: the provider's minimum interval between two opens has not passed.
 * Nothing ran. A call with an idempotency key (every 1.0 action has one) waits `intervalMs` and
 * sends once more; this error means that did not help, or the wait was longer than 60 s.
 */
export class ActionIntervalError extends RateLimitError {
  override readonly name: string = "ActionIntervalError";
  /** How long to wait before the next attempt, in milliseconds, when the server said. */
  readonly intervalMs: number | undefined;

  constructor(init: ApiErrorInit) {
    super(init);
    this.intervalMs = init.retryAfterMs;
  }
}

const ACTION_PATH = /\/entities\/[^/]+\/actions\/[^/]+$/;

/** A whole number of milliseconds from the error body's `min_interval_ms` / `retry_after_ms`. */
function intervalFromBody(body: unknown): number | undefined {
  const record = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
  const value = record.retry_after_ms ?? record.min_interval_ms;
  return typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : undefined;
}

/** The token of a `confirmation_required` answer, read before redaction masks it. */
function previewTokenOf(body: unknown): string | undefined {
  const token = typeof body === "object" && body !== null ? (body as { preview_token?: unknown }).preview_token : undefined;
  return typeof token === "string" && token !== "" ? token : undefined;
}

/**
 * OpenApp's answers that need more than a status class: the idempotency refusals of the
 * deduplicated operations, a step-up confirmation, and an action's minimum interval.
 */
export function mapOpenAppError(init: ApiErrorInit): ApiError | undefined {
  if (init.status === 409 && init.code === "idempotency_key_conflict") return new IdempotencyConflictError(init);
  if (init.status === 409 && init.code === "idempotency_key_in_flight") return new IdempotencyInFlightError(init);
  if (init.status === 409 && init.code === "confirmation_required") {
    return new ConfirmationRequiredError({ ...init, previewToken: previewTokenOf(init.unredactedBody) });
  }
  if (init.status === 429 && init.method === "POST" && ACTION_PATH.test(init.url.split("?")[0] as string)) {
    return new ActionIntervalError({ ...init, retryAfterMs: init.retryAfterMs ?? intervalFromBody(init.body) });
  }
  return undefined;
}
