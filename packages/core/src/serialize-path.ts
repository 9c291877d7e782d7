import { ValidationError } from "./errors.js";

const PLACEHOLDER = /\{([^{}]+)\}/g;
const DOT_SEGMENTS = new Set([".", ".."]);

/**
 * Percent-encodes one path parameter. Empty, `.` and `..` are rejected because they
 * would silently address a different resource (`/devices/..` is `/`).
 */
export function encodePathParam(name: string, value: unknown): string {
  if (value === null || value === undefined) {
    throw new ValidationError(`Path parameter "${name}" is required`, { issues: [{ path: [name], message: "required" }] });
  }
  if (typeof value !== "string" && typeof value !== "number" && typeof value !== "bigint") {
    throw new ValidationError(`Path parameter "${name}" must be a string or number, got ${typeof value}`, {
      issues: [{ path: [name], message: "must be a string or number" }],
    });
  }
  const text = String(value);
  if (text.trim() === "" || DOT_SEGMENTS.has(text)) {
    throw new ValidationError(`Path parameter "${name}" must not be empty, "." or ".." (got ${JSON.stringify(text)})`, {
      issues: [{ path: [name], message: "empty or dot segment" }],
    });
  }
  // encodeURIComponent leaves these unescaped, yet they can change how a path is read.
  return encodeURIComponent(text).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * Fills `{name}` placeholders in a path template. Signature-compatible with
 * openapi-fetch's `pathSerializer`, so generated raw clients can use it directly.
 */
export function serializePath(template: string, params: Record<string, unknown> | undefined): string {
  return template.replace(PLACEHOLDER, (_match, name: string) => encodePathParam(name, params?.[name]));
}
