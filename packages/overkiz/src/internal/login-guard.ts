import { ApiError, ConfigError, SdkError, assertKnownOptions } from "@openapp/core";
import {
  BadCredentialsError,
  BrandtServiceError,
  CozyTouchServiceError,
  InvalidTokenError,
  MissingAPIKeyError,
  NexityServiceError,
  NoSuchTokenError,
  ResourceAccessDeniedError,
  ServiceUnavailableError,
  SomfyServiceError,
  TooManyAttemptsBannedError,
  TooManyRequestsError,
  UnknownUserError,
} from "../errors.js";

/** Login attempts are paused after a refusal, so a retry loop cannot get the account banned. */
export class LoginLockedError extends SdkError {
  override readonly name: string = "LoginLockedError";
  /** How long until the next login may be attempted. */
  readonly retryAfterMs: number;
  /** Refused logins in a row. */
  readonly failedAttempts: number;

  constructor(message: string, options: { retryAfterMs: number; failedAttempts: number; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.retryAfterMs = options.retryAfterMs;
    this.failedAttempts = options.failedAttempts;
  }
}

/** The first pause (ms), its growth per further refusal, and its ceiling (ms). */
export interface LoginBackoffSettings {
  /** Milliseconds (default 60 000). */
  initialDelayMs?: number | undefined;
  /** Factor per further refusal (default 4). */
  multiplier?: number | undefined;
  /** Milliseconds (default 4 h). */
  maxDelayMs?: number | undefined;
}

const DEFAULT_LOGIN_BACKOFF = { initialDelayMs: 60_000, multiplier: 4, maxDelayMs: 4 * 60 * 60 * 1000 };

const LOGIN_BACKOFF_KEYS = Object.keys({ initialDelayMs: 1, multiplier: 1, maxDelayMs: 1 } satisfies Record<keyof LoginBackoffSettings, 1>);
/** The names before durations carried their unit (they were seconds). */
const RENAMED_LOGIN_BACKOFF_KEYS = { initialDelay: "initialDelayMs", maxDelay: "maxDelayMs" };

function positive(value: number, name: string, minimum: number): number {
  if (!Number.isFinite(value) || value < minimum) throw new ConfigError(`loginBackoff.${name} must be a number ≥ ${minimum}, got ${value}`);
  return value;
}

/**
 * Answers that say the credentials or the account were refused: wrong password (every brand's
 * `BadCredentialsError`), "Too many requests … login with", "Too many attempts … temporarily
 * banned", unknown user, missing API key, a refused or unknown token, access denied (a local
 * token the gateway refuses answers "Not authenticated").
 */
const REFUSED_CREDENTIALS = [
  BadCredentialsError,
  TooManyRequestsError,
  TooManyAttemptsBannedError,
  UnknownUserError,
  MissingAPIKeyError,
  InvalidTokenError,
  NoSuchTokenError,
  ResourceAccessDeniedError,
] as const;

/** A partner or the server failed to answer properly: says nothing about the credentials. */
const SERVICE_FAILURES = [ServiceUnavailableError, SomfyServiceError, CozyTouchServiceError, NexityServiceError, BrandtServiceError] as const;

/** Statuses that refuse whoever asks, for answers no Overkiz rule names (a custom strategy, a proxy). */
const REFUSING_STATUSES = new Set([401, 403, 429]);

/**
 * Whether a failed login was a refusal of the credentials or the account — the only failures
 * that start the login pause. 5xx answers, timeouts, network failures and a partner's broken
 * answer are not: they go through the ordinary retry rule.
 */
export function isLoginRefusal(error: unknown): boolean {
  if (!(error instanceof ApiError) || error.status >= 500) return false;
  if (SERVICE_FAILURES.some((failure) => error instanceof failure)) return false;
  return REFUSED_CREDENTIALS.some((refusal) => error instanceof refusal) || REFUSING_STATUSES.has(error.status);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Overkiz and its partners ban accounts that keep logging in with refused credentials. After a
 * refused login ({@link isLoginRefusal}: bad credentials, too many attempts, a lockout — not a
 * 5xx, a timeout or a network failure) further logins fail fast for 60 s, then ×4 per further
 * refusal up to 4 h; a successful login resets it.
 */
export class LoginGuard {
  readonly #now: () => number;
  readonly #initialMs: number;
  readonly #multiplier: number;
  readonly #maxMs: number;
  #failures = 0;
  #lockedUntil = 0;
  #lastError: unknown;

  constructor(now: () => number, settings: LoginBackoffSettings = {}) {
    this.#now = now;
    assertKnownOptions(settings, LOGIN_BACKOFF_KEYS, "loginBackoff", RENAMED_LOGIN_BACKOFF_KEYS);
    this.#initialMs = positive(settings.initialDelayMs ?? DEFAULT_LOGIN_BACKOFF.initialDelayMs, "initialDelayMs", 0);
    this.#multiplier = positive(settings.multiplier ?? DEFAULT_LOGIN_BACKOFF.multiplier, "multiplier", 1);
    this.#maxMs = positive(settings.maxDelayMs ?? DEFAULT_LOGIN_BACKOFF.maxDelayMs, "maxDelayMs", 0);
  }

  /** Throws LoginLockedError while a pause is running; the message says how long is left. */
  assertAllowed(serverName: string): void {
    const remainingMs = this.#lockedUntil - this.#now();
    if (remainingMs <= 0) return;
    const seconds = Math.ceil(remainingMs / 1000);
    throw new LoginLockedError(
      `Login to ${serverName} is paused for another ${seconds} s after ${this.#failures} refused attempt(s) ` +
        `(last: ${describe(this.#lastError)}). Logging in again sooner risks a temporary ban; check the credentials.`,
      { retryAfterMs: remainingMs, failedAttempts: this.#failures, cause: this.#lastError },
    );
  }

  failed(error: unknown): void {
    // Only a refusal counts; a 5xx, a timeout or a network failure says nothing about the credentials.
    if (!isLoginRefusal(error)) return;
    this.#failures += 1;
    this.#lastError = error;
    const delayMs = Math.min(this.#initialMs * this.#multiplier ** (this.#failures - 1), this.#maxMs);
    this.#lockedUntil = this.#now() + delayMs;
  }

  succeeded(): void {
    this.#failures = 0;
    this.#lockedUntil = 0;
    this.#lastError = undefined;
  }
}
