/** What every secret is replaced by. */
export const REDACTED = "***";

// Every function here runs in time linear in its input: error bodies come from servers (or
// proxies) we do not control, so no backtracking regular expression touches them.

const SENSITIVE_NAME = /(auth|token|secret|password|passwd|api[-_]?key|apikey|cookie|session|jwt|credential|signature|private[-_]?key)/i;

/**
 * Header, query or JSON field names whose values are credentials. Deliberately not `key`: a JSON
 * field called `key` is often plain data (a state name, a sort key); query strings use
 * `isSensitiveQueryName`, which does mask it.
 */
export function isSensitiveName(name: string): boolean {
  return SENSITIVE_NAME.test(name);
}

/**
 * Query parameters that carry credentials by convention (`?key=` is how Google-style APIs take
 * an API key, `sig=` signs Azure SAS URLs) even though the names are too generic for bodies.
 */
const SENSITIVE_QUERY_NAMES = new Set(["key", "api_key", "apikey", "token", "access_token", "password", "secret", "signature", "sig"]);

/** Query parameter names whose values are always masked in URLs. */
export function isSensitiveQueryName(name: string): boolean {
  return SENSITIVE_QUERY_NAMES.has(name.toLowerCase()) || isSensitiveName(name);
}

/**
 * A value to mask wherever it appears. A plain string is masked entirely; an API key may be
 * registered with `showSuffix` so its last 4 characters tell the user which key was used.
 */
export type KnownSecret =
  | string
  | {
      /** The secret to mask. */
      readonly value: string;
      /** Keep its last 4 characters visible (only for secrets of 12 characters or more). */
      readonly showSuffix?: boolean | undefined;
    };

const MIN_LENGTH_TO_SHOW_SUFFIX = 12;
const VISIBLE_SUFFIX_LENGTH = 4;

const secretValue = (secret: KnownSecret): string => (typeof secret === "string" ? secret : secret.value);

/**
 * The mask for one secret: `***`, or `***abcd` for an API key registered with `showSuffix`
 * (only when it is long enough that 4 characters give little away).
 */
export function redactSecret(secret: KnownSecret): string {
  if (typeof secret === "string" || !secret.showSuffix || secret.value.length < MIN_LENGTH_TO_SHOW_SUFFIX) return REDACTED;
  return `${REDACTED}${secret.value.slice(-VISIBLE_SUFFIX_LENGTH)}`;
}

