import { abortErrorFrom, linkSignals, sleep, throwIfAborted, watchAbort } from "./abort.js";
import { type Auth, noAuth } from "./auth.js";
import { toConnectionError } from "./connection-failure.js";
import { type ErrorMapper, errorFromResponse } from "./error-response.js";
import { ConfigError, RateLimitError, RedirectError, SdkError, TimeoutError } from "./errors.js";
import { readBodyBytes } from "./read-body.js";
import { type Logger, silentLogger } from "./logger.js";
import { type DeadlineWindow, SharedDeadlines } from "./deadline.js";
import { type Middleware, composeMiddleware } from "./middleware.js";
import { type KnownSecret, redactUrl } from "./redact.js";
import type { FetchBody, FetchInput } from "./fetch-types.js";
import { type HeaderValues, type RequestOptions, checkedRequestOptions } from "./request-options.js";
import { DEFAULT_MAX_RETRIES, type RefusalPolicy, type RetryProfile, backoffDelay, isIdempotentMethod, parseRetryAfter, retryDelay, shouldRetry } from "./retry.js";

/** Per-attempt timeout when neither the client nor the call sets one: 30 s. */
export const DEFAULT_TIMEOUT_MS = 30_000;
/** Header that carries the idempotency key of an operation the API deduplicates by key. */
export const DEFAULT_IDEMPOTENCY_HEADER = "Idempotency-Key";
/** Largest 2xx body accepted unless configured: 32 MiB. */
export const DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;
/** Same-origin GET/HEAD redirects followed within one attempt. */
export const MAX_REDIRECTS = 3;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** The subset of `fetch` the transport needs; any WHATWG-compatible implementation fits. */
export type FetchLike = (input: Request, init?: RequestInit) => Promise<Response>;

/** What the transport hands to openapi-fetch and to anyone else who wants a `fetch`. */
export type TransportFetch = (input: FetchInput, init?: RequestInit) => Promise<Response>;

/** The warning for a caller's idempotency key on a request an API (`"Acme"`) does not deduplicate. */
export const ignoredIdempotencyKey = (api: string): string =>
  `idempotencyKey ignored: ${api} does not deduplicate this request by key, so a key cannot make a resend safe`;

/** How a Transport sends: fetch, credentials, headers, middleware, timeout and retry policy. */
export interface TransportOptions {
  /** Defaults to the global `fetch`, looked up per call so late polyfills still work. */
  fetch?: FetchLike | undefined;
  /** Applied to every attempt; none by default. */
  auth?: Auth | undefined;
  /** Sent on every request unless the request or call sets the same header. */
  headers?: HeaderValues | undefined;
  /** Client-wide middleware, run once per attempt before the call's own. */
  middleware?: readonly Middleware[] | undefined;
  /** Per-attempt timeout in milliseconds (default 30 s); a ConfigError when not positive. */
  timeout?: number | undefined;
  /** Retries after the first attempt (default 2); a ConfigError when not a non-negative integer. */
  maxRetries?: number | undefined;
  /** Header that carries the key of an operation the API deduplicates (default `Idempotency-Key`). */
  idempotencyHeader?: string | undefined;
  /**
   * Header that carries a call's `correlationId` (OpenApp's `X-Correlation-Id`). Without one the
   * id only appears in this transport's log lines.
   */
  correlationHeader?: string | undefined;
  /**
   * Called when a caller's idempotency key is dropped (the kit warns once per client): only an
   * operation the API deduplicates by key sends one (see `sendBuilt`).
   */
  onIgnoredIdempotencyKey?: (() => void) | undefined;
  /** The vendor's refusals that prove nothing ran, and how to go again after each. */
  refusals?: RefusalPolicy | undefined;
  /** Receives retry and request debug lines; silent by default. */
  logger?: Logger | undefined;
  /** Vendor refinement of the status-based error classes. */
  mapError?: ErrorMapper | undefined;
  /** Extra values to mask in messages and logs, besides the auth secrets. */
  secrets?: readonly KnownSecret[] | undefined;
  /** Secrets known only later (another transport's credentials): read whenever an error is built. */
  extraSecrets?: (() => readonly KnownSecret[]) | undefined;
  /** Largest 2xx body accepted, in bytes (default 32 MiB); larger is a ResponseTooLargeError. */
  maxResponseBytes?: number | undefined;
  /**
   * `"same-origin"` (default): a GET/HEAD follows a same-origin redirect up to MAX_REDIRECTS hops,
   * anything else is a RedirectError. `"return"`: 3xx answers are handed to the caller unread
   * (for downloads that check every hop themselves).
   */
  redirects?: "same-origin" | "return" | undefined;
  /** Injected in tests to make backoff jitter deterministic. */
  random?: (() => number) | undefined;
}

