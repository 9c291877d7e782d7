import { ValidationError } from "./errors.js";
import type { FetchBody } from "./fetch-types.js";
import { isPlainObject, thrownText } from "./guards.js";
import { jsonPath } from "./response-check.js";

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

/** Objects whose data lives where JSON cannot see it: `JSON.stringify` writes them as `{}`. */
function isOpaqueToJson(value: object): boolean {
  return (
    value instanceof Map ||
    value instanceof Set ||
    value instanceof WeakMap ||
    value instanceof WeakSet ||
    value instanceof Promise ||
    value instanceof RegExp ||
    value instanceof Blob ||
    value instanceof ArrayBuffer ||
    ArrayBuffer.isView(value)
  );
}

/** Why JSON would lose or change this value (after `toJSON`), or undefined when it is sent as it is. */
function unsendableAsJson(value: unknown, inArray: boolean): string | undefined {
  switch (typeof value) {
    case "bigint":
      return "a BigInt has no JSON form (send it as a string or number)";
    case "function":
    case "symbol":
      return `a ${typeof value} has no JSON form`;
    case "number":
      return Number.isFinite(value) ? undefined : `${String(value)} has no JSON form (it would be sent as null)`;
    case "undefined":
      return inArray ? "undefined in a list would be sent as null" : undefined;
    case "object":
      return value !== null && isOpaqueToJson(value) ? `a ${value.constructor?.name ?? "collection"} would be sent as {}` : undefined;
    default:
      return undefined;
  }
}

/** A form field or multipart part's text; only strings, numbers and booleans have one. */
function formValue(what: string, name: string, value: unknown): string {
  if (typeof value === "string") return value;
  if ((typeof value === "number" && Number.isFinite(value)) || typeof value === "boolean" || typeof value === "bigint") return String(value);
  throw new ValidationError(`${what} field "${name}": a ${value === null ? "null" : typeof value} cannot be sent as a form field`, {
    issues: [{ path: [name], message: "must be a string, finite number or boolean" }],
  });
}

/** Form fields drop null/undefined like query parameters do, instead of sending "null". */
export function toFormUrlEncoded(fields: Record<string, unknown>, what = "form body"): URLSearchParams {
  const form = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    if (value === null || value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== null && item !== undefined) form.append(name, formValue(what, name, item));
    }
  }
  return form;
}

/**
 * The JSON text of a request body, exactly as `JSON.stringify` writes it, or a ValidationError
 * naming where and why when JSON would fail or silently lose data: a BigInt, a cycle, a function
 * or Symbol, NaN or Infinity, a Map or Set, a throwing `toJSON` or getter.
 * `what` names the body in the message (`OpenApp create_device: request body`).
 */
export function toJson(value: unknown, what = "request body"): string {
  // JSON.stringify's own wrapper around the value: the first holder the replacer sees.
  let root: object | undefined;
  // Each object seen → its holder and key, so a problem can be shown at its path.
  const parents = new WeakMap<object, { holder: object; key: string }>();
  const pathOf = (holder: object, key: string): PropertyKey[] => {
    const path: PropertyKey[] = [];
    for (let at: { holder: object; key: string } | undefined = { holder, key }; at && at.holder !== root; at = parents.get(at.holder)) {
      path.unshift(Array.isArray(at.holder) ? Number(at.key) : at.key);
    }
    return path;
  };
  const refuse = (path: PropertyKey[], reason: string, cause?: unknown): ValidationError =>
    new ValidationError(`${what} at ${jsonPath(path)}: ${reason}`, { cause, issues: [{ path, message: reason }] });
  let text: string | undefined;
  try {
    text = JSON.stringify(value, function (this: object, key: string, member: unknown) {
      root ??= this;
      const reason = unsendableAsJson(member, Array.isArray(this));
      if (reason) throw refuse(pathOf(this, key), reason);
      if (typeof member === "object" && member !== null) parents.set(member, { holder: this, key });
      return member;
    });
  } catch (error) {
    if (error instanceof ValidationError) throw error;
    const reason = error instanceof Error && /circular/i.test(error.message) ? "it refers to itself (a cycle)" : `JSON could not write it (${thrownText(error)})`;
    throw refuse([], reason, error);
  }
  if (text === undefined) throw refuse([], `a ${typeof value} has no JSON form`);
  return text;
}

/** A typed multipart body (`{ file: Blob }`) as openapi-typescript describes it. */
function hasBlobField(body: Record<string, unknown>): boolean {
  return Object.values(body).some((value) => value instanceof Blob || (Array.isArray(value) && value.some((v) => v instanceof Blob)));
}

function toMultipart(fields: Record<string, unknown>, what: string): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item === null || item === undefined) continue;
      if (item instanceof Blob) form.append(name, item);
      else form.append(name, typeof item === "object" ? toJson(item, `${what} field "${name}"`) : formValue(what, name, item));
    }
  }
  return form;
}

/**
 * Serialises a request body: binary, stream and form bodies pass through untouched so the
 * runtime sets multipart boundaries itself; url-encoded forms and JSON are encoded here.
 * Signature-compatible with openapi-fetch's `bodySerializer`; `what` names the body in errors.
 * @throws {ValidationError} for a body JSON or a form cannot carry as it is (see {@link toJson}).
 */
export function serializeBody(body: unknown, headers?: Headers | Record<string, unknown>, what = "request body"): FetchBody | undefined {
  try {
    return encodeBody(body, headers, what);
  } catch (error) {
    // A getter or proxy trap of the caller's body that throws while it is inspected.
    if (error instanceof ValidationError) throw error;
    throw new ValidationError(`${what}: could not be read (${thrownText(error)})`, { cause: error });
  }
}

function encodeBody(body: unknown, headers: Headers | Record<string, unknown> | undefined, what: string): FetchBody | undefined {
  if (body === undefined) return undefined;
  if (isPassThroughBody(body)) return body;
  if (isPlainObject(body) && hasBlobField(body)) return toMultipart(body, what);
  const contentType = contentTypeOf(headers)?.split(";")[0]?.trim().toLowerCase();
  if (contentType === FORM_URLENCODED && body !== null && typeof body === "object") {
    return toFormUrlEncoded(body as Record<string, unknown>, what).toString();
  }
  return toJson(body, what);
}
