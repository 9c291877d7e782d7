import { ConfigError, ValidationError, type ValidationIssue, checkedParameters, isPlainObject, readingInput, shown } from "@openapp/core";
import type { components } from "@openapp/omlet-generated";
import type { OmletEvent } from "./event.js";

/** Either body Omlet is known to POST: the event itself, or the event under `payload`. */
export type WebhookBody = components["schemas"]["WebhookBody"];

/** A webhook body read by `parseWebhookEvent`: one changed field of one device. */
export type OmletWebhookEvent = OmletEvent & {
  /** The device the event is about. */
  deviceId: string;
  /** The portal token, when Omlet sent it in the body or its `payload` (trimmed). */
  token: string | undefined;
  /** Which of the two body shapes arrived, for diagnostics. */
  shape: "flat" | "nested";
};

/** A parsed query: `URLSearchParams`, or the object Express-style servers put on `req.query`. */
export type WebhookQuery = URLSearchParams | string | Readonly<Record<string, unknown>>;

/** Options of `parseWebhookEvent`: how to check the portal token. */
export interface ParseWebhookOptions {
  /**
   * The token configured in the developer portal. When given, the request must carry it, else
   * ValidationError: in the body or its `payload` (`token`, `secret`, `webhook_token`,
   * `webhookToken`), in `Authorization` (`Bearer`, `Token`, `ApiKey`, `Api-Key` or bare), in a
   * token header (`X-Omlet-Token`, `X-Omlet-Webhook-Token`, … see the README) or in the query
   * (`token`, `secret`, `webhook_token`). Values are compared trimmed, in constant time.
   */
  expectedToken?: string | undefined;
  /** The incoming request's headers, to find a token sent outside the body. */
  headers?: Headers | Readonly<Record<string, string | string[] | undefined>> | undefined;
  /**
   * The request URL, absolute (`request.url` of a fetch-style server) or a path with its query
   * (`req.url` of Node http, `req.originalUrl` of Express), to find a `?token=` there.
   */
  url?: string | URL | undefined;
  /** The request's query instead of (or besides) its URL: `req.query`, `URLSearchParams` or `"token=…"`. */
  query?: WebhookQuery | undefined;
}

type Json = Record<string, unknown>;
const MAX_PAYLOAD_DEPTH = 2;
const PARSE_OPTIONS = ["expectedToken", "headers", "url", "query"];
// Where the documented integrations look for the portal token (Home Assistant's Omlet integration reads all of these).
const BODY_TOKEN_KEYS = ["token", "secret", "webhook_token", "webhookToken"] as const;
const QUERY_TOKEN_KEYS = ["token", "secret", "webhook_token"] as const;
const TOKEN_HEADERS = [
  "x-omlet-token",
  "x-omlet-webhook-token",
  "x-webhook-token",
  "x-webhook-secret",
  "x-omlet-secret",
  "x-omlet-auth-token",
  "x-omlet-auth",
  "x-api-key",
  "x-auth-token",
] as const;
const AUTHORIZATION_SCHEME = /^(?:bearer|token|apikey|api-key)\s+/i;
const TEXT_FIELDS = ["parameterSetName", "parameterName", "created_at"] as const;

function invalid(message: string, issues: ValidationIssue[] = []): never {
  throw new ValidationError(`Invalid Omlet webhook body: ${message}`, { issues });
}

function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new ValidationError("Invalid Omlet webhook body: not JSON", { cause });
  }
}

function toJson(body: unknown): unknown {
  if (typeof body === "string") return parseJsonText(body);
  if (body instanceof ArrayBuffer) return parseJsonText(new TextDecoder().decode(body));
  if (ArrayBuffer.isView(body)) return parseJsonText(new TextDecoder().decode(body));
  return body;
}

/**
 * The body and each `payload` inside it, outermost first; the last one is the event.
 * Early integrations saw `payload.payload`; unwrap a couple of levels, no more.
 */
function payloadLevels(body: Json): unknown[] {
  const levels: unknown[] = [body];
  let level: unknown = body;
  while (isPlainObject(level) && "payload" in level && levels.length <= MAX_PAYLOAD_DEPTH) {
    const inner = level.payload;
    level = typeof inner === "string" ? parseJsonText(inner) : inner;
    levels.push(level);
  }
  return levels;
}

function isEventValue(value: unknown): boolean {
  return value === null || ["string", "number", "boolean"].includes(typeof value);
}

function eventIssues(event: Json): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const deviceId = event.deviceId;
  if (typeof deviceId !== "string" || deviceId.trim() === "") {
    issues.push({ path: ["deviceId"], message: "deviceId must be a non-empty string" });
  }
  for (const field of TEXT_FIELDS) {
    if (event[field] !== undefined && typeof event[field] !== "string") {
      issues.push({ path: [field], message: `${field} must be a string` });
    }
  }
  for (const field of ["oldValue", "newValue"] as const) {
    if (event[field] !== undefined && !isEventValue(event[field])) {
      issues.push({ path: [field], message: `${field} must be a string, number, boolean or null` });
    }
  }
  return issues;
}