/** Everything about one call that stays the same across attempts. */
class PreparedCall {
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

/** What the loop does after a failed attempt. */
interface RetryPlan {
  delayMs: number;
  reason: string;
  profile?: RetryProfile | undefined;
}

/** Why an attempt failed; thrown inside the retry loop only, never to callers. */
class AttemptFailure {
  constructor(
    readonly error: unknown,
    readonly retryAfterMs?: number | undefined,
    /** The request as this attempt sent it (with its credentials), for vendor refusal handlers. */
    readonly request?: Request | undefined,
    /** Ends the call whatever the retry rules say (a failed sign-in). */
    readonly final = false,
  ) {}
}

function applyHeaderValues(headers: Headers, values: HeaderValues | undefined, onlyIfMissing: boolean): void {
  if (!values) return;
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined || (onlyIfMissing && headers.has(name))) continue;
    if (value === null) headers.delete(name);
    else headers.set(name, value);
  }
}

/**
 * The single place where requests meet the network: per attempt it applies auth, runs the
 * middleware onion and a timeout linked to the caller's signal; non-2xx answers become
 * typed errors and the retry policy decides whether to go again.
 */
export class Transport {
  /** The options this transport was built with. */
  readonly options: Readonly<TransportOptions>;
  /** Bound `fetch` with the client defaults, ready for openapi-fetch's `fetch` option. */
  readonly fetch: TransportFetch;

  constructor(options: TransportOptions = {}) {
    const { timeout, maxRetries, headers, middleware, maxResponseBytes } = options;
    checkedRequestOptions({ timeout, maxRetries, headers, middleware, maxResponseBytes }, "Transport");
    this.options = { ...options };
    this.fetch = this.fetchWith({});
  }

  /** A copy with some options replaced; headers and secrets are merged. */
  derive(overrides: TransportOptions): Transport {
    return new Transport({
      ...this.options,
      ...overrides,
      headers: { ...this.options.headers, ...overrides.headers },
      secrets: [...(this.options.secrets ?? []), ...(overrides.secrets ?? [])],
    });
  }

  /** A `fetch` bound to one call's options, e.g. `raw.GET(path, { fetch: transport.fetchWith(options) })`. */
  fetchWith(options: RequestOptions, callSecrets: readonly KnownSecret[] = NO_SECRETS): TransportFetch {
    return (input, init) => this.sendCall(input instanceof Request && init === undefined ? input : new Request(input, init), options, callSecrets, false);
  }

  /**
   * @internal For the client kit, which builds each request itself without a signal: only the
   * options' signal can cancel it, so none of the request's own is listened to. `body` is the
   * serialized body the request was built from, so a resend can rebuild the request from it.
   * `idempotencyKey` is given only for an operation the API deduplicates by key: it is sent on
   * every attempt and lets a request that may have arrived be resent, with the same body.
   */
  sendBuilt(
    request: Request,
    options: RequestOptions,
    callSecrets: readonly KnownSecret[] = NO_SECRETS,
    body?: FetchBody,
    idempotencyKey?: string,
  ): Promise<Response> {
    return this.sendCall(request, options, callSecrets, true, resendable(body), idempotencyKey);
  }

