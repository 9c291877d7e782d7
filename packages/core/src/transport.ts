import { abortErrorFrom, anySignal, sleep, throwIfAborted } from "./abort.js";
import { type Auth, noAuth } from "./auth.js";
import { toConnectionError } from "./connection-failure.js";
import { type ErrorMapper, errorFromResponse } from "./error-response.js";
import { ConfigError, SdkError, TimeoutError } from "./errors.js";
import { type Logger, silentLogger } from "./logger.js";
import { SharedDeadlines } from "./deadline.js";
import { type Middleware, composeMiddleware } from "./middleware.js";
import { redactUrl } from "./redact.js";
import type { FetchInput } from "./fetch-types.js";
import type { HeaderValues, RequestOptions } from "./request-options.js";
import { DEFAULT_MAX_RETRIES, parseRetryAfter, retryDelay, shouldRetry } from "./retry.js";

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_IDEMPOTENCY_HEADER = "Idempotency-Key";

/** The subset of `fetch` the transport needs; any WHATWG-compatible implementation fits. */
export type FetchLike = (input: Request, init?: RequestInit) => Promise<Response>;

/** What the transport hands to openapi-fetch and to anyone else who wants a `fetch`. */
export type TransportFetch = (input: FetchInput, init?: RequestInit) => Promise<Response>;

export interface TransportOptions {
  /** Defaults to the global `fetch`, looked up per call so late polyfills still work. */
  fetch?: FetchLike | undefined;
  auth?: Auth | undefined;
  /** Sent on every request unless the request or call sets the same header. */
  headers?: HeaderValues | undefined;
  middleware?: readonly Middleware[] | undefined;
  timeout?: number | undefined;
  maxRetries?: number | undefined;
  idempotencyHeader?: string | undefined;
  logger?: Logger | undefined;
  /** Vendor refinement of the status-based error classes. */
  mapError?: ErrorMapper | undefined;
  /** Extra values to mask in messages and logs, besides the auth secrets. */
  secrets?: readonly string[] | undefined;
  /** Injected in tests to make backoff jitter deterministic. */
  random?: (() => number) | undefined;
}

/** Everything about one call that stays the same across attempts. */
class PreparedCall {
  #redactedUrl: string | undefined;

  constructor(
    /** The caller's request with call-level headers applied; cloned per attempt only when it has a body. */
    readonly template: Request,
    readonly method: string,
    readonly callerSignal: AbortSignal | undefined,
    /** The caller's own signal from RequestOptions; it must cancel the network side at once. */
    readonly optionsSignal: AbortSignal | undefined,
    readonly timeout: number,
    readonly maxRetries: number,
    readonly hasIdempotencyKey: boolean,
    readonly middleware: readonly Middleware[],
  ) {}

