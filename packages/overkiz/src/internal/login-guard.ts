import { ApiError, ConfigError, SdkError, assertKnownOptions } from "@openapp/core";

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

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Overkiz and its partners ban accounts that keep logging in with refused credentials. After a
 * refused login (an answer, not a network failure) further logins fail fast for 60 s, then ×4
 * per further refusal up to 4 h; a successful login resets it.
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
    // Only a server's refusal counts; a network failure says nothing about the credentials.
    if (!(error instanceof ApiError)) return;
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
