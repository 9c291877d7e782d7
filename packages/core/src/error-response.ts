import { asRecord } from "./guards.js";
import { type ApiError, type ApiErrorInit, createApiError } from "./errors.js";
import { readCappedText } from "./read-body.js";
import { type KnownSecret, redactHeaders, redactJson, redactText } from "./redact.js";
import { parseRetryAfter } from "./retry.js";
import { textSnippet } from "./snippet.js";


/** Error bodies are cut here while streaming, before any parsing or redaction runs. */
export const MAX_ERROR_BODY_BYTES = 64 * 1024;
const REQUEST_ID_HEADERS = ["x-request-id", "x-correlation-id", "request-id", "x-amzn-requestid", "cf-ray"];

/**
 * Lets a vendor turn the generic description of a failed response into its own subclass.
 * Returning undefined keeps the status-based default.
 */
export type ErrorMapper = (init: ApiErrorInit) => ApiError | undefined;

/** What `errorFromResponse` needs besides the response. */
export interface ErrorResponseContext {
  /** HTTP method of the request. */
  method: string;
  /** Already redacted. */
  url: string;
  /** Plain strings are masked entirely; `{ value, showSuffix: true }` (API keys) keeps the last 4 characters. */
  secrets: readonly KnownSecret[];
  /** Vendor refinement of the status-based error classes. */
  mapError?: ErrorMapper | undefined;
  /** Current time in epoch milliseconds, for `Retry-After` dates; injectable for tests. */
  now?: number;
}

function pickString(body: Record<string, unknown>, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const value = body[key];
    if (typeof value === "string" && value.trim() !== "") return value;
    if (typeof value === "number") return String(value);
  }
  return undefined;
}

// OAuth servers put a code such as `invalid_grant` in `error`; others put a sentence there.
function codeLike(value: unknown): string | undefined {
  return typeof value === "string" && /^[\w.:-]+$/.test(value) ? value : undefined;
}

/** Vendors disagree on field names (`error_code`, `errorCode`, `code`); read them all. */
function describeJsonBody(body: unknown): { code?: string; message?: string; requestId?: string } {
  const record = asRecord(body);
  if (!record) return {};
  const nested = asRecord(record.error);
  const source = nested ?? record;
  return {
    code: pickString(source, ["error_code", "errorCode", "code", "type"]) ?? (nested ? undefined : codeLike(record.error)),
    message: pickString(source, ["message", "error_description", "detail", "title", "error"]),
    requestId: pickString(record, ["correlation_id", "correlationId", "request_id", "requestId"]),
  };
}

async function readErrorText(response: Response): Promise<string> {
  try {
    return (await readCappedText(response, MAX_ERROR_BODY_BYTES)).text;
  } catch {
    return "";
  }
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text.trim() === "") return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

function requestIdFrom(headers: Headers): string | undefined {
  for (const name of REQUEST_ID_HEADERS) {
    const value = headers.get(name);
    if (value) return value;
  }
  return undefined;
}

function redactedHeaders(headers: Headers, secrets: readonly KnownSecret[]): Headers {
  return new Headers(Object.entries(redactHeaders(headers, secrets)));
}

function defaultMessage(response: Response): string {
  return response.statusText ? `${response.status} ${response.statusText}` : `HTTP ${response.status}`;
}

/** Reads a non-2xx response into a typed, redacted ApiError. Consumes the body. */
export async function errorFromResponse(response: Response, context: ErrorResponseContext): Promise<ApiError> {
  const text = await readErrorText(response);
  const json = parseJson(text);
  const described = json.ok ? describeJsonBody(json.value) : {};
  const snippet = json.ok || text.trim() === "" ? undefined : textSnippet(text, context.secrets);
  const message = described.message !== undefined ? textSnippet(described.message, context.secrets) : (snippet ?? defaultMessage(response));
  const init: ApiErrorInit = {
    status: response.status,
    message: `${context.method} ${context.url} → ${response.status}${described.code ? ` ${described.code}` : ""}: ${message}`,
    code: described.code,
    body: json.ok ? redactJson(json.value, context.secrets) : text === "" ? undefined : (snippet ?? ""),
    requestId: requestIdFrom(response.headers) ?? described.requestId,
    method: context.method,
    url: context.url,
    headers: redactedHeaders(response.headers, context.secrets),
    retryAfterMs: parseRetryAfter(response.headers.get("retry-after"), context.now),
    text: redactText(text, context.secrets),
  };
  return context.mapError?.(init) ?? createApiError(init);
}
