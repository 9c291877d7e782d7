import { abortErrorFrom, linkSignals, sleep, throwIfAborted } from "./abort.js";
import { type Auth, type ClientCalls, noAuth } from "./auth.js";
import { toConnectionError } from "./connection-failure.js";
import { type ErrorMapper, errorFromResponse } from "./error-response.js";
import { ConfigError, ResponseTooLargeError, SdkError, TimeoutError } from "./errors.js";
import { readBodyBytes } from "./read-body.js";
import { type Logger, silentLogger } from "./logger.js";
import { AttemptDeadline } from "./deadline.js";
import { ReadResponse } from "./read-response.js";
import { MAX_REDIRECTS, followRedirects, sameOriginHop } from "./redirects.js";
import { type Middleware, composeMiddleware } from "./middleware.js";
import type { KnownSecret } from "./redact.js";
import { PreparedCall, resendable } from "./prepared-call.js";
import type { FetchBody, FetchInput } from "./fetch-types.js";
import { type HeaderValues, type RequestOptions, checkedRequestOptions } from "./request-options.js";
import { DEFAULT_MAX_RETRIES, type RefusalPolicy, type RetryProfile, backoffDelay, parseRetryAfter, retryDelay, shouldRetry } from "./retry.js";

/** Per-attempt timeout when neither the client nor the call sets one: 30 s. */
const DEFAULT_TIMEOUT_MS = 30_000;
/** Header that carries `idempotencyKey`, for APIs declared to deduplicate by key. */
const DEFAULT_IDEMPOTENCY_HEADER = "Idempotency-Key";
/** Largest 2xx body accepted unless configured: 32 MiB. */
const DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

/** The subset of `fetch` the transport needs; any WHATWG-compatible implementation fits. */
export type FetchLike = (input: Request, init?: RequestInit) => Promise<Response>;

/** What the transport hands to openapi-fetch and to anyone else who wants a `fetch`. */
export type TransportFetch = (input: FetchInput, init?: RequestInit) => Promise<Response>;

/** A transport built without a client kit has nothing to send operations with. */
const withoutKit = () => Promise.reject(new ConfigError("this transport was built without a client kit"));
const NO_CLIENT_CALLS: ClientCalls = { call: withoutKit, foreignFetch: () => withoutKit, logger: silentLogger };

/** The warning for a caller's idempotency key that an API (`"Acme"`) cannot honour. */
export const ignoredIdempotencyKey = (api: string): string =>
  `idempotencyKey ignored: ${api} does not deduplicate requests, so a key cannot make a resend safe`;

/** How a Transport sends: fetch, credentials, headers, middleware, timeout and retry policy. */
export interface TransportOptions {
  /** Defaults to the global `fetch`, looked up per call so late polyfills still work. */
  fetch?: FetchLike | undefined;
  /** Applied to every attempt; none by default. */
  auth?: Auth | undefined;
  /** Handed to `auth.refresh` and to refusal profiles when they run (the client kit's ways to send). */
  calls?: ClientCalls | undefined;
  /** Sent on every request unless the request or call sets the same header. */
  headers?: HeaderValues | undefined;
  /** Client-wide middleware, run once per attempt before the call's own. */
  middleware?: readonly Middleware[] | undefined;
  /** Per-attempt timeout in milliseconds (default 30 s); a ConfigError when not positive. */
  timeout?: number | undefined;
  /** Retries after the first attempt (default 2); a ConfigError when not a non-negative integer. */
  maxRetries?: number | undefined;
  /** Header that carries a caller's idempotency key (default `Idempotency-Key`). */
  idempotencyHeader?: string | undefined;
  /**
   * The API deduplicates requests by idempotency key, so a keyed POST/PATCH may be resent.
   * Otherwise a caller's key is never sent and never makes a resend safe.
   */
  deduplicatesByIdempotencyKey?: boolean | undefined;
  /** Called when a caller's idempotency key is dropped (the kit warns once per client). */
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

  /** What `auth.refresh` and refusal profiles get to send with; without a kit, every send is refused. */
  private get calls(): ClientCalls {
    return this.options.calls ?? NO_CLIENT_CALLS;
  }

  /** A `fetch` bound to one call's options, e.g. `raw.GET(path, { fetch: transport.fetchWith(options) })`. */
  fetchWith(options: RequestOptions, callSecrets: readonly KnownSecret[] = NO_SECRETS): TransportFetch {
    return (input, init) => this.sendCall(input instanceof Request && init === undefined ? input : new Request(input, init), options, callSecrets, false);
  }