const isWordCode = (code: number) =>
  (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;

/** Below this length a secret is only masked where it stands alone, so "A" cannot mangle "ACCESS_DENIED". */
const SHORT_SECRET_CHARS = 8;

function replaceAllOccurrences(text: string, secret: string, mask: string, standaloneOnly: boolean): string {
  let index = text.indexOf(secret);
  if (index === -1) return text;
  const parts: string[] = [];
  let copiedUpTo = 0;
  while (index !== -1) {
    const end = index + secret.length;
    const standalone = (index === 0 || !isWordCode(text.charCodeAt(index - 1))) && (end === text.length || !isWordCode(text.charCodeAt(end)));
    if (!standaloneOnly || standalone) {
      parts.push(text.slice(copiedUpTo, index), mask);
      copiedUpTo = end;
      index = text.indexOf(secret, end);
    } else if (index > 0 && isWordCode(text.charCodeAt(index - 1))) {
      // Inside a word: no standalone match can start before the word ends.
      let wordEnd = index;
      while (wordEnd < text.length && isWordCode(text.charCodeAt(wordEnd))) wordEnd++;
      index = text.indexOf(secret, Math.max(wordEnd, index + 1));
    } else {
      index = text.indexOf(secret, index + 1);
    }
  }
  parts.push(text.slice(copiedUpTo));
  return parts.join("");
}

/**
 * Replaces each known secret (e.g. the client's API key) wherever it appears in text: plain
 * strings become `***`, `{ value, showSuffix: true }` becomes `***abcd`. Secrets shorter than 8
 * characters are replaced only where they stand alone as a word.
 */
export function maskKnownSecrets(text: string, knownSecrets: Iterable<KnownSecret>): string {
  // Longest first, so a secret that contains another is masked whole.
  const secrets = [...knownSecrets].filter((secret) => secretValue(secret).length > 0);
  if (secrets.length === 0) return text;
  secrets.sort((a, b) => secretValue(b).length - secretValue(a).length);
  let result = text;
  for (const secret of secrets) {
    const value = secretValue(secret);
    result = replaceAllOccurrences(result, value, redactSecret(secret), value.length < SHORT_SECRET_CHARS);
  }
  return result;
}

/** Replaces credential query parameters (also in the fragment, for OAuth implicit flows) and URL user info. */
export function redactUrl(url: string | URL): string {
  let parsed: URL;
  try {
    parsed = new URL(String(url));
  } catch {
    return redactText(String(url));
  }
  if (parsed.username) parsed.username = REDACTED;
  if (parsed.password) parsed.password = REDACTED;
  // Rewritten by hand rather than through URLSearchParams, which would re-encode every other parameter.
  if (parsed.search.length > 1) parsed.search = redactQueryString(parsed.search.slice(1));
  if (parsed.hash.includes("=")) parsed.hash = redactQueryString(parsed.hash.slice(1));
  return parsed.toString();
}

function decodeQueryName(raw: string): string {
  try {
    return decodeURIComponent(raw.replaceAll("+", " "));
  } catch {
    return raw;
  }
}

/** Masks credential values in `a=1&token=x` (no leading `?`), keeping everything else byte for byte. */
export function redactQueryString(query: string): string {
  return query
    .split("&")
    .map((pair) => {
      const equals = pair.indexOf("=");
      const rawName = equals === -1 ? pair : pair.slice(0, equals);
      return equals !== -1 && isSensitiveQueryName(decodeQueryName(rawName)) ? `${rawName}=${REDACTED}` : pair;
    })
    .join("&");
}

/**
 * A plain object copy of headers: credential-named headers are masked, and known secrets are
 * masked inside every other value (servers echo keys in `Location`, `WWW-Authenticate`, debug headers).
 */
export function redactHeaders(headers: Headers | Record<string, string>, knownSecrets: Iterable<KnownSecret> = []): Record<string, string> {
  const secrets = [...knownSecrets];
  const entries = headers instanceof Headers ? [...headers.entries()] : Object.entries(headers);
  return Object.fromEntries(entries.map(([name, value]) => [name, isSensitiveName(name) ? REDACTED : maskKnownSecrets(value, secrets)]));
}

const MAX_DEPTH = 20;

/**
 * Deep copy of a JSON-like value with credential-named fields masked (by {@link isSensitiveName},
 * so a field called `key` is kept) and every string run through {@link redactText}, since servers
 * echo the key they rejected and the request they received.
 */
export function redactJson(value: unknown, knownSecrets: Iterable<KnownSecret> = [], depth = 0): unknown {
  return redactJsonValue(value, [...knownSecrets], depth);
}

function redactJsonValue(value: unknown, secrets: readonly KnownSecret[], depth: number): unknown {
  if (typeof value === "string") return redactText(value, secrets);
  if (depth > MAX_DEPTH || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((item) => redactJsonValue(item, secrets, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    const masked = isSensitiveName(key) && member !== null && member !== undefined;
    copy[key] = masked ? REDACTED : redactJsonValue(member, secrets, depth + 1);
  }
  return copy;
}

/**
 * Masks credentials inside free text (messages, HTML snippets, JSON strings). Known secrets are
 * replaced first so a key echoed verbatim by a server never leaks; then one linear scan masks
 * `Bearer|Basic|Token <credential>` and `name=value` / `"name": "value"` pairs whose name
 * contains a credential word.
 */
export function redactText(text: string, knownSecrets: Iterable<KnownSecret> = []): string {
  return scanCredentials(maskKnownSecrets(text, knownSecrets));
}

/** Substrings of a pair's name that make its value a credential. */
const CREDENTIAL_WORDS = [
  "token",
  "secret",
  "password",
  "passwd",
  "apikey",
  "api_key",
  "api-key",
  "jwt",
  "sessionid",
  "session_id",
  "session-id",
  "cookie",
  "signature",
  "privatekey",
  "private_key",
  "private-key",
];
const SCHEMES = ["bearer", "basic", "token"];

const isNameCode = (code: number) => isWordCode(code) || code === 45; // [\w-]
const isSpaceCode = (code: number) => code === 32 || (code >= 9 && code <= 13) || code === 160;
// What may follow `Bearer `: RFC 6750 token68 characters, plus `*` so an already masked `***abcd` is masked whole.
const isCredentialCode = (code: number) => isWordCode(code) || code === 45 || code === 46 || code === 126 || code === 43 || code === 47 || code === 42;
// An unquoted value stops at a quote, `&`, whitespace, `,`, `;` or `}`.
const endsUnquotedValue = (code: number) => code === 34 || code === 38 || code === 44 || code === 59 || code === 125 || isSpaceCode(code);

/**
 * True when text after a scheme word looks like prose ("Token expired", "bearer token", "Basic
 * authentication") rather than a credential: letters only, one case (or Capitalised), short.
 * Real tokens have digits, symbols or mixed case; the caller's own token is a known secret anyway.
 */
function looksLikeWord(text: string, start: number, end: number): boolean {
  if (end - start > 20) return false;
  let upper = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code >= 65 && code <= 90) upper++;
    else if (!(code >= 97 && code <= 122)) return false;
  }
  const firstUpper = text.charCodeAt(start) <= 90 ? 1 : 0;
  return upper === 0 || upper === end - start || (upper === 1 && firstUpper === 1);
}

/** Whether `text[at…]` starts with `word` (lower-case ASCII), ignoring ASCII case. */
function matchesAt(text: string, at: number, word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const code = text.charCodeAt(at + i);
    if ((code >= 65 && code <= 90 ? code + 32 : code) !== word.charCodeAt(i)) return false;
  }
  return true;
}

