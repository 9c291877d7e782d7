import { SdkError } from "@openapp/core";

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