  /**
   * @internal For the client kit, which builds each request itself without a signal: only the
   * options' signal can cancel it, so none of the request's own is listened to. `body` is the
   * serialized body the request was built from, so a resend can rebuild the request from it.
   */
  sendBuilt(request: Request, options: RequestOptions, callSecrets: readonly KnownSecret[] = NO_SECRETS, body?: FetchBody): Promise<Response> {
    return this.sendCall(request, options, callSecrets, true, resendable(body));
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
  ): Promise<Response> {
    // The kit checked its options already; anyone else's are checked here, once per call.
    if (!builtByKit) options = checkedRequestOptions(options, "request");
    const caller = callerSignalOf(request, options, builtByKit);
    try {
      return await this.sendPrepared(this.prepare(request, options, callSecrets, caller.signal, resendBody));
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
      const replacement = await plan.profile?.prepare?.(outcome.error, outcome.request ?? call.template, this.calls);
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
    if (retriesUsed >= call.maxRetries || !shouldRetry(failure.error, call)) return undefined;
    const delayMs = retryDelay(retriesUsed, failure.retryAfterMs, this.options.random);
    return delayMs === undefined ? undefined : { delayMs, reason: describeFailure(failure.error) };
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
  ): PreparedCall {
    throwIfAborted(callerSignal);
    const headers = request.headers;
    applyHeaderValues(headers, this.options.headers, true);
    applyHeaderValues(headers, options.headers, false);
    const keyed = this.acceptsIdempotencyKey(options.idempotencyKey);
    if (keyed) headers.set(this.options.idempotencyHeader ?? DEFAULT_IDEMPOTENCY_HEADER, options.idempotencyKey as string);
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
      keyed,
      middleware,
      options.maxResponseBytes ?? this.options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
      callSecrets,
      resendBody,
    );
  }

  /** A key is put on the wire, and may make a resend safe, only for an API that deduplicates by it. */
  private acceptsIdempotencyKey(key: string | undefined): boolean {
    if (key === undefined) return false;
    if (this.options.deduplicatesByIdempotencyKey) return true;
    if (this.options.onIgnoredIdempotencyKey) this.options.onIgnoredIdempotencyKey();
    else this.logger.warn(ignoredIdempotencyKey("this API"));
    return false;
  }

  /** Resolves with a 2xx response read in full (or a 3xx when redirects are returned); rejects with an AttemptFailure otherwise. */
  private async attempt(call: PreparedCall, attempt: number): Promise<Response> {
    const refreshing = this.options.auth?.refresh?.(call.refreshOptions, this.calls);
    // Signing in has its own requests and deadlines; it does not eat this attempt's timeout, and its failure ends the call.
    if (refreshing) await refreshing.catch((error: unknown) => Promise.reject(new AttemptFailure(error, undefined, undefined, true)));
    const startedAt = this.options.logger ? Date.now() : 0;
    const deadline = new AttemptDeadline(call.timeout, call.callerSignal);
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
    throw new AttemptFailure(await this.errorFrom(response, call), parseRetryAfter(response.headers.get("retry-after")), request);
  }

  /**
   * The whole 2xx body, inside the attempt's deadline and under the size cap, so a stall is a
   * TimeoutError, a drop mid-body a ConnectionError and a huge body a ResponseTooLargeError.
   */
  private async readWhole(response: Response, call: PreparedCall, signal: AbortSignal): Promise<Response> {
    if (response.body === null) return response;
    let bytes: Uint8Array<ArrayBuffer>;
    try {
      // The redacted URL is computed only if the error is built.
      const tooLarge = () => new ResponseTooLargeError(call.maxResponseBytes, { status: response.status, method: call.method, url: call.url });
      bytes = await readBodyBytes(response, call.maxResponseBytes, tooLarge);
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
  private fetchFollowing(fetchImpl: FetchLike, request: Request, call: PreparedCall, signal: AbortSignal): Promise<Response> {
    const send = (hop: Request): Promise<Response> => fetchImpl(hop, { signal, redirect: "manual" });
    if (this.options.redirects === "return") return send(request);
    return followRedirects(request, send, sameOriginHop(call.method, call.url));
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
    this.logger.debug("http request", { method: call.method, url: call.url, attempt, durationMs: Date.now() - startedAt, ...result });
  }
}

const NO_MIDDLEWARE: readonly Middleware[] = [];

const NO_SECRETS: readonly KnownSecret[] = [];

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

function describeFailure(error: unknown): string {
  if (error instanceof Error) return error instanceof SdkError ? `${error.name}: ${error.message}` : error.name;
  return String(error);
}
