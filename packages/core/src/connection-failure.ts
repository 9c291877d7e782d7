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

/** Finds a runtime error code (undici nests it in `cause`, sometimes inside an AggregateError). */
export function findErrorCode(error: unknown, depth = 0): string | undefined {
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

function describe(code: string | undefined): string {
  if (code === undefined) return "Connection failed";
  if (isTlsErrorCode(code)) return `TLS verification failed (${code}); pass the server's CA certificate instead of disabling verification`;
  if (code === "ENOTFOUND" || code === "EAI_AGAIN" || code === "EAI_NONAME") return `Host name could not be resolved (${code})`;
  return `Connection failed (${code})`;
}

/** Wraps whatever `fetch` threw into a ConnectionError that records whether the request left. */
export function toConnectionError(error: unknown, target: { method: string; url: string }): ConnectionError {
  const code = findErrorCode(error);
  return new ConnectionError(`${describe(code)}: ${target.method} ${target.url}`, {
    cause: error,
    code,
    neverSent: code !== undefined && (NEVER_SENT_CODES.has(code) || isTlsErrorCode(code)),
    method: target.method,
    url: target.url,
  });
}
