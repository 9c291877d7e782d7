import type { FetchBody } from "./fetch-types.js";
import type { Middleware } from "./middleware.js";
import { type KnownSecret, redactUrl } from "./redact.js";
import type { RequestOptions } from "./request-options.js";

/** Everything about one call that stays the same across attempts. */
export class PreparedCall {
  #redactedUrl: string | undefined;
  #template: Request;
  readonly startedAt = Date.now();
  /** Resends used per vendor refusal reason. */
  refusalRetries: Record<string, number> | undefined;
  /** A keyed action refused with 429 was resent already: it is resent once at most. */
  rateLimitResent = false;
  /** Whether an attempt already sent the template itself (its body stream is then spent). */
  templateSent = false;

  constructor(
    template: Request,
    readonly method: string,
    /** Every signal of the caller, combined into one when the request and the options both carry one. */
    readonly callerSignal: AbortSignal | undefined,
    readonly timeout: number,
    readonly maxRetries: number,
    /** The call's idempotency key, sent on every attempt, for an operation the API deduplicates by it. */
    readonly idempotencyKey: string | undefined,
    /** The caller's correlation id, for log lines. */
    readonly correlationId: string | undefined,
    readonly middleware: readonly Middleware[],
    readonly maxResponseBytes: number,
    /** Secrets this call sends besides the client's (a password in a login body). */
    readonly callSecrets: readonly KnownSecret[],
    /** The serialized body the template was built from, when a resend can rebuild it from that. */
    readonly resendBody: FetchBody | undefined,
  ) {
    this.#template = template;
  }

  /** For the retry rule: only a deduplicated key makes a resend of a POST that may have arrived safe. */
  get hasIdempotencyKey(): boolean {
    return this.idempotencyKey !== undefined;
  }

  /** What an auth refresh may use of this call: the caller's signal and timeout. */
  get refreshOptions(): RequestOptions {
    return { signal: this.callerSignal, timeout: this.timeout };
  }

  /** The caller's request with call-level headers applied; cloned per attempt only when it has a body. */
  get template(): Request {
    return this.#template;
  }

  /** A vendor refusal handler may aim the resend elsewhere (a new event listener id). */
  replaceTemplate(request: Request): void {
    this.#template = request;
    this.#redactedUrl = undefined;
    this.templateSent = false;
  }

  /**
   * The request one attempt sends. A body is a one-shot stream: bodyless requests are reused; with
   * the serialized body at hand the first attempt sends the template and a resend rebuilds it from
   * that body; otherwise every attempt sends a copy (clone), so a resend always has its body.
   */
  requestForAttempt(): Request {
    const template = this.#template;
    if (template.body === null) return template;
    if (this.resendBody === undefined) return template.clone();
    if (!this.templateSent) {
      this.templateSent = true;
      return template;
    }
    return new Request(template, { body: this.resendBody as BodyInit });
  }

  /** Redacted, computed only when an error or a log line needs it. */
  get url(): string {
    return (this.#redactedUrl ??= redactUrl(this.#template.url));
  }
}

/**
 * A serialized body a resend can be rebuilt from as is. Not FormData (a new multipart boundary
 * would contradict the Content-Type already set) and not a stream (read once).
 */
export function resendable(body: FetchBody | undefined): FetchBody | undefined {
  if (typeof body === "string" || body instanceof URLSearchParams || body instanceof ArrayBuffer || ArrayBuffer.isView(body)) return body;
  if (typeof Blob !== "undefined" && body instanceof Blob) return body;
  return undefined;
}