  /**
   * Sends `request` with retries, auth and middleware; resolves with the 2xx (or, with `redirects: "return"`, 3xx) response.
   * @throws {ApiError} for a non-2xx answer (status-specific subclass), {@link TimeoutError}, {@link ConnectionError} or {@link AbortError} when the attempt fails.
   */
  send(request: Request, options: RequestOptions = {}): Promise<Response> {
    return this.sendCall(request, options, NO_SECRETS, false);
  }

  private async sendCall(
    request: Request,
    options: RequestOptions,
    callSecrets: readonly KnownSecret[],
    builtByKit: boolean,
    resendBody?: FetchBody | undefined,
    idempotencyKey?: string | undefined,
  ): Promise<Response> {
    // The kit checked its options already; anyone else's are checked here, once per call.
    if (!builtByKit) options = checkedRequestOptions(options, "request");
    const caller = callerSignalOf(request, options, builtByKit);
    try {
      return await this.sendPrepared(this.prepare(request, options, callSecrets, caller.signal, resendBody, idempotencyKey));
    } finally {
      caller.release();
    }
  }

  private async sendPrepared(call: PreparedCall): Promise<Response> {
    for (let attempt = 1; ; attempt++) {
      let outcome: AttemptFailure;
      try {
        return await this.attempt(call, attempt);
      } catch (failure) {
        outcome = failure as AttemptFailure;
      }
      const plan = this.planRetry(outcome, call, attempt);
      if (!plan) throw outcome.error;
      this.logger.debug("retrying request", { method: call.method, url: call.url, attempt, delayMs: plan.delayMs, reason: plan.reason });
      if (plan.delayMs > 0) await sleep(plan.delayMs, call.callerSignal);
      else throwIfAborted(call.callerSignal);
      const replacement = await plan.profile?.prepare?.(outcome.error, outcome.request ?? call.template);
      if (replacement) call.replaceTemplate(replacement);
    }
  }

  /**
   * The one retry rule. A vendor refusal that proves nothing ran goes again on its own profile;
   * anything else only when the request is safe to repeat, within `maxRetries`, and never
   * sooner than a `Retry-After` the server asked for (longer than the cap: fail now).
   */
  private planRetry(failure: AttemptFailure, call: PreparedCall, attempt: number): RetryPlan | undefined {
    if (failure.final) return undefined;
    const reason = this.options.refusals?.classify(failure.error, failure.request ?? call.template);
    if (reason !== undefined) return this.planRefusalRetry(reason, call);
    const retriesUsed = attempt - 1 - countRefusalRetries(call);
    if (retriesUsed >= call.maxRetries || !shouldRetry(failure.error, call) || !this.mayResendAfterRateLimit(failure.error, call)) return undefined;
    const delayMs = retryDelay(retriesUsed, failure.retryAfterMs, this.options.random);
    return delayMs === undefined ? undefined : { delayMs, reason: describeFailure(failure.error) };
  }

  /** A 429 to a keyed POST/PATCH (an action's minimum interval) is waited out and resent once, never more. */
  private mayResendAfterRateLimit(error: unknown, call: PreparedCall): boolean {
    if (!(error instanceof RateLimitError) || isIdempotentMethod(call.method)) return true;
    if (call.rateLimitResent) return false;
    call.rateLimitResent = true;
    return true;
  }

  private planRefusalRetry(reason: string, call: PreparedCall): RetryPlan | undefined {
    const profile = this.options.refusals?.profiles[reason];
    if (!profile) return undefined;
    const used = (call.refusalRetries ??= {})[reason] ?? 0;
    if (used >= profile.maxRetries) return undefined;
    const delayMs = backoffDelay(used, this.options.random, profile.backoff);
    if (profile.budgetMs !== undefined && Date.now() - call.startedAt + delayMs > profile.budgetMs) return undefined;
    call.refusalRetries[reason] = used + 1;
    return { delayMs, reason, profile };
  }

