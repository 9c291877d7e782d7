import { type PagePromise, ValidationError, cursorPages, failedPages, readingInput } from "@openapp/core";
import { AuditOperations } from "../generated/resources-v1.js";
import { AuditExportError } from "../errors.js";
import { pollUntil } from "../internal/poll.js";
import type { OpenAppRequestOptions as Options, Query, Result } from "../models/v1-operation-types.js";

/** One audit record. */
export type AuditEvent = Result<"list_audit_events">["items"][number];

/** An audit export job. */
export type AuditExportJob = Result<"get_audit_export">;

/** Filters of {@link AuditResource.events}: the query of `list_audit_events` without the cursor. */
export type AuditEventFilters = Omit<Query<"list_audit_events">, "cursor">;

/** Options of {@link AuditResource.waitForExport}. */
export interface WaitForExportOptions extends Options {
  /** Called with the job after every poll. */
  onProgress?: ((job: AuditExportJob) => void) | undefined;
  /** First wait in milliseconds (default 1 000); doubles up to `maxDelayMs`. */
  initialDelayMs?: number | undefined;
  /** Longest wait between polls in milliseconds (default 10 000). */
  maxDelayMs?: number | undefined;
  /** Give up after this many milliseconds with a TimeoutError-like AuditExportError (default: never). */
  timeoutMs?: number | undefined;
}

/** Audit events are served for this long; older ones only through exports. */
export const AUDIT_WINDOW_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;
const FINISHED = new Set(["completed", "failed"]);

/**
 * `client.audit` (OpenApp 1.0): audit events of the last 30 days, and exports of any range.
 */
export class AuditResource extends AuditOperations {
  /**
   * Every event matching `filters`, newest first, across cursor pages:
   * `for await (const event of client.audit.events(orgId, { event_type: "door.open" }))`.
   * A range starting more than 30 days ago is a ValidationError before any request: older events
   * come from {@link AuditResource.createExport}.
   */
  events(orgId: string, filters?: AuditEventFilters, options?: Options): PagePromise<AuditEvent> {
    try {
      const query: AuditEventFilters = readingInput("The audit filters", () => ({ ...(filters ?? {}) }));
      if ("cursor" in query) throw new ValidationError("audit.events walks the cursor itself: pass filters only, or use audit.listEvents for one page");
      checkWindow(query.occurred_after, "occurred_after");
      checkWindow(query.occurred_before, "occurred_before");
      return cursorPages<AuditEvent>({
        load: async (cursor) => {
          const page = await this.listEvents(orgId, { ...query, ...(cursor === undefined ? {} : { cursor }) }, options);
          return { items: page.items, nextCursor: page.next_cursor ?? undefined };
        },
      });
    } catch (error) {
      return failedPages<AuditEvent>(error);
    }
  }

  /**
   * Polls the export (1 s, doubling to 10 s) until it is `completed` and answers the job with its
   * `download_url`. A `failed` job, or one still running at `timeoutMs`, is an {@link AuditExportError};
   * `signal` stops the wait.
   */
  async waitForExport(orgId: string, jobId: string, options: WaitForExportOptions = {}): Promise<AuditExportJob> {
    const { onProgress, initialDelayMs = 1000, maxDelayMs = 10_000, timeoutMs, ...request } = options;
    const { value, timedOut } = await pollUntil(
      () => this.getExport(orgId, jobId, request),
      (job) => FINISHED.has(job.status),
      { initialDelayMs, maxDelayMs, timeoutMs },
      request.signal,
      onProgress,
    );
    if (timedOut) throw new AuditExportError(jobId, `still ${value.status} after ${timeoutMs} ms`);
    if (value.status !== "completed") throw new AuditExportError(jobId, value.error_message ?? undefined);
    return value;
  }

  /**
   * The export file as a byte stream, fetched from the job's signed `download_url` without the
   * client's key, headers or middleware (the URL carries its own signature).
   */
  async downloadExport(job: Pick<AuditExportJob, "id" | "download_url">, options?: Options): Promise<ReadableStream<Uint8Array>> {
    if (typeof job.download_url !== "string" || job.download_url === "") {
      throw new ValidationError(`Audit export ${job.id} has no download_url yet: wait for it with audit.waitForExport`);
    }
    const response = await this.ctx.kit.foreignFetch(options)(job.download_url);
    if (response.status >= 300 || response.body === null) {
      await response.body?.cancel();
      throw new AuditExportError(job.id, `the download answered HTTP ${response.status}`);
    }
    return response.body;
  }
}

/** A bound of the range must lie inside the window the events route serves. */
function checkWindow(value: unknown, name: string): void {
  if (value === undefined) return;
  const at = typeof value === "string" ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(at)) throw new ValidationError(`${name} must be an RFC 3339 date-time, got ${JSON.stringify(value)}`);
  if (at < Date.now() - AUDIT_WINDOW_DAYS * DAY_MS) {
    throw new ValidationError(
      `${name} ${value} is more than ${AUDIT_WINDOW_DAYS} days ago, outside the window audit events are served for: export older events with client.audit.createExport(orgId, { occurred_after, occurred_before }) and client.audit.waitForExport`,
    );
  }
}
