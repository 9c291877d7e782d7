import { ConfigError, ValidationError, readingInput } from "./errors.js";
import { isPlainObject } from "./guards.js";

/** Names users reach for out of habit from other SDKs, mapped to ours; a vendor adds its own (`VendorDeclaration.aliases`). */
const HABITUAL_NAMES: Readonly<Record<string, string>> = {
  interceptors: "middleware",
  interceptor: "middleware",
  hooks: "middleware",
  plugins: "middleware",
  retries: "maxRetries",
  retry: "maxRetries",
  maxRetry: "maxRetries",
  timeoutMs: "timeout",
  baseURL: "baseUrl",
  base_url: "baseUrl",
  endpoint: "baseUrl",
  api_key: "apiKey",
  apikey: "apiKey",
  key: "apiKey",
  token: "apiKey",
  log: "logger",
};

function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

/** The real name a mistyped or habitual one most likely meant, if any is close. */
function nearestName(name: string, known: readonly string[], aliases: Readonly<Record<string, string>> = {}): string | undefined {
  const alias = aliases[name] ?? HABITUAL_NAMES[name];
  if (alias !== undefined && known.includes(alias)) return alias;
  const lower = name.toLowerCase();
  let best: { name: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance <= Math.max(2, Math.floor(candidate.length / 3)) && (!best || distance < best.distance)) best = { name: candidate, distance };
  }
  return best?.name;
}

function unknownKeys(value: object, known: readonly string[]): string[] {
  return Object.keys(value).filter((key) => !known.includes(key) && (value as Record<string, unknown>)[key] !== undefined);
}

function suggestion(key: string, known: readonly string[], aliases?: Readonly<Record<string, string>>): string {
  const nearest = nearestName(key, known, aliases);
  return nearest ? ` (did you mean \`${nearest}\`?)` : "";
}

/**
 * Refuses client options nobody reads, so a plain-JavaScript `interceptors` or a renamed
 * option is an error instead of silently doing nothing.
 */
export function assertKnownOptions(
  options: unknown,
  known: readonly string[],
  what: string,
  aliases?: Readonly<Record<string, string>>,
): void {
  if (options === undefined) return;
  if (!isPlainObject(options)) throw new ConfigError(`${what} must be a plain object`);
  const [key] = unknownKeys(options, known);
  if (key !== undefined) throw new ConfigError(`Unknown option \`${key}\` for ${what}${suggestion(key, known, aliases)}`);
}

/**
 * Runs a client's reading of its options: whatever the caller's values make the runtime throw
 * (a getter or proxy that throws, a number where a URL belongs) is a ConfigError naming the
 * client, so a constructor only ever throws SdkErrors.
 */
export function readingOptions<T>(what: string, read: () => T): T {
  return readingInput(`${what}: the options`, read, ConfigError);
}

/** What `assertKnownParameters` checks a parameters object against. */
export interface ParameterCheck {
  /** Shown in the message, e.g. `devices.get (get_device)`. */
  what: string;
  /** The parameter names the operation accepts. */
  known: readonly string[];
  /** Keys that belong in the options argument (`signal`, `org` …). */
  requestOptions: readonly string[];
  /** Renamed or habitual names → the real one, for the suggestion. */
  aliases?: Readonly<Record<string, string>> | undefined;
}

/**
 * The parameters as a plain copy, checked by `assertKnownParameters`: parameters a getter or
 * proxy makes unreadable are a ValidationError too, and later reads of the copy cannot throw.
 */
export function checkedParameters<P extends object>(params: P | null | undefined, check: ParameterCheck): Partial<P> {
  return readingInput(`Parameters for ${check.what}`, () => {
    assertKnownParameters(params, check);
    return { ...params };
  });
}

/** Refuses parameter keys the operation does not declare, before they become a stray `?org=`. */
export function assertKnownParameters(params: unknown, check: ParameterCheck): void {
  if (params === undefined || params === null) return;
  if (!isPlainObject(params)) throw new ValidationError(`Parameters for ${check.what} must be a plain object`);
  const [key] = unknownKeys(params, check.known);
  if (key === undefined) return;
  const hint = check.requestOptions.includes(key)
    ? `: \`${key}\` is a request option, pass it in the options argument (the last one)`
    : `${suggestion(key, check.known, check.aliases)}; known: ${check.known.join(", ") || "none"}`;
  throw new ValidationError(`Unknown parameter \`${key}\` for ${check.what}${hint}`, { issues: [{ path: [key], message: "unknown parameter" }] });
}