  /**
   * Everything except auth/network that is identical for every attempt. Headers are set on the
   * request in place: rebuilding a Request costs more than the rest of the pipeline together.
   */
  private prepare(
    request: Request,
    options: RequestOptions,
    callSecrets: readonly KnownSecret[],
    callerSignal: AbortSignal | undefined,
    resendBody: FetchBody | undefined,
    idempotencyKey: string | undefined,
  ): PreparedCall {
    throwIfAborted(callerSignal);
    const headers = request.headers;
    applyHeaderValues(headers, this.options.headers, true);
    applyHeaderValues(headers, options.headers, false);
    if (options.idempotencyKey !== undefined) this.ignoreIdempotencyKey();
    if (idempotencyKey !== undefined) headers.set(this.options.idempotencyHeader ?? DEFAULT_IDEMPOTENCY_HEADER, idempotencyKey);
    if (options.correlationId !== undefined && this.options.correlationHeader) headers.set(this.options.correlationHeader, options.correlationId);
    const middleware =
      this.options.middleware?.length || options.middleware?.length
        ? [...(this.options.middleware ?? []), ...(options.middleware ?? [])]
        : NO_MIDDLEWARE;
    return new PreparedCall(
      request,
      request.method.toUpperCase(),
      callerSignal,
      options.timeout ?? this.options.timeout ?? DEFAULT_TIMEOUT_MS,
      options.maxRetries ?? this.options.maxRetries ?? DEFAULT_MAX_RETRIES,
      idempotencyKey,
      options.correlationId,
      middleware,
      options.maxResponseBytes ?? this.options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
      callSecrets,
      resendBody,
    );
  }

  /** A caller's key is never put on the wire here: only `sendBuilt` sends one, for a deduplicated operation. */
  private ignoreIdempotencyKey(): void {
    if (this.options.onIgnoredIdempotencyKey) this.options.onIgnoredIdempotencyKey();
    else this.logger.warn(ignoredIdempotencyKey("this API"));
  }

  /** Resolves with a 2xx response read in full (or a 3xx when redirects are returned); rejects with an AttemptFailure otherwise. */
  private async attempt(call: PreparedCall, attempt: number): Promise<Response> {
    const refreshing = this.options.auth?.refresh?.(call.refreshOptions);
    // Signing in has its own requests and deadlines; it does not eat this attempt's timeout, and its failure ends the call.
    if (refreshing) await refreshing.catch((error: unknown) => Promise.reject(new AttemptFailure(error, undefined, undefined, true)));
    const startedAt = this.options.logger ? Date.now() : 0;
    const deadline = new AttemptDeadline(call);
    const request = call.requestForAttempt();
    let failure: AttemptFailure;
    try {
      // One race for the whole exchange (answer, then its body or its error), not one per step.
      return await deadline.race(this.exchange(call, request, attempt, deadline.signal, startedAt));
    } catch (error) {
      if (error instanceof AttemptFailure) failure = error;
      else {
        const classified = this.classifyFailure(error, call, deadline);
        this.logAttempt(call, attempt, startedAt, { error: describeFailure(classified) });
        failure = new AttemptFailure(classified, undefined, request);
      }
    } finally {
      deadline.clear();
    }
    throw failure;
  }

  /** The answer, a 2xx read whole, a 3xx as is (redirects returned), else an AttemptFailure carrying the typed error. */
  private async exchange(call: PreparedCall, request: Request, attempt: number, signal: AbortSignal, startedAt: number): Promise<Response> {
    const response = await this.dispatch(call, request, attempt, signal);
    this.logAttempt(call, attempt, startedAt, { status: response.status });
    if (response.status < 300) return this.readWhole(response, call, signal);
    if (response.status < 400) return response;
    const error = await this.errorFrom(response, call);
    // A vendor mapper may know the wait better than the header (an action's minimum interval in the body).
    const retryAfterMs = error instanceof RateLimitError && error.retryAfterMs !== undefined ? error.retryAfterMs : parseRetryAfter(response.headers.get("retry-after"));
    throw new AttemptFailure(error, retryAfterMs, request);
  }