// Fixed words only, no quantifiers: at most a constant amount of work per position.
const CREDENTIAL_WORD = new RegExp(CREDENTIAL_WORDS.join("|"), "gi");

/**
 * Where the next credential word starts, searched once over the whole text rather than per name.
 * A word is made of name characters only, so it lies inside one name run or not at all.
 */
class CredentialWords {
  #at = -1;

  constructor(readonly text: string) {}

  /** True when a credential word starts in `[start, end)`; `start` never decreases between calls. */
  within(start: number, end: number): boolean {
    if (this.#at < start) {
      CREDENTIAL_WORD.lastIndex = start;
      const found = CREDENTIAL_WORD.exec(this.text);
      this.#at = found ? found.index : Number.POSITIVE_INFINITY;
    }
    return this.#at < end;
  }
}

/** `Bearer`, or a name ending in `-Bearer` (a scheme must start a word, as `\b` would say). */
function endsWithScheme(text: string, start: number, end: number): boolean {
  for (const scheme of SCHEMES) {
    const at = end - scheme.length;
    if (at >= start && (at === start || text.charCodeAt(at - 1) === 45) && matchesAt(text, at, scheme)) return true;
  }
  return false;
}

const isExactly = (text: string, start: number, end: number, word: string) => end - start === word.length && matchesAt(text, start, word);
const isSchemeWord = (text: string, start: number, end: number) => SCHEMES.some((scheme) => isExactly(text, start, end, scheme));

const isQuoteCode = (code: number) => code === 34 || code === 39;

/**
 * Finds where a quoted value ends: at its closing quote, a backslash (escaped JSON inside
 * text) or a line break. The last answer is remembered per quote so repeated searches over
 * text without a closing quote stay linear: callers only ever search forward.
 */
