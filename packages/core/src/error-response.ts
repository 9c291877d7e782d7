import { type ApiError, type ApiErrorInit, createApiError } from "./errors.js";
import { redactHeaders, redactJson, redactText } from "./redact.js";
import { parseRetryAfter } from "./retry.js";

const MAX_ERROR_BODY_CHARS = 64 * 1024;
const MAX_SNIPPET_CHARS = 200;
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
  /** Values to mask in messages and bodies. */
  secrets: readonly string[];
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

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
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

/** Turns an HTML proxy page or plain text into one short, readable, redacted line. */
export function textSnippet(text: string, secrets: readonly string[] = []): string {
  const plain = text
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  const redacted = redactText(plain, secrets);
  return redacted.length > MAX_SNIPPET_CHARS ? `${redacted.slice(0, MAX_SNIPPET_CHARS - 1)}…` : redacted;
}

async function readCappedText(response: Response): Promise<string> {
  try {
    const text = await response.text();
    return text.length > MAX_ERROR_BODY_CHARS ? text.slice(0, MAX_ERROR_BODY_CHARS) : text;
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

function redactedHeaders(headers: Headers): Headers {
  return new Headers(Object.entries(redactHeaders(headers)));
}

function defaultMessage(response: Response): string {
  return response.statusText ? `${response.status} ${response.statusText}` : `HTTP ${response.status}`;
}

/** Reads a non-2xx response into a typed, redacted ApiError. Consumes the body. */
export async function errorFromResponse(response: Response, context: ErrorResponseContext): Promise<ApiError> {
  const text = await readCappedText(response);
  const json = parseJson(text);
  const described = json.ok ? describeJsonBody(json.value) : {};
  const rawMessage = described.message ?? (json.ok || text.trim() === "" ? undefined : text);
  const message = rawMessage === undefined ? defaultMessage(response) : textSnippet(rawMessage, context.secrets);
  const init: ApiErrorInit = {
    status: response.status,
    message: `${context.method} ${context.url} → ${response.status}${described.code ? ` ${described.code}` : ""}: ${message}`,
    code: described.code,
    body: json.ok ? redactJson(json.value, context.secrets) : text === "" ? undefined : textSnippet(text, context.secrets),
    requestId: requestIdFrom(response.headers) ?? described.requestId,
    method: context.method,
    url: context.url,
    headers: redactedHeaders(response.headers),
    retryAfterMs: parseRetryAfter(response.headers.get("retry-after"), context.now),
    text: redactText(text, context.secrets),
  };
  return context.mapError?.(init) ?? createApiError(init);
}