  /** Redacted, computed only when an error or a log line needs it. */
  get url(): string {
    return (this.#redactedUrl ??= redactUrl(this.template.url));
  }
}

/** Why an attempt failed; thrown inside the retry loop only, never to callers. */
class AttemptFailure {
  constructor(
    readonly error: unknown,
    readonly retryAfterMs?: number | undefined,
  ) {}
}

function validTimeout(value: number): number {
  if (!Number.isFinite(value) || value <= 0) throw new ConfigError(`timeout must be a positive number of milliseconds, got ${value}`);
  return value;
}

function validMaxRetries(value: number): number {
  if (!Number.isInteger(value) || value < 0) throw new ConfigError(`maxRetries must be a non-negative integer, got ${value}`);
  return value;
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
  readonly options: Readonly<TransportOptions>;
  /** Bound `fetch` with the client defaults, ready for openapi-fetch's `fetch` option. */
  readonly fetch: TransportFetch;

  constructor(options: TransportOptions = {}) {
    if (options.timeout !== undefined) validTimeout(options.timeout);
    if (options.maxRetries !== undefined) validMaxRetries(options.maxRetries);
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
  fetchWith(options: RequestOptions): TransportFetch {
    return (input, init) => this.send(input instanceof Request && init === undefined ? input : new Request(input, init), options);
  }

  async send(request: Request, options: RequestOptions = {}): Promise<Response> {
    const call = this.prepare(request, options);
    for (let attempt = 1; ; attempt++) {
      let outcome: AttemptFailure;
      try {
        return await this.attempt(call, attempt);
      } catch (failure) {
        outcome = failure as AttemptFailure;
      }
      const retriesUsed = attempt - 1;
      if (retriesUsed >= call.maxRetries || !shouldRetry(outcome.error, call)) throw outcome.error;
      const delayMs = retryDelay(retriesUsed, outcome.retryAfterMs, this.options.random);
      this.logger.debug("retrying request", { method: call.method, url: call.url, attempt, delayMs, reason: describeFailure(outcome.error) });
      await sleep(delayMs, call.callerSignal);
    }
  }

  /**
   * Everything except auth/network that is identical for every attempt. Headers are set on the
   * request in place: rebuilding a Request costs more than the rest of the pipeline together.
   */
  private prepare(request: Request, options: RequestOptions): PreparedCall {
    const callerSignal = combineCallerSignals(request.signal, options.signal);
    throwIfAborted(callerSignal);
    const headers = request.headers;
    applyHeaderValues(headers, this.options.headers, true);
    applyHeaderValues(headers, options.headers, false);
    if (options.idempotencyKey !== undefined) {
      headers.set(this.options.idempotencyHeader ?? DEFAULT_IDEMPOTENCY_HEADER, options.idempotencyKey);
    }
    const middleware =
      this.options.middleware?.length || options.middleware?.length
        ? [...(this.options.middleware ?? []), ...(options.middleware ?? [])]
        : NO_MIDDLEWARE;
    return new PreparedCall(
      request,
      request.method.toUpperCase(),
      callerSignal,
      options.signal,
      validTimeout(options.timeout ?? this.options.timeout ?? DEFAULT_TIMEOUT_MS),
      validMaxRetries(options.maxRetries ?? this.options.maxRetries ?? DEFAULT_MAX_RETRIES),
      options.idempotencyKey !== undefined,
      middleware,
    );
  }

  /** Resolves with a 2xx/3xx response; rejects with an AttemptFailure otherwise. */
  private async attempt(call: PreparedCall, attempt: number): Promise<Response> {
    const startedAt = this.options.logger ? Date.now() : 0;
    const deadline = new AttemptDeadline(call);
    let failure: AttemptFailure;
    try {
      const response = await deadline.race(this.dispatch(call, attempt, deadline.signal));
      this.logAttempt(call, attempt, startedAt, { status: response.status });
      if (response.status < 400) return response;
      failure = new AttemptFailure(await deadline.race(this.errorFrom(response, call)), parseRetryAfter(response.headers.get("retry-after")));
    } catch (error) {
      const classified = this.classifyFailure(error, call, deadline);
      this.logAttempt(call, attempt, startedAt, { error: describeFailure(classified) });
      failure = new AttemptFailure(classified);
    } finally {
      deadline.clear();
    }
    throw failure;
  }

  private dispatch(call: PreparedCall, attempt: number, signal: AbortSignal): Promise<Response> {
    // A body is a one-shot stream, so each attempt sends a copy; bodyless requests are reused.
    const request = call.template.body === null ? call.template : call.template.clone();
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
      return await fetchImpl(request, { signal });
    } catch (error) {
      // Aborts are classified by the caller from the signals, not from the runtime's error.
      if (signal.aborted || call.callerSignal?.aborted) throw error;
      throw toConnectionError(error, { method: call.method, url: call.url });
    }
  }

  private classifyFailure(error: unknown, call: PreparedCall, deadline: AttemptDeadline): unknown {
    if (call.callerSignal?.aborted) return abortErrorFrom(call.callerSignal);
    if (deadline.aborted) return new TimeoutError(call.timeout, { cause: error, method: call.method, url: call.url });
    return error;
  }

  private errorFrom(response: Response, call: PreparedCall) {
    return errorFromResponse(response, {
      method: call.method,
      url: call.url,
      secrets: this.secrets(),
      mapError: this.options.mapError,
    });
  }

  private secrets(): string[] {
    return [...(this.options.auth?.secrets() ?? []), ...(this.options.secrets ?? [])];
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

function combineCallerSignals(fromRequest: AbortSignal | null, fromOptions: AbortSignal | undefined): AbortSignal | undefined {
  if (!fromOptions) return fromRequest ?? undefined;
  if (!fromRequest) return fromOptions;
  return anySignal([fromRequest, fromOptions]);
}

const sharedDeadlines = new SharedDeadlines();

/**
 * One attempt's precise timer, plus the signal that cancels the network side: the shared
 * deadline, or a per-call signal when the caller passed one.
 */
class AttemptDeadline {
  readonly signal: AbortSignal;
  aborted = false;
  readonly #timer: ReturnType<typeof setTimeout>;
  readonly #callerSignal: AbortSignal | undefined;
  #rejectRace: ((reason?: unknown) => void) | undefined;

  constructor(call: PreparedCall) {
    const networkDeadline = sharedDeadlines.signalFor(call.timeout);
    this.signal = call.optionsSignal ? anySignal([call.optionsSignal, networkDeadline]) : networkDeadline;
    this.#timer = setTimeout(this.abort, call.timeout);
    this.#callerSignal = call.callerSignal;
    this.#callerSignal?.addEventListener("abort", this.abort, { once: true });
  }

  readonly abort = (): void => {
    this.aborted = true;
    this.#rejectRace?.();
  };

  /** Settles with the promise, or rejects as soon as the attempt is aborted (even if fetch ignores its signal). */
  race<T>(promise: Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#rejectRace = () => {
        promise.catch(() => undefined);
        reject(undefined);
      };
      if (this.aborted) this.#rejectRace();
      else promise.then(resolve, reject);
    });
  }

  clear(): void {
    clearTimeout(this.#timer);
    this.#callerSignal?.removeEventListener("abort", this.abort);
  }
}

function describeFailure(error: unknown): string {
  if (error instanceof Error) return error instanceof SdkError ? `${error.name}: ${error.message}` : error.name;
  return String(error);
}