/** A presented token as the integrations read it: text or a number, trimmed, never empty. */
function tokenText(value: unknown): string | undefined {
  const text = typeof value === "string" ? value : typeof value === "number" && Number.isFinite(value) ? String(value) : undefined;
  const trimmed = text?.trim();
  return trimmed === "" ? undefined : trimmed;
}

function headerValue(headers: ParseWebhookOptions["headers"], name: string): string | undefined {
  if (!headers) return undefined;
  if (typeof (headers as Headers).get === "function") return (headers as Headers).get(name) ?? undefined;
  const entry = Object.entries(headers).find(([key]) => key.toLowerCase() === name);
  const value = entry?.[1];
  return Array.isArray(value) ? value[0] : value;
}

function urlTokens(url: ParseWebhookOptions["url"]): string[] {
  if (url === undefined) return [];
  if (typeof url !== "string" && !(url instanceof URL)) throw new ConfigError(`parseWebhookEvent: url must be a string or URL, got ${shown(url)}`);
  // Node's req.url is a path: any base will do, only the query is read.
  const parsed = url instanceof URL ? url : URL.canParse(url, "http://webhook.invalid") ? new URL(url, "http://webhook.invalid") : undefined;
  return parsed ? QUERY_TOKEN_KEYS.flatMap((key) => parsed.searchParams.getAll(key)) : [];
}

/** Query values under the token keys, of any type: `tokenText` keeps the usable ones. */
function queryTokens(query: WebhookQuery | undefined): unknown[] {
  if (query === undefined) return [];
  if (typeof query === "string" || query instanceof URLSearchParams) {
    const params = new URLSearchParams(query);
    return QUERY_TOKEN_KEYS.flatMap((key) => params.getAll(key));
  }
  return QUERY_TOKEN_KEYS.flatMap((key) => [query[key]].flat());
}

/** Tokens in the body and its payloads, outermost first. */
function bodyTokens(levels: unknown[]): string[] {
  const objects = levels.filter(isPlainObject);
  return objects.flatMap((level) => BODY_TOKEN_KEYS.map((key) => tokenText(level[key]))).filter((t): t is string => t !== undefined);
}

function authorizationToken(headers: ParseWebhookOptions["headers"]): string | undefined {
  const value = headerValue(headers, "authorization")?.trim();
  return value === undefined ? undefined : value.replace(AUTHORIZATION_SCHEME, "");
}

function presentedTokens(levels: unknown[], options: ParseWebhookOptions): string[] {
  const { headers } = options;
  const found = [
    ...bodyTokens(levels),
    authorizationToken(headers),
    ...TOKEN_HEADERS.map((name) => headerValue(headers, name)),
    ...urlTokens(options.url),
    ...queryTokens(options.query),
  ];
  return found.map(tokenText).filter((t): t is string => t !== undefined);
}

/** Compares without stopping at the first differing character, so timing leaks nothing. */
function sameSecret(a: string, b: string): boolean {
  const left = new TextEncoder().encode(a);
  const right = new TextEncoder().encode(b);
  let difference = left.length ^ right.length;
  for (let i = 0; i < Math.max(left.length, right.length); i++) difference |= (left[i] ?? 0) ^ (right[i] ?? 0);
  return difference === 0;
}

function checkToken(levels: unknown[], options: ParseWebhookOptions): void {
  if (options.expectedToken === undefined) return;
  const expected = tokenText(options.expectedToken);
  if (expected === undefined) throw new ConfigError("expectedToken is empty; pass the token set in the developer portal");
  if (!presentedTokens(levels, options).some((token) => sameSecret(token, expected))) invalid("webhook token missing or wrong");
}

/**
 * Reads the body of an Omlet webhook POST (object, JSON text or bytes), flat or nested
 * under `payload`, into one typed event. Treat it as a cue to re-read the device: it
 * carries a single changed field, not the device's state.
 */
export function parseWebhookEvent(body: unknown, options?: ParseWebhookOptions): OmletWebhookEvent {
  const checked = checkedParameters(options, { what: "parseWebhookEvent", known: PARSE_OPTIONS, requestOptions: [] });
  // A body, header list or query that a getter or proxy makes unreadable is a ValidationError too.
  return readingInput("The Omlet webhook request", () => parsedEvent(body, checked));
}

function parsedEvent(body: unknown, options: ParseWebhookOptions): OmletWebhookEvent {
  const json = toJson(body);
  if (!isPlainObject(json)) invalid("expected a JSON object");
  const levels = payloadLevels(json);
  // The sender is checked before the body is judged: a stranger learns nothing about the format.
  checkToken(levels, options);
  const event = levels.at(-1);
  if (!isPlainObject(event)) invalid("payload is not an object", [{ path: ["payload"], message: "expected an object" }]);
  const issues = eventIssues(event);
  if (issues.length > 0) invalid(issues.map((issue) => issue.message).join("; "), issues);
  const token = bodyTokens(levels)[0];
  return { ...event, deviceId: event.deviceId as string, token, shape: levels.length > 1 ? "nested" : "flat" };
}
