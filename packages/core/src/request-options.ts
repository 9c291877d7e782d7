import { ConfigError, readingInput } from "./errors.js";
import { kindOf } from "./guards.js";
import type { Middleware } from "./middleware.js";

/** `null` removes a header the client would otherwise send. */
export type HeaderValues = Record<string, string | null | undefined>;

/** The last, optional argument of every public SDK method. */
export interface RequestOptions {
  /** Cancels the call, including any wait between retries. */
  signal?: AbortSignal | undefined;
  /** Per-attempt timeout in milliseconds. */
  timeout?: number | undefined;
  /** Retries after the first attempt; 0 disables retrying. */
  maxRetries?: number | undefined;
  /** Extra headers for this call; `null` removes one the client would send. */
  headers?: HeaderValues | undefined;
  /**
   * Only for APIs declared to deduplicate requests by key: there it is sent as the idempotency
   * header and lets a POST/PATCH be resent. Every other API never receives it and it never
   * makes a resend safe (the SDK logs one warning per client).
   */
  idempotencyKey?: string | undefined;
  /** Largest 2xx body accepted, in bytes (the client's default otherwise, 32 MiB unless set). */
  maxResponseBytes?: number | undefined;
  /** Runs after the client-wide middleware, once per attempt. */
  middleware?: readonly Middleware[] | undefined;
}

/** A value as it reads in a message; never throws (a Symbol, a BigInt, a proxy). */
export function shown(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint" || value == null) return String(value);
  return kindOf(value);
}

const isWhole = (value: unknown, min: number) => typeof value === "number" && Number.isInteger(value) && value >= min;
const isAbortSignal = (value: unknown) =>
  typeof value === "object" && value !== null && typeof (value as AbortSignal).aborted === "boolean" && typeof (value as AbortSignal).addEventListener === "function";

/** What each option must be, for those the transport reads; undefined is always allowed. */
const OPTION_RULES: OptionRules = {
  signal: [isAbortSignal, "an AbortSignal"],
  timeout: [(value) => typeof value === "number" && Number.isFinite(value) && value > 0, "a positive number of milliseconds"],
  maxRetries: [(value) => isWhole(value, 0), "a whole number ≥ 0"],
  maxResponseBytes: [(value) => isWhole(value, 1), "a positive whole number of bytes"],
  idempotencyKey: [(value) => typeof value === "string", "a string"],
  middleware: [(value) => Array.isArray(value) && value.every((item) => typeof item === "function"), "a list of functions"],
  headers: [checkHeaderValues, "an object of header names to strings (null removes one)"],
};

function checkHeaderValues(value: unknown): boolean {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const probe = new Headers();
  try {
    for (const [name, text] of Object.entries(value)) {
      if (text === null || text === undefined) continue;
      if (typeof text !== "string") return false;
      // Headers refuses bad names and values (CR, LF and NUL would split or end the header).
      probe.set(name, text);
    }
  } catch {
    return false;
  }
  return true;
}

/**
 * Checks the options the SDK itself reads (`signal`, `timeout`, `maxRetries`, `headers`, …) and
 * returns a plain copy of all of them: a bad value, or options a getter or proxy makes unreadable,
 * is a ConfigError naming the option, before any request. `null` counts as no options.
 */
export function checkedRequestOptions(options: unknown, what: string): RequestOptions {
  if (options === undefined || options === null) return {};
  if (typeof options !== "object") throw new ConfigError(`${what}: options must be an object, got ${shown(options)}`);
  const copy = readingInput(`${what}: options`, () => ({ ...options }) as Record<string, unknown>, ConfigError);
  checkOptionKinds(copy, OPTION_RULES, what);
  return copy as RequestOptions;
}

/** What each named option must be: a test and how the message says it. */
export type OptionRules = Readonly<Record<string, readonly [test: (value: unknown) => boolean, must: string]>>;

/**
 * @internal Throws a ConfigError naming the first option in `rules` whose value in `options`
 * (already a plain copy) is not undefined and fails its test.
 */
export function checkOptionKinds(options: Readonly<Record<string, unknown>>, rules: OptionRules, what: string): void {
  for (const [name, [test, must]] of Object.entries(rules)) {
    const value = options[name];
    if (value !== undefined && !readingInput(`${what}: option ${name}`, () => test(value), ConfigError)) {
      throw new ConfigError(`${what}: option ${name} must be ${must}, got ${shown(value)}`);
    }
  }
}
