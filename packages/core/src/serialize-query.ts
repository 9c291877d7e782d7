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

// Each helper pushes onto one list: no intermediate arrays per parameter on the hot path.
function pushArray(parts: string[], name: string, values: readonly unknown[]): void {
  for (const item of values) {
    if (isAbsent(item)) continue;
    if (!isPrimitive(item) && !(item instanceof Date)) {
      throw new ValidationError(`Query parameter "${name}" holds a nested value that form style cannot express`);
    }
    parts.push(pair(name, item));
  }
}

/** Object members become top-level keys (form + explode), as OpenAPI specifies by default. */
function pushObject(parts: string[], name: string, value: Record<string, unknown>): void {
  for (const member of Object.keys(value)) {
    const memberValue = value[member];
    if (isAbsent(memberValue)) continue;
    if (Array.isArray(memberValue)) pushArray(parts, member, memberValue);
    else if (isPrimitive(memberValue) || memberValue instanceof Date) parts.push(pair(member, memberValue));
    else throw new ValidationError(`Query parameter "${name}.${member}" is nested too deeply for form style`);
  }
}

function pushParam(parts: string[], name: string, value: unknown): void {
  if (isAbsent(value)) return;
  if (Array.isArray(value)) pushArray(parts, name, value);
  else if (isPrimitive(value) || value instanceof Date) parts.push(pair(name, value));
  else if (typeof value === "object") pushObject(parts, name, value as Record<string, unknown>);
  else throw new ValidationError(`Query parameter "${name}" has unsupported type ${typeof value}`);
}

/**
 * Serialises query parameters with OpenAPI's default `style: form, explode: true`:
 * `{ pagination: { limit: 50, offset: 100 } }` → `limit=50&offset=100`, arrays repeat
 * their key, and null/undefined values vanish without leaving a stray `&`.
 * Signature-compatible with openapi-fetch's `querySerializer`.
 */
export function serializeQuery(query: Record<string, unknown> | null | undefined): string {
  if (!query) return "";
  const parts: string[] = [];
  for (const name of Object.keys(query)) pushParam(parts, name, query[name]);
  return parts.join("&");
}
