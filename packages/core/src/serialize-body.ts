import { SerializationError } from "./errors.js";
import type { FetchBody } from "./fetch-types.js";
import { isPlainObject, kindOf, thrownText, withArticle } from "./guards.js";
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

/**
 * Why JSON would fail on, drop or change this value (as the replacer sees it, after `toJSON`),
 * or undefined when it is written as it is. An object of a class with no own keys (Map, Set,
 * RegExp, Blob, Error) keeps its data where JSON cannot see it and would be sent as `{}`.
 */
function unsendable(value: unknown, inArray: boolean): string | undefined {
  const type = typeof value;
  if (type === "bigint" || type === "function" || type === "symbol") return `${kindOf(value)} has no JSON form`;
  if (type === "number") return Number.isFinite(value) ? undefined : `${value} would be sent as null`;
  if (value === undefined) return inArray ? "undefined would be sent as null" : undefined;
  if (type !== "object" || value === null || Array.isArray(value)) return undefined;
  const proto = Object.getPrototypeOf(value) as { constructor?: { name?: string } } | null;
  return proto && proto !== Object.prototype && Object.keys(value).length === 0 ? `${withArticle(String(proto.constructor?.name))} would be sent as {}` : undefined;
}

/** A form field or multipart part's text; only strings, numbers and booleans have one. */
function formValue(what: string, name: string, value: unknown): string {
  const type = typeof value;
  if (type === "string" || type === "boolean" || type === "bigint" || Number.isFinite(value)) return String(value);
  throw new SerializationError(`${what} field "${name}": ${kindOf(value)} cannot be sent as a form field`);
}

/** Form fields drop null/undefined like query parameters do, instead of sending "null". */
function toFormUrlEncoded(fields: Record<string, unknown>, what = "form body"): URLSearchParams {
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
 * The JSON text of a request body, exactly as `JSON.stringify` writes it, or a SerializationError (a ValidationError)
 * naming where and why when JSON would fail or silently lose data: a BigInt, a cycle, a function
 * or Symbol, NaN or Infinity, a Map or Set, a throwing `toJSON` or getter.
 * `what` names the body in the message (`OpenApp create_device: request body`).
 */
function toJson(value: unknown, what = "request body"): string {
  // JSON.stringify's own wrapper around the value: the first holder the replacer sees.
  let root: object | undefined;
  // Each object seen → [its holder, its key], so a problem can be shown at its path.
  const parents = new WeakMap<object, [object, string]>();
  const refuse = (reason: string, at?: [object, string], cause?: unknown): never => {
    const path: PropertyKey[] = [];
    for (; at && at[0] !== root; at = parents.get(at[0])) path.unshift(Array.isArray(at[0]) ? +at[1] : at[1]);
    throw new SerializationError(`${what} at ${jsonPath(path)}: ${reason}`, { cause, issues: [{ path, message: reason }] });
  };
  let text: string | undefined;
  try {
    text = JSON.stringify(value, function (this: object, key: string, member: unknown) {
      root ??= this;
      const reason = unsendable(member, Array.isArray(this));
      if (reason) refuse(reason, [this, key]);
      if (typeof member === "object" && member !== null) parents.set(member, [this, key]);
      return member;
    });
  } catch (error) {
    if (error instanceof SerializationError) throw error;
    refuse(/circular/i.test(thrownText(error)) ? "a cycle" : `JSON could not write it (${thrownText(error)})`, undefined, error);
  }
  return text ?? refuse(`${kindOf(value)} has no JSON form`);
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
 * @throws {SerializationError} (a ValidationError) for a body JSON or a form cannot carry as it is (a BigInt, a cycle, a Symbol, NaN, a Map, …).
 */
export function serializeBody(body: unknown, headers?: Headers | Record<string, unknown>, what = "request body"): FetchBody | undefined {
  if (body === undefined) return undefined;
  if (isPassThroughBody(body)) return body;
  if (isPlainObject(body) && hasBlobField(body)) return toMultipart(body, what);
  const contentType = contentTypeOf(headers)?.split(";")[0]?.trim().toLowerCase();
  if (contentType === FORM_URLENCODED && body !== null && typeof body === "object") {
    return toFormUrlEncoded(body as Record<string, unknown>, what).toString();
  }
  return toJson(body, what);
}
