/** What every secret is replaced by. */
export const REDACTED = "***";

const SENSITIVE_NAME = /(auth|token|secret|password|passwd|api[-_]?key|apikey|cookie|session|jwt|credential|signature|private[-_]?key)/i;

/** Header, query or body field names whose values are credentials. */
export function isSensitiveName(name: string): boolean {
  return SENSITIVE_NAME.test(name);
}

const MIN_LENGTH_TO_SHOW_SUFFIX = 12;
const VISIBLE_SUFFIX_LENGTH = 4;

/**
 * Masks a secret. Long secrets keep their last 4 characters so a user can tell which
 * key was used; short ones are masked entirely because 4 characters would be most of them.
 */
export function redactSecret(secret: string): string {
  if (secret.length < MIN_LENGTH_TO_SHOW_SUFFIX) return REDACTED;
  return `${REDACTED}${secret.slice(-VISIBLE_SUFFIX_LENGTH)}`;
}

/** Replaces credential query parameters and URL user info. Unparseable input is returned masked. */
export function redactUrl(url: string | URL): string {
  let parsed: URL;
  try {
    parsed = new URL(String(url));
  } catch {
    return redactText(String(url));
  }
  if (parsed.username) parsed.username = REDACTED;
  if (parsed.password) parsed.password = REDACTED;
  for (const name of new Set(parsed.searchParams.keys())) {
    if (isSensitiveName(name)) parsed.searchParams.set(name, REDACTED);
  }
  // URLSearchParams would percent-encode the mask; keep it readable.
  return parsed.toString().replaceAll(encodeURIComponent(REDACTED), REDACTED);
}

/** Returns a plain object copy of headers with credential values masked. */
export function redactHeaders(headers: Headers | Record<string, string>): Record<string, string> {
  const entries = headers instanceof Headers ? [...headers.entries()] : Object.entries(headers);
  return Object.fromEntries(entries.map(([name, value]) => [name, isSensitiveName(name) ? REDACTED : value]));
}

const MAX_DEPTH = 20;

/** Replaces each known secret (e.g. the client's API key) wherever it appears in text. */
/** Below this length a secret is only masked where it stands alone, so "A" cannot mangle "ACCESS_DENIED". */
const SHORT_SECRET_CHARS = 8;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Replaces every occurrence of the given secrets in a text by `***`. */
export function maskKnownSecrets(text: string, knownSecrets: Iterable<string>): string {
  let result = text;
  for (const secret of knownSecrets) {
    if (secret.length === 0) continue;
    if (secret.length >= SHORT_SECRET_CHARS) {
      result = result.split(secret).join(redactSecret(secret));
    } else {
      const standalone = new RegExp(`(?<![A-Za-z0-9_])${escapeRegExp(secret)}(?![A-Za-z0-9_])`, "g");
      result = result.replace(standalone, redactSecret(secret));
    }
  }
  return result;
}

/**
 * Deep copy of a JSON-like value with credential-named fields masked and known secrets
 * removed from every string, since servers like to echo the key they rejected.
 */
export function redactJson(value: unknown, knownSecrets: readonly string[] = [], depth = 0): unknown {
  if (typeof value === "string") return maskKnownSecrets(value, knownSecrets);
  if (depth > MAX_DEPTH || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((item) => redactJson(item, knownSecrets, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    const masked = isSensitiveName(key) && member !== null && member !== undefined;
    copy[key] = masked ? REDACTED : redactJson(member, knownSecrets, depth + 1);
  }
  return copy;
}

const TEXT_PATTERNS: ReadonlyArray<[RegExp, string]> = [
  // Authorization schemes followed by a credential.
  [/\b(Bearer|Basic|Token)\s+[A-Za-z0-9\-._~+/]+=*/gi, `$1 ${REDACTED}`],
  // key=value and "key": "value" pairs whose key names a credential.
  [/("?[\w-]*(?:token|secret|password|passwd|api[-_]?key|apikey|jwt|session[-_]?id|cookie)[\w-]*"?\s*[:=]\s*"?)([^"&\s,;}]+)/gi, `$1${REDACTED}`],
];

/**
 * Masks credentials inside free text (messages, HTML snippets). Known secrets are
 * replaced first so a key echoed verbatim by a server never leaks.
 */
export function redactText(text: string, knownSecrets: Iterable<string> = []): string {
  let result = maskKnownSecrets(text, knownSecrets);
  for (const [pattern, replacement] of TEXT_PATTERNS) result = result.replace(pattern, replacement);
  return result;
}
