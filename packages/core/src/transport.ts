import { abortErrorFrom, anySignal, sleep, throwIfAborted } from "./abort.js";
import { type Auth, noAuth } from "./auth.js";
import { toConnectionError } from "./connection-failure.js";
import { type ErrorMapper, errorFromResponse } from "./error-response.js";
import { ConfigError, SdkError, TimeoutError } from "./errors.js";
import { type Logger, silentLogger } from "./logger.js";
import { SharedDeadlines } from "./deadline.js";
import { type Middleware, composeMiddleware } from "./middleware.js";
import { redactUrl } from "./redact.js";
import type { HeaderValues, RequestOptions } from "./request-options.js";
import { DEFAULT_MAX_RETRIES, parseRetryAfter, retryDelay, shouldRetry } from "./retry.js";

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_IDEMPOTENCY_HEADER = "Idempotency-Key";

/** The subset of `fetch` the transport needs; any WHATWG-compatible implementation fits. */
export type FetchLike = (input: Request, init?: RequestInit) => Promise<Response>;

/** What the transport hands to openapi-fetch and to anyone else who wants a `fetch`. */
export type TransportFetch = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

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

interface PreparedCall {
  /** The caller's request with call-level headers applied; cloned per attempt only when it has a body. */
  template: Request;
  method: string;
  /** Redacted, computed only when an error or a log line needs it. */
  readonly url: string;
  callerSignal: AbortSignal | undefined;
  /** The caller's own signal from RequestOptions; it must cancel the network side at once. */
  optionsSignal: AbortSignal | undefined;
  timeout: number;
  maxRetries: number;
  hasIdempotencyKey: boolean;
  middleware: readonly Middleware[];
}

type AttemptOutcome = { response: Response } | { error: unknown; retryAfterMs?: number | undefined };

function validTimeout(value: number): number {
  if (!Number.isFinite(value) || value <= 0) throw new ConfigError(`timeout must be a positive number of milliseconds, got ${value}`);
  return value;
}

function validMaxRetries(value: number): number {
  if (!Number.isInteger(value) || value < 0) throw new ConfigError(`maxRetries must be a non-negative integer, got ${value}`);
  return value;
}

function applyHeaderValues(headers: Headers, values: HeaderValues | undefined, onlyIfMissing: boolean): void {
  for (const [name, value] of Object.entries(values ?? {})) {
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
      const outcome = await this.attempt(call, attempt);
      if ("response" in outcome) return outcome.response;
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
    let redacted: string | undefined;
    return {
      template: request,
      method: request.method.toUpperCase(),
      get url() {
        return (redacted ??= redactUrl(request.url));
      },
      callerSignal,
      optionsSignal: options.signal,
      timeout: validTimeout(options.timeout ?? this.options.timeout ?? DEFAULT_TIMEOUT_MS),
      maxRetries: validMaxRetries(options.maxRetries ?? this.options.maxRetries ?? DEFAULT_MAX_RETRIES),
      hasIdempotencyKey: options.idempotencyKey !== undefined,
      middleware: this.options.middleware?.length || options.middleware?.length
        ? [...(this.options.middleware ?? []), ...(options.middleware ?? [])]
        : NO_MIDDLEWARE,
    };
  }

  private async attempt(call: PreparedCall, attempt: number): Promise<AttemptOutcome> {
    const startedAt = this.options.logger ? Date.now() : 0;
    const deadline = attemptDeadline(call.timeout, call);
    const failureFor = (error: unknown): unknown => this.classifyFailure(error, call, deadline);
    try {
      const response = await deadline.race(this.dispatch(call, attempt, deadline.signal));
      this.logAttempt(call, attempt, startedAt, { status: response.status });
      if (response.status < 400) return { response };
      const error = await deadline.race(this.errorFrom(response, call));
      return { error, retryAfterMs: parseRetryAfter(response.headers.get("retry-after")) };
    } catch (error) {
      const failure = failureFor(error);
      this.logAttempt(call, attempt, startedAt, { error: describeFailure(failure) });
      return { error: failure };
    } finally {
      deadline.clear();
    }
  }

  private async dispatch(call: PreparedCall, attempt: number, signal: AbortSignal): Promise<Response> {
    // A body is a one-shot stream, so each attempt sends a copy; bodyless requests are reused.
    const request = call.template.body === null ? call.template : call.template.clone();
    await (this.options.auth ?? noAuth).apply(request.headers);
    const toNetwork = (finalRequest: Request): Promise<Response> => this.callFetch(finalRequest, call, signal);
    if (call.middleware.length === 0) return toNetwork(request);
    return composeMiddleware(call.middleware, toNetwork, { attempt })(request);
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

interface AttemptDeadline {
  /** Handed to fetch: the shared network deadline, or a per-call signal when the caller passed one. */
  signal: AbortSignal;
  /** True once this attempt timed out or the caller aborted. */
  readonly aborted: boolean;
  /** Settles with the promise, or rejects as soon as the attempt is aborted (even if fetch ignores its signal). */
  race<T>(promise: Promise<T>): Promise<T>;
  clear(): void;
}

const sharedDeadlines = new SharedDeadlines();

/** The precise per-attempt timer plus the signal that cancels the network side. */
function attemptDeadline(timeoutMs: number, call: PreparedCall): AttemptDeadline {
  let aborted = false;
  let onAbort: (() => void) | undefined;
  const abort = () => {
    aborted = true;
    onAbort?.();
  };
  const timer = setTimeout(abort, timeoutMs);
  const networkDeadline = sharedDeadlines.signalFor(timeoutMs);
  const signal = call.optionsSignal ? anySignal([call.optionsSignal, networkDeadline]) : networkDeadline;
  call.callerSignal?.addEventListener("abort", abort, { once: true });
  return {
    signal,
    get aborted() {
      return aborted;
    },
    race: (promise) =>
      new Promise((resolve, reject) => {
        onAbort = () => {
          promise.catch(() => undefined);
          reject(undefined);
        };
        if (aborted) onAbort();
        else promise.then(resolve, reject);
      }),
    clear() {
      clearTimeout(timer);
      call.callerSignal?.removeEventListener("abort", abort);
    },
  };
}

function describeFailure(error: unknown): string {
  if (error instanceof Error) return error instanceof SdkError ? `${error.name}: ${error.message}` : error.name;
  return String(error);
}
