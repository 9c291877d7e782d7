import { abortErrorFrom, anySignal, raceWithSignal, sleep, throwIfAborted } from "./abort.js";
import { type Auth, noAuth } from "./auth.js";
import { toConnectionError } from "./connection-failure.js";
import { type ErrorMapper, errorFromResponse } from "./error-response.js";
import { ConfigError, SdkError, TimeoutError } from "./errors.js";
import { type Logger, silentLogger } from "./logger.js";
import { type Middleware, composeMiddleware } from "./middleware.js";
import { redactUrl } from "./redact.js";
import type { HeaderValues, RequestOptions } from "./request-options.js";
import { DEFAULT_MAX_RETRIES, parseRetryAfter, retryDelay, shouldRetry } from "./retry.js";

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_IDEMPOTENCY_HEADER = "Idempotency-Key";

/** The subset of `fetch` the transport needs; any WHATWG-compatible implementation fits. */
export type FetchLike = (input: Request) => Promise<Response>;

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
  template: Request;
  method: string;
  url: string;
  callerSignal: AbortSignal;
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

  /** Everything except auth/network that is identical for every attempt. */
  private prepare(request: Request, options: RequestOptions): PreparedCall {
    const callerSignal = anySignal([request.signal, options.signal]);
    throwIfAborted(callerSignal);
    const headers = new Headers(request.headers);
    applyHeaderValues(headers, this.options.headers, true);
    applyHeaderValues(headers, options.headers, false);
    if (options.idempotencyKey !== undefined) {
      headers.set(this.options.idempotencyHeader ?? DEFAULT_IDEMPOTENCY_HEADER, options.idempotencyKey);
    }
    return {
      template: new Request(request, { headers }),
      method: request.method.toUpperCase(),
      url: redactUrl(request.url),
      callerSignal,
      timeout: validTimeout(options.timeout ?? this.options.timeout ?? DEFAULT_TIMEOUT_MS),
      maxRetries: validMaxRetries(options.maxRetries ?? this.options.maxRetries ?? DEFAULT_MAX_RETRIES),
      hasIdempotencyKey: options.idempotencyKey !== undefined,
      middleware: [...(this.options.middleware ?? []), ...(options.middleware ?? [])],
    };
  }

  private async attempt(call: PreparedCall, attempt: number): Promise<AttemptOutcome> {
    const startedAt = Date.now();
    const timeoutController = new AbortController();
    const timer = setTimeout(() => timeoutController.abort(), call.timeout);
    const signal = anySignal([call.callerSignal, timeoutController.signal]);
    const failureFor = (error: unknown): unknown => this.classifyFailure(error, call, timeoutController.signal);
    try {
      const response = await raceWithSignal(this.dispatch(call, attempt, signal), signal, () => failureFor(undefined));
      this.logAttempt(call, attempt, startedAt, { status: response.status });
      if (response.status < 400) return { response };
      const error = await raceWithSignal(this.errorFrom(response, call), signal, () => failureFor(undefined));
      return { error, retryAfterMs: parseRetryAfter(response.headers.get("retry-after")) };
    } catch (error) {
      const failure = failureFor(error);
      this.logAttempt(call, attempt, startedAt, { error: describeFailure(failure) });
      return { error: failure };
    } finally {
      clearTimeout(timer);
    }
  }

  private async dispatch(call: PreparedCall, attempt: number, signal: AbortSignal): Promise<Response> {
    const request = new Request(call.template.clone(), { signal });
    await (this.options.auth ?? noAuth).apply(request.headers);
    const toNetwork = (finalRequest: Request): Promise<Response> => this.callFetch(finalRequest, call);
    return composeMiddleware(call.middleware, toNetwork, { attempt })(request);
  }

  private async callFetch(request: Request, call: PreparedCall): Promise<Response> {
    const fetchImpl = this.options.fetch ?? (globalThis.fetch as FetchLike | undefined);
    if (!fetchImpl) throw new ConfigError("No fetch implementation available; pass `fetch` in the client options");
    try {
      return await fetchImpl(request);
    } catch (error) {
      // Aborts are classified by the caller from the signals, not from the runtime's error.
      if (request.signal.aborted) throw error;
      throw toConnectionError(error, { method: call.method, url: call.url });
    }
  }

  private classifyFailure(error: unknown, call: PreparedCall, timeoutSignal: AbortSignal): unknown {
    if (call.callerSignal.aborted) return abortErrorFrom(call.callerSignal);
    if (timeoutSignal.aborted) return new TimeoutError(call.timeout, { cause: error, method: call.method, url: call.url });
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
    this.logger.debug("http request", { method: call.method, url: call.url, attempt, durationMs: Date.now() - startedAt, ...result });
  }
}

function describeFailure(error: unknown): string {
  if (error instanceof Error) return error instanceof SdkError ? `${error.name}: ${error.message}` : error.name;
  return String(error);
}