  /**
   * The whole 2xx body, inside the attempt's deadline and under the size cap, so a stall is a
   * TimeoutError, a drop mid-body a ConnectionError and a huge body a ResponseTooLargeError.
   */
  private async readWhole(response: Response, call: PreparedCall, signal: AbortSignal): Promise<Response> {
    if (response.body === null) return response;
    let bytes: Uint8Array<ArrayBuffer>;
    try {
      // The call itself as context: its redacted URL is computed only if an error needs it.
      bytes = await readBodyBytes(response, call.maxResponseBytes, call);
    } catch (error) {
      if (error instanceof SdkError || signal.aborted || call.callerSignal?.aborted) throw error;
      throw toConnectionError(error, { method: call.method, url: call.url });
    }
    return new ReadResponse(response, bytes);
  }

  private dispatch(call: PreparedCall, request: Request, attempt: number, signal: AbortSignal): Promise<Response> {
    const send = (): Promise<Response> => {
      if (call.middleware.length === 0) return this.callFetch(request, call, signal);
      const toNetwork = (finalRequest: Request): Promise<Response> => this.callFetch(finalRequest, call, signal);
      return composeMiddleware(call.middleware, toNetwork, { attempt })(request);
    };
    try {
      const applying = (this.options.auth ?? noAuth).apply(request.headers);
      return applying ? applying.then(send) : send();
    } catch (error) {
      return Promise.reject(error);
    }
  }

  private async callFetch(request: Request, call: PreparedCall, signal: AbortSignal): Promise<Response> {
    const fetchImpl = this.options.fetch ?? (globalThis.fetch as FetchLike | undefined);
    if (!fetchImpl) throw new ConfigError("No fetch implementation available; pass `fetch` in the client options");
    try {
      return await this.fetchFollowing(fetchImpl, request, call, signal);
    } catch (error) {
      // Aborts are classified by the caller from the signals, not from the runtime's error.
      if (error instanceof SdkError || signal.aborted || call.callerSignal?.aborted) throw error;
      throw toConnectionError(error, { method: call.method, url: call.url });
    }
  }

  /** Never lets the runtime follow a redirect: credentials must not leave the configured origin. */
  private async fetchFollowing(fetchImpl: FetchLike, request: Request, call: PreparedCall, signal: AbortSignal): Promise<Response> {
    let current = request;
    for (let hop = 0; ; hop++) {
      const response = await fetchImpl(current, { signal, redirect: "manual" });
      if (this.options.redirects === "return" || !isRedirect(response)) return response;
      const target = redirectTarget(response, current);
      response.body?.cancel().catch(() => undefined);
      const sameOrigin = target !== undefined && target.origin === new URL(current.url).origin;
      if (!sameOrigin || hop >= MAX_REDIRECTS || (call.method !== "GET" && call.method !== "HEAD")) {
        throw redirectRefusal(response, call, target, hop >= MAX_REDIRECTS);
      }
      current = new Request(target, { method: call.method, headers: current.headers });
    }
  }

  private classifyFailure(error: unknown, call: PreparedCall, deadline: AttemptDeadline): unknown {
    if (call.callerSignal?.aborted) return abortErrorFrom(call.callerSignal);
    // A shared deadline window may fire in the same tick as the attempt's own timer, first.
    if (deadline.timedOut || deadline.signal.aborted) return new TimeoutError(call.timeout, { cause: error, method: call.method, url: call.url });
    return error;
  }

  private errorFrom(response: Response, call: PreparedCall) {
    return errorFromResponse(response, {
      method: call.method,
      url: call.url,
      secrets: this.secrets(call),
      mapError: this.options.mapError,
    });
  }

  private secrets(call?: PreparedCall): KnownSecret[] {
    return [
      ...(this.options.auth?.secrets() ?? []),
      ...(this.options.secrets ?? []),
      ...(this.options.extraSecrets?.() ?? []),
      ...(call?.callSecrets ?? []),
    ];
  }

  private get logger(): Logger {
    return this.options.logger ?? silentLogger;
  }

