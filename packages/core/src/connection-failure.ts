import { ConnectionError } from "./errors.js";

// Failures that happen before a single byte of the request is written.
const NEVER_SENT_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EAI_NONAME",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "EADDRNOTAVAIL",
  "UND_ERR_CONNECT_TIMEOUT",
]);
const TLS_CODE = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|HOSTNAME|ALTNAME/;
const MAX_CAUSE_DEPTH = 5;

interface WithCode {
  code?: unknown;
  cause?: unknown;
  errors?: unknown;
}

/** The message of the innermost error that carries `code`: the reason a TLS check gave. */
function reasonFor(error: unknown, code: string, depth = 0): string | undefined {
  if (depth > MAX_CAUSE_DEPTH || error === null || typeof error !== "object") return undefined;
  const candidate = error as WithCode & { message?: unknown };
  const deeper = reasonFor(candidate.cause, code, depth + 1) ?? (Array.isArray(candidate.errors) ? reasonFor(candidate.errors[0], code, depth + 1) : undefined);
  if (deeper) return deeper;
  return candidate.code === code && typeof candidate.message === "string" ? candidate.message : undefined;
}

/** Finds a runtime error code (undici nests it in `cause`, sometimes inside an AggregateError). */
function findErrorCode(error: unknown, depth = 0): string | undefined {
  if (depth > MAX_CAUSE_DEPTH || error === null || typeof error !== "object") return undefined;
  const candidate = error as WithCode;
  if (typeof candidate.code === "string" && candidate.code !== "ERR_INVALID_STATE") return candidate.code;
  const fromCause = findErrorCode(candidate.cause, depth + 1);
  if (fromCause) return fromCause;
  return Array.isArray(candidate.errors) ? findErrorCode(candidate.errors[0], depth + 1) : undefined;
}

export function isTlsErrorCode(code: string | undefined): boolean {
  return code !== undefined && TLS_CODE.test(code);
}

function describe(code: string | undefined, error: unknown): string {
  if (code === undefined) return "Connection failed";
  if (isTlsErrorCode(code)) {
    const reason = reasonFor(error, code);
    return `TLS verification failed (${code}${reason ? `: ${reason}` : ""}); pass the server's CA certificate instead of disabling verification`;
  }
  if (code === "ENOTFOUND" || code === "EAI_AGAIN" || code === "EAI_NONAME") return `Host name could not be resolved (${code})`;
  return `Connection failed (${code})`;
}

/** Wraps whatever `fetch` threw into a ConnectionError that records whether the request left. */
export function toConnectionError(error: unknown, target: { method: string; url: string }): ConnectionError {
  const code = findErrorCode(error);
  return new ConnectionError(`${describe(code, error)}: ${target.method} ${target.url}`, {
    cause: error,
    code,
    neverSent: code !== undefined && (NEVER_SENT_CODES.has(code) || isTlsErrorCode(code)),
    method: target.method,
    url: target.url,
  });
}
