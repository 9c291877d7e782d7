/** A `{…}` literal or `Object.create(null)`; not an array, class instance, Date or Blob. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object") return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** The value as a record when it is a non-array object, else undefined: for reading wire data defensively. */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** A credential that can travel in a header as it is: no whitespace or control characters a proxy could mangle. */
export function isHeaderSafeToken(value: string): boolean {
  return value !== "" && !/[\s\u0000-\u001f\u007f]/.test(value);
}

/** A thrown value as text for a message; never throws itself (a thrown `Object.create(null)` has no `toString`). */
export function thrownText(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  try {
    return String(error);
  } catch {
    return typeof error;
  }
}

/** The word with its indefinite article, as it is said: `withArticle("object")` is "an object". */
export function withArticle(word: string): string {
  return `${/^[aeiou]/i.test(word) ? "an" : "a"} ${word}`;
}

/**
 * What kind of value this is, for a message: "null", "undefined", "an array", "an object",
 * "a string", "a function"… Never throws (a revoked proxy reads as an object).
 */
export function kindOf(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  try {
    if (Array.isArray(value)) return "an array";
  } catch {
    return "an object";
  }
  return withArticle(typeof value);
}
