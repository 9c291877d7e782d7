import { ConfigError, ValidationError, type ValidationIssue, assertKnownParameters, isPlainObject } from "@openapp/core";
import type { components } from "@openapp/omlet-generated";
import type { OmletEvent } from "./types.js";

/** Either body Omlet is known to POST: the event itself, or the event under `payload`. */
export type WebhookBody = components["schemas"]["WebhookBody"];

/** A webhook body read by `parseWebhookEvent`: one changed field of one device. */
export type OmletWebhookEvent = OmletEvent & {
  /** The device the event is about. */
  deviceId: string;
  /** The portal token, when Omlet sent it in the body. */
  token: string | undefined;
  /** Which of the two body shapes arrived, for diagnostics. */
  shape: "flat" | "nested";
};

/** A parsed query: `URLSearchParams`, or the object Express-style servers put on `req.query`. */
export type WebhookQuery = URLSearchParams | string | Readonly<Record<string, unknown>>;

/** Options of `parseWebhookEvent`: how to check the portal token. */
export interface ParseWebhookOptions {
  /**
   * The token configured in the developer portal. When given, the request must carry it
   * (body `token`, `Authorization: Bearer`, `X-Omlet-Token`, or a `?token=` query parameter),
   * else ValidationError.
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

/** Early integrations saw `payload.payload`; unwrap a couple of levels, no more. */
function unwrapPayload(body: Json): { event: unknown; nested: boolean } {
  let event: unknown = body;
  let depth = 0;
  while (isPlainObject(event) && "payload" in event && depth < MAX_PAYLOAD_DEPTH) {
    const inner = event.payload;
    event = typeof inner === "string" ? parseJsonText(inner) : inner;
    depth++;
  }
  return { event, nested: depth > 0 };
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

function headerValue(headers: ParseWebhookOptions["headers"], name: string): string | undefined {
  if (!headers) return undefined;
  if (typeof (headers as Headers).get === "function") return (headers as Headers).get(name) ?? undefined;
  const entry = Object.entries(headers).find(([key]) => key.toLowerCase() === name);
  const value = entry?.[1];
  return Array.isArray(value) ? value[0] : value;
}

function urlTokens(url: ParseWebhookOptions["url"]): string[] {
  if (url === undefined) return [];
  // Node's req.url is a path: any base will do, only the query is read.
  const parsed = url instanceof URL ? url : URL.canParse(String(url), "http://webhook.invalid") ? new URL(String(url), "http://webhook.invalid") : undefined;
  return parsed ? parsed.searchParams.getAll("token") : [];
}

function queryTokens(query: WebhookQuery | undefined): string[] {
  if (query === undefined) return [];
  if (typeof query === "string" || query instanceof URLSearchParams) return new URLSearchParams(query).getAll("token");
  const value = query.token;
  const values = Array.isArray(value) ? value : [value];
  return values.filter((item): item is string => typeof item === "string");
}

function presentedTokens(bodyToken: string | undefined, options: ParseWebhookOptions): string[] {
  const { headers } = options;
  const bearer = /^Bearer\s+(.+)$/i.exec(headerValue(headers, "authorization") ?? "")?.[1]?.trim();
  const found = [bodyToken, bearer, headerValue(headers, "x-omlet-token"), ...urlTokens(options.url), ...queryTokens(options.query)];
  return found.filter((t): t is string => typeof t === "string" && t !== "");
}

/** Compares without stopping at the first differing character, so timing leaks nothing. */
function sameSecret(a: string, b: string): boolean {
  const left = new TextEncoder().encode(a);
  const right = new TextEncoder().encode(b);
  let difference = left.length ^ right.length;
  for (let i = 0; i < Math.max(left.length, right.length); i++) difference |= (left[i] ?? 0) ^ (right[i] ?? 0);
  return difference === 0;
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

/**
 * Reads the body of an Omlet webhook POST (object, JSON text or bytes), flat or nested
 * under `payload`, into one typed event. Treat it as a cue to re-read the device: it
 * carries a single changed field, not the device's state.
 */
export function parseWebhookEvent(body: unknown, options: ParseWebhookOptions = {}): OmletWebhookEvent {
  assertKnownParameters(options, { what: "parseWebhookEvent", known: PARSE_OPTIONS, requestOptions: [] });
  const json = toJson(body);
  if (!isPlainObject(json)) invalid("expected a JSON object");
  const { event, nested } = unwrapPayload(json);
  if (!isPlainObject(event)) invalid("payload is not an object", [{ path: ["payload"], message: "expected an object" }]);
  const issues = eventIssues(event);
  if (issues.length > 0) invalid(issues.map((issue) => issue.message).join("; "), issues);
  const token = stringOrUndefined(json.token) ?? stringOrUndefined(event.token);
  if (options.expectedToken !== undefined) {
    if (options.expectedToken === "") throw new ConfigError("expectedToken is empty; pass the token set in the developer portal");
    const matches = presentedTokens(token, options).some((t) => sameSecret(t, options.expectedToken as string));
    if (!matches) invalid("webhook token missing or wrong");
  }
  return { ...event, deviceId: event.deviceId as string, token, shape: nested ? "nested" : "flat" };
}