class QuotedValueEnds {
  readonly #found = new Map<number, { from: number; at: number }>();

  constructor(readonly text: string) {}

  find(quote: number, from: number): number {
    const cached = this.#found.get(quote);
    if (cached && cached.from <= from && cached.at >= from) return cached.at;
    let at = from;
    while (at < this.text.length) {
      const code = this.text.charCodeAt(at);
      if (code === quote || code === 92 || code === 10 || code === 13) break;
      at++;
    }
    this.#found.set(quote, { from, at });
    return at;
  }
}

function skipSpaces(text: string, index: number): number {
  while (index < text.length && isSpaceCode(text.charCodeAt(index))) index++;
  return index;
}

/** End of a token68-like credential starting at `index`, including base64 `=` padding. */
function endOfCredential(text: string, index: number): number {
  while (index < text.length && isCredentialCode(text.charCodeAt(index))) index++;
  while (index < text.length && text.charCodeAt(index) === 61) index++;
  return index;
}

/** The single pass behind {@link redactText}. Every index only moves forward. */
function scanCredentials(text: string): string {
  const parts: string[] = [];
  let copiedUpTo = 0;
  let quotedEnds: QuotedValueEnds | undefined;
  const credentialWords = new CredentialWords(text);
  const mask = (start: number, end: number) => {
    parts.push(text.slice(copiedUpTo, start), REDACTED);
    copiedUpTo = end;
  };

  let i = 0;
  while (i < text.length) {
    if (!isNameCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const nameStart = i;
    while (i < text.length && isNameCode(text.charCodeAt(i))) i++;
    const nameEnd = i;

    // `Bearer <credential>`: the scheme must start a word (`\b` in regex terms).
    if (endsWithScheme(text, nameStart, nameEnd)) {
      const credentialStart = skipSpaces(text, nameEnd);
      if (credentialStart > nameEnd) {
        const credentialEnd = endOfCredential(text, credentialStart);
        if (credentialEnd > credentialStart && !looksLikeWord(text, credentialStart, credentialEnd)) {
          mask(credentialStart, credentialEnd);
          i = credentialEnd;
          continue;
        }
      }
    }

    // `password=…`, `"api_key": "…"`, `\"token\":\"…\"`; a bare `key` counts only as `key=` (a query string).
    const isKey = isExactly(text, nameStart, nameEnd, "key");
    if (!isKey && !credentialWords.within(nameStart, nameEnd)) continue;
    let at = nameEnd;
    if (text.charCodeAt(at) === 92) at++;
    if (isQuoteCode(text.charCodeAt(at))) at++;
    at = skipSpaces(text, at);
    const separator = text.charCodeAt(at);
    if (separator !== 61 && (isKey || separator !== 58)) continue;
    at = skipSpaces(text, at + 1);
    if (text.charCodeAt(at) === 92) at++;
    const quote = text.charCodeAt(at);
    let valueStart = at;
    let valueEnd: number;
    if (isQuoteCode(quote)) {
      valueStart = at + 1;
      quotedEnds ??= new QuotedValueEnds(text);
      valueEnd = quotedEnds.find(quote, valueStart);
    } else {
      valueEnd = valueStart;
      while (valueEnd < text.length && !endsUnquotedValue(text.charCodeAt(valueEnd))) valueEnd++;
      // `token: Bearer abc`: the credential is the word after the scheme, so mask both.
      if (isSchemeWord(text, valueStart, valueEnd)) {
        const credentialStart = skipSpaces(text, valueEnd);
        const credentialEnd = endOfCredential(text, credentialStart);
        if (credentialStart > valueEnd && credentialEnd > credentialStart) valueEnd = credentialEnd;
      }
    }
    if (valueEnd > valueStart) {
      mask(valueStart, valueEnd);
      i = valueEnd;
    }
  }
  if (copiedUpTo === 0) return text;
  parts.push(text.slice(copiedUpTo));
  return parts.join("");
}