  private logAttempt(call: PreparedCall, attempt: number, startedAt: number, result: { status?: number; error?: string }): void {
    if (!this.options.logger) return;
    const correlation = call.correlationId === undefined ? undefined : { correlationId: call.correlationId };
    this.logger.debug("http request", { method: call.method, url: call.url, attempt, durationMs: Date.now() - startedAt, ...correlation, ...result });
  }
}

const NO_MIDDLEWARE: readonly Middleware[] = [];

/**
 * A serialized body a resend can be rebuilt from as is. Not FormData (a new multipart boundary
 * would contradict the Content-Type already set) and not a stream (read once).
 */
function resendable(body: FetchBody | undefined): FetchBody | undefined {
  if (typeof body === "string" || body instanceof URLSearchParams || body instanceof ArrayBuffer || ArrayBuffer.isView(body)) return body;
  if (typeof Blob !== "undefined" && body instanceof Blob) return body;
  return undefined;
}
const utf8 = new TextDecoder();

/**
 * A 2xx answer read whole inside the deadline, handed on as a real `Response` (raw clients, any
 * caller of `Transport.fetch`): its body is served from the bytes in memory, not through a second
 * stream, which costs more than the rest of the call. `body`, `formData()` and a clone after a
 * read fall back to an ordinary Response over the same bytes.
 */
class ReadResponse extends Response {
  readonly #bytes: Uint8Array<ArrayBuffer>;
  #used = false;
  #stream: Response | undefined;

  constructor(response: Response, bytes: Uint8Array<ArrayBuffer>) {
    super(null, { status: response.status, statusText: response.statusText, headers: response.headers });
    this.#bytes = bytes;
  }

  override get bodyUsed(): boolean {
    return this.#used || (this.#stream?.bodyUsed ?? false);
  }

  override get body(): ReadableStream<Uint8Array<ArrayBuffer>> | null {
    return this.#streamed().body;
  }

  override text(): Promise<string> {
    return this.#read((stream) => stream.text(), (bytes) => utf8.decode(bytes));
  }

  override json(): Promise<unknown> {
    return this.text().then(JSON.parse);
  }

  override arrayBuffer(): Promise<ArrayBuffer> {
    return this.#read((stream) => stream.arrayBuffer(), (bytes) => bytes.slice().buffer);
  }

  override bytes(): Promise<Uint8Array<ArrayBuffer>> {
    // Not `bytes()` of the fallback: Node 20's Response has none.
    return this.arrayBuffer().then((buffer) => new Uint8Array(buffer));
  }

  override blob(): Promise<Blob> {
    return this.#streamed().blob();
  }

  override formData(): Promise<FormData> {
    return this.#streamed().formData();
  }

