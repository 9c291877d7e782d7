import type { FetchBody } from "./fetch-types.js";
import { isPlainObject } from "./guards.js";

const FORM_URLENCODED = "application/x-www-form-urlencoded";

function isPassThroughBody(body: unknown): body is FetchBody {
  return (
    typeof body === "string" ||
    body instanceof FormData ||
    body instanceof URLSearchParams ||
    body instanceof Blob ||
    body instanceof ArrayBuffer ||
    ArrayBuffer.isView(body) ||
    (typeof ReadableStream !== "undefined" && body instanceof ReadableStream)
  );
}

function contentTypeOf(headers: Headers | Record<string, unknown> | undefined): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get("content-type") ?? undefined;
  const entry = Object.entries(headers).find(([name]) => name.toLowerCase() === "content-type");
  return typeof entry?.[1] === "string" ? entry[1] : undefined;
}

/** Form fields drop null/undefined like query parameters do, instead of sending "null". */
export function toFormUrlEncoded(fields: Record<string, unknown>): URLSearchParams {
  const form = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    if (value === null || value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== null && item !== undefined) form.append(name, String(item));
    }
  }
  return form;
}

/** A typed multipart body (`{ file: Blob }`) as openapi-typescript describes it. */
function hasBlobField(body: Record<string, unknown>): boolean {
  return Object.values(body).some((value) => value instanceof Blob || (Array.isArray(value) && value.some((v) => v instanceof Blob)));
}

function toMultipart(fields: Record<string, unknown>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item === null || item === undefined) continue;
      if (item instanceof Blob) form.append(name, item);
      else form.append(name, typeof item === "object" ? JSON.stringify(item) : String(item));
    }
  }
  return form;
}

/**
 * Serialises a request body: binary, stream and form bodies pass through untouched so the
 * runtime sets multipart boundaries itself; url-encoded forms and JSON are encoded here.
 * Signature-compatible with openapi-fetch's `bodySerializer`.
 */
export function serializeBody(body: unknown, headers?: Headers | Record<string, unknown>): FetchBody | undefined {
  if (body === undefined) return undefined;
  if (isPassThroughBody(body)) return body;
  if (isPlainObject(body) && hasBlobField(body)) return toMultipart(body);
  const contentType = contentTypeOf(headers)?.split(";")[0]?.trim().toLowerCase();
  if (contentType === FORM_URLENCODED && body !== null && typeof body === "object") {
    return toFormUrlEncoded(body as Record<string, unknown>).toString();
  }
  return JSON.stringify(body);
}
