import { ValidationError } from "./errors.js";

type Primitive = string | number | boolean | bigint;

function isPrimitive(value: unknown): value is Primitive {
  const kind = typeof value;
  return kind === "string" || kind === "number" || kind === "boolean" || kind === "bigint";
}

function formatPrimitive(value: Primitive | Date): string {
  return value instanceof Date ? value.toISOString() : String(value);
}

function isAbsent(value: unknown): value is null | undefined {
  return value === null || value === undefined;
}

function pair(name: string, value: Primitive | Date): string {
  return `${encodeURIComponent(name)}=${encodeURIComponent(formatPrimitive(value))}`;
}

function serializeArray(name: string, values: readonly unknown[]): string[] {
  return values.filter((item) => !isAbsent(item)).map((item) => {
    if (isPrimitive(item) || item instanceof Date) return pair(name, item);
    throw new ValidationError(`Query parameter "${name}" holds a nested value that form style cannot express`);
  });
}

/** Object members become top-level keys (form + explode), as OpenAPI specifies by default. */
function serializeObject(name: string, value: Record<string, unknown>): string[] {
  return Object.entries(value).flatMap(([member, memberValue]) => {
    if (isAbsent(memberValue)) return [];
    if (Array.isArray(memberValue)) return serializeArray(member, memberValue);
    if (isPrimitive(memberValue) || memberValue instanceof Date) return [pair(member, memberValue)];
    throw new ValidationError(`Query parameter "${name}.${member}" is nested too deeply for form style`);
  });
}

function serializeParam(name: string, value: unknown): string[] {
  if (isAbsent(value)) return [];
  if (Array.isArray(value)) return serializeArray(name, value);
  if (isPrimitive(value) || value instanceof Date) return [pair(name, value)];
  if (typeof value === "object") return serializeObject(name, value as Record<string, unknown>);
  throw new ValidationError(`Query parameter "${name}" has unsupported type ${typeof value}`);
}

/**
 * Serialises query parameters with OpenAPI's default `style: form, explode: true`:
 * `{ pagination: { limit: 50, offset: 100 } }` → `limit=50&offset=100`, arrays repeat
 * their key, and null/undefined values vanish without leaving a stray `&`.
 * Signature-compatible with openapi-fetch's `querySerializer`.
 */
export function serializeQuery(query: Record<string, unknown> | null | undefined): string {
  if (!query) return "";
  return Object.entries(query).flatMap(([name, value]) => serializeParam(name, value)).join("&");
}

/** Appends serialised query parameters to a URL that may already carry some. */
export function appendQuery(url: string, query: Record<string, unknown> | null | undefined): string {
  const search = serializeQuery(query);
  if (!search) return url;
  return `${url}${url.includes("?") ? "&" : "?"}${search}`;
}