  override clone(): Response {
    if (this.#stream) return this.#stream.clone();
    if (this.#used) throw new TypeError("Response.clone: the body has already been read");
    return new ReadResponse(this, this.#bytes);
  }

  /** Once: from the bytes, or from the fallback Response once one exists. */
  #read<T>(fromStream: (stream: Response) => Promise<T>, fromBytes: (bytes: Uint8Array<ArrayBuffer>) => T): Promise<T> {
    if (this.#stream) return fromStream(this.#stream);
    if (this.#used) return Promise.reject(new TypeError("Body is unusable: the body has already been read"));
    this.#used = true;
    return Promise.resolve(fromBytes(this.#bytes));
  }

  /** An ordinary Response over the bytes, from the first use that needs a stream on. */
  #streamed(): Response {
    this.#stream ??= new Response(this.#used ? null : this.#bytes, { status: this.status, statusText: this.statusText, headers: this.headers });
    return this.#stream;
  }
}

const NO_SECRETS: readonly KnownSecret[] = [];

function isRedirect(response: Response): boolean {
  return REDIRECT_STATUSES.has(response.status) || response.type === "opaqueredirect";
}

function redirectTarget(response: Response, request: Request): URL | undefined {
  const location = response.headers.get("location");
  if (!location) return undefined;
  try {
    return new URL(location, request.url);
  } catch {
    return undefined;
  }
}

function redirectRefusal(response: Response, call: PreparedCall, target: URL | undefined, tooMany: boolean): RedirectError {
  const location = target ? redactUrl(target) : undefined;
  const why = tooMany ? `more than ${MAX_REDIRECTS} redirects` : target === undefined ? "a redirect without a usable Location" : "a redirect the SDK does not follow (another origin, or not a GET/HEAD)";
  return new RedirectError({
    status: response.status,
    message: `${call.method} ${call.url} → ${response.status}: ${why}${location ? ` to ${location}` : ""}; credentials stay with the configured origin`,
    method: call.method,
    url: call.url,
    location,
  });
}

function countRefusalRetries(call: PreparedCall): number {
  if (!call.refusalRetries) return 0;
  let total = 0;
  for (const used of Object.values(call.refusalRetries)) total += used;
  return total;
}

const NOTHING_TO_RELEASE = (): void => undefined;

/**
 * The caller's signal of one call. The kit builds its requests without a signal (a Request then
 * carries one that never aborts): only the options' signal counts. Any other request may carry
 * the caller's own (openapi-fetch puts it there); with the options' as well, both are linked for
 * the length of the call and released after it.
 */
function callerSignalOf(request: Request, options: RequestOptions, builtByKit: boolean): { signal: AbortSignal | undefined; release: () => void } {
  if (builtByKit) return { signal: options.signal, release: NOTHING_TO_RELEASE };
  if (!options.signal) return { signal: request.signal, release: NOTHING_TO_RELEASE };
  return linkSignals([request.signal, options.signal]);
}

const sharedDeadlines = new SharedDeadlines();

/**
 * One attempt's precise timer, and the signal that cancels its network side. Without a caller's
 * signal that is a shared deadline window's; with one, the attempt's own, aborted at once when the
 * caller aborts. Either way nothing of the attempt stays behind when it settles: the timer is
 * cleared, the window handed back, and the caller's signal, however many calls share it, is
 * watched through one listener (`watchAbort`) and let go.
 */
class AttemptDeadline {
  readonly signal: AbortSignal;
  /** The attempt's timeout fired (not the caller's signal). */
  timedOut = false;
  readonly #timer: ReturnType<typeof setTimeout>;
  readonly #own: AbortController | undefined;
  readonly #window: DeadlineWindow | undefined;
  readonly #unwatchCaller: () => void;
  #rejectRace: (() => void) | undefined;

  constructor(call: PreparedCall) {
    this.#timer = setTimeout(() => {
      this.timedOut = true;
      this.#abort(new Error(`attempt exceeded its ${call.timeout} ms timeout`));
    }, call.timeout);
    const caller = call.callerSignal;
    if (caller) {
      this.#own = new AbortController();
      this.signal = this.#own.signal;
      this.#unwatchCaller = watchAbort(caller, () => this.#abort(caller.reason));
    } else {
      this.#window = sharedDeadlines.join(call.timeout);
      this.signal = this.#window.controller.signal;
      this.#unwatchCaller = NOTHING_TO_RELEASE;
    }
  }

  #abort(reason: unknown): void {
    this.#own?.abort(reason);
    this.#rejectRace?.();
  }

  /** Settles with the promise, or rejects as soon as the attempt is aborted (even if fetch ignores its signal). */
  race<T>(promise: Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#rejectRace = () => {
        promise.catch(() => undefined);
        reject(undefined);
      };
      if (this.timedOut || this.#own?.signal.aborted) this.#rejectRace();
      else promise.then(resolve, reject);
    });
  }

  clear(): void {
    clearTimeout(this.#timer);
    this.#unwatchCaller();
    if (this.#window) sharedDeadlines.release(this.#window);
  }
}

function describeFailure(error: unknown): string {
  if (error instanceof Error) return error instanceof SdkError ? `${error.name}: ${error.message}` : error.name;
  return String(error);
}
